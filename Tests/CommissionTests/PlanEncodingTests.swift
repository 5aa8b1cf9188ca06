import Foundation
import PlanFile
import Testing

/// A plan file's encoding: a byte-order mark says UTF-8, UTF-16 or UTF-32 (either byte order),
/// and a plan without one must be UTF-8; bytes that do not decode are refused at their line and
/// column, never replaced.
@Suite struct PlanEncodingTests {
    static let samplePlan = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("samples/plan.yaml")

    /// `bytes` written to a new file; its path.
    static func file(_ bytes: [UInt8]) throws -> String {
        let path = NSTemporaryDirectory() + "trueup-plan-\(UUID()).yaml"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// `text` in `encoding`, after its byte-order mark.
    static func encoded(_ text: String, _ encoding: String) -> [UInt8] {
        switch encoding {
        case "UTF-8": return [0xEF, 0xBB, 0xBF] + Array(text.utf8)
        case "UTF-16 LE": return [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        case "UTF-16 BE": return [0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        case "UTF-32 LE":
            return [0xFF, 0xFE, 0, 0]
                + text.unicodeScalars.flatMap { scalar in (0..<4).map { UInt8(scalar.value >> (8 * $0) & 0xFF) } }
        default:
            return [0, 0, 0xFE, 0xFF]
                + text.unicodeScalars.flatMap { scalar in
                    (0..<4).reversed().map { UInt8(scalar.value >> (8 * $0) & 0xFF) }
                }
        }
    }

    @Test(arguments: ["UTF-8", "UTF-16 LE", "UTF-16 BE", "UTF-32 LE", "UTF-32 BE"])
    func aByteOrderMarkSaysTheEncoding(encoding: String) throws {
        // A name beyond Latin-1 and beyond the Basic Multilingual Plane (a surrogate pair in UTF-16).
        let text = try String(contentsOf: Self.samplePlan, encoding: .utf8)
            .replacingOccurrences(of: "plan: FY2026 Account Executives", with: "plan: Équipe Ωmega 🚀")
        let expected = try PlanFile.parse(text, file: "plan.yaml")
        let path = try Self.file(Self.encoded(text, encoding))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try PlanFile.text(atPath: path) == text)
        #expect(try PlanFile.load(path: path).words == expected.words)
        #expect(try PlanFile.load(path: path).name == "Équipe Ωmega 🚀")
    }

    @Test func bytesThatAreNotUTF8AreRefusedAtTheirLineAndColumn() throws {
        // Line 2's `Ünï` are three characters in five bytes: the column counts characters.
        let bytes = Array("plan: X\nname: Ünï".utf8) + [0xE9] + Array("\ncurrency: EUR\n".utf8)
        let path = try Self.file(bytes)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let error = #expect(throws: PlanError.self) { try PlanFile.load(path: path) }
        #expect(
            error?.description
                == "\(path):2:10: the byte E9 at offset 19 is not UTF-8; a plan without a byte-order mark must be UTF-8 (save it as UTF-8)"
        )
    }

    @Test func utf16ThatDoesNotDecodeIsRefusedAtItsPlace() throws {
        let text = "plan: X\ncurrency: EUR\n"
        // An unpaired high surrogate on line 2, after `currency: `.
        var bytes = Self.encoded(text, "UTF-16 LE")
        bytes.insert(contentsOf: [0x00, 0xD8], at: 2 + 2 * "plan: X\ncurrency: ".utf16.count)
        let unpaired = try Self.file(bytes)
        defer { try? FileManager.default.removeItem(atPath: unpaired) }
        #expect(
            #expect(throws: PlanError.self) { try PlanFile.load(path: unpaired) }?.description
                == "\(unpaired):2:11: the bytes 00 D8 at offset 38 are not UTF-16 LE, which the plan's byte-order mark says it is in"
        )
        let cut = try Self.file(Self.encoded(text, "UTF-16 BE") + [0x00])
        defer { try? FileManager.default.removeItem(atPath: cut) }
        #expect(
            #expect(throws: PlanError.self) { try PlanFile.load(path: cut) }?.description
                == "\(cut):3:1: the plan ends inside a UTF-16 BE character (1 byte after the last whole one): the file was cut short"
        )
    }
}

/// A plan path that is not a regular file once links are followed is refused as such, before it
/// is opened: a link to `/dev/zero` was read until memory ran out, then called a permission problem.
@Suite struct PlanFileKindTests {
    @Test func aLinkToADeviceIsNotARegularFile() throws {
        let link = NSTemporaryDirectory() + "trueup-plan-\(UUID()).yaml"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "/dev/zero")
        defer { try? FileManager.default.removeItem(atPath: link) }
        #expect {
            _ = try PlanFile.load(path: link)
        } throws: { error in
            "\(error)"
                == "\(link): the plan file is not a regular file (a pipe, a device or a socket): trueup reads files"
        }
        let folder = NSTemporaryDirectory()
        #expect {
            _ = try PlanFile.load(path: folder)
        } throws: { error in
            "\(error)" == "\(folder): the plan file is a folder, not a file"
        }
    }
}
