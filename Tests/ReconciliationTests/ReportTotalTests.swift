import Foundation
import Reconciliation
import Spreadsheet
import Testing
import XLSX

/// A report's figures typed as an ERP exports them (NetSuite's `Sales by Sales Rep Detail`): each
/// rep's rows closed by `Total - <rep>`, the report by `Total` alone right under the last rep's.
/// That last total has no row of its own since the total above it: it adds every row above, as a
/// grand total does, never nothing.
@Suite struct ReportTotalTests {
    static func rows(grandTotal: Decimal) -> [[WriteCell]] {
        [
            ["Deal ID", "Rep", "Close Date", "Amount", "Rate", "Commission"].map { .text($0) },
            NestedSubtotalTests.deal("D1", "Ana Lima", "2026-01-10", 10000, row: 2),
            NestedSubtotalTests.deal("D2", "Ana Lima", "2026-01-20", 4000, row: 3),
            [.text("Total - Ana Lima"), .empty, .empty, .number(14000), .empty, .number(700)],
            NestedSubtotalTests.deal("D3", "Ben Okafor", "2026-01-15", 2000, row: 5),
            [.text("Total - Ben Okafor"), .empty, .empty, .number(2000), .empty, .number(100)],
            [.text("Total"), .empty, .empty, .number(16000), .empty, .number(grandTotal)],
        ]
    }

    @Test func aBareTotalUnderTheLastBlocksAddsEveryRow() throws {
        let result = try NestedSubtotalTests.reconcile(Self.rows(grandTotal: 800))
        #expect(result.errors.isEmpty, "\(result.errors.map { "\($0.cell) \($0.cause) \($0.explanation)" })")
    }

    @Test func aWrongBareTotalIsComparedWithEveryRow() throws {
        let result = try NestedSubtotalTests.reconcile(Self.rows(grandTotal: 900))
        #expect(result.errors.map(\.cell) == [CellAddress("F7")!])
        #expect(result.errors.first?.expected == 800)
    }
}
