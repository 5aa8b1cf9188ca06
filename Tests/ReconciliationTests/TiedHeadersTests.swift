import Foundation
import Ingest
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

    @Test func theReportSaysWhichColumnsTied() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let row: [WriteCell] = [
            .text("D-1"), .text("Ana Lima"), LayoutReadingTests.date("2026-01-15"), .number(10000), .number(400),
            .number(500),
        ]
        let summary: [[WriteCell]] = [
            ["Rep", "Period", "Commission"].map { .text($0) }, [.text("Ana Lima"), .text("2026-Q1"), .number(500)],
        ]
        let path = try LayoutReadingTests.workbook(
            [("Deals", [Self.header.map { .text($0) }, row]), ("Summary", summary)], in: folder)
        let result = try LayoutReadingTests.reconcile(path, in: folder)
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
}
