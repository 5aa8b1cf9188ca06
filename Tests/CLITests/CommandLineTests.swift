import Foundation
import TestSupport
import Testing

/// Runs the built `trueup` binary, as a user would, and checks its output and exit status.
@Suite struct CommandLineTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let fixtures = packageRoot.appendingPathComponent("Tests/XLSXTests/Fixtures")
    static let corpus = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus")

    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// The `trueup` binary beside this test bundle (the build folder `swift test` used).
    static let binary = BuiltBinary.trueup(packageRoot: packageRoot)

    /// Runs `trueup` (or another `executable`) with `arguments`, and `environment` on top of this
    /// process's.
    static func run(
        _ arguments: [String], executable: String = binary, environment: [String: String] = [:]
    ) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    static func temporaryFolder() throws -> URL {
        let folder = Scratch.folder.appendingPathComponent("trueup-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func helpListsTheSubcommands() throws {
        let result = try Self.run(["--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("inspect"))
        #expect(result.stdout.contains("convert"))
    }

    @Test func badInputGivesOneLineNamingTheFileAndStatus2() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = folder.appendingPathComponent("notes.xlsx")
        try Data("this is not a workbook\n".utf8).write(to: text)
        let truncated = folder.appendingPathComponent("cut.xlsx")
        let whole = try Data(contentsOf: Self.fixtures.appendingPathComponent("cell_types.xlsx"))
        try whole.prefix(whole.count / 2).write(to: truncated)
        let cases: [(String, String)] = [
            (folder.appendingPathComponent("missing.xlsx").path, "no such file"),
            (folder.path, "is a folder"),
            (text.path, "not a ZIP archive"),
            (truncated.path, "truncated"),
            (Self.corpus.appendingPathComponent("reject/renamed__chinese-provinces.xls.xlsx").path, ".xls"),
        ]
        for (path, reason) in cases {
            let result = try Self.run(["inspect", path])
            #expect(result.status == 2, "\(path)")
            let lines = result.stderr.split(separator: "\n")
            #expect(lines.count == 1, "\(result.stderr)")
            #expect(result.stderr.contains(path) && result.stderr.contains(reason), "\(result.stderr)")
        }
    }

    @Test func inspectDescribesSheetsAndColumns() throws {
        let result = try Self.run(["inspect", Self.fixtures.appendingPathComponent("sheet_states.xlsx").path])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Hidden  (hidden worksheet)"))
        #expect(result.stdout.contains("used range B2:C2"))
        let json = try Self.run([
            "inspect", "--format", "json", Self.fixtures.appendingPathComponent("dates_1900.xlsx").path,
        ])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let sheet = (object?["sheets"] as? [[String: Any]])?.first
        #expect(sheet?["formulas"] as? Int == 0)
        #expect((sheet?["columns"] as? [[String: Any]])?.first?["type"] as? String == "date")
    }

    @Test func convertWritesCSVWithISODatesAndPlainNumbers() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("out.csv").path
        let result = try Self.run(["convert", Self.fixtures.appendingPathComponent("dates_1900.xlsx").path, output])
        #expect(result.status == 0, "\(result.stderr)")
        let text = try String(contentsOfFile: output, encoding: .utf8)
        #expect(text.hasPrefix("2024-01-31,2024-01-31T12:00:00,1900-01-01,36:00:00,7,0.25,18:00:00\r\n"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(leftovers == ["out.csv"])
    }

    @Test func anXLSXCopyKeepsMergedRanges() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("copy.xlsx").path
        let input = Self.fixtures.appendingPathComponent("sheet_states.xlsx").path
        #expect(try Self.run(["convert", input, output]).status == 0)
        let json = folder.appendingPathComponent("copy.json").path
        #expect(try Self.run(["convert", output, json]).status == 0)
        let object =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as? [String: Any]
        let sheets = try #require(object?["sheets"] as? [[String: Any]])
        #expect(sheets.first?["merged"] as? [String] == ["B2:C3"])
    }

    @Test func convertChoosesASheetByNameOrPosition() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = Self.fixtures.appendingPathComponent("sheet_states.xlsx").path
        let output = folder.appendingPathComponent("out.csv").path
        #expect(try Self.run(["convert", input, output, "--sheet", "Secret"]).status == 0)
        #expect(try Self.run(["convert", input, output, "--sheet", "2"]).status == 0)
        let missing = try Self.run(["convert", input, output, "--sheet", "Nope"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("'Shown', 'Hidden', 'Secret'"))
    }

    @Test func convertRefusesToOverwriteItsInputOrWriteIntoAFolder() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("deals.csv")
        try Data("a,b\n1,2\n".utf8).write(to: input)
        let same = try Self.run(["convert", input.path, input.path])
        #expect(same.status == 2)
        #expect(same.stderr.contains("refusing to overwrite"))
        #expect(try String(contentsOf: input, encoding: .utf8) == "a,b\n1,2\n")
        let intoFolder = try Self.run(["convert", input.path, folder.path + "/sub.csv/"])
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("dir.csv"), withIntermediateDirectories: true)
        let folderOutput = try Self.run(["convert", input.path, folder.appendingPathComponent("dir.csv").path])
        #expect(folderOutput.status == 2)
        #expect(folderOutput.stderr.contains("is a folder"))
        #expect(intoFolder.status == 2)
    }

    /// An output that is a device, pipe or socket is refused, never replaced by a file (as root,
    /// a payroll written to `/dev/null` would replace the device).
    @Test func anOutputThatIsNoRegularFileIsRefused() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("deals.csv")
        try Data("a,b\n1,2\n".utf8).write(to: input)
        let pipe = folder.appendingPathComponent("pipe.csv").path
        try #require(mkfifo(pipe, 0o600) == 0)
        let result = try Self.run(["convert", input.path, pipe])
        #expect(result.status == 2)
        #expect(result.stderr.contains("is not a regular file"), "\(result.stderr)")
        var status = stat()
        #expect(lstat(pipe, &status) == 0 && status.st_mode & S_IFMT == S_IFIFO)
    }

    @Test func failedConversionLeavesNoFileBehind() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("out.json").path
        let result = try Self.run(["convert", Self.fixtures.appendingPathComponent("row_zero.xlsx").path, output])
        #expect(result.status == 2)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }
}
