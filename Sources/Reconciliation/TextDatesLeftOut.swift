import Commission
import Foundation
import Ingest
import Spreadsheet

/// A summary formula that falls short by the deals whose close dates are typed as text
/// (`text_number`; docs/layouts.md): Excel's criteria and comparisons match only dates stored as
/// numbers, so `SUMIFS(…, Deals!C:C, ">="&DATE(2026,1,1), …)` or `(Deals!C2:C40>=DATE(…))` never
/// counts a row dated `04/01/2026` as text, however the reader reads it. Told by those rows,
/// whose commission is what the total falls short by. (A commission typed as text, which `SUM`
/// and `SUMIFS` skip, is its row's own `text_number` finding, which the totals over it follow.)
struct TextDatesLeftOut {
    /// What the finding says of the rows left out.
    let words: String

    /// The rows dated in text that `formula` leaves out, when their commission is the total's
    /// shortfall (`difference`, within the tolerance a row); nil otherwise. `lines`: the
    /// rep-period's commission lines (indices into the deals' lines), asked for only when the
    /// formula compares values, the deals hold dates typed as text and the total falls short.
    static func leavingOut(
        _ formula: String, lines: () -> [Int], difference: Decimal, context: RowContext
    ) -> TextDatesLeftOut? {
        guard difference < 0, !context.deals.textDates.isEmpty, comparesValues(formula) else { return nil }
        var leftOut: [(row: Int, amount: Decimal)] = []
        for index in lines() {
            // A split row's other reps share its date cell (`DealsTable.isDatedInText`).
            let row = context.deals.lines[index].row
            guard context.deals.isDatedInText(row: row) else { continue }
            leftOut.append((row, context.engine.commission(ofRow: row) ?? 0))
        }
        guard !leftOut.isEmpty,
            (difference + leftOut.reduce(Decimal(0)) { $0 + $1.amount }).magnitude
                <= context.plan.tolerance * Decimal(leftOut.count + 1)
        else { return nil }
        let named = leftOut.prefix(3).map { context.cellName(ofRow: $0.row, field: .date) }
        let deals = leftOut.count == 1 ? "the deal" : "the \(leftOut.count) deals"
        return TextDatesLeftOut(
            words: "its date criteria leave out \(deals) whose close date is typed as text ("
                + named.joined(separator: ", ") + (leftOut.count > 3 ? ", …" : "")
                + "): Excel compares only dates stored as numbers")
    }

    /// Whether `formula` compares values by order (`<`, `>`, `<=`, `>=`), in a criterion's text
    /// (`">="&DATE(…)`) or an expression (`(Deals!C2:C40>=DATE(…))`); `<>` (not equal to a
    /// status or a name) orders nothing, and matches a date typed as text as it matches any text.
    private static func comparesValues(_ formula: String) -> Bool {
        let ordered = formula.replacingOccurrences(of: "<>", with: "")
        return ordered.contains("<") || ordered.contains(">")
    }
}
