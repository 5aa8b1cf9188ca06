import Foundation
import Testing

@testable import Ingest

/// Money typed as text the ways reports and people write it, signs and currencies included.
@Suite struct MoneyTextTests {
    @Test(arguments: [
        ("−4,000.00", NumberStyle.decimalPoint, "-4000"), ("‒12", .decimalPoint, "-12"),
        ("–5.50", .decimalPoint, "-5.5"),
        ("(4,000.00) USD", .decimalPoint, "-4000"), ("USD (4,000.00)", .decimalPoint, "-4000"),
        ("12,500.00 USD", .decimalPoint, "12500"), ("(4.000,00) EUR", .decimalComma, "-4000"),
        ("−4.000,00 €", .decimalComma, "-4000"), ("$1,234.50", .decimalPoint, "1234.5"),
        ("155,22-", .decimalComma, "-155.22"),
        ("–", .decimalPoint, "0"),
    ])
    func moneyTextIsReadAsItsNumber(text: String, style: NumberStyle, expected: String) throws {
        #expect(try ValueReading.parseMoney(text, style: style) == Decimal(string: expected)!)
    }
}
