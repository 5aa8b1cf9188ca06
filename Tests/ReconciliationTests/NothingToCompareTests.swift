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
    /// The deals under `header`, and `summary`'s rows as a sheet of their own when given.
    static func reconcile(_ header: [String], summary: [[WriteCell]]? = nil) throws -> Reconciliation {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let row: [WriteCell] = [
            .text("D1"), .text("R1"), LayoutReadingTests.date("2026-01-15"), .number(10000), .number(500), .number(0),
        ]
        let path = try LayoutReadingTests.workbook(
            [("Deals", [header.map { .text($0) }, row])] + (summary.map { [("Summary", $0)] } ?? []), in: folder)
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
    /// A summary none of whose figures totals the plan's (a rep × quarter table of other figures)
    /// is set aside; with no commission column on the deals either, nothing was compared: the run
    /// is refused, not reported as having no errors. One whose figure agrees is compared.
    @Test(arguments: [("123", true), ("500", false)])
    func aSummaryThatComparesNothingIsRefusedToo(figure: String, refused: Bool) throws {
        let header = ["Deal ID", "Rep", "Close Date", "Amount", "Statement", "Notes"]
        let summary: [[WriteCell]] = [
            ["Rep", "Q1 2026", "Q2 2026"].map { .text($0) },
            [.text("R1"), .number(Decimal(string: figure)!), .number(0)],
        ]
        if refused {
            #expect {
                _ = try Self.reconcile(header, summary: summary)
            } throws: { error in
                "\(error)".contains("nothing could be compared") && "\(error)".contains("'Summary'")
            }
        } else {
            #expect(try Self.reconcile(header, summary: summary).errors.isEmpty)
        }
    }
    /// A run that reports something (a row it could not read) says no "no errors", so it is not
    /// refused for a summary that compares nothing: the unreadable row is its finding.
    @Test func aRunReportingARowUnreadIsNotRefused() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let header: [WriteCell] = ["Deal ID", "Rep", "Close Date", "Amount", "Statement", "Notes"].map { .text($0) }
        let rows: [[WriteCell]] = [
            header,
            [
                .text("D1"), .text("R1"), LayoutReadingTests.date("2026-01-15"), .number(10000), .number(500),
                .number(0),
            ],
            [.text("D2"), .text("R1"), LayoutReadingTests.date("2026-01-20"), .text("TBD"), .number(0), .number(0)],
        ]
        let summary: [[WriteCell]] = [
            ["Rep", "Q1 2026", "Q2 2026"].map { .text($0) }, [.text("R1"), .number(123), .number(0)],
        ]
        let path = try LayoutReadingTests.workbook([("Deals", rows), ("Summary", summary)], in: folder)
        let result = try Reconciler.reconcile(
            workbook: path, plan: PlanFile.parse(CauseTests.planText, file: "plan.yaml"), roster: [])
        #expect(result.findings.contains { $0.cause == .unreadable }, "\(result.findings.map(\.explanation))")
    }
}
