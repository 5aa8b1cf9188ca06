import Foundation
import Ingest
import PlanFile
import Reconciliation
import Spreadsheet
import Testing
import XLSX

/// A word typed for nothing (`N/A`, `none`, `lost - no comm`) in the commission of a deal the plan
/// does not pay is right, as a dash for zero is; where the plan pays the deal it stays unreadable.
@Suite struct PlaceholderCommissionTests {
    @Test func aWordForNothingWhereThePlanPaysNothingIsRight() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let header: [WriteCell] = ["Deal ID", "Rep", "Close Date", "Amount", "Status", "Commission"].map { .text($0) }
        func row(_ deal: String, _ status: String, _ commission: WriteCell) -> [WriteCell] {
            [
                .text(deal), .text("Priya Nair"), LayoutReadingTests.date("2026-01-15"), .number(10000), .text(status),
                commission,
            ]
        }
        let rows: [[WriteCell]] = [
            header, row("D1", "Won", .number(500)), row("D2", "Lost", .text("N/A")), row("D3", "Lost", .text("none")),
            row("D4", "Lost", .text("lost - no comm")), row("D5", "Won", .text("N/A")),
        ]
        let path = try LayoutReadingTests.workbook([("Deals", rows)], in: folder)
        let plan = HeldOutWorkbookTests.plan(rate: "5%", extra: "eligible:\n  status: [Won]")
        let result = try Reconciler.reconcile(
            workbook: path, plan: PlanFile.parse(plan, file: "plan.yaml"), roster: [])
        // Only the deal the plan pays 500 and whose sheet writes `N/A` is a finding.
        #expect(result.errors.map { "\($0.cell) \($0.cause)" } == ["F6 unreadable"])
    }
}
