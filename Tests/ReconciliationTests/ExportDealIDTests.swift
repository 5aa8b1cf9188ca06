import Foundation
import PlanFile
import Reconciliation
import Spreadsheet
import Testing
import XLSX

/// A CRM export whose ids keep their leading zeros (`00123`) beside a workbook that stored the
/// ids as numbers (`123`), its amounts written as money text (`$12,500.00`).
@Suite struct ExportDealIDTests {
    static func reconcile(workbookIDs: [WriteCell], export: String) throws -> Reconciliation {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let header: [WriteCell] = ["Deal ID", "Rep", "Close Date", "Amount", "Commission"].map { .text($0) }
        let rows = workbookIDs.map { id in
            [id, .text("R1"), LayoutReadingTests.date("2026-01-15"), .number(10000), .number(500)]
        }
        let path = try LayoutReadingTests.workbook([("Deals", [header] + rows)], in: folder)
        let crm = folder.appendingPathComponent("crm.csv").path
        try export.write(toFile: crm, atomically: true, encoding: .utf8)
        return try Reconciler.reconcile(
            workbook: path, plan: PlanFile.parse(CauseTests.planText, file: "plan.yaml"), roster: [], source: crm)
    }

    @Test func idsWithLeadingZerosAreTheWorkbooksNumbers() throws {
        let result = try Self.reconcile(
            workbookIDs: [.number(1), .number(2), .number(123)],
            export: """
                Deal ID,Owner,Close Date,Amount
                0001,R1,2026-01-15,"$10,000.00"
                0002,R1,2026-01-15,"$10,000.00"
                00123,R1,2026-01-15,"$12,500.00"

                """)
        // The deal is priced on the export's amount: the commission worked out on the workbook's is wrong too.
        #expect(
            result.errors.map { "\($0.cell) \($0.cause.rawValue) \($0.expected)" } == [
                "D4 amount_mismatch 12500", "E4 amount_mismatch 625",
            ])
    }

    @Test func idsAnExportWritesBothWaysAreComparedAsWritten() throws {
        let result = try Self.reconcile(
            workbookIDs: [.text("0123"), .text("123")],
            export: """
                Deal ID,Owner,Close Date,Amount
                0123,R1,2026-01-15,10000
                123,R1,2026-01-15,10000
                00123,R1,2026-01-15,10000

                """)
        #expect(result.errors.map { "\($0.sheet)!\($0.cell) \($0.cause.rawValue)" } == ["crm.csv!A4 missing_line"])
    }
}
