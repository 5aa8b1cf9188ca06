import Foundation
import Reconciliation
import Spreadsheet
import Testing
import XLSX

/// A split deal paid on its whole amount where the plan prices by marginal tiers over the period's
/// running credit: the deal's own figure at its full credit crosses into a higher band, so it is
/// no plain multiple of the plan's figure; the engine priced with every split ignored gives it.
@Suite struct SplitUnderTiersTests {
    /// Ana's 40,000 at 5%, then a 40,000 deal split with Ben, half each: the plan credits her
    /// 20,000 of it (10,000 at 5% and 10,000 at 8%: 1,300.00); on the whole 40,000 it pays
    /// 10,000 at 5% and 30,000 at 8% (2,900.00). `paid`: what the sheet pays her for it.
    static func rows(paid: String) -> [CauseTests.Row] {
        [
            CauseTests.Row(deal: "D2", amount: 40000, rate: .empty, commission: .number(2000)),
            CauseTests.Row(
                deal: "D3", date: "2026-01-20", amount: 40000, split: Decimal(string: "0.5")!, rate: .empty,
                commission: .number(Decimal(string: paid)!)),
            CauseTests.Row(
                deal: "D3", rep: "R2", date: "2026-01-20", amount: 40000, split: Decimal(string: "0.5")!, rate: .empty,
                commission: .number(1000)),
        ]
    }

    @Test func aSplitPaidWholeAcrossABandIsSplitNotApplied() throws {
        let result = try CauseTests.reconcile(CauseTests.workbook(Self.rows(paid: "2900"), rateColumn: false))
        let finding = try #require(CauseTests.onlyError(result), "\(result.errors.map { "\($0.cell) \($0.causes)" })")
        #expect(finding.cell == CellAddress("F3"))
        #expect(finding.expected == 1300)
        #expect(finding.cause == .splitNotApplied, "\(finding.explanation)")
    }

    @Test func theSplitsShareIsRight() throws {
        #expect(
            try CauseTests.reconcile(CauseTests.workbook(Self.rows(paid: "1300"), rateColumn: false)).errors.isEmpty)
    }

    /// A figure no reading gives stays unexplained, never taken for a split left out.
    @Test func aFigureNoReadingGivesIsNoSplitLeftOut() throws {
        let result = try CauseTests.reconcile(CauseTests.workbook(Self.rows(paid: "2750"), rateColumn: false))
        let finding = try #require(CauseTests.onlyError(result))
        #expect(finding.cause != .splitNotApplied)
    }
}
