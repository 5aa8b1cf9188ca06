import Commission
import Foundation
import Ingest
import Spreadsheet

/// A summary formula's date criterion that leaves out the deals of its period's first or last day
/// (`sum_range`; docs/layouts.md): a period ended with `"<="&DATE(2026,1,31)` over close dates
/// with a time of day stops at that day's midnight; ended with `"<"&DATE(2026,1,31)` it stops
/// before the day; begun with `">"&DATE(2026,1,1)` it starts after the day. Each is told by the
/// deals it leaves out, whose commission is what the total falls short by.
struct DateBound {
    /// What the finding says of the criterion and the deals it leaves out.
    let words: String
    /// The formula with its criteria holding the whole day (nil when it cannot be rewritten).
    let repaired: String?

    /// How a criterion leaves out a bound day's deals, and how it is written to hold them.
    private struct Reading {
        /// The criterion's text as the formula writes it (`"<="`), and what replaces it (`"<"`).
        let written: String
        let rewritten: String
        /// Whether the day after is what the rewritten criterion compares (`"<"&DAY+1`).
        let dayAfter: Bool
    }

    private static let endingAtMidnight = Reading(written: "<=", rewritten: "<", dayAfter: true)
    private static let endingBeforeTheDay = Reading(written: "<", rewritten: "<", dayAfter: true)
    private static let beginningAfterTheDay = Reading(written: ">", rewritten: ">=", dayAfter: false)

    /// The criterion of `formula` that leaves out deals of the periods' first or last days, when
    /// their commission is the total's shortfall (`difference`, within the tolerance a row); nil
    /// otherwise. `lines`: the rep-period's commission lines, asked for only when the formula
    /// writes a date criterion and falls short.
    static func leavingOut(
        _ formula: String, lines: () -> [CreditLine], periods: [Period], difference: Decimal, context: RowContext
    ) -> DateBound? {
        guard difference < 0, formula.contains("\"&") || formula.contains("\" &") else { return nil }
        // Each sheet row's commission and close date: a split row's other reps' lines are keyed
        // above its own row (`DealsTable.otherRepKey`), and a criterion leaves out the row whole.
        var byRow: [Int: (amount: Decimal, date: LocalDate)] = [:]
        for line in lines() {
            byRow[DealsTable.sheetRowKey(line.row), default: (0, line.date)].amount +=
                context.engine.commission(ofRow: line.row) ?? 0
        }
        func shortBy(_ rows: [Int]) -> Bool {
            guard !rows.isEmpty else { return false }
            let leftOut = rows.reduce(Decimal(0)) { $0 + byRow[$1]!.amount }
            return (difference + leftOut).magnitude <= context.plan.tolerance * Decimal(rows.count + 1)
        }
        func cells(_ rows: [Int], times: [Int: String] = [:]) -> String {
            let named = rows.prefix(3).map { row in
                context.cellName(ofRow: row, field: .date) + " \(byRow[row]!.date)"
                    + (times[row].map { " " + $0 } ?? "")
            }
            return " (" + named.joined(separator: ", ") + (rows.count > 3 ? ", …" : "") + ")"
        }
        func deals(_ rows: [Int]) -> String { rows.count == 1 ? "the deal" : "the \(rows.count) deals" }
        let ends = Set(periods.map(\.end))
        let starts = Set(periods.map(\.start))
        if criteria(in: formula, written: endingAtMidnight.written, on: ends) {
            let late = context.deals.lateOnMonthEnds.filter { ends.contains($0.date) && byRow[$0.row] != nil }
            let rows = late.map(\.row)
            if shortBy(rows) {
                return DateBound(
                    words: "its date criterion <= \(late[0].date) stops at that day's midnight, leaving out "
                        + deals(rows) + " closed later that day"
                        + cells(
                            rows, times: Dictionary(late.map { ($0.row, $0.time) }, uniquingKeysWith: { a, _ in a })),
                    repaired: rewriting(formula, endingAtMidnight))
            }
        }
        // A bound leaving out a whole day: the deals closed on it.
        for (reading, days, what) in [
            (endingBeforeTheDay, ends, "stops before that day"),
            (beginningAfterTheDay, starts, "starts after that day"),
        ] where criteria(in: formula, written: reading.written, on: days) {
            let rows = byRow.filter { days.contains($0.value.date) }.keys.sorted()
            guard shortBy(rows) else { continue }
            return DateBound(
                words: "its date criterion \(reading.written) \(byRow[rows[0]]!.date) \(what), leaving out "
                    + deals(rows) + " closed on it" + cells(rows),
                repaired: rewriting(formula, reading))
        }
        return nil
    }

    /// Whether `formula` writes a criterion `"WRITTEN"&DAY` whose day may be one of `days`: a
    /// `DATE(2026,1,31)` written out must be one of them; any other (a cell, `EOMONTH(…)`) may.
    private static func criteria(in formula: String, written: String, on days: Set<LocalDate>) -> Bool {
        criteria(in: Array(formula), written: written).contains { criterion in
            literalDate(criterion.day).map(days.contains) ?? true
        }
    }

    /// `DATE(2026,1,31)` as the date it writes; nil for any other text.
    static func literalDate(_ text: String) -> LocalDate? {
        let compact = text.uppercased().filter { $0 != " " }
        guard compact.hasPrefix("DATE("), compact.hasSuffix(")") else { return nil }
        let parts = compact.dropFirst(5).dropLast().split(separator: ",").map { Int($0) }
        guard parts.count == 3, let year = parts[0], let month = parts[1], let day = parts[2] else { return nil }
        return LocalDate(year: year, month: month, day: day)
    }

    /// The formula with every criterion `"<="&DAY` made to hold the whole day: `"<"&DAY+1` (the
    /// concatenation binds last, so the day after is what is compared). A criterion `<=` a date
    /// stops at its midnight, leaving out what is dated later that day (`2026-05-31 14:05`). Nil
    /// when the formula has no such criterion (one written inside a text, `"<=5"`, is left as it is).
    static func endingAfterTheDay(in formula: String) -> String? { rewriting(formula, endingAtMidnight) }

    /// The formula with each criterion `"WRITTEN"&DAY` written as `reading` says: `"<"&DAY+1`,
    /// `">="&DAY`. Nil when it has none.
    private static func rewriting(_ formula: String, _ reading: Reading) -> String? {
        let chars = Array(formula)
        let found = criteria(in: chars, written: reading.written)
        guard !found.isEmpty else { return nil }
        var out = ""
        var copied = 0
        for criterion in found {
            out +=
                String(chars[copied..<criterion.start]) + "\"\(reading.rewritten)\"&" + criterion.day
                + (reading.dayAfter ? "+1" : "")
            copied = criterion.end
        }
        return out + String(chars[copied...])
    }

    /// Each criterion `"WRITTEN"&DAY` of `chars`: where it starts (its opening quote), its day's
    /// text (what follows `&` up to the argument's end: a comma or the call's closing bracket at
    /// its own depth) and where that ends. A text not followed by `&` (`"<=5"`) is none.
    static func criteria(in chars: [Character], written: String) -> [(start: Int, day: String, end: Int)] {
        var found: [(start: Int, day: String, end: Int)] = []
        var index = 0
        while index < chars.count {
            guard chars[index] == "\"" else {
                index += 1
                continue
            }
            var end = index + 1
            while end < chars.count, chars[end] != "\"" { end += 1 }
            var amp = end + 1
            while amp < chars.count, chars[amp] == " " { amp += 1 }
            guard String(chars[index + 1..<min(end, chars.count)]) == written, amp < chars.count, chars[amp] == "&"
            else {
                index = end + 1
                continue
            }
            var close = amp + 1
            var depth = 0
            var inText = false
            while close < chars.count {
                let char = chars[close]
                if char == "\"" {
                    inText.toggle()
                } else if !inText {
                    if char == "(" {
                        depth += 1
                    } else if char == ")" {
                        if depth == 0 { break }
                        depth -= 1
                    } else if char == ",", depth == 0 {
                        break
                    }
                }
                close += 1
            }
            let day = String(chars[amp + 1..<close]).trimmingCharacters(in: .whitespaces)
            if !day.isEmpty { found.append((index, day, close)) }
            index = close
        }
        return found
    }
}
