import Spreadsheet

/// The currency a figure names where it is written: an ISO code or a symbol typed beside its
/// digits (`EUR 9.800,00`, `12,500.00 USD`, `US$ 12,500`, `£1,200.00`), or a `Currency` column
/// naming each row's (`EUR`, as CRM exports write an opportunity's currency).
///
/// The contract reads every amount in the plan's currency (plan-format.md §1.1): an amount that
/// names another is no amount the plan can pay on, and is never read as if it were the plan's.
enum WrittenCurrency {
    /// The currencies the mark written before or after `text`'s digits may stand for (`$` for any
    /// dollar or peso, `kr` for any crown), and whether the mark says which by name (an ISO code,
    /// or a dollar with its country's letters, `US$`, `C$`); nil when it writes none, or a word that
    /// is no currency.
    static func codes(in text: String) -> (codes: Set<String>, named: Bool)? {
        guard let first = text.firstIndex(where: \.isNumber), let last = text.lastIndex(where: \.isNumber) else {
            return nil
        }
        let marks = [bare(text[..<first]), bare(text[text.index(after: last)...])].filter { !$0.isEmpty }
        // A scale's letter beside a currency is no currency (`€2,5k`); a currency on both sides is
        // read only when the two agree (`USD 12.50 USD`).
        let read = marks.compactMap { mark in codes(ofMark: mark).map { (mark, $0) } }
        guard let (mark, codes) = read.first, read.allSatisfy({ $0.1 == codes }) else { return nil }
        return (codes, symbols[mark] == nil && symbols[mark.lowercased()] == nil || namedDollars.contains(mark))
    }

    /// The currencies a mark stands for: a symbol's (`€`, `US$`, `R$`), or a code's own; nil for
    /// any other word (`k`, `CR`, `approx.`).
    static func codes(ofMark mark: String) -> Set<String>? {
        if let codes = symbols[mark] { return codes }
        if let codes = symbols[mark.lowercased()] { return codes }
        // A currency sign of no listed currency is some currency, never the plan's.
        if mark.unicodeScalars.count == 1, mark.unicodeScalars.first?.properties.generalCategory == .currencySymbol {
            return [mark]
        }
        let upper = mark.uppercased()
        guard upper.count == 3, upper.allSatisfy({ $0.isASCII && $0.isLetter }),
            mark == upper || CurrencyUnit.isCommon(upper)
        else { return nil }
        return [upper]
    }

    /// What a figure's text names that the plan's currency `plan` (`USD`) cannot be: the mark as
    /// written (`EUR`, `€`, `C$`); nil when it names none, or one that may be the plan's (`$` for
    /// a plan in CAD as for one in USD). A symbol alone (`€`, `£`, `$`) is judged only with
    /// `symbols` (its column writes the plan's currency elsewhere, so that its marks mean what
    /// they say): a sheet's every amount under one symbol is its template's way of writing money.
    static func foreign(_ text: String, plan: String, symbols: Bool = true) -> String? {
        guard let (codes, named) = codes(in: text), named || symbols, !codes.contains(plan.uppercased()) else {
            return nil
        }
        return codes.count == 1 ? codes.first : mark(of: text)
    }

    /// What a row's `Currency` cell (`EUR`, `€`, `Euro`) names that the plan's `plan` cannot be,
    /// as written; nil for a blank cell, the plan's own, or a text naming no currency.
    static func foreign(inCurrencyCell value: CellValue, plan: String) -> String? {
        guard let text = ValueReading.text(value)?.trimmingCharacters(in: .whitespaces), !text.isEmpty else {
            return nil
        }
        let codes = codes(ofMark: text) ?? names[text.lowercased()]
        guard let codes, !codes.contains(plan.uppercased()) else { return nil }
        return text
    }

    /// Whether `header` heads a column of each row's currency (`Currency`, `Curr.`, `CCY`,
    /// `Deal Currency`, `Währung`, `Moneda`, `Devise`).
    static func headsCurrencyColumn(_ header: String) -> Bool { columnHeaders.contains(headerKey(header)) }

    /// Whether `header` heads an exchange rate or an amount in a local currency (`FX Rate`,
    /// `Exchange Rate`, `Conversion Rate`, `Local Amount`, `Wechselkurs`, `Tipo de cambio`, `Taux de
    /// change`): a sheet converting its amounts, whose currency column is the local amounts'.
    static func headsConversion(_ header: String) -> Bool {
        let key = headerKey(header)
        return key.hasPrefix("fx")
            || ["exchange", "conversion", "local", "wechselkurs", "cambio", "tauxdechange"]
                .contains { key.contains($0) }
    }

    /// The marks written around a figure's digits, without signs, brackets and a ledger's marks.
    private static func bare(_ part: Substring) -> String {
        var text = part.trimmingCharacters(in: .whitespaces)
        for mark in ["CR", "DR", "cr", "dr"] where text.hasSuffix(mark) && text.count > mark.count {
            text = String(text.dropLast(mark.count))
        }
        let signs: Set<Character> = ["(", ")", "-", "+", "−", ",", ".", "'", "’", " ", "\u{00A0}", "\u{202F}"]
        while let first = text.first, signs.contains(first) { text.removeFirst() }
        // A trailing dot belongs to `Rs.`, `kr.` and `Fr.`; other trailing signs do not.
        while let last = text.last, signs.contains(last), !(last == "." && symbols[text] != nil) {
            text.removeLast()
        }
        return text
    }

    private static func mark(of text: String) -> String {
        let marks = text.split(whereSeparator: { $0.isNumber || $0 == " " }).map(String.init)
        return marks.first { codes(ofMark: bare($0[...])) != nil }.map { bare($0[...]) } ?? text
    }

    /// Dollars written with their country's letters: as plain as an ISO code.
    private static let namedDollars: Set<String> = [
        "US$", "U$S", "C$", "CA$", "A$", "AU$", "NZ$", "HK$", "S$", "MX$", "NT$",
    ]

    private static let dollars: Set<String> = [
        "USD", "CAD", "AUD", "NZD", "SGD", "HKD", "MXN", "ARS", "CLP", "COP", "TWD", "JMD", "BSD", "BBD", "FJD",
    ]

    /// Symbols and the currencies each may stand for (lower case where written so: `kr`, `zł`).
    private static let symbols: [String: Set<String>] = [
        "$": dollars, "US$": ["USD"], "U$S": ["USD"], "C$": ["CAD", "NIO"], "CA$": ["CAD"], "A$": ["AUD"],
        "AU$": ["AUD"], "NZ$": ["NZD"], "HK$": ["HKD"], "S$": ["SGD"], "MX$": ["MXN"], "NT$": ["TWD"],
        "R$": ["BRL"], "€": ["EUR"], "£": ["GBP"], "¥": ["JPY", "CNY"], "円": ["JPY"], "元": ["CNY"], "₹": ["INR"],
        "rs.": ["INR", "PKR", "LKR", "NPR"], "rs": ["INR", "PKR", "LKR", "NPR"], "₩": ["KRW"], "₫": ["VND"],
        "zł": ["PLN"], "kr": ["SEK", "NOK", "DKK", "ISK"], "kr.": ["SEK", "NOK", "DKK", "ISK"],
        "chf": ["CHF"], "fr.": ["CHF"], "₺": ["TRY"], "₽": ["RUB"], "₪": ["ILS"], "₱": ["PHP"], "฿": ["THB"],
        "₾": ["GEL"], "₼": ["AZN"], "₸": ["KZT"], "₴": ["UAH"], "₦": ["NGN"], "₵": ["GHS"], "₮": ["MNT"],
        "֏": ["AMD"], "৳": ["BDT"], "₡": ["CRC"], "₲": ["PYG"], "₭": ["LAK"], "៛": ["KHR"],
        "₨": ["INR", "PKR", "LKR", "NPR", "MUR", "SCR"],
    ]

    /// Currencies named in words in a `Currency` column.
    private static let names: [String: Set<String>] = [
        "euro": ["EUR"], "euros": ["EUR"], "dollar": dollars, "dollars": dollars, "us dollar": ["USD"],
        "us dollars": ["USD"], "pound": ["GBP"], "pounds": ["GBP"], "sterling": ["GBP"],
    ]

    /// `headerKey`s of a column naming each row's currency.
    private static let columnHeaders: Set<String> = [
        "currency", "curr", "ccy", "cur", "currencycode", "currencyiso", "isocurrency", "dealcurrency",
        "opportunitycurrency", "dealcurrencyofvalue", "documentcurrency", "doccurrency", "transactioncurrency",
        "bookingcurrency",
        "wahrung", "moneda", "divisa", "devise", "valuta", "moeda", "waluta", "mena",
    ]
}
