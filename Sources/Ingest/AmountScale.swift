import Foundation

/// The scale an amount's header gives its figures: `Amount ($k)`, `Amount ($000)`, `Amount (USD
/// k)`, `Amount $K`, `Amount (k SEK)`, `Amount (R$ k)`, `Bookings (000s)`, `Bookings ('000)`, `ACV
/// (in thousands)`, `Revenue in thousands`, `Importe (miles)`, `Umsatz (Tsd. €)`, `Umsatz TEUR`,
/// `Betrag (in 1.000 €)`, `Montant (en milliers d'euros)`, `Montant (K€)` are in thousands, and
/// `Amount (cents)`, `Amount in cents`, `amount_cents` (a database's column) in hundredths: the unit
/// in the last brackets, else the words closing the header. Currencies are `CurrencyUnit`'s.
enum AmountScale {
    /// `k`, `000s` and thousands in the languages the headers are read in (`Tsd.`, `miles`,
    /// `milliers`, `migliaia`, `milhares`, `duizend`), and a thousand as a factor (`1.000`,
    /// `x1000`). Not `mil`: in English it may be millions.
    static let thousandsWords: Set<String> = [
        "k", "000", "000s", "000's", "'000", "'000s", "thousand", "thousands", "tsd", "tausend", "miles", "milliers",
        "migliaia", "milhares", "duizend", "duizenden", "1000", "1.000", "1,000", "x1000", "x1.000", "x1,000",
        "×1000", "×1.000", "×1,000",
    ]
    /// Hundredths of the currency (`cents`, `¢`, `centavos`, `céntimos`, `centimes`, `centesimi`,
    /// `pence`), as a database or a payment system keeps money in whole numbers.
    static let centsWords: Set<String> = [
        "cent", "cents", "¢", "centavos", "céntimos", "centimos", "centimes", "centesimi", "pence",
    ]
    /// Words a unit may hold beside its scale and currency (`in thousands`, `en miles de €`,
    /// `in migliaia di €`, `em milhares de R$`, `x 1000`), and what the figures are besides
    /// (`net`, `HT`: before tax).
    static let smallWords: Set<String> = [
        "in", "en", "de", "em", "of", "di", "dei", "van", "x", "×", "net", "netto", "neto", "ht",
    ]
    /// Currencies written as words (`miles de euros`, `milliers d'euros`, `Tausend Euro`).
    static let currencyWords: Set<String> = [
        "euro", "euros", "dollar", "dollars", "dolares", "dólares", "pesos", "reais", "francs", "franken", "pounds",
        "libras", "livres",
    ]

    /// 1000 when `header` says its figures are thousands, 0.01 when it says they are cents, else
    /// 1: one thousands word (`thousandsWords`, or a currency with `k` or `T` against it: `k€`,
    /// `kEUR`, `TEUR`, `T€`) or one cents word (`centsWords`) among currencies and small words, in
    /// the header's last brackets or closing it after its name (`Revenue in thousands`, `Umsatz
    /// TEUR`, `amount_cents`). `Amount`, `Deal Amount 2026`, `Amount (local)` and `Amount ($ mil)`
    /// are in units.
    static func of(_ header: String) -> Decimal {
        let unit: [Substring]
        if let open = header.lastIndex(where: { $0 == "(" || $0 == "[" }),
            let close = header[open...].firstIndex(where: { $0 == ")" || $0 == "]" })
        {
            unit = words(header[header.index(after: open)..<close])
        } else {
            // The words closing the header that a unit may hold, after at least one that names the figure.
            let all = words(header[...])
            let name = all.lastIndex { kind(of: $0) == nil }
            guard let name else { return 1 }
            unit = Array(all[(name + 1)...])
        }
        var thousands = 0
        var cents = 0
        for word in unit {
            switch kind(of: word) {
            case .thousands: thousands += 1
            case .cents: cents += 1
            case .other: continue
            case nil: return 1
            }
        }
        switch (thousands, cents) {
        case (1, 0): return 1000
        case (0, 1): return Decimal(sign: .plus, exponent: -2, significand: 1)
        default: return 1
        }
    }

    /// What a word of a unit says: a thousand, a hundredth, or a currency or small word; nil for
    /// any other.
    private enum Kind { case thousands, cents, other }

    private static func kind(of written: Substring) -> Kind? {
        if centsWords.contains(written.lowercased()) { return .cents }
        if CurrencyUnit.isCurrency(written) { return .other }
        var word = CurrencyUnit.strippingSymbol(written)
        let symbol = word.count < written.count
        while word.hasSuffix("."), !thousandsWords.contains(word.lowercased()) { word = word.dropLast() }
        // `d'euros`: the French article elided before a currency.
        for article in ["d'", "d’"] where word.lowercased().hasPrefix(article) { word = word.dropFirst(2) }
        let lower = word.lowercased()
        if thousandsWords.contains(lower) { return .thousands }
        // `kEUR`, `KUSD`, `TEUR`, `TCHF`; `T€`, `T$` (`k€` is `k` above).
        if let first = lower.first, first == "k" || first == "t", lower.count > 1,
            CurrencyUnit.isCommon(word.dropFirst().uppercased())
        {
            return .thousands
        }
        if symbol, lower == "t" { return .thousands }
        if word.isEmpty || CurrencyUnit.isCurrency(word) || smallWords.contains(lower) || currencyWords.contains(lower)
        {
            return .other
        }
        return nil
    }

    /// `text`'s words, split at spaces, underscores (`amount_cents`) and commas (`USD, k`, `USD,k`)
    /// but a thousand's (`1,000`).
    private static func words(_ text: Substring) -> [Substring] {
        text.split(whereSeparator: { $0 == " " || $0 == "_" }).flatMap { word in
            thousandsWords.contains(word.lowercased()) ? [word] : word.split(separator: ",")
        }
    }
}
