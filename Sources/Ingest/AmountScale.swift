import Foundation

/// The scale an amount's header gives its figures: `Amount ($k)`, `Amount (USD k)`, `Amount $K`,
/// `Amount (k SEK)`, `Amount (R$ k)`, `Bookings (000s)`, `Bookings ('000)`, `ACV (in thousands)`,
/// `Umsatz (Tsd. €)` are in thousands. Currencies are `CurrencyUnit`'s.
enum AmountScale {
    /// `k`, `000s` and thousands in the languages the headers are read in (`Tsd.`, `miles`,
    /// `milliers`, `migliaia`, `milhares`, `duizend`). Not `mil`: in English it may be millions.
    static let thousandsWords: Set<String> = [
        "k", "000", "000s", "'000", "'000s", "thousand", "thousands", "tsd", "tausend", "miles", "milliers",
        "migliaia", "milhares", "duizend", "duizenden",
    ]
    /// Words a unit may hold beside its scale and currency (`in thousands`, `en miles de €`,
    /// `in migliaia di €`, `em milhares de R$`).
    static let smallWords: Set<String> = ["in", "en", "de", "em", "of", "di", "dei", "van"]

    /// 1000 when `header` says its figures are thousands, else 1.
    static func of(_ header: String) -> Decimal {
        let unit: Substring
        if let open = header.lastIndex(where: { $0 == "(" || $0 == "[" }),
            let close = header[open...].firstIndex(where: { $0 == ")" || $0 == "]" })
        {
            unit = header[header.index(after: open)..<close]
        } else {
            guard let last = header.split(whereSeparator: { $0 == " " || $0 == "," }).last, last != header[...] else {
                return 1
            }
            unit = last
        }
        // `$k`, `k€`, `USD k`, `k SEK`, `Tsd. €`: one thousands word, beside currencies and small words.
        var thousands = 0
        for written in unit.split(whereSeparator: { $0 == " " || $0 == "," }) where !CurrencyUnit.isCurrency(written) {
            var word = CurrencyUnit.strippingSymbol(written)
            while word.hasSuffix(".") { word = word.dropLast() }
            let lower = word.lowercased()
            if thousandsWords.contains(lower) {
                thousands += 1
            } else if !word.isEmpty, !CurrencyUnit.isCurrency(word), !smallWords.contains(lower) {
                return 1
            }
        }
        return thousands == 1 ? 1000 : 1
    }
}
