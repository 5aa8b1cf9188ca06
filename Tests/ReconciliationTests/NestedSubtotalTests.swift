import Foundation
import Reconciliation
import Spreadsheet
import Testing
import XLSX

/// Blocks per rep holding a block per month, each month closed by a `SUBTOTAL(9,…)` labelled in
/// words no language's total word opens (`Ana Lima — January 2026`), the rep's total a
/// `SUBTOTAL(9,…)` over the rep's rows and months' subtotals, and a grand total over everything:
/// each month's subtotal is a total of its month, each rep's of the rep's rows, not of every row
/// above it.
@Suite struct NestedSubtotalTests {
    /// A deal at `rate` on sheet row `row`.
    static func deal(_ id: String, _ rep: String, _ date: String, _ amount: Decimal, rate: String = "0.05", row: Int)
        -> [WriteCell]
    {
        let commission = amount * Decimal(string: rate)!
        return [
            .text(id), .text(rep), LayoutReadingTests.date(date), .number(amount), .number(Decimal(string: rate)!),
            CauseTests.formula("\(commission)", "ROUND(D\(row)*E\(row),2)"),
        ]
    }

    /// A total labelled `label` whose commission is `SUBTOTAL(9,F<from>:F<to>)` caching `value`.
    static func total(_ label: String, from: Int, to: Int, _ value: String) -> [WriteCell] {
        [.text(label), .empty, .empty, .empty, .empty, CauseTests.formula(value, "SUBTOTAL(9,F\(from):F\(to))")]
    }

    /// Ana's January (D1, D2 on rows 2–3) and February (D3, row 5), Ben's January (D4, row 8);
    /// `d2Rate` is the rate D2 is paid at.
    static func rows(d2Rate: String = "0.05") -> [[WriteCell]] {
        let d2 = 4000 * Decimal(string: d2Rate)!
        let ana = 500 + d2 + 300
        return [
            ["Deal ID", "Rep", "Close Date", "Amount", "Rate", "Commission"].map { .text($0) },
            deal("D1", "Ana Lima", "2026-01-10", 10000, row: 2),
            deal("D2", "Ana Lima", "2026-01-20", 4000, rate: d2Rate, row: 3),
            total("Ana Lima — January 2026", from: 2, to: 3, "\(500 + d2)"),
            deal("D3", "Ana Lima", "2026-02-10", 6000, row: 5),
            total("Ana Lima — February 2026", from: 5, to: 5, "300"),
            total("Total Ana Lima", from: 2, to: 6, "\(ana)"),
            deal("D4", "Ben Okafor", "2026-01-15", 2000, row: 8),
            total("Ben Okafor — January 2026", from: 8, to: 8, "100"),
            total("Total Ben Okafor", from: 8, to: 9, "100"),
            total("Grand total", from: 2, to: 10, "\(ana + 100)"),
        ]
    }

    static func reconcile(_ rows: [[WriteCell]]) throws -> Reconciliation {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try LayoutReadingTests.workbook([("Deals", rows)], in: folder)
        return try LayoutReadingTests.reconcile(path, in: folder)
    }

    @Test func monthSubtotalsUnderRepTotalsAreRead() throws {
        let result = try Self.reconcile(Self.rows())
        #expect(result.errors.isEmpty, "\(result.errors.map { "\($0.cell) \($0.cause) \($0.explanation)" })")
        #expect(result.statement.lines.count == 4)
    }

    @Test func aWrongRateIsInItsMonthsItsRepsAndTheGrandTotalNoneOfThemShort() throws {
        let result = try Self.reconcile(Self.rows(d2Rate: "0.1"))
        #expect(Set(result.errors.map(\.cell)) == Set(["F3", "F4", "F7", "F11"].map { CellAddress($0)! }))
        #expect(!result.errors.contains { $0.causes.contains(.sumRange) }, "\(result.errors.map(\.explanation))")
    }
}
