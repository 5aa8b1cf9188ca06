import Foundation
import Reconciliation
import Spreadsheet
import Testing
import XLSX

/// A tab per quarter opened by the balance brought forward from the tab before and closed by its
/// total and the year to date (`Brought forward ='Q1 2026'!F5`, `Year to date =F2+F5`): rows of
/// no deal and no total of the rows above, so no `unreadable` findings; the quarter's total is
/// still compared.
@Suite struct CarriedBalanceRowsTests {
    @Test func balancesCarriedBetweenTabsAreNoDeals() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (header, deal) = (PageFooterRowsTests.header, PageFooterRowsTests.deal)
        func labelled(_ text: String, _ value: String, _ formula: String) -> [WriteCell] {
            [.text(text), .empty, .empty, .empty, .empty, CauseTests.formula(value, formula)]
        }
        let first: [[WriteCell]] = [
            header, deal("D1", 2), deal("D2", 3), labelled("Q1 Total", "1000", "SUBTOTAL(9,F2:F3)"),
            labelled("YTD", "1000", "F4"),
        ]
        let second: [[WriteCell]] = [
            header, labelled("B/F from Q1", "1000", "'Q1 2026'!F5"), deal("D3", 3), deal("D4", 4),
            labelled("Q2 Total", "1000", "SUBTOTAL(9,F3:F4)"), labelled("Year to date", "2000", "F2+F5"),
            [.text("Balance carried forward"), .empty, .empty, .empty, .empty, .number(2000)],
        ]
        let path = try LayoutReadingTests.workbook([("Q1 2026", first), ("Q2 2026", second)], in: folder)
        let result = try LayoutReadingTests.reconcile(path, in: folder)
        #expect(result.findings.isEmpty, "\(result.findings.map { "\($0.cell) \($0.cause) \($0.explanation)" })")
        #expect(result.statement.lineGroups.joined().compactMap(\.dealID).sorted() == ["D1", "D2", "D3", "D4"])
    }
}
