import Foundation
import PlanFile
import Reconciliation
import Spreadsheet
import TestSupport
import Testing

/// A clawback row of a deal split between reps on one row (`Rep 1 | … | Rep 2 | … | Commission 1 |
/// Commission 2`, status `Clawback`): each rep's figure takes back that rep's commission, and the
/// row's one commission takes back the deal from them all. Before, only the first rep's figure was
/// read: the second rep's clawback was reported missing though the row took it back.
@Suite struct SplitClawbackRowTests {
    /// A flat 10% of each line's credit, clawed back within 90 days of the close.
    static let plan =
        PlanTexts.flat("Split clawbacks", period: "month", rate: "10%") + """

            clawback:
              statuses: [Cancelled]
              window_days: 90
            reps:
              - { id: R01, name: Ana Ruiz, quota: 100000 }
              - { id: R02, name: Ben Cole, quota: 100000 }
              - { id: R03, name: Cy Diaz, quota: 100000 }
            """

    /// Deal D-3, split between Ana Ruiz and Cy Diaz, cancelled 21 days after its close, and taken
    /// back on a row of its own: 250.00 from each.
    static let ownColumns = SplitRowTests.Layout(
        name: "a commission column per rep",
        header: [
            "Deal ID", "Close Date", "Amount", "Status", "Cancel Date", "Rep 1", "Rep 1 %", "Rep 2", "Rep 2 %",
            "Commission 1", "Commission 2",
        ],
        rows: [
            ["D-1", "2026-01-10", "10000", "Won", "", "Ana Ruiz", "60%", "Ben Cole", "40%", "600.00", "400.00"],
            [
                "D-3", "2026-01-20", "5000", "Cancelled", "2026-02-10", "Ana Ruiz", "50%", "Cy Diaz", "50%", "250.00",
                "250.00",
            ],
            ["D-3", "2026-02-10", "", "Clawback", "", "Ana Ruiz", "50%", "Cy Diaz", "50%", "-250.00", "-250.00"],
        ])

    /// The same deals, the row's one commission its reps' together.
    static let oneColumn = SplitRowTests.Layout(
        name: "the row's one commission",
        header: [
            "Deal ID", "Close Date", "Amount", "Status", "Cancel Date", "Rep 1", "Rep 1 %", "Rep 2", "Rep 2 %",
            "Commission",
        ],
        rows: [
            ["D-1", "2026-01-10", "10000", "Won", "", "Ana Ruiz", "60%", "Ben Cole", "40%", "1000.00"],
            ["D-3", "2026-01-20", "5000", "Cancelled", "2026-02-10", "Ana Ruiz", "50%", "Cy Diaz", "50%", "500.00"],
            ["D-3", "2026-02-10", "", "Clawback", "", "Ana Ruiz", "50%", "Cy Diaz", "50%", "-500.00"],
        ])

    static func errors(
        _ layout: SplitRowTests.Layout, row: Int? = nil, column: Int = 0, _ text: String = "", xlsx: Bool
    )
        throws -> [Finding]
    {
        var rows = layout.rows
        if let row { rows[row][column] = text }
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try SplitRowTests.file(
            SplitRowTests.Layout(name: layout.name, header: layout.header, rows: rows), xlsx: xlsx, in: folder)
        let plan = try PlanFile.parse(Self.plan, file: "plan.yaml")
        return try Reconciler.reconcile(workbook: path, plan: plan, roster: []).errors
    }

    @Test(arguments: [ownColumns, oneColumn], [false, true])
    func aSplitDealTakenBackFromEveryRepHasNoFinding(layout: SplitRowTests.Layout, xlsx: Bool) throws {
        let errors = try Self.errors(layout, xlsx: xlsx)
        #expect(errors.isEmpty, "\(errors.map { "\($0.cell) \($0.cause) \($0.explanation)" })")
    }

    /// The second rep's clawback left at 0 or blank: `clawback_missed` at that rep's own cell.
    @Test(arguments: ["0", ""], [false, true])
    func aSecondRepNotTakenBackIsItsCell(text: String, xlsx: Bool) throws {
        let errors = try Self.errors(Self.ownColumns, row: 2, column: 10, text, xlsx: xlsx)
        let finding = try #require(errors.first)
        #expect(errors.count == 1)
        #expect(finding.cell == CellAddress("K4") && finding.cause == .clawbackMissed)
        #expect(finding.expected == -250 && finding.rep == "R03")
    }

    /// The row's one commission taking back one rep's share only: `clawback_missed`, expected both.
    @Test(arguments: [false, true])
    func aRowTakingBackOneRepsShareIsClawbackMissed(xlsx: Bool) throws {
        let errors = try Self.errors(Self.oneColumn, row: 2, column: 9, "-250.00", xlsx: xlsx)
        let finding = try #require(errors.first)
        #expect(errors.count == 1)
        #expect(finding.cell == CellAddress("J4") && finding.cause == .clawbackMissed && finding.expected == -500)
    }
}
