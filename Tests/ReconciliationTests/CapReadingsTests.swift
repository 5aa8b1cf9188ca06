import Foundation
import Reconciliation
import Spreadsheet
import Testing
import XLSX

/// A plan with both caps, and a sheet that forgets one of them: each cap left out on its own is a
/// reading of the plan (`cap_not_applied`), not only both at once.
@Suite struct CapReadingsTests {
    /// 5% flat, no line above 1,500, no rep-period above 3,000.
    static let plan =
        CauseTests.planText.replacingOccurrences(of: "\n      - { from: 50000, rate: 8% }", with: "")
        + "\n  cap:\n    per_deal: 1500\n    per_period: 3000\n"

    /// Three deals of 40,000 (2,000 each at 5%), on rows 2–4 with the figures `paid` typed: the
    /// plan pays 1,500, 1,500 and 0.
    static func rows(paying paid: [Decimal]) -> [CauseTests.Row] {
        paid.enumerated().map { index, paid in
            CauseTests.Row(
                deal: "D\(index + 2)", date: "2026-01-1\(index + 2)", amount: 40000, rate: CauseTests.rate("0.05"),
                commission: .number(paid))
        }
    }

    @Test func thePerDealCapForgottenUnderThePeriodCapIsCapNotApplied() throws {
        // Without the per-deal cap the period cap cuts the second line to 1,000 and the third to 0.
        let result = try CauseTests.reconcile(
            CauseTests.workbook(Self.rows(paying: [2000, 1000, 0])), plan: Self.plan)
        #expect(result.errors.map(\.cell) == [CellAddress("G2"), CellAddress("G3")])
        for finding in result.errors {
            #expect(finding.causes == [.capNotApplied], "\(finding.cell): \(finding.explanation)")
            #expect(finding.explanation.contains("per-deal cap"), "\(finding.explanation)")
        }
    }

    @Test func thePeriodCapForgottenUnderThePerDealCapIsCapNotApplied() throws {
        let result = try CauseTests.reconcile(
            CauseTests.workbook(Self.rows(paying: [1500, 1500, 1500])), plan: Self.plan)
        let finding = try #require(CauseTests.onlyError(result))
        #expect(finding.cell == CellAddress("G4") && finding.expected == 0)
        #expect(finding.causes == [.capNotApplied], "\(finding.explanation)")
        #expect(finding.explanation.contains("period cap"), "\(finding.explanation)")
    }

    @Test func bothCapsForgottenIsCapNotApplied() throws {
        let result = try CauseTests.reconcile(
            CauseTests.workbook(Self.rows(paying: [2000, 2000, 2000])), plan: Self.plan)
        #expect(result.errors.count == 3)
        #expect(result.errors.allSatisfy { $0.causes == [.capNotApplied] }, "\(result.errors.map(\.explanation))")
    }

    @Test func theSheetFollowingBothCapsHasNoErrors() throws {
        let result = try CauseTests.reconcile(
            CauseTests.workbook(Self.rows(paying: [1500, 1500, 0])), plan: Self.plan)
        #expect(result.errors.isEmpty, "\(result.errors.map(\.explanation))")
    }
}
