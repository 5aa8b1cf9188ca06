import Foundation
import Reconciliation
import Spreadsheet
import Testing
import XLSX

/// A summary total whose range is one row (`=SUMIFS(Deals!G2:G2,…)`) while the rep's deals run
/// on: a range that stops short (`sum_range`), repaired over the rows, like a longer one; and so
/// for a total row under the deals.
@Suite struct OneRowSumRangeTests {
    static func summary(_ formula: String, caching value: String) -> [[WriteCell]] {
        [[.text("R1"), .text("2026-Q1"), CauseTests.formula(value, formula)]]
    }

    @Test func aOneRowSumifsRangeIsASumRange() throws {
        let result = try CauseTests.reconcile(
            CauseTests.workbook(
                CauseTests.goodRows(), summary: Self.summary("SUMIFS(Deals!G2:G2,Deals!B2:B2,A2)", caching: "500")))
        let finding = try #require(CauseTests.onlyError(result))
        #expect(finding.sheet == "Summary" && finding.cell == CellAddress("C2"))
        #expect(finding.causes == [.sumRange], "\(finding.explanation)")
        #expect(finding.expected == 2000)
        #expect(finding.repairedFormula == "SUMIFS(Deals!G2:G5,Deals!B2:B5,A2)")
    }

    @Test func aOneRowSumRangeIsASumRange() throws {
        let result = try CauseTests.reconcile(
            CauseTests.workbook(CauseTests.goodRows(), summary: Self.summary("SUM(Deals!G2:G2)", caching: "500")))
        let finding = try #require(CauseTests.onlyError(result))
        #expect(finding.causes == [.sumRange], "\(finding.explanation)")
        #expect(finding.repairedFormula == "SUM(Deals!G2:G5)")
    }

    /// So is a total row's: `=SUM(G2:G2)` under rows 2–5.
    @Test func aTotalRowsOneRowRangeIsASumRange() throws {
        let result = try CauseTests.reconcile(
            CauseTests.workbook(CauseTests.goodRows(), total: CauseTests.formula("500", "SUM(G2:G2)")))
        let finding = try #require(CauseTests.onlyError(result))
        #expect(finding.cell == CellAddress("G6"))
        #expect(finding.causes == [.sumRange], "\(finding.explanation)")
        #expect(finding.repairedFormula == "SUM(G2:G5)")
    }

    /// A single cell read is no range: `=Deals!G2` for a rep of one deal is that deal's figure.
    @Test func aSingleCellReadIsNoRange() throws {
        let result = try CauseTests.reconcile(
            CauseTests.workbook(
                Array(CauseTests.goodRows().prefix(1)), summary: Self.summary("Deals!G2", caching: "500")))
        #expect(result.errors.isEmpty, "\(result.errors.map(\.explanation))")
    }
}
