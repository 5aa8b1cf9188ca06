import Commission
import Foundation
import PlanFile
import Reconciliation
import Spreadsheet
import Testing
import XLSX

/// Figures a sheet keeps that the plan does not make: a payable netted of a draw the plan does not
/// know.
@Suite struct SheetsOwnFiguresTests {
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
