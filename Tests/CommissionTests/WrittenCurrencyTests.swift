import Foundation
import Spreadsheet
import Testing

@testable import Ingest

/// The currency a figure names where it is written, and whether the plan's can be it.
@Suite struct WrittenCurrencyTests {
    /// A code or symbol before or after the digits that the plan's currency cannot be is named as
    /// written; none, the plan's own, or a symbol the plan's may be (`$` for dollars of any
    /// country) is no foreign currency.
    @Test(
        arguments: [
            ("EUR 9.800,00", "USD", "EUR"), ("9.800,00 EUR", "USD", "EUR"), ("€2,5k", "USD", "EUR"),
            ("(4,000.00) GBP", "USD", "GBP"), ("£1,200.00", "USD", "GBP"), ("C$ 1,200.50", "USD", "C$"),
            ("$1,200.00", "EUR", "$"), ("1.250,00 kr.", "EUR", "kr."), ("eur 12.50", "USD", "EUR"),
            ("12,500.00 USD", "USD", nil), ("US$ 12,500", "USD", nil), ("USD (1,234.50)", "USD", nil),
            ("$1,200.00", "CAD", nil), ("Rs. 1,250", "INR", nil), ("1.250,00 kr.", "SEK", nil),
            ("12,500.00", "USD", nil), ("1,234.50 CR", "USD", nil), ("$12.5K", "USD", nil), ("12 500,00", "EUR", nil),
            // The lari's and the manat's signs, and a sign of no currency listed: never the plan's.
            ("12 500,00 ₾", "GEL", nil), ("12 500,00 ₾", "USD", "GEL"), ("₼ 99,50", "AZN", nil),
            ("₼ 99,50", "EUR", "AZN"), ("12 500 ₯", "EUR", "₯"),
        ] as [(String, String, String?)])
    func aFigureNamingAnotherCurrencyIsForeign(text: String, plan: String, foreign: String?) {
        #expect(WrittenCurrency.foreign(text, plan: plan) == foreign)
    }

    /// Without its column writing the plan's currency, a symbol alone is the sheet's way of writing
    /// money (every amount `12.500,00 €` under a plan in USD), not judged; a code or a dollar with
    /// its country's letters always is.
    @Test(
        arguments: [
            ("€ 9.800,00", nil), ("£1,200.00", nil), ("$1,200.00", nil), ("EUR 9.800,00", "EUR"), ("C$ 1,200.50", "C$"),
        ] as [(String, String?)])
    func aSymbolAloneIsJudgedOnlyWhereItsColumnWritesThePlansCurrency(text: String, foreign: String?) {
        #expect(WrittenCurrency.foreign(text, plan: "GBP", symbols: false) == foreign)
    }

    /// A row's `Currency` cell names its amount's currency: by code, symbol or name.
    @Test(
        arguments: [
            ("EUR", "USD", "EUR"), ("€", "USD", "€"), ("Euro", "USD", "Euro"), ("gbp", "USD", "gbp"),
            ("USD", "USD", nil), ("usd", "USD", nil), ("US$", "USD", nil), ("", "USD", nil), ("n/a", "USD", nil),
        ] as [(String, String, String?)])
    func aCurrencyCellNamesItsRowsCurrency(text: String, plan: String, foreign: String?) {
        #expect(WrittenCurrency.foreign(inCurrencyCell: .text(text), plan: plan) == foreign)
    }

    @Test(arguments: [
        ("Currency", true), ("Curr.", true), ("CCY", true), ("Deal Currency", true), ("Währung", true),
        ("Moneda", true), ("Opportunity Currency", true), ("Amount", false), ("Currency Rate", false),
        ("FX Rate", false),
    ])
    func aColumnOfEachRowsCurrencyIsKnownByItsHeader(header: String, heads: Bool) {
        #expect(WrittenCurrency.headsCurrencyColumn(header) == heads)
    }

    @Test(arguments: [
        ("FX Rate", true), ("Exchange Rate", true), ("Local Amount", true), ("Tipo de cambio", true),
        ("Wechselkurs", true), ("Amount", false), ("Currency", false), ("Rate", false),
    ])
    func aConversionIsKnownByItsHeader(header: String, converts: Bool) {
        #expect(WrittenCurrency.headsConversion(header) == converts)
    }

    /// The dollars a country's letters mark are read as the figure they mark, before or after it.
    @Test(arguments: [
        ("US$ 12,500", "12500"), ("US$ 12,500.50", "12500.5"), ("12,500.00 US$", "12500"), ("C$ 1,200.50", "1200.5"),
        ("(US$ 4,000.00)", "-4000"), ("12.500,00 R$", "12500"),
    ])
    func aCountrysDollarIsRead(text: String, expected: String) throws {
        let style: NumberStyle = text.contains("R$") ? .decimalComma : .decimalPoint
        #expect(try ValueReading.parseMoney(text, style: style) == Decimal(string: expected)!)
    }
}
