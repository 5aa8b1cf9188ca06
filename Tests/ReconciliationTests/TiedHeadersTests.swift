import Foundation
import Ingest
import PlanFile
import Reconciliation
import Reports
import Spreadsheet
import Testing
import XLSX

/// Two columns a field's name stands in alike among other words (`Commission (2025 plan)` beside
/// `Commission (2026 plan)`, a year's figures kept beside the next's) leave the field unread, never
/// one of them guessed, and the report says so: its rows' figures are not checked (with no summary
/// either, the run stops, nothing to compare). A summary compared alone says no "no errors": the
/// headline says no deal row's commission was compared.
@Suite struct TiedHeadersTests {
    static let header = ["Deal ID", "Rep", "Close Date", "Amount", "Commission (2025 plan)", "Commission (2026 plan)"]

    @Test func aFieldTwoColumnsNameAlikeIsReadFromNeither() throws {
        let table = try LooseHeaderTests.read(Self.header, ["D-1", "Ana Lima", "2026-01-15", "10000", "400", "500"])
        #expect(table.mapping.columns[.commission] == nil)
        #expect(table.mapping.tied[.commission] == ["Commission (2025 plan)", "Commission (2026 plan)"])
    }

    /// A deal under `header` (its last two columns 400 and 500) and a summary paying its rep 500,
    /// reconciled in `folder`.
    static func reconciled(_ header: [String], in folder: URL) throws -> Reconciliation {
        let row: [WriteCell] = [
            .text("D-1"), .text("Ana Lima"), LayoutReadingTests.date("2026-01-15"), .number(10000), .number(400),
            .number(500),
        ]
        let summary: [[WriteCell]] = [
            ["Rep", "Period", "Commission"].map { .text($0) }, [.text("Ana Lima"), .text("2026-Q1"), .number(500)],
        ]
        let path = try LayoutReadingTests.workbook(
            [("Deals", [header.map { .text($0) }, row]), ("Summary", summary)], in: folder)
        return try LayoutReadingTests.reconcile(path, in: folder)
    }

    @Test func theReportSaysWhichColumnsTied() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Self.reconciled(Self.header, in: folder)
        #expect(
            result.mappingNotes.contains {
                $0.contains(
                    "commission: 'Commission (2025 plan)' and 'Commission (2026 plan)' could each be it, so neither is read"
                )
            }, "\(result.mappingNotes)")
        let headline = ReconciliationText(result: result, currency: "USD").render()
        #expect(
            headline.hasPrefix(
                "No errors in the totals compared, but no deal row's commission on 'Deals' was compared: "
                    + "'Commission (2025 plan)' and 'Commission (2026 plan)' could each be it."), "\(headline)")
    }

    /// `--format json` says it too, as an issue a program reads (plan-format.md §7, "Reported
    /// conditions"): its code, the sheet and the columns; and a run whose commission was read has none.
    @Test func theJSONSaysNoDealRowsCommissionWasCompared() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        func issues(_ header: [String]) throws -> [[String: Any]]? {
            let result = try Self.reconciled(header, in: folder)
            let plan = try PlanFile.parse(CauseTests.planText, file: "plan.yaml")
            let document = FindingsDocument(
                result, plan: plan, workbook: .init(file: "w.xlsx", sha256: String(repeating: "a", count: 64)))
            let text = try OrderedJSONEncoder().encode(document)
            let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
            #expect(try FindingsDocument(json: Data(text.utf8), file: "f.json").issues == document.issues)
            return object?["issues"] as? [[String: Any]]
        }
        let tied = try #require(try issues(Self.header))
        #expect(tied.count == 1)
        #expect(tied.first?["code"] as? String == "commission_unread")
        #expect(tied.first?["sheet"] as? String == "Deals")
        #expect(tied.first?["columns"] as? [String] == ["Commission (2025 plan)", "Commission (2026 plan)"])
        #expect(
            (tied.first?["message"] as? String)?.hasPrefix("no deal row's commission on 'Deals' was compared") == true)
        let read = Self.header.dropLast(2) + ["Notes", "Commission"]
        #expect(try issues(Array(read)) == nil)
    }
}
