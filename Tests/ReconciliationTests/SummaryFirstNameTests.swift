import Foundation
import Ingest
import PlanFile
import Reconciliation
import Spreadsheet
import Testing
import XLSX

/// A summary sheet naming reps by first name only (`Ana`, `Ben`) where the roster has full names:
/// each is the rep it names when no one else on the roster has that name.
@Suite struct SummaryFirstNameTests {
    static func reconcile(summary: [[WriteCell]], roster: String) throws -> Reconciliation {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let header: [WriteCell] = ["Deal ID", "Rep", "Close Date", "Amount", "Rate", "Commission"].map { .text($0) }
        let deals: [[WriteCell]] = [("D1", "Ana Lima", 10000), ("D2", "Ben Okafor", 20000)].map { deal, rep, amount in
            [
                .text(deal), .text(rep), LayoutReadingTests.date("2026-01-15"), .number(amount),
                .number(Decimal(string: "0.05")!), .number(amount * Decimal(string: "0.05")!),
            ]
        }
        let path = try LayoutReadingTests.workbook([("Deals", [header] + deals), ("Summary", summary)], in: folder)
        let rosterPath = folder.appendingPathComponent("roster.csv").path
        try roster.write(toFile: rosterPath, atomically: true, encoding: .utf8)
        return try Reconciler.reconcile(
            workbook: path, plan: PlanFile.parse(CauseTests.planText, file: "plan.yaml"),
            roster: RosterReader.read(TableFile.open(rosterPath)))
    }

    static let rows: [[WriteCell]] = [
        ["Rep", "Period", "Commission"].map { .text($0) }, [.text("Ana"), .text("2026-Q1"), .number(500)],
        [.text("Ben"), .text("2026-Q1"), .number(1200)],
    ]

    @Test func firstNamesOnTheSummaryAreTheRepsTheyName() throws {
        let result = try Self.reconcile(summary: Self.rows, roster: LayoutReadingTests.roster)
        // Ben's total is 1,000: his 1,200 is found, Ana's 500 agrees.
        #expect(result.errors.map { "\($0.sheet)!\($0.cell) \($0.expected)" } == ["Summary!C3 1000"])
    }

    /// `Ben` fits Ben Okafor and Ben Silva: it is read as neither, and its row is not left out in
    /// silence.
    @Test func aFirstNameTwoRepsShareNamesNoOne() throws {
        let roster = LayoutReadingTests.roster + "\nR3,Ben Silva\n"
        let result = try Self.reconcile(summary: Self.rows, roster: roster)
        #expect(result.errors.map { "\($0.sheet)!\($0.cell) \($0.cause)" } == ["Summary!C3 unreadable"])
        #expect(result.errors.first?.difference == 0)
        #expect(result.errors.first?.explanation.contains("may be any of Ben Okafor (R2), Ben Silva (R3)") == true)
    }
}
