import Foundation

/// The scale an amount's header gives its figures: `Amount ($k)`, `Amount ($000)`, `Amount (USD
/// k)`, `Amount $K`, `Amount (k SEK)`, `Amount (R$ k)`, `Bookings (000s)`, `Bookings ('000)`, `ACV
/// (in thousands)`, `Revenue in thousands`, `Importe (miles)`, `Umsatz (Tsd. €)`, `Umsatz TEUR`,
/// `Betrag (in 1.000 €)`, `Montant (en milliers d'euros)`, `Montant (K€)` are in thousands,
/// `Amount ($M)`, `Bookings (USD mn)`, `Umsatz (Mio. €)` in millions, `Deal Value (₹ in lakhs)` in
/// lakhs, `Amount (₹ Cr)` in crores (as Indian figures are kept), `金額（千円）` in thousands of yen
/// and `金额（万元）` in ten thousands of yuan, and `Amount (cents)`, `Amount in cents`, `amount_cents`
/// (a database's column) in hundredths: the unit in the last brackets, else the words closing the
/// header. Currencies are `CurrencyUnit`'s.
enum AmountScale {
    /// `k`, `000s` and thousands in the languages the headers are read in (`Tsd.`, `miles`,
    /// `milliers`, `migliaia`, `milhares`, `duizend`), and a thousand as a factor (`1.000`,
    /// `x1000`). Not `mil`: in English it may be millions.
    static let thousandsWords: Set<String> = [
        "k", "000", "000s", "000's", "'000", "'000s", "thousand", "thousands", "tsd", "tausend", "miles", "milliers",
        "migliaia", "milhares", "duizend", "duizenden", "1000", "1.000", "1,000", "x1000", "x1.000", "x1,000",
        "×1000", "×1.000", "×1,000",
    ]
    /// Millions (`M`, `MM`, `mn`, `Mio.`, `million`, `Millionen`, `millones`, `milioni`, `milhões`,
    /// `miljoen`), lakhs (a hundred thousand: `lakh`, `lac`), crores (ten million: `crore`, `Cr`),
    /// and the units Japanese and Chinese figures are kept in, alone or with their currency (`千円`,
    /// thousands of yen; `万元`, ten thousands of yuan; `百万円`, millions), by the factor each
    /// stands for.
    static let largerWords: [String: Decimal] = [
        "m": 1_000_000, "mm": 1_000_000, "mn": 1_000_000, "mln": 1_000_000, "mio": 1_000_000, "million": 1_000_000,
        "millions": 1_000_000, "millionen": 1_000_000, "millones": 1_000_000, "milioni": 1_000_000,
        "milhões": 1_000_000, "miljoen": 1_000_000, "lakh": 100_000, "lakhs": 100_000, "lac": 100_000,
        "lacs": 100_000, "crore": 10_000_000, "crores": 10_000_000, "cr": 10_000_000, "千": 1000, "千円": 1000,
        "千元": 1000, "万": 10000, "万円": 10000, "万元": 10000, "萬元": 10000, "百万": 1_000_000,
        "百万円": 1_000_000, "百万元": 1_000_000,
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

    /// 1000 when `header` says its figures are thousands, a million, a lakh or a crore when it says
    /// so, 0.01 when it says they are cents, else 1: one thousands word (`thousandsWords`, or a
    /// currency with `k` or `T` against it: `k€`, `kEUR`, `TEUR`, `T€`), one of millions, lakhs or
    /// crores (`largerWords`, or a currency with `M` against it: `MEUR`, `M€`) or one cents word
    /// (`centsWords`) among currencies and small words, in
    /// the header's last brackets or closing it after its name (`Revenue in thousands`, `Umsatz
    /// TEUR`, `amount_cents`). `Amount`, `Deal Amount 2026`, `Amount (local)` and `Amount ($ mil)`
    /// are in units.
    static func of(_ header: String) -> Decimal {
        let unit: [Substring]
        // Brackets as Japanese and Chinese type them too (`金額（千円）`).
        if let open = header.lastIndex(where: { $0 == "(" || $0 == "[" || $0 == "（" }),
            let close = header[open...].firstIndex(where: { $0 == ")" || $0 == "]" || $0 == "）" })
        {
            unit = words(header[header.index(after: open)..<close])
        } else {
            // The words closing the header that a unit may hold, after at least one that names the figure.
            let all = words(header[...])
            let name = all.lastIndex { kind(of: $0) == nil }
            guard let name else { return 1 }
            unit = Array(all[(name + 1)...])
        }
        var scales: [Decimal] = []
        for word in unit {
            switch kind(of: word) {
            case .scale(let scale): scales.append(scale)
            case .other: continue
            case nil: return 1
            }
        }
        return scales.count == 1 ? scales[0] : 1
    }

    /// What a word of a unit says: the factor its figures are in (a thousand, a million, a
    /// hundredth), or a currency or small word; nil for any other.
    private enum Kind { case scale(Decimal), other }

    private static func kind(of written: Substring) -> Kind? {
        if centsWords.contains(written.lowercased()) {
            return .scale(Decimal(sign: .plus, exponent: -2, significand: 1))
        }
        if CurrencyUnit.isCurrency(written) { return .other }
        var word = CurrencyUnit.strippingSymbol(written)
        let symbol = word.count < written.count
        while word.hasSuffix("."), !thousandsWords.contains(word.lowercased()) { word = word.dropLast() }
        // `d'euros`: the French article elided before a currency.
        for article in ["d'", "d’"] where word.lowercased().hasPrefix(article) { word = word.dropFirst(2) }
        let lower = word.lowercased()
        if thousandsWords.contains(lower) { return .scale(1000) }
        if let scale = largerWords[lower] { return .scale(scale) }
        // `kEUR`, `KUSD`, `TEUR`, `TCHF`, `MEUR`; `T€`, `T$`, `M€` (`k€` is `k` above, `$M` `M`).
        if let first = lower.first, first == "k" || first == "t" || first == "m", lower.count > 1,
            CurrencyUnit.isCommon(word.dropFirst().uppercased())
        {
            return .scale(first == "m" ? 1_000_000 : 1000)
        }
        if symbol, lower == "t" { return .scale(1000) }
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
