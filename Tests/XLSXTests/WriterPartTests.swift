import CSV
import Foundation
import Spreadsheet
import TestSupport
import Testing
import XLSX
import XMLStream
import ZIP

/// The writer's parts, exactly: each part of a small workbook against a golden file in
/// `Tests/XLSXTests/Golden` (run with TRUEUP_RECORD=1 to write them anew, then review the diff).
@Suite struct WriterPartTests {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static func sample() throws -> String {
        try WriterRoundTripTests.write("golden.xlsx") { writer in
            try writer.beginSheet(
                "Deals", layout: SheetLayout(columnWidths: [1: 12], hiddenColumns: [4], frozenRows: 1, autoFilter: true)
            )
            try writer.writeRow([
                .text("Deal ID", style: .header), .text("Amount", style: .header), .text("Rate", style: .header),
                .text("Secret", style: .header),
            ])
            try writer.writeRow([
                .text("D-1 & <co>"), .number(Decimal(string: "1234.5")!, style: .money),
                .number(Decimal(string: "0.08")!, style: .percent),
                WriteCell(.number(Decimal(string: "98.76")!), formula: "B2*C2", note: "check this"),
            ])
            try writer.writeRow([
                WriteCell(.date(DateTimeValue(kind: .date, year: 2026, month: 7, day: 1))), .text("=not a formula"),
                WriteCell(.bool(true)), WriteCell(.error("#DIV/0!")),
            ])
            try writer.endSheet()
            try writer.beginSheet("Notes 'n' more")
            try writer.writeRow([.text("Deal ID")])
            try writer.endSheet()
        }
    }

    static let parts = [
        "[Content_Types].xml", "_rels/.rels", "docProps/app.xml", "docProps/core.xml", "xl/workbook.xml",
        "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/sharedStrings.xml", "xl/worksheets/sheet1.xml",
        "xl/worksheets/sheet2.xml", "xl/worksheets/_rels/sheet1.xml.rels", "xl/comments1.xml",
        "xl/drawings/vmlDrawing1.vml",
    ]

    @Test(arguments: parts)
    func partMatchesItsGoldenFile(_ part: String) throws {
        let archive = try ZipArchive(path: Self.sample())
        let entry = try #require(archive.entry(named: part), "no part \(part)")
        let text = String(decoding: try archive.data(of: entry), as: UTF8.self)
        let file = Self.golden.appendingPathComponent(part.replacingOccurrences(of: "/", with: "__"))
        if ProcessInfo.processInfo.environment["TRUEUP_RECORD"] != nil {
            try text.write(to: file, atomically: true, encoding: .utf8)
        }
        #expect(text == (try String(contentsOf: file, encoding: .utf8)))
    }

    /// Data bars, colour scales and landscape fit-to-width printing, in the places the schema
    /// orders them: `sheetPr` first, conditional formats after the filter, page setup after margins.
    @Test func conditionalFormatsAndPageSetupStandWhereTheSchemaPutsThem() throws {
        let path = try WriterRoundTripTests.write("formats.xlsx") { writer in
            let layout = SheetLayout(
                frozenRows: 1, autoFilter: true,
                conditionalFormats: [
                    .dataBar(column: 2),
                    ConditionalFormat(
                        columns: 3...4,
                        rule: .colorScale(
                            stops: [Decimal(string: "0.5")!, 1, 2], colors: ["F8696B", "FFEB84", "63BE7B"])),
                ], printLandscapeFitToWidth: true)
            try writer.beginSheet("Review", layout: layout)
            try writer.writeRow(["Rep", "Attainment", "Q1", "Q2"].map { .text($0, style: .header) })
            for row in 0..<3 {
                try writer.writeRow([.text("R\(row)")] + (0..<3).map { .number(Decimal(row) / 2 + Decimal($0)) })
            }
            try writer.endSheet()
        }
        let archive = try ZipArchive(path: path)
        let sheet = String(
            decoding: try archive.data(of: try #require(archive.entry(named: "xl/worksheets/sheet1.xml"))),
            as: UTF8.self)
        let expected = [
            #"<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><sheetViews>"#, #"<autoFilter ref="A1:D4"/>"#,
            #"<conditionalFormatting sqref="B2:B4"><cfRule type="dataBar" priority="1"><dataBar><cfvo type="num" val="0"/><cfvo type="max"/><color rgb="FF5B9BD5"/></dataBar></cfRule></conditionalFormatting>"#,
            #"<conditionalFormatting sqref="C2:D4"><cfRule type="colorScale" priority="2"><colorScale><cfvo type="num" val="0.5"/><cfvo type="num" val="1"/><cfvo type="num" val="2"/><color rgb="FFF8696B"/><color rgb="FFFFEB84"/><color rgb="FF63BE7B"/></colorScale></cfRule></conditionalFormatting>"#,
            "<pageMargins ", #"<pageSetup orientation="landscape" fitToWidth="1" fitToHeight="0"/>"#,
        ]
        var position = sheet.startIndex
        for piece in expected {
            let found = try #require(
                sheet.range(of: piece, range: position..<sheet.endIndex), "\(piece) missing or out of order")
            position = found.upperBound
        }
    }

    @Test func mergedRangesFollowTheFilterAndOverlapsAreRefused() throws {
        let path = try WriterRoundTripTests.write("merged.xlsx") { writer in
            try writer.beginSheet(
                "Merged", layout: SheetLayout(autoFilter: true, conditionalFormats: [.dataBar(column: 2)]))
            try writer.writeRow([.text("Title"), .empty, .number(1)])
            try writer.writeRow([.text("a"), .text("b"), .number(2)])
            try writer.mergeCells([CellRange("A1:B1")!])
            #expect(throws: SpreadsheetError.self) { try writer.mergeCells([CellRange("B1:C2")!]) }
            try writer.endSheet()
        }
        let archive = try ZipArchive(path: path)
        let sheet = String(
            decoding: try archive.data(of: try #require(archive.entry(named: "xl/worksheets/sheet1.xml"))),
            as: UTF8.self)
        #expect(
            sheet.contains(
                #"<autoFilter ref="A1:C2"/><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells><conditionalFormatting"#
            ))
        let tail = try XLSXWorkbook(path: path).readRows(of: try XLSXWorkbook(path: path).sheets[0]) { _ in }
        #expect(tail.mergedRanges == [CellRange("A1:B1")!])
    }

    @Test func theWorkbookHasNoOtherParts() throws {
        let archive = try ZipArchive(path: Self.sample())
        #expect(Set(archive.entries.map(\.name)) == Set(Self.parts))
    }

    /// Whole workbooks, part by part: a workbook read and written again as a normalised copy gives
    /// the same parts, byte for byte, as the copy of that copy.
    @Test func aNormalisedCopyIsAFixedPoint() throws {
        let first = try Self.copy(Self.sample(), name: "copy-1.xlsx")
        let second = try Self.copy(first, name: "copy-2.xlsx")
        let a = try ZipArchive(path: first)
        let b = try ZipArchive(path: second)
        #expect(a.entries.map(\.name) == b.entries.map(\.name))
        for entry in a.entries {
            #expect(try a.data(of: entry) == b.data(of: b.entry(named: entry.name)!), "\(entry.name)")
        }
    }

    static func copy(_ path: String, name: String) throws -> String {
        let source = try XLSXWorkbook(path: path)
        return try WriterRoundTripTests.write(name) { writer in
            for sheet in source.sheets {
                try writer.beginSheet(sheet.name)
                try source.readRows(of: sheet) { row in
                    var cells = [WriteCell](repeating: .empty, count: row.cells.last!.column)
                    for cell in row.cells {
                        cells[cell.column - 1] = WriteCell(
                            cell.value, style: CellStyle(numberFormat: cell.numberFormat), formula: cell.formula)
                    }
                    try writer.writeRow(cells, index: row.index)
                }
                try writer.endSheet()
            }
        }
    }
}

/// Properties of the text escaping that every written string goes through.
@Suite struct EscapingPropertyTests {
    static let alphabet: [Character] = [
        "a", "Z", "_", "x", "0", "4", "1", "F", "\"", ",", "\n", "\r", "\t", "\u{1}", "\u{1F}", " ", "é", "漢", "😀", "=",
        "-", ";",
    ]

    static func randomText(_ generator: inout some RandomNumberGenerator) -> String {
        var text = String(
            (0..<Int.random(in: 0...24, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
        if Bool.random(using: &generator) { text += "_x00\(Int.random(in: 10...99, using: &generator))_" }
        return text
    }

    /// Found by the property below: escaping the CR must not turn `_x0F10` into an escape.
    @Test func aLiteralEscapeBeforeAnEscapedCharacterStaysLiteral() {
        #expect(XMLEscaping.escaped("-_x0F10\r") == "-_x005F_x0F10_x000D_")
    }

    /// Each byte that needs it is escaped in place, and the plain runs between them are kept whole.
    @Test func escapingTouchesOnlyTheBytesThatNeedIt() {
        let cases: [(String, String)] = [
            ("", ""), ("plain", "plain"), ("a&b", "a&amp;b"), ("<tag attr=\"x\">", "&lt;tag attr=&quot;x&quot;&gt;"),
            ("&&", "&amp;&amp;"), ("tab\tand\nline", "tab\tand\nline"), ("cr\r", "cr_x000D_"),
            ("\u{1}\u{1F}\u{7F}", "_x0001__x001F__x007F_"), ("snake_case_x", "snake_case_x"),
            ("_x0041_", "_x005F_x0041_"), ("é & ü", "é &amp; ü"), ("_", "_"), ("a_x12", "a_x12"),
            // The noncharacters no XML may carry, and a literal escape before one.
            ("a\u{FFFE}b\u{FFFF}", "a_xFFFE_b_xFFFF_"), ("_x0041\u{FFFF}", "_x005F_x0041_xFFFF_"),
            ("\u{FFFD}\u{EFBF}", "\u{FFFD}\u{EFBF}"),
        ]
        for (text, escaped) in cases { #expect(XMLEscaping.escaped(text) == escaped, "\(text.debugDescription)") }
    }

    /// A shared string that starts or ends with white space, or holds a line break, has its
    /// spaces marked as meant; ASCII and other text alike.
    @Test func sharedStringsMarkTheSpacesTheyMean() throws {
        let texts = [
            " lead", "trail\t", "a\r\nb", "line\nbreak", "plain", "é ", "\u{A0}x", "ü", "in side", "\u{2003}",
            "x\r",
        ]
        let path = try WriterRoundTripTests.write("spaces.xlsx") { writer in
            try writer.beginSheet("S")
            for text in texts { try writer.writeRow([.text(text)]) }
            try writer.endSheet()
        }
        let archive = try ZipArchive(path: path)
        let entry = try #require(archive.entry(named: "xl/sharedStrings.xml"))
        let xml = String(decoding: try archive.data(of: entry), as: UTF8.self)
        let items = xml.components(separatedBy: "<si>").dropFirst()
        let marked = items.map { $0.hasPrefix(#"<t xml:space="preserve">"#) }
        #expect(marked == [true, true, true, true, false, true, true, false, false, true, true])
    }

    @Test func xmlTextRoundTripsThroughSharedStrings() throws {
        var generator = SeededGenerator(state: 2026)
        // With the noncharacters no XML may carry, escaped and read back.
        let texts = (0..<300).map { _ in Self.randomText(&generator) } + ["a\u{FFFE}b", "\u{FFFF}", "_x0041\u{FFFE}"]
        let path = try WriterRoundTripTests.write("escaping.xlsx") { writer in
            try writer.beginSheet("S")
            for text in texts { try writer.writeRow([.text(text)]) }
            try writer.endSheet()
        }
        let workbook = try XLSXWorkbook(path: path)
        var back: [String] = []
        try workbook.readRows(of: workbook.sheets[0]) { row in
            back.append(row.cells.first.map { $0.value.plainText } ?? "")
        }
        #expect(back == texts)
    }

    @Test func csvFieldsRoundTripThroughTheReader() throws {
        var generator = SeededGenerator(state: 2026)
        let folder = Scratch.folder.appendingPathComponent(
            "trueup-csvprop-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (round, delimiter) in [UInt8(ascii: ","), UInt8(ascii: ";"), 9].enumerated() {
            let records = (0..<60).map { _ in
                (0..<4).map { _ in Self.randomText(&generator).replacingOccurrences(of: "\r", with: "") }
            }
            var bytes: [UInt8] = []
            var writer = CSVWriter(options: CSVWriter.Options(delimiter: delimiter, neutralizeFormulas: false)) {
                bytes += $0
            }
            for record in records { writer.write(texts: record) }
            let path = folder.appendingPathComponent("r\(round).csv").path
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            let reader = try CSVReader(path: path, options: CSVOptions(delimiter: delimiter))
            var back: [[String]] = []
            try reader.forEachRecord { back.append($0.fields) }
            #expect(back == records)
        }
    }

    @Test func formulaLikeTextIsNeutralisedButNumbersAreNot() {
        var bytes: [UInt8] = []
        var writer = CSVWriter { bytes += $0 }
        writer.write([
            .text("=HYPERLINK(\"x\")"), .text("+1"), .text("-5 units"), .text("@sum"), .text("\tlead"), .number(-42),
            .text("-42.50"), .text("plain"),
        ])
        #expect(
            String(decoding: bytes, as: UTF8.self)
                == "'=HYPERLINK(\"\"x\"\")\",+1,'-5 units,'@sum,'\tlead,-42,-42.50,plain\r\n".replacingOccurrences(
                    of: "'=HYPERLINK(\"\"x\"\")\"", with: "\"'=HYPERLINK(\"\"x\"\")\""))
    }

    @Test func aByteOrderMarkStartsTheFileWhenAskedFor() {
        var bytes: [UInt8] = []
        var writer = CSVWriter(options: CSVWriter.Options(byteOrderMark: true)) { bytes += $0 }
        writer.write(texts: ["a"])
        #expect(bytes == [0xEF, 0xBB, 0xBF, UInt8(ascii: "a"), 13, 10])
    }
}
