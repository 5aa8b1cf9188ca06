import Formula
import Foundation
import Recalculation
import Spreadsheet
import Testing
import XLSX

/// A formula workbook gathered from other readers' reads (`FormulaCollector`) is the one a
/// reader of every sheet in tab order builds: reads that stop early are dropped, a sheet read
/// twice is kept once, and the sheets no one read are read at the end.
@Suite struct FormulaCollectorTests {
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("samples")

    private struct Enough: Error {}

    /// Every cell of every sheet, as text, and every formula in order.
    static func contents(_ workbook: FormulaWorkbook) -> [String] {
        workbook.sheets.flatMap { sheet in
            (1...max(1, sheet.maxRow)).flatMap { row in
                (1...max(1, sheet.maxColumn)).map { column in
                    "\(sheet.name)!\(CellAddress(row: row, column: column)) \(sheet[row, column])"
                }
            }
        } + workbook.formulas.map { "\($0.sheet) \($0.address) \($0.text) \($0.cached)" }
    }

    @Test(arguments: ["q3-commissions.xlsx", "q3-by-rep.xlsx"])
    func collectedReadsGiveTheWorkbookReadInTabOrder(_ name: String) throws {
        let path = Self.samples.appendingPathComponent(name).path
        let expected = try WorkbookFormulas(path: path).workbook
        #expect(!expected.formulas.isEmpty)
        let source = try XLSXWorkbook(path: path)
        let worksheets = source.sheets.filter { $0.kind == .worksheet }
        let collector = FormulaCollector(source)
        source.observer = collector
        // The last sheet first: its first rows only (a header search), then whole, then again.
        let last = try #require(worksheets.last)
        var heard = 0
        do {
            try source.readRows(of: last) { _ in
                heard += 1
                if heard == 2 { throw Enough() }
            }
        } catch is Enough {}
        // A read that stopped early is no read of the sheet; a whole one is, and is kept once.
        #expect(collector.sheetsToRead.map(\.name) == worksheets.map(\.name))
        try source.readRows(of: last) { _ in }
        #expect(collector.sheetsToRead.map(\.name) == worksheets.dropLast().map(\.name))
        try source.readRows(of: last) { _ in }
        source.observer = nil
        let collected = try collector.finish()
        #expect(Self.contents(collected) == Self.contents(expected))
        #expect(collected.formulas.map(\.sheet) == collected.formulas.map(\.sheet).sorted())
    }
}
