import Foundation
import Reconciliation
import Spreadsheet
import Testing
import XLSX

/// A reading of the plan that reproduces a figure is its main cause ahead of `wrong_tier` and
/// `wrong_rate` (plan-format.md §7). Where the rep's other rows could show whether the sheet
/// follows the reading, one row that happens to fit it is a typed rate; a rep's only row has no
/// such rows, and the reading is its cause.
@Suite struct LoneRowReadingTests {
    /// The plan of `CauseTests` paid retroactively: 5% to 50,000, then 8% on all of it.
    static let plan = CauseTests.planText.replacingOccurrences(of: "mode: marginal", with: "mode: retroactive")

    /// 60,000 is 4,800 under the plan; marginally 2,500 + 800 = 3,300, which the sheet writes with
    /// its rate as 5.5%, the blend.
    static let lone = CauseTests.Row(
        deal: "D2", amount: 60000, rate: CauseTests.rate("0.055"), commission: .number(3300))

    @Test func aSheetsOnlyRowPaidInTheOtherTierModeIsMarginalVsRetroactive() throws {
        let result = try CauseTests.reconcile(CauseTests.workbook([Self.lone]), plan: Self.plan)
        let finding = try #require(CauseTests.onlyError(result))
        #expect(finding.cell == CellAddress("G2") && finding.expected == 4800)
        #expect(finding.causes == [.marginalVsRetroactive], "\(finding.explanation)")
    }

    @Test func aRepsOnlyRowPaidInTheOtherTierModeIsMarginalVsRetroactive() throws {
        var lone = Self.lone
        lone.deal = "D6"
        lone.rep = "R2"
        lone.commission = CauseTests.formula("3300", "ROUND(D6*E6*F6,2)")
        let result = try CauseTests.reconcile(CauseTests.workbook(CauseTests.goodRows() + [lone]), plan: Self.plan)
        let finding = try #require(CauseTests.onlyError(result))
        #expect(finding.cell == CellAddress("G6") && finding.expected == 4800)
        #expect(finding.causes == [.marginalVsRetroactive], "\(finding.explanation)")
    }

    /// After the rep's 40,000 the deal takes the rep past 50,000, so the plan pays every row 8%;
    /// the sheet pays the others so, and this one 4,500 at 7.5%, what marginal tiers would give
    /// it. The rep's other rows show the sheet does not work marginally: the rate is typed.
    @Test func oneRowAmongTheRepsOthersIsAWrongRate() throws {
        var rows = CauseTests.goodRows()
        for index in rows.indices {
            rows[index].rate = CauseTests.rate("0.08")
            rows[index].commission = .number(800)
        }
        var typo = Self.lone
        typo.deal = "D6"
        typo.rate = CauseTests.rate("0.075")
        typo.commission = .number(4500)
        let result = try CauseTests.reconcile(CauseTests.workbook(rows + [typo]), plan: Self.plan)
        let finding = try #require(CauseTests.onlyError(result))
        #expect(finding.cell == CellAddress("G6") && finding.expected == 4800)
        #expect(finding.causes == [.wrongRate], "\(finding.explanation)")
    }
}
