import Foundation
import Spreadsheet
import TestSupport
import Testing
import XMLStream
import ZIP

@testable import XLSX

/// A shared-strings table large enough to be parsed in pieces gives the strings one parse of the
/// whole part gives, or declines (nil) so that the part is parsed whole: never other strings,
/// never another error.
@Suite struct SharedStringsInPiecesTests {
    /// Items of every shape the parser reads: rich runs, phonetic runs, empty items, entities,
    /// `_xHHHH_` escapes, whitespace between items, texts that look like markup.
    static func item(_ index: Int, prefix: String = "") -> String {
        let p = prefix
        switch index % 7 {
        case 0: return "<\(p)si><\(p)t>Deal \(index) &lt;si&gt; &amp; co</\(p)t></\(p)si>"
        case 1:
            return
                "<\(p)si><\(p)r><\(p)rPr><\(p)b/></\(p)rPr><\(p)t>Bold \(index)</\(p)t></\(p)r><\(p)r><\(p)t xml:space=\"preserve\"> plain</\(p)t></\(p)r></\(p)si>"
        case 2: return "<\(p)si/>\n"
        case 3:
            return "<\(p)si><\(p)t>漢字 \(index)</\(p)t><\(p)rPh sb=\"0\" eb=\"1\"><\(p)t>カン</\(p)t></\(p)rPh></\(p)si>"
        case 4: return "<\(p)si><\(p)t>Line_x000D__x000A_\(index)</\(p)t></\(p)si>  "
        case 5: return "<\(p)si >\n<\(p)t>spaced \(index)</\(p)t></\(p)si>"
        default: return "<\(p)si><\(p)t></\(p)t></\(p)si>"
        }
    }

    /// A table of `count` items (root prefixed with `prefix` when given), with `body` replacing
    /// item `odd`'s text when given.
    static func table(
        count: Int, prefix: String = "", odd: Int? = nil, body: String = "", prologue: String? = nil, padding: Int = 0
    ) -> [UInt8] {
        let root =
            prefix.isEmpty
            ? "sst xmlns=\"\(PackageEditorTests.main)\""
            : "\(prefix)sst xmlns:\(prefix.dropLast())=\"\(PackageEditorTests.main)\""
        var text =
            (prologue ?? #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#) + "\n<\(root) count=\"\(count)\">"
        let pad = "<\(prefix)si><\(prefix)t>" + String(repeating: "x", count: padding) + "</\(prefix)t></\(prefix)si>"
        for index in 0..<count { text += index == odd ? body : item(index, prefix: prefix) + (padding > 0 ? pad : "") }
        text += "</\(prefix)sst>"
        return Array(text.utf8)
    }

    static func archive(_ bytes: [UInt8]) throws -> (ZipArchive, ZipEntry) {
        let path = Scratch.folder.appendingPathComponent("trueup-sst-\(UUID()).zip").path
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try #require(FileHandle(forWritingAtPath: path))
        let writer = ZipWriter(handle: handle)
        try writer.addPart("xl/sharedStrings.xml", bytes)
        try writer.finish()
        try handle.close()
        let archive = try ZipArchive(path: path)
        return (archive, try #require(archive.entry(named: "xl/sharedStrings.xml")))
    }

    static func whole(_ bytes: [UInt8]) throws -> [String] {
        let handler = SharedStringsParser()
        try XMLPushParser.parse(bytes, handler: handler, documentName: "sharedStrings.xml")
        return handler.strings
    }

    static func pieces(_ bytes: [UInt8]) throws -> [String]? {
        let (archive, entry) = try archive(bytes)
        return SharedStringsInPieces.read(archive, entry, partName: "xl/sharedStrings.xml")
    }

    @Test(arguments: ["", "x:"])
    func aTableInManyPiecesGivesTheStringsOfOneParse(prefix: String) throws {
        let bytes = Self.table(count: 30_000, prefix: prefix)
        #expect(bytes.count > 4 * SharedStringsInPieces.pieceSize)
        let expected = try Self.whole(bytes)
        #expect(expected.count == 30_000)
        #expect(expected[1] == "Bold 1 plain" && expected[3] == "漢字 3" && expected[4] == "Line\r\n4")
        #expect(try Self.pieces(bytes) == expected)
    }

    @Test func aTableInOnePieceIsReadToo() throws {
        let bytes = Self.table(count: 100)
        #expect(try Self.pieces(bytes) == Self.whole(bytes))
    }

    /// An item that is not well-formed, markup cut open by a piece's end (a comment holding items,
    /// a CDATA section), an encoding other than UTF-8, a doctype or comment before the root, an
    /// empty root: each is declined, and the whole parse decides.
    @Test(
        arguments: [
            (nil, #"<si><t>unclosed</si>"#),
            (nil, "<!-- " + (0..<10_000).map { item($0) }.joined() + " -->"),
            (nil, "<si><t><![CDATA[" + String(repeating: "<si><t>x</t></si>", count: 30_000) + "]]></t></si>"),
            (#"<?xml version="1.0" encoding="ISO-8859-1"?>"#, "<si><t>caf\u{E9}</t></si>"),
            (#"<!DOCTYPE sst [<!ENTITY a "aaaa">]>"#, "<si><t>&a;</t></si>"),
            ("<!-- a note --><?xml-stylesheet href=\"x\"?>", "<si><t>x</t></si>"),
        ] as [(String?, String)])
    func whatCannotBeCutSafelyIsParsedWhole(prologue: String?, body: String) throws {
        let bytes = Self.table(count: 25_000, odd: 8_000, body: body, prologue: prologue)
        #expect(try Self.pieces(bytes) == nil)
    }

    @Test func anEmptyRootIsParsedWhole() throws {
        let bytes = Array(
            (#"<?xml version="1.0"?><sst xmlns="\#(PackageEditorTests.main)"/>"#
                + String(repeating: " ", count: 5 << 20))
                .utf8)
        #expect(try Self.pieces(bytes) == nil)
    }

    /// Through a workbook: a large table that is not well-formed reports the error one parse of
    /// the part reports (libxml2's first), with its line.
    @Test func aWorkbookWithABrokenLargeTableReportsTheWholeParsesError() throws {
        let bytes = Self.table(count: 25_000, odd: 20_000, body: "<si><t>broken</si>", padding: 160)
        #expect(bytes.count > 4 << 20)
        let expected: String
        do {
            _ = try Self.whole(bytes)
            Issue.record("the table parsed")
            return
        } catch {
            expected = "\(error)"
        }
        let path = try PackageEditorTests.package(
            PackageEditorTests.basicParts(sharedStrings: String(decoding: bytes, as: UTF8.self)))
        #expect {
            _ = try XLSXWorkbook(path: path)
        } throws: { thrown in
            "\(thrown)" == "\(path): part 'xl/sharedStrings.xml': \(expected)"
        }
    }
}
