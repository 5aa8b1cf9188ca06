import Foundation
import Reconciliation
import Spreadsheet
import Testing
import XLSX

/// Text pasted from a web CRM or a chat keeps marks no one sees: a byte-order mark before the first
/// header, zero-width spaces after or inside names, ids and products, a left-to-right mark before a
/// name. They are no part of the value: a deal id with one is the same deal, a product with one
/// takes its override, a rep with one is the roster's.
@Suite struct InvisibleMarksTests {
    @Test func invisibleMarksArePartOfNoValue() throws {
        let header: [WriteCell] = ["\u{FEFF}Deal ID", "Rep", "Close Date", "Product", "Amount", "Commission"].map {
            .text($0)
        }
        func row(_ n: Int, id: String, rep: String, product: String, amount: String, paid: String) -> [WriteCell] {
            [
                .text(id), .text(rep), LayoutReadingTests.date("2026-04-\(n == 5 ? 12 : 10 + n)"), .text(product),
                HeldOutWorkbookTests.number(amount), HeldOutWorkbookTests.number(paid),
            ]
        }
        let rows = [
            header,
            row(
                2, id: "D2\u{200B}", rep: "Priya Nair\u{200B}", product: "Services\u{200B}", amount: "10000",
                paid: "300"),
            row(3, id: "D3", rep: "Priya \u{200B}Nair", product: "Platform", amount: "20000", paid: "1200"),
            row(4, id: "D4", rep: "\u{200E}Tomás Herrera", product: "Services", amount: "5000", paid: "150"),
            // The same deal as row 2 (its date too), pasted again without the mark: a duplicate, not a second deal.
            row(5, id: "D2", rep: "Priya Nair", product: "Services", amount: "10000", paid: "300"),
        ]
        let plan = HeldOutWorkbookTests.plan(extra: "  overrides:\n    - { when: { product: Services }, rate: 3% }")
        let result = try HeldOutWorkbookTests.reconcile([("Deals", rows)], plan: plan)
        #expect(result.errors.map(\.cell) == [CellAddress("F5")], "\(result.errors.map(\.explanation))")
        #expect(result.errors.first?.cause == .duplicateLine)
    }
}
