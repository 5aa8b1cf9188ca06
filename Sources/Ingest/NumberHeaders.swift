import Commission
import Foundation
import Spreadsheet

/// Headers that name a number (`N°`, `Nº`, `No.`, `#`, `Nr.`, `Núm.`, `Numéro`), alone or beside
/// one of the field's own names (`Affaire N°`, as a two-row header joins `N°` under `Affaire`):
/// the deal id where no other header names it, unless the figures beneath count the rows (`1`,
/// `2`, `3`: a row counter, no id).
enum NumberHeaders {
    /// The header keys of the words for a number.
    static let keys: Set<String> = Set(
        ["N°", "No", "Nr", "Nro", "Num", "Numero", "Number", "Nummer", "#"].map(headerKey))

    /// The header keys of the words for a number and of `ID` and `Ref`, which beside a name say the
    /// column holds that thing's identifier (`Booking Ref`, `Sales ID`).
    static let identifierKeys: Set<String> = keys.union(["ID", "Ref", "Reference"].map(headerKey))

    /// Whether the header keyed `key` names a number: a number's word alone, or one of `words`
    /// (the number's words, or `identifierKeys`) beside one of `own` (names, as header keys),
    /// before or after it. The deals' reader asks with `identifierKeys` and the deal's own names
    /// and those of the fields that are no thing with an identifier of its own (a date, an amount,
    /// a commission): `Affaire N°`, `Abschluss-ID`, `Sales No.`, `ID Abschluss` are the deal's
    /// number, where `Rep ID` or `Customer No.` is another thing's.
    ///
    /// `key` is a name followed or preceded by a word when it ends or begins with the word and the
    /// rest is one of `own`: a look-up a word, where joining every name to every word made
    /// eighteen strings a name for each header cell a search tried (the deal id goes by dozens of
    /// names; a third of the layout tests' time in debug builds). The words are ASCII, which joins
    /// no character across the seam, so both ask the same.
    static func names(_ key: String, own: Set<String>, words: Set<String> = keys) -> Bool {
        keys.contains(key)
            || words.contains { word in
                (key.hasSuffix(word) && own.contains(String(key.dropLast(word.count))))
                    || (key.hasPrefix(word) && own.contains(String(key.dropFirst(word.count))))
            }
    }

    /// Whether the figures of `column` in `rows` (the first rows below a header) count the rows:
    /// two or more whole numbers, each one more than the one before.
    static func countsRows(_ rows: [Row], column: Int) -> Bool {
        var previous: Decimal?
        var counted = 0
        for row in rows.prefix(HeaderSearch.rowsSearched) {
            guard let value = row.cell(at: column)?.value, !value.isBlank else { continue }
            guard let number = try? ValueReading.money(value, style: .decimalPoint),
                number.rounded(places: 0, mode: .halfUp) == number, previous.map({ $0 + 1 == number }) ?? true
            else { return false }
            previous = number
            counted += 1
        }
        return counted >= 2
    }
}
