import Spreadsheet

/// The units a sheet writes beside its headers: in brackets after a header's name (`Bonus (GBP)`,
/// `SPIFF [EUR]`, `Comisión (€)`), or on a row of their own right under the header (`USD`, `%`,
/// `(€)`, `date` under each column), which holds no deal. Currencies are `CurrencyUnit`'s.
enum UnitsRow {
    /// `header` without a currency in brackets at its end (`Bonus (GBP)` → `Bonus`), or after a
    /// space (`Bonus EUR`, `SPIFF €`: a symbol or a common currency's code, not any three capitals,
    /// which `Deal ACV` ends with); nil when it ends with none. A percentage in brackets stays
    /// (`Commission (%)` is a rate, not a commission).
    static func withoutCurrency(_ header: String) -> String? {
        // ASCII without a space, not ending in a bracket (most texts): no currency at its end.
        if let end = header.utf8.last, end != UInt8(ascii: ")"), end != UInt8(ascii: "]"),
            header.utf8.allSatisfy({ $0 < 0x80 && $0 != 32 && !(9...13).contains($0) })
        {
            return nil
        }
        if let space = header.lastIndex(where: \.isWhitespace),
            case let unit = String(header[header.index(after: space)...]),
            CurrencyUnit.isCommon(unit)
        {
            let name = header[..<space].trimmingCharacters(in: .whitespaces)
            return name.isEmpty ? nil : name
        }
        guard let close = header.last, close == ")" || close == "]",
            let open = header.lastIndex(of: close == ")" ? "(" : "[")
        else { return nil }
        let unit = header[header.index(after: open)..<header.index(before: header.endIndex)]
        let name = header[..<open].trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty, CurrencyUnit.isCurrency(bare(String(unit))) else { return nil }
        return name
    }

    /// The currency `header` names at its end (`Amount (USD)`, `Amount EUR`, `Amount (€)`), as a
    /// code in capitals (`€` is `EUR`, `$` `USD`); nil when it names none, or only a symbol of
    /// several currencies (`kr`).
    static func currency(of header: String) -> String? {
        guard let name = withoutCurrency(header), header.hasPrefix(name) else { return nil }
        var unit = header.dropFirst(name.count).trimmingCharacters(in: .whitespaces)
        if let first = unit.first, "([".contains(first) { unit = String(unit.dropFirst().dropLast()) }
        unit = bare(unit)
        if let code = symbolCodes[unit] { return code }
        return unit.count == 3 && unit.allSatisfy(\.isLetter) ? unit.uppercased() : nil
    }

    /// The currencies symbols stand for, where a symbol stands for one.
    private static let symbolCodes = [
        "$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "R$": "BRL", "Fr.": "CHF", "zł": "PLN",
    ]

    /// Whether `row`, the one right under the header, writes units only: two cells or more, each
    /// a currency (`USD`, `€`, `(€)`), `%`, or a word or pattern saying a column holds dates or
    /// text (`date`, `Fecha`, `dd/mm/yyyy`).
    static func holdsOnlyUnits(_ row: Row) -> Bool {
        var units = 0
        for cell in row.cells {
            switch cell.value {
            case .empty: continue
            case .text(let text):
                var unit = text.trimmingCharacters(in: .whitespaces)
                if unit.isEmpty { continue }
                if let first = unit.first, let last = unit.last,
                    (first, last) == ("(", ")") || (first, last) == ("[", "]")
                {
                    unit = String(unit.dropFirst().dropLast())
                }
                unit = bare(unit)
                guard CurrencyUnit.isCurrency(unit) || otherUnits.contains(unit.lowercased()) else { return false }
                units += 1
            default: return false
            }
        }
        return units >= 2
    }

    /// A unit without the spaces around it and a word saying `in` before it (`in €`, `en EUR`, `em R$`).
    private static func bare(_ unit: String) -> String {
        let trimmed = unit.trimmingCharacters(in: .whitespaces)
        for word in ["in ", "en ", "em "] where trimmed.lowercased().hasPrefix(word) {
            return String(trimmed.dropFirst(word.count)).trimmingCharacters(in: .whitespaces)
        }
        return trimmed
    }

    /// Units other than money, lower-cased: a percentage, a count, and what a date or text column
    /// says it holds, in the six languages.
    private static let otherUnits: Set<String> = [
        "%", "#", "n°", "nº", "no.", "date", "dates", "fecha", "data", "datum", "text", "texto", "texte", "testo",
        "name", "nombre", "nome", "nom", "id", "dd/mm/yyyy", "mm/dd/yyyy", "yyyy-mm-dd", "dd.mm.yyyy", "dd/mm/aaaa",
        "tt.mm.jjjj", "gg/mm/aaaa", "jj/mm/aaaa", "dd/mm/yy", "mm/dd/yy", "yyyy/mm/dd", "aaaa-mm-dd", "dd-mm-yyyy",
        "ratio", "fraction", "amount", "number", "qty",
    ]
}
