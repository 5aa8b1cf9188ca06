import Foundation
import Ingest
import Reconciliation
import Spreadsheet
import Testing
import XLSX

/// An amount in another currency than the plan's, named beside its digits (`EUR 9.800,00`) or by
/// the row's `Currency` column, is no amount the plan pays on: an `unreadable` finding at its cell,
/// never paid as if it were the plan's.
@Suite struct ForeignCurrencyAmountTests {
    static let plan = CauseTests.planText.replacingOccurrences(
        of: "period: quarter", with: "currency: USD\nperiod: quarter")

    /// Reconciles a Deals sheet of `header` (texts) and `rows`: each finding as `cell cause`, and
    /// the first's explanation.
    static func findings(_ header: [String], _ rows: [[WriteCell]]) throws -> (found: [String], why: String?) {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try LayoutReadingTests.workbook([("Deals", [header.map { .text($0) }] + rows)], in: folder)
        let result = try CauseTests.reconcile(path, plan: plan)
        return (result.findings.map { "\($0.cell) \($0.cause.rawValue)" }, result.findings.first?.explanation)
    }

    static func row(_ id: String, _ amount: WriteCell, _ currency: String?, commission: String) -> [WriteCell] {
        [.text(id), .text("Ana Lima"), LayoutReadingTests.date("2026-07-03"), amount]
            + (currency.map { [.text($0)] } ?? []) + [.number(Decimal(string: commission)!)]
    }

    @Test func anAmountNamingAnotherCurrencyIsUnreadableAtItsCell() throws {
        let (found, why) = try Self.findings(
            ["Deal ID", "Rep", "Close Date", "Amount", "Commission"],
            [
                Self.row("D-1", .text("USD 10,000.00"), nil, commission: "500"),
                Self.row("D-2", .text("US$ 4,000"), nil, commission: "200"),
                Self.row("D-3", .text("EUR 9.800,00"), nil, commission: "490"),
            ])
        #expect(found == ["D4 unreadable"])
        #expect(why?.contains("an amount in EUR") == true)
    }

    /// A symbol naming another currency is judged where the column writes the plan's elsewhere;
    /// every amount under one symbol is the sheet's way of writing money, read as the plan's.
    @Test(arguments: [("$10,000.00", "€ 9.800,00", ["D3 unreadable"]), ("€ 10.000,00", "€ 9.800,00", [])])
    func aSymbolIsJudgedBesideThePlansCurrency(first: String, second: String, expected: [String]) throws {
        let (found, _) = try Self.findings(
            ["Deal ID", "Rep", "Close Date", "Amount", "Commission"],
            [
                Self.row("D-1", .text(first), nil, commission: "500"),
                Self.row("D-2", .text(second), nil, commission: "490"),
            ])
        #expect(found == expected)
    }

    /// A row's `Currency` naming another currency than the plan's makes its amount unreadable;
    /// beside an amount whose header names the plan's currency (`Amount (USD)`), or an exchange
    /// rate (`FX Rate`), the column is a local amount's, not this one's.
    @Test(arguments: [
        ("Amount", "Notes", ["D3 unreadable"]), ("Amount (USD)", "Notes", []), ("Amount", "FX Rate", []),
    ])
    func aRowBookedInAnotherCurrencyByItsCurrencyColumnIsUnreadable(
        amount: String, last: String, expected: [String]
    ) throws {
        let (found, why) = try Self.findings(
            ["Deal ID", "Rep", "Close Date", amount, "Currency", "Commission", last],
            [
                Self.row("D-1", .number(10000), "USD", commission: "500"),
                Self.row("D-2", .number(9800), "EUR", commission: "490"),
            ])
        #expect(found == expected)
        if !expected.isEmpty { #expect(why?.contains("booked in EUR (its currency, E3)") == true) }
    }
}
