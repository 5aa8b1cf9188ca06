import Foundation
import PlanFile
import Reconciliation
import Spreadsheet
import Testing
import XLSX

/// A workbook whose commission column trueup cannot find (a name it does not know) and that has
/// no summary is refused, naming the headers: a run that compares nothing must not say there are
/// no errors. (Of two columns that could each be it, the one that says it was paid is read:
/// `HeldOutWorkbookTests.ofACalculatedAndAPaidCommissionThePaidOneIsChecked`.)
@Suite struct NothingToCompareTests {
    static func reconcile(_ header: [String]) throws -> Reconciliation {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let row: [WriteCell] = [
            .text("D1"), .text("R1"), LayoutReadingTests.date("2026-01-15"), .number(10000), .number(500), .number(0),
        ]
        let path = try LayoutReadingTests.workbook([("Deals", [header.map { .text($0) }, row])], in: folder)
        return try Reconciler.reconcile(
            workbook: path, plan: PlanFile.parse(CauseTests.planText, file: "plan.yaml"), roster: [])
    }

    @Test(arguments: [["Deal ID", "Rep", "Close Date", "Amount", "Statement", "Notes"]])
    func noCommissionColumnAndNoSummaryIsRefusedNamingTheHeaders(_ header: [String]) {
        #expect {
            _ = try Self.reconcile(header)
        } throws: { error in
            "\(error)".contains("no column holds the commission") && "\(error)".contains("'\(header[4])'")
                && "\(error)".contains("--map commission=")
        }
    }

    @Test func aCommissionColumnIsCompared() throws {
        let result = try Self.reconcile(["Deal ID", "Rep", "Close Date", "Amount", "Commission", "Notes"])
        #expect(result.errors.isEmpty)
    }
}
