import Foundation
import PlanFile
import Reconciliation
import Spreadsheet
import TestSupport
import Testing
import XLSX

/// A sheet without a bonus column writes a row's per-deal bonus (a SPIFF) into its commission:
/// a commission short of exactly that bonus left it out (`bonus_missing`), whatever reading of
/// the plan would otherwise give the figure.
@Suite struct SpiffWithoutBonusColumnTests {
    static let plan =
        PlanTexts.flat("SPIFF without a bonus column", period: "month") + """

            bonuses:
              - { name: Analytics SPIFF, per_deal: 200, when: { product: Analytics } }
            """

    static func row(_ deal: String, _ rep: String, _ amount: Decimal, _ product: String, _ paid: Decimal)
        -> [WriteCell]
    {
        [
            .text(deal), .text(rep), LayoutReadingTests.date("2026-07-09"), .number(amount), .text(product),
            .number(paid),
        ]
    }

    @Test func aCommissionShortOfTheRowsSpiffIsBonusMissing() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let header: [WriteCell] = ["Deal ID", "Rep", "Close Date", "Amount", "Product", "Commission"].map { .text($0) }
        let path = try LayoutReadingTests.workbook(
            [
                (
                    "Deals",
                    [
                        header, Self.row("D1", "R1", 10000, "Analytics", 700),
                        Self.row("D2", "R1", 20000, "Core", 1000),
                        Self.row("D3", "R2", 8000, "Analytics", 400), Self.row("D4", "R2", 12000, "Core", 600),
                    ]
                )
            ], in: folder)
        let result = try Reconciler.reconcile(
            workbook: path, plan: PlanFile.parse(Self.plan, file: "plan.yaml"), roster: [])
        #expect(result.errors.map { "\($0.cell) \($0.expected) \($0.cause.rawValue)" } == ["F4 600 bonus_missing"])
    }
}
