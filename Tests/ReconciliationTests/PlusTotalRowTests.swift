import Foundation
import Spreadsheet
import Testing
import XLSX

@testable import Reconciliation

/// A total row adding its rows with `+` (`=G2+G3+G4+G5`) counts a number stored as text among
/// them at its value, as Excel does, where `SUM` skips it: the same reading a summary's figures
/// take (`SummaryFindings.addsTextAtItsValue`). Its difference comes from the rows wrong by their
/// value, a text cell's included; a cell wrong only by being text is no part of it.
@Suite struct PlusTotalRowTests {
    /// Rows 2–5 of `CauseTests` (500.00 due each), `commissions` written in place of their
    /// formulas by row, and a total row (row 6) `formula` caching `total`.
    static func total(_ formula: String, caching total: String, commissions: [Int: WriteCell]) throws
        -> Reconciliation
    {
        var rows = CauseTests.goodRows()
        for (row, cell) in commissions { rows[row - 2].commission = cell }
        return try CauseTests.reconcile(
            CauseTests.workbook(rows, total: CauseTests.formula(total, formula)))
    }

    /// Figures typed, G2 right but stored as text, G4 paid 600.00: `=G2+G3+G4+G5` gives
    /// 2,100.00, wrong by G4 alone; `SUM` gives 1,600.00, wrong by both.
    @Test func aPlusTotalOverARightTextNumberIsWrongOnlyByTheOtherRows() throws {
        let commissions: [Int: WriteCell] = [2: .text("500.00"), 3: .number(500), 4: .number(600), 5: .number(500)]
        let plus = try Self.total("G2+G3+G4+G5", caching: "2100", commissions: commissions)
        let total = try #require(plus.findings.first { $0.cell == CellAddress("G6") }, "\(plus.findings)")
        #expect(total.isDerived, "\(total.explanation)")
        #expect(total.difference == 100)
        #expect(total.explanation.hasSuffix("the difference comes from Deals!G4"), "\(total.explanation)")
        let sum = try Self.total("SUM(G2:G5)", caching: "1600", commissions: commissions)
        let skipping = try #require(sum.findings.first { $0.cell == CellAddress("G6") }, "\(sum.findings)")
        #expect(skipping.isDerived && skipping.cause == .textNumber, "\(skipping.explanation)")
        #expect(skipping.explanation.hasSuffix("the difference comes from Deals!G2, Deals!G4"))
    }

    /// G3 paid 600.00 as text where 500.00 is due: `=G2+G3+G4+G5` adds it at its value, so the
    /// total's 100.00 too many comes from G3 (not the 500.00 a `SUM` would leave out).
    @Test func aPlusTotalOverAWrongTextNumberIsWrongByItsValue() throws {
        let result = try Self.total("G2+G3+G4+G5", caching: "2100", commissions: [3: .text("600.00")])
        let row = try #require(result.errors.first { $0.cell == CellAddress("G3") }, "\(result.errors)")
        let total = try #require(result.findings.first { $0.cell == CellAddress("G6") }, "\(result.findings)")
        #expect(total.isDerived && total.cause == row.cause, "\(total.causes) \(total.explanation)")
        #expect(total.explanation.hasSuffix("the difference comes from Deals!G3"), "\(total.explanation)")
    }
    /// Only the cells a `+` total names itself are added at their value: one it reaches through a
    /// subtotal (`=G5+G9`, each a `SUM` skipping the text) is counted as that `SUM` counts it.
    @Test func aPlusTotalOverSubtotalsCountsTheirTextAsTheSumsDo() {
        let text = Finding(
            sheet: "Deals", cell: CellAddress("G3")!, dealID: "D2", rep: "R1", period: nil, manual: 500,
            manualText: "500", expected: 500, causes: [.textNumber], explanation: "", isDerived: false)
        #expect(TotalRowFindings.asAdded([text], by: "G5+G9").map(\.cell) == [CellAddress("G3")])
        #expect(TotalRowFindings.asAdded([text], by: "G2+G3+G4").isEmpty)
    }
}
