import Foundation
import PlanFile
import Reconciliation
import Spreadsheet
import Testing
import XLSX

/// A summary kept on the deals' own sheet, right of the deals with an empty column between
/// (`Rep | Period | Commission`), is read as the summary where no other sheet holds one: its
/// wrong figure is found there. A deals sheet's own columns are never its summary.
@Suite struct SummaryBesideDealsTests {
    /// `Deals`: D2–D4 of R1 and R2 at 500.00 each, and, when `beside`, a summary from column G
    /// (`R1 | 2026-Q1 | 1000`, `R2 | 2026-Q1 | 650`: R2's figure wrong).
    static func reconcile(beside: Bool) throws -> Reconciliation {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let header = ["Deal ID", "Rep", "Close Date", "Amount", "Commission"].map { WriteCell.text($0) }
        var rows =
            [header]
            + zip(2...4, ["R1", "R1", "R2"]).map { n, rep -> [WriteCell] in
                [.text("D\(n)"), .text(rep), LayoutReadingTests.date("2026-01-15"), .number(10000), .number(500)]
            }
        if beside {
            let summary: [[WriteCell]] = [
                [.text("Rep"), .text("Period"), .text("Commission")],
                [.text("R1"), .text("2026-Q1"), .number(1000)], [.text("R2"), .text("2026-Q1"), .number(650)],
            ]
            for (index, cells) in summary.enumerated() { rows[index] += [.empty] + cells }
        }
        let path = try LayoutReadingTests.workbook([("Deals", rows)], in: folder)
        return try Reconciler.reconcile(
            workbook: path, plan: PlanFile.parse(CauseTests.planText, file: "plan.yaml"), roster: [])
    }

    @Test func aSummaryBesideTheDealsIsRead() throws {
        let result = try Self.reconcile(beside: true)
        #expect(result.errors.map { "\($0.sheet)!\($0.cell)" } == ["Deals!I3"])
        #expect(result.errors.first?.expected == 500)
    }

    @Test func theDealsAloneHoldNoSummary() throws {
        let result = try Self.reconcile(beside: false)
        #expect(result.errors.isEmpty)
    }
}
