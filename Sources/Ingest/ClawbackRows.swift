import Commission
import Foundation
import Spreadsheet

/// A row among or under the deals that takes a deal's commission back by hand: the deal's id and
/// rep again, a status that says so (`Clawback`, `Chargeback`, `Reversal`), no amount or a negative
/// one, and a negative commission. It is no credit line (the engine claws back from the deal's own
/// status and cancel date): the reconciler compares its commission with the engine's clawback of
/// that deal (docs/layouts.md, "Clawbacks kept as rows").
public struct ClawbackRow: Sendable, Hashable {
    /// The row in its sheet (keyed by the sheet as lines are: `DealsTable.rowKey`).
    public var row: Int
    public var dealID: String
    public var rep: String
    /// The row's date (the cancel date, as such sheets write it), when it has one.
    public var date: LocalDate?
    public var status: String
    /// The commission cell, and the negative amount it holds.
    public var commission: Cell
    public var amount: Decimal

    /// Whether `status` names a clawback: `Clawback`, `Claw-back`, `Chargeback`, `Reversal`,
    /// `Reversed`, and as other languages write it (`Storno`, `Rückbelastung`, `Anulación`,
    /// `Devolución`, `Estorno`, `Annulation`, `Rimborso`, `Terugboeking`), case, accents, spaces
    /// and punctuation aside.
    public static func names(_ status: String) -> Bool {
        let letters = String(FoldedWords.fold(status).filter(\.isLetter))
        return words.contains { letters.contains($0) } || letters.hasPrefix("revers")
    }

    private static let words = [
        "clawback", "chargeback", "storno", "ruckbelastung", "rueckbelastung", "anulacion", "devolucion",
        "estorno", "annulation", "rimborso", "terugboeking", "contrapartida",
    ]

    /// The row as a clawback row, when it is one: its status names a clawback (`names`, or one of
    /// the plan's `clawback.statuses` in `statuses`: `Rescinded`, `Void`), its amount is empty
    /// (the only field it failed, with perhaps its date) or negative, and its commission cell holds
    /// a negative number.
    static func recognized(
        row: Int, dealID: String?, rep: String?, date: LocalDate?, status: CellValue, amount: Decimal?,
        amountCell: CellValue, failed: [Field], commission: Cell?, style: NumberStyle?, statuses: StatusRule? = nil
    ) -> ClawbackRow? {
        guard let dealID, let rep, case .text(let status) = status,
            names(status) || statuses?.isClawback(status.normalizedKey) == true, let commission,
            let taken = try? ValueReading.money(commission.value, style: style ?? .decimalPoint), taken < 0
        else { return nil }
        if let amount {
            guard amount < 0, failed.allSatisfy({ $0 == .date }) else { return nil }
        } else {
            guard amountCell == .empty, failed.allSatisfy({ $0 == .amount || $0 == .date }) else { return nil }
        }
        return ClawbackRow(
            row: row, dealID: dealID, rep: rep, date: date, status: status, commission: commission, amount: taken)
    }
}
