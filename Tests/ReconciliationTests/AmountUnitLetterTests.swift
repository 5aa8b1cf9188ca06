import Foundation
import Reconciliation
import Spreadsheet
import Testing
import XLSX

/// Amounts written with their unit's letter (`10k`, `$12.5K`, `1.2M`) are read as a person reads
/// them; a commission so written stays a figure the sheet cannot pay (`unreadable`).
@Suite struct AmountUnitLetterTests {
    @Test func amountsInThousandsAndMillionsAreRead() throws {
        let header: [WriteCell] = ["Deal ID", "Rep", "Close Date", "Amount", "Commission"].map { .text($0) }
        func row(_ n: Int, amount: String, paid: WriteCell) -> [WriteCell] {
            [.text("D\(n)"), .text("Priya Nair"), LayoutReadingTests.date("2026-04-\(10 + n)"), .text(amount), paid]
        }
        let rows = [
            header,
            row(2, amount: "10k", paid: HeldOutWorkbookTests.number("600")),
            row(3, amount: "$12.5K", paid: HeldOutWorkbookTests.number("750")),
            row(4, amount: "1.2M", paid: HeldOutWorkbookTests.number("72000")),
            // 6% of 20,000 is 1,200: the sheet pays 1,300.
            row(5, amount: "20 k", paid: HeldOutWorkbookTests.number("1300")),
            // A commission written with a letter is no figure to read.
            row(6, amount: "5000", paid: .text("0.3k")),
        ]
        let result = try HeldOutWorkbookTests.reconcile([("Deals", rows)], plan: HeldOutWorkbookTests.plan())
        let byCell = Dictionary(result.errors.map { ($0.cell, $0.cause) }, uniquingKeysWith: { first, _ in first })
        #expect(byCell.count == 2, "\(result.errors.map(\.explanation))")
        #expect(byCell[CellAddress("E5")!] != nil)
        #expect(byCell[CellAddress("E6")!] == .unreadable)
    }
}
