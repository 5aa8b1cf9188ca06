import Commission
import Foundation
import Testing

@testable import Ingest

/// Money typed as text the ways reports and people write it, signs and currencies included.
@Suite struct MoneyTextReadingTests {
    @Test(arguments: [
        ("−4,000.00", NumberStyle.decimalPoint, "-4000"), ("‒12", .decimalPoint, "-12"),
        ("–5.50", .decimalPoint, "-5.5"),
        ("(4,000.00) USD", .decimalPoint, "-4000"), ("USD (4,000.00)", .decimalPoint, "-4000"),
        ("12,500.00 USD", .decimalPoint, "12500"), ("(4.000,00) EUR", .decimalComma, "-4000"),
        ("−4.000,00 €", .decimalComma, "-4000"), ("$1,234.50", .decimalPoint, "1234.5"),
        ("155,22-", .decimalComma, "-155.22"),
        ("–", .decimalPoint, "0"),
        // The cents dashed out: whole units, no minus.
        ("12.500,-", .decimalComma, "12500"), ("12'500.-", .decimalPoint, "12500"), ("€ 99,-", .decimalComma, "99"),
        ("1.250,-€", .decimalComma, "1250"),
        // Any currency's sign, before or after (the lari's, the manat's, the tenge's).
        ("12\u{00A0}500,00 ₾", .decimalComma, "12500"), ("₼ 99,50", .decimalComma, "99.5"),
        ("−1 250,00 ₸", .decimalComma, "-1250"),
    ])
    func moneyTextIsReadAsItsNumber(text: String, style: NumberStyle, expected: String) throws {
        #expect(try ValueReading.parseMoney(text, style: style) == Decimal(string: expected)!)
    }

    /// A credit marked as ledgers and accounting reports mark it, after the figure, is a minus; a
    /// debit's mark is no sign.
    @Test(arguments: [
        ("1,234.50 CR", NumberStyle.decimalPoint, "-1234.5"), ("1,234.50CR", .decimalPoint, "-1234.5"),
        ("$748.26 Cr", .decimalPoint, "-748.26"), ("1.234,50 CR", .decimalComma, "-1234.5"),
        ("1,234.50 DR", .decimalPoint, "1234.5"), ("USD 99.00Dr", .decimalPoint, "99"),
    ])
    func aCreditsMarkIsAMinus(text: String, style: NumberStyle, expected: String) throws {
        #expect(try ValueReading.parseMoney(text, style: style) == Decimal(string: expected)!)
        #expect(try ValueReading.money(.text(text), style: style) == Decimal(string: expected)!)
    }

    /// Figures typed on an Arabic-script keyboard (a Persian one types its digits into Excel as
    /// text): Persian `۰`–`۹` and Arabic-Indic `٠`–`٩`, the Arabic thousands `٬`, decimal `٫` and
    /// percent `٪`, read as the figures, shares and rates they write.
    @Test func figuresInArabicScriptDigitsAreRead() throws {
        #expect(try ValueReading.parseMoney("۱۲٬۵۰۰٫۰۰", style: .decimalPoint) == 12500)
        #expect(try ValueReading.parseMoney("١٢٬٥٠٠٫٥٠", style: .decimalPoint) == Decimal(string: "12500.5")!)
        #expect(try ValueReading.money(.text("-٩٣٧٫٥٠"), style: .decimalPoint) == Decimal(string: "-937.5")!)
        #expect(try ValueReading.fraction(.text("٥٠٪"), style: .decimalPoint) == Decimal(string: "0.5")!)
        #expect(ValueReading.percentage(.text("۷٫۵٪"), style: .decimalPoint) == Decimal(string: "0.075")!)
        #expect(NumberStyle.shown(by: "١٢٬٥٠٠٫٠٠") == .decimalPoint)
        // Arabic words are left as they are, and are no number.
        #expect(ValueReading.latinDigits("المبلغ") == "المبلغ")
        #expect(throws: ValueReading.Failure.self) { try ValueReading.parseMoney("المبلغ", style: .decimalPoint) }
    }

    /// Figures, shares, rates and dates typed in the digits of India's scripts, grouped as India
    /// groups them: Devanagari `०`–`९` (Hindi) and Bengali `০`–`৯`; words in the scripts are left
    /// as they are.
    @Test func figuresAndDatesInDevanagariAndBengaliDigitsAreRead() throws {
        #expect(try ValueReading.parseMoney("१,२०,५००.००", style: .decimalPoint) == 120500)
        #expect(try ValueReading.parseMoney("১২,৫০,০০০.৭৫", style: .decimalPoint) == Decimal(string: "1250000.75")!)
        #expect(ValueReading.percentage(.text("৭.৫%"), style: .decimalPoint) == Decimal(string: "0.075")!)
        #expect(try ValueReading.fraction(.text("५०%"), style: .decimalPoint) == Decimal(string: "0.5")!)
        #expect(ValueReading.dateParts("१५/०३/२०२६").map { [$0.0, $0.1, $0.2] } == [15, 3, 2026])
        #expect(try ValueReading.date(.text("২০২৬-০৩-১৫")) == LocalDate(year: 2026, month: 3, day: 15))
        #expect(ValueReading.latinDigits("कमीशन राशि") == "कमीशन राशि")
        #expect(throws: ValueReading.Failure.self) { try ValueReading.parseMoney("পরিমাণ", style: .decimalPoint) }
    }

    /// Figures, shares and rates typed in the full-width digits and signs a Japanese or Chinese
    /// input method leaves in a cell (`１２，５００．００`, `７．５％`, `－`, `＄`); words in the
    /// scripts are left as they are.
    @Test func figuresInFullWidthDigitsAreRead() throws {
        #expect(try ValueReading.parseMoney("１２，５００．００", style: .decimalPoint) == 12500)
        #expect(try ValueReading.parseMoney("－１，２３４．５６", style: .decimalPoint) == Decimal(string: "-1234.56")!)
        #expect(try ValueReading.parseMoney("＄９８０．００", style: .decimalPoint) == 980)
        #expect(ValueReading.percentage(.text("７．５％"), style: .decimalPoint) == Decimal(string: "0.075")!)
        #expect(try ValueReading.fraction(.text("５０％"), style: .decimalPoint) == Decimal(string: "0.5")!)
        #expect(ValueReading.latinDigits("コミッション") == "コミッション")
        #expect(ValueReading.latinDigits("提成金额") == "提成金额")
        #expect(throws: ValueReading.Failure.self) { try ValueReading.parseMoney("金額", style: .decimalPoint) }
    }

    /// A mark with no figure before it is no number.
    @Test(arguments: ["CR", "ACR", "12 CRX"])
    func aMarkAloneIsNoNumber(text: String) {
        #expect(throws: ValueReading.Failure.self) { try ValueReading.parseMoney(text, style: .decimalPoint) }
    }

    /// The złoty and the Nordic crowns, by symbol or code, before or after the figure.
    @Test(arguments: [
        ("10 000,00 zł", NumberStyle.decimalComma, "10000"), ("(1 200,00) zł", .decimalComma, "-1200"),
        ("PLN 99.50", .decimalPoint, "99.5"), ("SEK 12500", .decimalPoint, "12500"),
        ("1.250,00 kr.", .decimalComma, "1250"), ("750 kr", .decimalComma, "750"),
        ("4,000.00 NOK", .decimalPoint, "4000"),
        ("DKK 1.000,50", .decimalComma, "1000.5"),
    ])
    func zlotyAndCrownsAreRead(text: String, style: NumberStyle, expected: String) throws {
        #expect(try ValueReading.parseMoney(text, style: style) == Decimal(string: expected)!)
    }

    /// Rupees grouped by lakhs, and thousands grouped by the Swiss typographic apostrophe, the
    /// ASCII one, a thin, narrow no-break or no-break space: read where the groups are whole
    /// thousands (or lakhs), never guessed elsewhere.
    @Test(arguments: [
        ("₹1,23,456.78", NumberStyle.decimalPoint, "123456.78"), ("₹ 12,34,56,789.00", .decimalPoint, "123456789"),
        ("Rs. 1,23,456", .decimalPoint, "123456"), ("INR 1,234,567.50", .decimalPoint, "1234567.5"),
        ("₹999.50", .decimalPoint, "999.5"), ("1\u{2019}234.50", .decimalPoint, "1234.5"),
        ("103\u{2019}105.48", .decimalPoint, "103105.48"),
        ("CHF 1\u{2019}234\u{2019}567.05", .decimalPoint, "1234567.05"),
        ("1'234.50", .decimalPoint, "1234.5"), ("103\u{2009}105.48", .decimalPoint, "103105.48"),
        ("103\u{2009}105,48 €", .decimalComma, "103105.48"), ("103\u{202F}105,48", .decimalComma, "103105.48"),
        ("103\u{00A0}105,48", .decimalComma, "103105.48"), ("1\u{2007}234\u{2007}567", .decimalPoint, "1234567"),
    ])
    func moneyGroupedInMoreWaysIsRead(text: String, style: NumberStyle, expected: String) throws {
        #expect(try ValueReading.parseMoney(text, style: style) == Decimal(string: expected)!)
        #expect(try ValueReading.money(.text(text), style: style) == Decimal(string: expected)!)
    }

    @Test(arguments: [
        "₹1,2,3456.78", "₹12,345,6.00", "1\u{2019}23.50", "12\u{2019}3456", "1\u{2009}2\u{2009}3", "1.5\u{2019}000",
        "\u{2019}123.00",
    ])
    func misgroupedMoneyIsNoNumber(text: String) {
        #expect(throws: ValueReading.Failure.self) { try ValueReading.parseMoney(text, style: .decimalPoint) }
    }

    /// In a column's style its grouping separator stands only between whole groups of three (or
    /// lakhs): a value written in the other style, or grouped wrongly, is no number.
    @Test(arguments: [
        ("2.345,00", NumberStyle.decimalPoint), ("1,5", .decimalPoint), ("1,234.5,6", .decimalPoint),
        ("1.234,56", .decimalPoint), ("1,234.56", .decimalComma), ("1.5", .decimalComma), ("1,2,3", .decimalComma),
    ])
    func aValueWrittenInTheOtherStyleIsNoNumber(text: String, style: NumberStyle) {
        #expect(throws: ValueReading.Failure.self) { try ValueReading.parseMoney(text, style: style) }
    }

    /// A dash in a split column is no split written (the line's whole share), not a share of 0%.
    @Test func aDashIsNoShareWritten() throws {
        #expect(try ValueReading.fraction(.text("-"), style: .decimalPoint) == nil)
        #expect(try ValueReading.fraction(.text(" – "), style: .decimalComma) == nil)
        #expect(try ValueReading.fraction(.text("50%"), style: .decimalPoint) == Decimal(string: "0.5")!)
        #expect(try ValueReading.money(.text("-"), style: .decimalPoint) == 0)
    }

    /// An amount's header giving its figures in thousands (`Amount ($k)`) scales them; a currency
    /// or a figure's own name does not.
    @Test func anAmountsHeaderGivesItsScale() {
        for header in [
            "Amount ($k)", "Amount (USD k)", "Amount $K", "Bookings (000s)", "ACV (in thousands)", "Umsatz (Tsd. €)",
            "Importe (en miles de €)", "Montant (milliers €)", "Betrag (in Tausend €)",
            "Importo (in migliaia di €)", "Valor (em milhares de R$)", "Bedrag (in duizenden €)",
            "Amount ($000)", "Revenue (in thousands)", "ACV (k)", "Importe (miles)", "Amount ($'000)", "Amount (000's)",
            "Revenue in thousands", "Amount (USD,k)", "Revenue (thousands of USD)", "Importe (miles de euros)",
            "Importe (en miles de US$)", "Ventas miles €", "Umsatz (TEUR)", "Umsatz TEUR", "Umsatz in T€",
            "Auftragswert (kEUR)", "Umsatz (in Tausend Euro)", "Betrag (in 1.000 €)", "Umsatz (Tsd. EUR)",
            "Umsatz in Tsd. EUR", "Montant (K€)", "Montant (k€ HT)", "Montant (en milliers d'euros)",
            "Montant en milliers", "Amount (x1000)", "Amount (x 1,000 USD)", "Amount (KUSD)",
        ] {
            #expect(AmountScale.of(header) == 1000, "\(header)")
        }
        for header in [
            "Amount", "Amount ($)", "Deal Amount (USD)", "Bookings", "Amount (local)", "Net ACV", "Amount (k units)",
            "Amount ($ mil)", "Deal Amount 2026", "Amount (Net)", "Amount USD", "K", "Amount in units",
            "Importe (€)", "Betrag Netto", "Amount (local currency)", "Bookings Q1 2026",
        ] {
            #expect(AmountScale.of(header) == 1, "\(header)")
        }
    }

    /// An amount kept in whole cents, as a database or a payment system keeps money, says so in
    /// its header (`Amount (cents)`, `amount_cents`): its figures are hundredths. A word naming
    /// something else beside `cents`, or thousands as well, leaves the figures as they are.
    @Test func anAmountInCentsIsInHundredths() {
        for header in [
            "Amount (cents)", "Amount in cents", "amount_cents", "deal_amount_cents", "Deal Value (¢)",
            "Amount (USD cents)", "Importe (céntimos)", "Amount (cents, USD)",
        ] {
            #expect(AmountScale.of(header) == Decimal(string: "0.01"), "\(header)")
        }
        for header in ["Amount (k cents)", "Amount (cents per unit)", "Cents", "amount_usd", "Percent Amount"] {
            #expect(AmountScale.of(header) == 1, "\(header)")
        }
    }

    /// An amount kept in millions, lakhs or crores says so in its header (`Amount ($M)`, `Bookings
    /// (USD mn)`, `Deal Value (₹ in lakhs)`, `Amount (₹ Cr)`), as one in thousands of yen or ten
    /// thousands of yuan does (`金額（千円）`, `金额（万元）`): its figures are that many units. Two
    /// scales, or a word naming something else beside one, leave the figures as they are.
    @Test func anAmountInMillionsOrLakhsIsScaled() {
        for header in [
            "Amount ($M)", "Amount (USD mn)", "Bookings (USD MM)", "Umsatz (Mio. €)", "ACV (in millions)",
            "Importe (millones de €)", "Amount (MEUR)", "Revenue in millions", "Valor (R$ milhões)",
        ] {
            #expect(AmountScale.of(header) == 1_000_000, "\(header)")
        }
        for header in [
            "Deal Value (₹ in lakhs)", "Amount (Lakhs)", "Amount (Rs. lakhs)", "Order Value (INR lac)",
            "Amount in lakhs",
        ] {
            #expect(AmountScale.of(header) == 100_000, "\(header)")
        }
        for header in ["Amount (₹ Cr)", "Deal Value (INR crores)"] {
            #expect(AmountScale.of(header) == 10_000_000, "\(header)")
        }
        for (header, scale) in [
            ("金額（千円）", 1000), ("受注金額 (千円)", 1000), ("金额（万元）", 10000), ("合同金额（千元）", 1000),
            ("売上（百万円）", 1_000_000), ("金額（円）", 1), ("金额（元）", 1),
        ] {
            #expect(AmountScale.of(header) == Decimal(scale), "\(header)")
        }
        for header in [
            "Amount (k millions)", "Amount (millions of units)", "Amount (MXN)", "Millions", "Amount (lakh, k)",
        ] {
            #expect(AmountScale.of(header) == 1, "\(header)")
        }
    }

    /// A currency beside the thousands is the one a row of units or a header's brackets name
    /// (`CurrencyUnit`): `Amount (k SEK)` and `Amount (R$ k)` are thousands, as `Bonus (SEK)` and
    /// `Bonus (R$)` are a bonus in a currency.
    @Test(arguments: ["SEK", "R$", "kr", "zł", "CHF", "US$", "¥", "ZAR", "THB", "nok", "₹", "Rs.", "₩"])
    func anAmountInThousandsNamesTheCurrenciesAUnitNames(currency: String) {
        #expect(UnitsRow.withoutCurrency("Bonus (\(currency))") == "Bonus")
        #expect(AmountScale.of("Amount (k \(currency))") == 1000)
        #expect(AmountScale.of("Amount (\(currency) k)") == 1000)
        #expect(AmountScale.of("Amount (\(currency))") == 1)
    }
}
