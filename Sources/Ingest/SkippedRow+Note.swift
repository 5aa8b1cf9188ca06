import Foundation

extension SkippedRow {
    /// Whether a row the reader left out holds no deal and no figure: no amount, no commission,
    /// nothing it could not read, only fields left empty, and not both a deal and a rep (a section
    /// title, a note, a sign-off under the table; a deal id and rep without an amount is a deal
    /// never priced), or a row of free text alone (`note`, on a tab that gives every row its rep
    /// too), or a subtotal of another kind than a sum (`isSubtotalOfAnotherKind`). Such a row pays
    /// nothing: it is said, never a finding, and no run stops for it.
    public var isNote: Bool {
        note != nil
            || (dealID == nil || rep == nil) && amount == nil && cells.allSatisfy(\.text.isEmpty)
                && (commission.map { $0.value == .empty } ?? true)
            || isSubtotalOfAnotherKind
    }

    /// Whether the row is a subtotal Excel's Subtotal command writes with another function than a
    /// sum (`Ana Lima Count`, `Grand Count`, `Ana Lima Anzahl`): no amount, and a label closing
    /// with that function's name.
    public var isSubtotalOfAnotherKind: Bool {
        guard amount == nil else { return false }
        return [rep, dealID].contains { text in
            guard let last = text?.split(separator: " ").last else { return false }
            return Self.subtotalFunctionWords.contains(last.lowercased())
        }
    }

    /// The names Excel's Subtotal command gives the count and the average, in six languages
    /// (`Max`, `Min` and `Media` are left out: they are also names).
    static let subtotalFunctionWords: Set<String> = [
        "count", "average", "anzahl", "mittelwert", "cuenta", "promedio", "nombre", "moyenne", "conteggio",
        "contagem", "média",
    ]
}
