import Commission
import Foundation
import Ingest
import PlanFile
import Reconciliation
import Spreadsheet
import Testing

/// A hand-kept CSV exported from a sheet whose dates had no format writes them as Excel serials
/// (`46023` for 2026-01-01): in the date and cancel-date columns they are the dates they stand
/// for, as a serial in an XLSX date column is; in any other column a number stays a number. The
/// plan pays 5% of each deal (`WholeEurosInTextTests.plan`).
@Suite struct SerialDatesInCSVTests {
    /// The reconciliation of a CSV file holding `text`, and its deals as `calculate` reads them.
    static func reconcile(_ text: String) throws -> (Reconciliation, DealsTable) {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("manual.csv").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let result = try Reconciler.reconcile(
            workbook: path, plan: PlanFile.parse(WholeEurosInTextTests.plan, file: "plan.yaml"), roster: [])
        return (result, try DealsReader.read(TableFile.open(path)))
    }

    @Test func serialsInTheDateColumnAreTheirDates() throws {
        // 46023 is 2026-01-01, 46054 2026-02-01, 46080.0 (as a float export writes it) 2026-02-27.
        let (result, table) = try Self.reconcile(
            """
            Deal ID,Rep,Close Date,Amount,Commission
            D1,R1,46023,46100,2305
            D2,R1,46054,10000,500
            D3,R2,46080.0,46023,2301.15

            """)
        #expect(result.errors.isEmpty, "\(result.errors.map(\.explanation))")
        #expect(table.lines.map(\.date) == ["2026-01-01", "2026-02-01", "2026-02-27"].map { LocalDate(iso: $0) })
        #expect(result.statement.lines.map(\.period.description) == ["2026-01", "2026-02", "2026-02"])
        // The amount of D3 is an amount, never a date.
        #expect(table.lines.first { $0.dealID == "D3" }?.amount == 46023)
    }

    @Test func aSerialInTheCancelDateColumnIsItsDate() throws {
        let (_, table) = try Self.reconcile(
            """
            Deal ID,Rep,Close Date,Amount,Cancel Date,Commission
            D1,R1,2026-01-10,10000,,500
            D2,R1,2026-01-12,20000,46040,1000

            """)
        let line = try #require(table.lines.first { $0.dealID == "D2" })
        #expect(line.cancelDate == LocalDate(iso: "2026-01-18"))
    }

    @Test func numbersOutsideTheDatesASheetKeepsStayUnreadable() throws {
        // 123 is no date a commission sheet keeps (it is in 1900), 46023.5 no whole day: each row is a finding.
        let (result, table) = try Self.reconcile(
            """
            Deal ID,Rep,Close Date,Amount,Commission
            D1,R1,46023,10000,500
            D2,R1,123,10000,500
            D3,R1,46023.5,10000,500

            """)
        #expect(table.lines.count == 1)
        #expect(result.errors.filter { $0.cause == .unreadable }.count == 2)
    }
}
