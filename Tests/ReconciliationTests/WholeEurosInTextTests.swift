import Foundation
import PlanFile
import Reconciliation
import Spreadsheet
import TestSupport
import Testing

/// A hand-kept CSV in whole euros with European separators: `1.000` is one thousand where the
/// column writes `61,70` and `1.234,50`, in the commission as in the amount.
@Suite struct WholeEurosInTextTests {
    static let plan = PlanTexts.flat("Whole euros", period: "month")

    @Test func aCommissionGroupedByADotIsReadInItsColumnsStyle() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("manual.csv").path
        try """
        Deal ID;Rep;Close Date;Amount;Commission
        D1;R1;03.07.2026;1.234;61,70
        D2;R1;09.07.2026;20.000;1.000
        D3;R2;12.07.2026;8.500;425
        D4;R2;20.07.2026;12.000,50;700,03

        """.write(toFile: path, atomically: true, encoding: .utf8)
        let result = try Reconciler.reconcile(
            workbook: path, plan: PlanFile.parse(Self.plan, file: "plan.yaml"), roster: [])
        #expect(
            result.errors.map { "\($0.cell) \($0.manual.map { "\($0)" } ?? "-") \($0.cause.rawValue)" } == [
                "E5 700.03 unexplained"
            ])
    }

    /// The text a finding shows is the text the cell holds: `1.000`, read as one thousand where
    /// the column writes `500,00`, is shown as `1.000`, in a deal's row as in its total.
    @Test func aCommissionReadInItsColumnsStyleIsShownAsTheCellHoldsIt() throws {
        var rows = CauseTests.goodRows()
        for index in rows.indices { rows[index].commission = .text("500,00") }
        rows[1].commission = .text("1.000")
        let result = try CauseTests.reconcile(CauseTests.workbook(rows, total: .text("2.500")))
        let row = try #require(result.errors.first { $0.cell == CellAddress("G3") })
        #expect(row.manual == 1000)
        #expect(row.manualText == "1.000")
        let total = try #require(result.errors.first { $0.cell == CellAddress("G6") })
        #expect(total.manual == 2500)
        #expect(total.manualText == "2.500")
    }
}
