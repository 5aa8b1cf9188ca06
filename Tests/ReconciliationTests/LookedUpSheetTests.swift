import Foundation
import PlanFile
import Reconciliation
import Spreadsheet
import Testing
import XLSX

/// The deals as the CRM gives them (no commission column) beside a `Payout` sheet that looks each
/// line's date and amount up on them by deal id and works the commission out: the Payout sheet's
/// rows are the deals, the CRM's sheet the data they are worked from, not a second copy of each.
@Suite struct LookedUpSheetTests {
    /// `Deals` (D2–D4, no commission) and `Payout`, its date and amount looked up by id when
    /// `lookedUp` (else typed), D3's commission wrong.
    static func reconcile(lookedUp: Bool) throws -> Reconciliation {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let crm =
            [["Deal ID", "Rep", "Close Date", "Amount"].map { WriteCell.text($0) }]
            + (2...4).map { n in [.text("D\(n)"), .text("R1"), LayoutReadingTests.date("2026-01-15"), .number(10000)] }
        let payout =
            [["Deal ID", "Rep", "Close Date", "Amount", "Commission"].map { WriteCell.text($0) }]
            + (2...4).map { n -> [WriteCell] in
                var date = LayoutReadingTests.date("2026-01-15")
                var amount = WriteCell.number(10000)
                if lookedUp {
                    date.formula = "_xlfn.XLOOKUP($A\(n),Deals!$A$2:$A$4,Deals!$C$2:$C$4)"
                    amount.formula = "INDEX(Deals!$D$2:$D$4,MATCH($A\(n),Deals!$A$2:$A$4,0))"
                }
                return [.text("D\(n)"), .text("R1"), date, amount, .number(n == 3 ? 600 : 500)]
            }
        let path = try LayoutReadingTests.workbook([("Deals", crm), ("Payout", payout)], in: folder)
        return try Reconciler.reconcile(
            workbook: path, plan: PlanFile.parse(CauseTests.planText, file: "plan.yaml"), roster: [])
    }

    @Test func theSheetTheLinesAreLookedUpOnIsNotMoreDeals() throws {
        let result = try Self.reconcile(lookedUp: true)
        #expect(result.errors.map { "\($0.sheet)!\($0.cell)" } == ["Payout!E3"])
        #expect(result.statement.reps.first?.earned == 1500)
    }

    /// Typed, the Payout sheet's rows do not say where they come from: both sheets are read, as
    /// a hand-kept workbook's deals sheets are.
    @Test func typedOverBothSheetsAreRead() throws {
        let result = try Self.reconcile(lookedUp: false)
        #expect(result.errors.contains { $0.sheet == "Deals" || $0.cause == .duplicateLine })
    }
}
