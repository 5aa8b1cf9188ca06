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
    /// Whether the row has its own negative amount and reads whole as a deal row, and so was kept
    /// among the lines too: a credit note (`Gutschrift`, `Avoir`) of a deal the workbook holds no
    /// other row of is a line (plan-format.md 1.1, "may be negative for credit notes"), the
    /// clawback of one it holds is not. The reconciler tells which (`CreditNotes.separate`) before
    /// anything reads the lines.
    public var isAlsoALine = false
    /// Whether the row is also, by its own fields, the contract's cancelled line: a status among the
    /// plan's clawback statuses that is no clawback word (nor is its type), and a cancel date
    /// other than the close date of its own date cell. Such a row is a clawback row only as the mirror of a
    /// row of its deal and rep (the same close date, the amount negated: a team's copy of the deal
    /// row taking it back); otherwise it is the line (plan-format.md §9), priced in its close period
    /// and clawed back by the engine (`CreditNotes.separate`).
    public var isCancelledLineUnlessMirrored = false
    /// The other reps of a deal split between reps on one row whose one commission takes back
    /// the deal of them all (`ColumnMapping.commissionOfAllReps`): the row's figure is compared with
    /// the clawbacks of `rep` and of these together. Empty for a row of one rep, and for a row
    /// whose reps each have their own commission column (each a clawback row of its own).
    public var otherReps: [String] = []

    /// Whether `status` names a clawback: `Clawback`, `Claw-back`, `Chargeback`, `Reversal`,
    /// `Reversed`, and as other languages write it (German `Storno`, `Stornierung`, `Rückbuchung`,
    /// `Rückbelastung`, `Rückforderung`, `Gutschrift`; `Anulación`, `Devolución`, `Estorno`,
    /// `Annulation`, `Avoir` (a credit note: as a whole word only), `Rimborso`, `Terugboeking`),
    /// case, accents, spaces and punctuation aside.
    public static func names(_ status: String) -> Bool {
        let folded = FoldedWords.fold(status)
        let letters = String(folded.filter(\.isLetter))
        if words.contains(where: { letters.contains($0) }) || letters.hasPrefix("revers") { return true }
        return folded.split(whereSeparator: { !$0.isLetter }).contains { wholeWords.contains(String($0)) }
    }

    private static let words = [
        "clawback", "chargeback", "storno", "stornier", "ruckbelastung", "rueckbelastung", "ruckbuchung",
        "rueckbuchung", "ruckforderung", "rueckforderung", "gutschrift", "anulacion", "devolucion", "estorno",
        "annulation", "rimborso", "terugboeking", "contrapartida",
    ]

    /// Words that name a clawback only standing alone (`Avoir`, not `Savoir-faire`).
    private static let wholeWords: Set<String> = ["avoir"]

    /// The row as a clawback row, when it is one: its status names a clawback (`names`, or one of
    /// the plan's `clawback.statuses` in `statuses`: `Rescinded`, `Void`), or else its type does
    /// (`Storno` in a `Typ` column), its amount is empty (the only field it failed, with perhaps its
    /// date) or negative, and its commission cell holds a negative number.
    ///
    /// A row whose status is one of the plan's clawback statuses and no clawback word (nor its
    /// type), with its own negative amount and a cancel date other than the date of its own date
    /// cell (`ownDate`: not a month tab's), is marked `isCancelledLineUnlessMirrored`: it may be
    /// the contract's cancelled line (plan-format.md §9; cancelled before its close, the engine
    /// says so) rather than a row taking another row's commission back, which the reconciler
    /// tells by the rows beside it. A row dated on its cancel date is dated by the cancellation:
    /// a clawback row.
    static func recognized(
        row: Int, dealID: String?, rep: String?, date: LocalDate?, ownDate: Bool = true, cancelDate: LocalDate? = nil,
        status: CellValue,
        type: CellValue = .empty, amount: Decimal?, amountCell: CellValue, failed: [Field], commission: Cell?,
        style: NumberStyle?, statuses: StatusRule? = nil
    ) -> ClawbackRow? {
        func isClawback(_ value: CellValue) -> String? {
            guard case .text(let text) = value, names(text) || statuses?.isClawback(text.normalizedKey) == true
            else { return nil }
            return text
        }
        guard let dealID, let rep, let status = isClawback(status) ?? isClawback(type), let commission,
            let taken = try? ValueReading.money(commission.value, style: style ?? .decimalPoint), taken < 0
        else { return nil }
        if let amount {
            guard amount < 0, failed.allSatisfy({ $0 == .date }) else { return nil }
        } else {
            guard amountCell == .empty, failed.allSatisfy({ $0 == .amount || $0 == .date }) else { return nil }
        }
        var clawback = ClawbackRow(
            row: row, dealID: dealID, rep: rep, date: date, status: status, commission: commission, amount: taken)
        if amount != nil, ownDate, let date, let cancelDate, cancelDate != date, !names(status),
            isClawback(type) == nil
        {
            clawback.isCancelledLineUnlessMirrored = true
        }
        return clawback
    }
}
