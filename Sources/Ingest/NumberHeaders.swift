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

    /// Whether the header keyed `key` names a number, alone or beside one of `own` (the field's
    /// names, as header keys).
    static func names(_ key: String, own: Set<String>) -> Bool {
        keys.contains(key) || own.contains { name in keys.contains { key == name + $0 || key == $0 + name } }
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
