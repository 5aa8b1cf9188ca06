import Foundation
import Spreadsheet
import TestSupport
import Testing
import XLSX
import ZIP

/// Workbooks written by `WorkbookWriter`, read back by `XLSXWorkbook`: every value type survives.
@Suite struct WriterRoundTripTests {
    /// Where a test's workbooks go: its own temporary folder, or `TRUEUP_INTEROP_DIR` when the
    /// interop script collects them for LibreOffice and openpyxl.
    static func outputPath(_ name: String) throws -> String {
        if let folder = ProcessInfo.processInfo.environment["TRUEUP_INTEROP_DIR"] {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            return (folder as NSString).appendingPathComponent(name)
        }
        let folder = Scratch.folder.appendingPathComponent("trueup-writer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent(name).path
    }

    /// Writes a workbook with `body` and returns its path.
    static func write(_ name: String, _ body: (WorkbookWriter) throws -> Void) throws -> String {
        let path = try outputPath(name)
        let file = try AtomicOutputFile(path: path, inputs: [])
        let writer = WorkbookWriter(handle: file.handle)
        try body(writer)
        try writer.finish()
        try file.commit()
        return path
    }

    /// When the interop script collects workbooks, leaves what openpyxl must see beside one:
    /// notes and number formats by `Sheet!A1`, and frozen panes by sheet.
    static func recordChecks(
        _ path: String, notes: [String: String] = [:], formats: [String: String] = [:], frozen: [String: String] = [:]
    ) throws {
        guard ProcessInfo.processInfo.environment["TRUEUP_INTEROP_DIR"] != nil else { return }
        let object: [String: Any] = ["notes": notes, "formats": formats, "frozen": frozen]
        try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]).write(
            to: URL(fileURLWithPath: path + ".checks.json"))
    }

    static func cells(_ path: String, sheet: Int = 0) throws -> [String: Cell] {
        let workbook = try XLSXWorkbook(path: path)
        var result: [String: Cell] = [:]
        try workbook.readRows(of: workbook.sheets[sheet]) { row in
            for cell in row.cells { result[CellAddress(row: row.index, column: cell.column).description] = cell }
        }
        return result
    }

    static func date(_ y: Int, _ m: Int, _ d: Int, kind: DateTimeValue.Kind = .date, hour: Int = 0) -> CellValue {
        .date(DateTimeValue(kind: kind, year: y, month: m, day: d, hour: hour))
    }

    static let values: [(String, CellValue)] = [
        ("text", .text("Deal D-1")), ("formula-looking text", .text("=SUM(A1:A9)")), ("plus", .text("+1 555")),
        ("at", .text("@rep")), ("controls", .text("tab\tand\u{1}bell")), ("escape-looking", .text("_x0041_ literal")),
        ("unicode", .text("Chloé 漢字 😀")), ("spaces", .text("  padded  ")), ("empty text", .text("")),
        ("number", .number(Decimal(string: "1250.1")!)), ("negative", .number(-42)),
        ("tiny", .number(Decimal(string: "0.000001")!)), ("big", .number(Decimal(string: "123456789012345")!)),
        ("true", .bool(true)), ("false", .bool(false)), ("error", .error("#N/A")),
        ("1900-02-28", date(1900, 2, 28)), ("1900-03-01", date(1900, 3, 1)), ("1900-01-01", date(1900, 1, 1)),
        ("2024-02-29", date(2024, 2, 29)), ("datetime", date(2026, 7, 1, kind: .dateTime, hour: 13)),
    ]

    @Test func everyValueTypeReadsBackTheSame() throws {
        let path = try Self.write("values.xlsx") { writer in
            try writer.beginSheet("Values")
            for (index, item) in Self.values.enumerated() {
                try writer.writeRow([.text(item.0), WriteCell(item.1)], index: index + 1)
            }
            try writer.endSheet()
        }
        let cells = try Self.cells(path)
        for (index, item) in Self.values.enumerated() {
            let found = cells["B\(index + 1)"]?.value ?? .empty
            switch (item.1, found) {
            case (.date(let a), .date(let b)): #expect(a.iso8601 == b.iso8601, "\(item.0)")
            default: #expect(found == item.1, "\(item.0): \(found)")
            }
        }
    }

    @Test func datesRoundTripInThe1904System() throws {
        let path = try Self.outputPath("dates-1904.xlsx")
        let file = try AtomicOutputFile(path: path, inputs: [])
        let writer = WorkbookWriter(handle: file.handle, dateSystem: .excel1904)
        try writer.beginSheet("Dates")
        // 1904-01-01 is serial 0, which readers (openpyxl, the corpus, trueup) take as a time of day.
        let dates = [
            Self.date(1904, 1, 2), Self.date(1904, 3, 1), Self.date(2024, 1, 31),
            Self.date(1999, 12, 31, kind: .dateTime, hour: 6),
        ]
        for (index, date) in dates.enumerated() { try writer.writeRow([WriteCell(date)], index: index + 1) }
        try writer.endSheet()
        try writer.finish()
        try file.commit()
        #expect(try XLSXWorkbook(path: path).dateSystem == .excel1904)
        let cells = try Self.cells(path)
        for (index, date) in dates.enumerated() {
            guard case .date(let wrote) = date, case .date(let read)? = cells["A\(index + 1)"]?.value else {
                Issue.record("A\(index + 1) is not a date")
                continue
            }
            #expect(read.iso8601 == wrote.iso8601)
        }
        var serial: Decimal?
        if case .date(let third)? = cells["A3"]?.value { serial = third.serial }
        #expect(serial == 43860)
    }

    @Test func textPastTheSharedStringLimitIsWrittenInline() throws {
        let path = try Self.outputPath("inline.xlsx")
        let file = try AtomicOutputFile(path: path, inputs: [])
        let writer = WorkbookWriter(handle: file.handle, sharedStringLimit: 2)
        try writer.beginSheet("S")
        for text in ["a", "b", "a", "c <&>", "d"] { try writer.writeRow([.text(text)]) }
        try writer.endSheet()
        try writer.finish()
        try file.commit()
        let cells = try Self.cells(path)
        #expect((1...5).map { cells["A\($0)"]?.value.plainText } == ["a", "b", "a", "c <&>", "d"])
        let archive = try ZipArchive(path: path)
        let sheet = String(
            decoding: try archive.data(of: archive.entry(named: "xl/worksheets/sheet1.xml")!), as: UTF8.self)
        #expect(sheet.contains(#"<c r="A4" t="inlineStr"><is><t xml:space="preserve">c &lt;&amp;&gt;</t></is></c>"#))
        #expect(sheet.contains(#"<c r="A3" t="s"><v>0</v></c>"#))
    }

    @Test func formulasKeepTheirCachedValues() throws {
        let path = try Self.write("formulas.xlsx") { writer in
            try writer.beginSheet("F")
            try writer.writeRow([
                .number(2), .number(3), WriteCell(.number(6), formula: "A1*B1"),
                WriteCell(.text("ok"), formula: "IF(C1>5,\"ok\",\"no\")"),
            ])
            try writer.endSheet()
        }
        let cells = try Self.cells(path)
        #expect(cells["C1"]?.formula == "A1*B1")
        #expect(cells["C1"]?.value == .number(6))
        #expect(cells["D1"]?.value == .text("ok"))
    }

    @Test func notesLayoutAndSeveralSheets() throws {
        let path = try Self.write("layout.xlsx") { writer in
            try writer.beginSheet(
                "Lines",
                layout: SheetLayout(columnWidths: [1: 14, 2: 30], hiddenColumns: [3], frozenRows: 1, autoFilter: true))
            try writer.writeRow([
                .text("Deal", style: .header), .text("Note", style: .header), .text("Hidden", style: .header),
            ])
            try writer.writeRow([
                .text("D-1"),
                WriteCell(.number(Decimal(string: "1234.5")!), style: .money, note: "was 1,200.00\ncause: wrong_rate"),
            ])
            try writer.endSheet()
            try writer.beginSheet("Totals")
            try writer.writeRow([.number(Decimal(string: "0.125")!, style: .percent)])
            try writer.endSheet()
        }
        try Self.recordChecks(
            path, notes: ["Lines!B2": "was 1,200.00\ncause: wrong_rate"],
            formats: ["Lines!B2": "#,##0.00", "Totals!A1": "0.0%"], frozen: ["Lines": "A2"])
        let workbook = try XLSXWorkbook(path: path)
        #expect(workbook.sheets.map(\.name) == ["Lines", "Totals"])
        let cells = try Self.cells(path)
        #expect(cells["B2"]?.numberFormat == "#,##0.00")
        #expect(try Self.cells(path, sheet: 1)["A1"]?.numberFormat == "0.0%")
        let archive = try ZipArchive(path: path)
        let comments = String(decoding: try archive.data(of: archive.entry(named: "xl/comments1.xml")!), as: UTF8.self)
        #expect(comments.contains(#"<comment ref="B2" authorId="0">"#))
        #expect(archive.entry(named: "xl/drawings/vmlDrawing1.vml") != nil)
        let sheet = String(
            decoding: try archive.data(of: archive.entry(named: "xl/worksheets/sheet1.xml")!), as: UTF8.self)
        #expect(sheet.contains(#"<autoFilter ref="A1:C2"/>"#))
        #expect(sheet.contains(#"state="frozen""#))
        #expect(sheet.contains(#"<col min="3" max="3" width="9.140625" customWidth="1" hidden="1"/>"#))
        #expect(sheet.contains(#"<legacyDrawing r:id="rId1"/>"#))
    }

    @Test func theSameCallsGiveTheSameBytes() throws {
        func make(_ name: String) throws -> Data {
            let path = try Self.write(name) { writer in
                try writer.beginSheet("S")
                for row in 1...500 {
                    try writer.writeRow([
                        .text("r\(row)"), .number(Decimal(row)), WriteCell(.text("n"), note: "note \(row % 7)"),
                    ])
                }
                try writer.endSheet()
            }
            return try Data(contentsOf: URL(fileURLWithPath: path))
        }
        #expect(try make("same-1.xlsx") == make("same-2.xlsx"))
    }

    @Test func sheetNamesFollowExcelsRules() {
        for bad in ["", String(repeating: "x", count: 32), "a/b", "'quoted'", "What?", "History"] {
            #expect(throws: SpreadsheetError.self) { _ = try Self.write("bad.xlsx") { try $0.beginSheet(bad) } }
        }
        #expect(WorkbookWriter.availableName("Findings", existing: ["findings"]) == "Findings (2)")
        #expect(WorkbookWriter.availableName("Findings", existing: ["Findings", "Findings (2)"]) == "Findings (3)")
    }
}
