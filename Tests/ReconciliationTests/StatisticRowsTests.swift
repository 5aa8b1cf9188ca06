import Foundation
import Reconciliation
import Spreadsheet
import Testing
import XLSX

/// Rows under the deals that hold a statistic of the commission column other than its sum
/// (`Maximum =MAX(F2:F4)`, `Mean =AVERAGE(…)` with its label in the amount column, `# deals
/// =COUNT(…)`, `=SUBTOTAL(1,…)`): no deals and no totals, so no `unreadable` findings; the sum's
/// total beside them is still compared.
@Suite struct StatisticRowsTests {
    @Test func statisticsOfTheCommissionColumnAreNoDeals() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (header, deal) = (PageFooterRowsTests.header, PageFooterRowsTests.deal)
        func statistic(_ label: Int, _ text: String, _ value: String, _ formula: String) -> [WriteCell] {
            (1...5).map { $0 == label ? .text(text) : .empty } + [CauseTests.formula(value, formula)]
        }
        let rows: [[WriteCell]] = [
            header, deal("D1", 2), deal("D2", 3), deal("D3", 4), [],
            statistic(1, "Total", "1500", "SUM(F2:F4)"), statistic(1, "Maximum", "500", "MAX(F2:F4)"),
            statistic(4, "Mean", "500", "AVERAGE(F2:F4)"), statistic(3, "# deals", "3", "COUNT(F2:F4)"),
            statistic(1, "Average", "500", "SUBTOTAL(1,F2:F4)"),
        ]
        let path = try LayoutReadingTests.workbook([("Deals", rows)], in: folder)
        let result = try LayoutReadingTests.reconcile(path, in: folder)
        #expect(result.findings.isEmpty, "\(result.findings.map { "\($0.cell) \($0.cause) \($0.explanation)" })")
        #expect(result.statement.lineGroups.joined().compactMap(\.dealID).sorted() == ["D1", "D2", "D3"])
    }
}
