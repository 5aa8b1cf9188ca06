import Correction
import Foundation
import Reconciliation
import Spreadsheet
import Testing
import XLSX

/// A wrong pay cell whose formula is a per-row formula takes the formula its column's other rows
/// share (moved to its row, the engine's value cached) when that formula gives the engine's
/// value; otherwise the engine's value, typed, as before.
@Suite struct CorrectedColumnFormulaTests {
    /// The corrected copy of `path` written beside it, and the cells of its Deals sheet's
    /// `column` by address.
    static func corrected(_ path: String, _ result: Reconciliation, in folder: URL, column: Int) throws -> (
        URL, [String: Cell]
    ) {
        let output = folder.appendingPathComponent("corrected.xlsx")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        let handle = try FileHandle(forWritingTo: output)
        _ = try CorrectedWorkbook.write(source: path, input: CorrectionInput(result), to: handle)
        try handle.close()
        var cells: [String: Cell] = [:]
        let corrected = try XLSXWorkbook(path: output.path)
        try corrected.readRows(of: try #require(corrected.sheet(named: "Deals"))) { row in
            for cell in row.cells where cell.column == column {
                cells["\(CellAddress.columnName(column))\(row.index)"] = cell
            }
        }
        return (output, cells)
    }

    @Test func aWrongRowFormulaTakesItsColumnsFormula() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let header: [WriteCell] = ["Deal ID", "Rep", "Close Date", "Amount", "Rate", "Commission"].map { .text($0) }
        let deals: [(String, String, String, Decimal)] = [
            ("D1", "Ana Lima", "2026-01-15", 10000), ("D2", "Ana Lima", "2026-01-20", 12000),
            ("D3", "Ben Okafor", "2026-02-10", 10000), ("D4", "Ben Okafor", "2026-02-12", 8000),
            ("D5", "Ana Lima", "2026-04-20", 20000), ("D6", "Ben Okafor", "2026-05-01", 6000),
            ("D7", "Ana Lima", "2026-05-03", 4000),
        ]
        var rows: [[WriteCell]] = [header]
        for (index, deal) in deals.enumerated() {
            let row = index + 2
            rows.append([
                .text(deal.0), .text(deal.1), LayoutReadingTests.date(deal.2), .number(deal.3),
                .number(Decimal(string: "0.05")!),
                WriteCell(.number(deal.3 * Decimal(string: "0.05")!), formula: "ROUND(D\(row)*E\(row),2)"),
            ])
        }
        // A wrong rate constant, and a wrong reference (the row above's amount).
        rows[2][5] = WriteCell(.number(960), formula: "ROUND(D3*0.08,2)")
        rows[4][5] = WriteCell(.number(500), formula: "ROUND(D4*E5,2)")
        // A row whose own rate cell is wrong too: the column's formula would give 280.00, not the
        // plan's 200.00, so the cell takes the typed value.
        rows[7][4] = .number(Decimal(string: "0.07")!)
        rows[7][5] = WriteCell(.number(380), formula: "ROUND(D8*E8,2)+100")
        let path = try LayoutReadingTests.workbook([("Deals", rows)], in: folder)
        let result = try LayoutReadingTests.reconcile(path, in: folder)
        let wrong = Set(result.errors.filter(\.isPay).map { "\($0.cell)" })
        #expect(wrong.isSuperset(of: ["F3", "F5", "F8"]), "\(wrong)")

        let (output, cells) = try Self.corrected(path, result, in: folder, column: 6)
        #expect(cells["F3"]?.formula == "ROUND(D3*E3,2)" && cells["F3"]?.value == .number(600))
        #expect(cells["F5"]?.formula == "ROUND(D5*E5,2)" && cells["F5"]?.value == .number(400))
        #expect(cells["F8"]?.formula == nil && cells["F8"]?.value == .number(200))

        let again = try LayoutReadingTests.reconcile(output.path, in: folder)
        #expect(!again.errors.contains { ["F3", "F5"].contains("\($0.cell)") }, "\(again.errors.map(\.cell))")
    }
}
