/// The currencies a sheet writes beside its figures' headers and under them (`Bonus (GBP)`,
/// `Amount (R$ k)`, `SEK` on a row of units): one list for every reader of headers
/// (`UnitsRow`, `AmountScale`), so that they read a unit alike.
enum CurrencyUnit {
    /// Whether `text` is a currency: a symbol (`$`, `R$`, `kr`), a common currency's code in any
    /// case (`SEK`, `usd`), or any other code in three capitals (`THB`).
    static func isCurrency(_ text: some StringProtocol) -> Bool {
        isCommon(text) || text.count == 3 && text.allSatisfy { $0.isASCII && $0.isUppercase }
    }

    /// Whether `text` is a symbol or a common currency's code (`EUR`, `sek`), not any three
    /// capitals (which `Deal ACV` ends with).
    static func isCommon(_ text: some StringProtocol) -> Bool {
        symbols.contains(String(text)) || commonCodes.contains(text.uppercased())
    }

    /// `word` without a currency symbol written against it, before or after: `$k`, `k€` and `R$k`
    /// are `k`; a symbol alone, or a word without one, stays as it is.
    static func strippingSymbol(_ word: Substring) -> Substring {
        for symbol in attached {
            if word.count > symbol.count, word.hasPrefix(symbol) { return word.dropFirst(symbol.count) }
            if word.count > symbol.count, word.hasSuffix(symbol) { return word.dropLast(symbol.count) }
        }
        return word
    }

    /// The codes of the currencies commission sheets are most often kept in (`CHF` is a symbol).
    private static let commonCodes: Set<String> = [
        "EUR", "USD", "GBP", "JPY", "CAD", "AUD", "NZD", "BRL", "MXN", "ARS", "CLP", "COP", "SEK", "NOK",
        "DKK", "PLN", "CZK", "HUF", "INR", "CNY", "SGD", "HKD", "ZAR",
    ]

    /// Symbols, the rupee's (`₹`, `Rs.`), the won's and the dong's among them, and the yen and yuan
    /// as Japanese and Chinese write them (`円`, `元`).
    private static let symbols: Set<String> = [
        "$", "€", "£", "¥", "R$", "US$", "CHF", "Fr.", "kr", "zł", "₹", "Rs.", "₩", "₫", "円", "元",
    ]

    /// The symbols written against a word (`$k`, `k€`): those not made of letters, longest first.
    private static let attached = symbols.filter { $0.contains { !$0.isLetter && $0 != "." } }
        .sorted { ($0.count, $0) > ($1.count, $1) }
}
