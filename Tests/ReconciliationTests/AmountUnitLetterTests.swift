import Foundation
import Reconciliation
import Spreadsheet
import Testing
import XLSX

/// Amounts written with their unit's letter (`10k`, `$12.5K`, `1.2M`) or word (`12.35 Lakh`, `1,250万円`)
/// are read as a person reads them; a commission so written stays a figure the sheet cannot pay
/// (`unreadable`).
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

    /// Lakhs and crores by their words, and the ten thousands and hundred millions of Japanese,
    /// Chinese and Korean, as Indian and East Asian teams type amounts; `Cr` alone stays a ledger's
    /// credit mark (`1.25 Cr` is minus 1.25), so its row's figure is wrong, never a crore guessed.
    @Test func amountsInLakhsCroresAndMyriadsAreRead() throws {
        let header: [WriteCell] = ["Deal ID", "Rep", "Close Date", "Amount", "Commission"].map { .text($0) }
        func row(_ n: Int, amount: String, paid: String) -> [WriteCell] {
            [
                .text("D\(n)"), .text("Priya Nair"), LayoutReadingTests.date("2026-04-\(10 + n)"), .text(amount),
                HeldOutWorkbookTests.number(paid),
            ]
        }
        let written: [(String, String)] = [
            ("12.35 L", "74100"), ("12.35 Lakh", "74100"), ("₹2 lakhs", "12000"), ("3 Lacs", "18000"),
            ("1.25 Crore", "750000"), ("1,250万円", "750000"), ("1250万", "750000"), ("¥1,250万", "750000"),
            ("1億2,500万円", "7500000"), ("3.5亿元", "21000000"), ("1,250만원", "750000"), ("1億円", "6000000"),
            ("1.25 Cr", "750000"),
        ]
        let rows = [header] + written.enumerated().map { row($0.offset + 2, amount: $0.element.0, paid: $0.element.1) }
        let result = try HeldOutWorkbookTests.reconcile([("Deals", rows)], plan: HeldOutWorkbookTests.plan())
        #expect(
            result.errors.map(\.cell) == [CellAddress("E\(written.count + 1)")!], "\(result.errors.map(\.explanation))")
    }
}
