import Commission
import Foundation
import PlanFile
import Reconciliation
import Spreadsheet
import Testing
import XLSX

/// Figures a sheet keeps that the plan does not make: a lost deal paid among the won ones under a
/// plan paying only `Closed Won`, and a payable netted of a draw the plan does not know.
@Suite struct SheetsOwnFiguresTests {
    /// A deal the plan does not pay (its status not among `eligible:`) that the sheet pays is an
    /// extra line naming its status, not another tier's rate that happens to give the figure; a
    /// lost deal paid nothing is no finding.
    @Test func aLostDealPaidIsAnExtraLine() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let header: [WriteCell] = ["Opportunity", "Owner", "Close Date", "Amount", "Stage", "Commission"].map {
            .text($0)
        }
        func row(_ deal: String, _ date: String, _ amount: Decimal, _ stage: String, _ paid: WriteCell) -> [WriteCell] {
            [.text(deal), .text("Ana Lima"), LayoutReadingTests.date(date), .number(amount), .text(stage), paid]
        }
        let rows: [[WriteCell]] = [
            header,
            row("D1", "2026-01-15", 10000, "Closed Won", CauseTests.formula("500", "ROUND(D2*5%,2)")),
            row("D2", "2026-01-20", 20000, "Closed Lost", CauseTests.formula("1000", "ROUND(D3*5%,2)")),
            row("D3", "2026-01-21", 5000, "Closed Lost", .empty),
            row("D4", "2026-02-02", 8000, "Negotiation", .number(0)),
        ]
        let path = try LayoutReadingTests.workbook([("Opportunities", rows)], in: folder)
        let plan = try PlanFile.parse(UnpaidRowsTests.plan, file: "plan.yaml")
        let result = try Reconciler.reconcile(workbook: path, plan: plan, roster: [])
        #expect(result.findings.map { "\($0.cell) \($0.cause.rawValue)" } == ["F3 extra_line"])
        #expect(result.findings.first?.explanation.contains("status 'Closed Lost' is not one the plan pays") == true)
    }

    /// Under a plan without a draw, a summary's `Net Payable` beside its own `Draw` is what is
    /// left after the sheet's advance: the earned figure is compared, the net is not.
    @Test(arguments: [false, true])
    func aPayableNettedOfTheSheetsOwnDrawIsNotComparedWithThePlans(wrongEarned: Bool) throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let deals: [[WriteCell]] = [
            ["Deal", "Rep", "Date", "Amount", "Rate", "Commission"].map { .text($0) },
            [
                .text("D1"), .text("Ana Lima"), LayoutReadingTests.date("2026-01-15"), .number(10000),
                CauseTests.rate("0.05"), CauseTests.formula("500", "ROUND(D2*E2,2)"),
            ],
        ]
        let earned: Decimal = wrongEarned ? 650 : 500
        let summary: [[WriteCell]] = [
            ["Rep", "Period", "Commission Earned", "Draw", "Net Payable"].map { .text($0) },
            [
                .text("Ana Lima"), .text("2026-Q1"), .number(earned), .number(300),
                CauseTests.formula("\(earned - 300)", "MAX(C2-D2,0)"),
            ],
        ]
        let path = try LayoutReadingTests.workbook([("Deals", deals), ("Summary", summary)], in: folder)
        let result = try LayoutReadingTests.reconcile(path, in: folder)
        #expect(
            result.findings.map { "\($0.sheet)!\($0.cell)" } == (wrongEarned ? ["Summary!C2"] : []),
            "\(result.findings.map { "\($0.sheet)!\($0.cell) \($0.cause) \($0.explanation)" })")
    }
}
