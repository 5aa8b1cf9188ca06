import Commission
import Foundation

/// A summary formula whose date criteria hold another period than its row's: a SUMIFS copied
/// down from the quarter above with its `DATE(…)` bounds left as they were
/// (`">="&DATE(2026,1,1)`, `"<="&DATE(2026,3,31)` on a row of 2026-Q2; an independent audit,
/// session 47). It is told by its figure, which is what the rep's rows of that other period add
/// up to on the sheet. The cause is `sum_range`: the total's criteria miss the period's rows.
struct OtherPeriodDates {
    /// What the finding says of the criteria.
    let words: String
    /// The formula with its bounds written as the row's period's.
    let repaired: String

    /// How a criterion bounds the days it holds: its text, the side, and the days from the date
    /// written to the first (or last) day held (`">"&DATE(2025,12,31)` holds 2026-01-01 on).
    private static let bounds: [(written: String, isLower: Bool, shift: Int)] = [
        (">=", true, 0), (">", true, 1), ("<=", false, 0), ("<", false, -1),
    ]

    /// The reading of `formula` on a row of `period` whose one lower and one upper bound, each a
    /// literal `DATE(…)`, are a whole other period of the same kind, when `figure` gives that
    /// period what the formula shows (`matches(manual, …)`); nil otherwise. `figure` is asked
    /// only then.
    static func reading(
        _ formula: String, period: Period, manual: Decimal, figure: (Period) -> Decimal,
        matches: (Decimal, Decimal) -> Bool
    ) -> OtherPeriodDates? {
        guard formula.contains("\"&") || formula.contains("\" &"), formula.uppercased().contains("DATE(") else {
            return nil
        }
        let chars = Array(formula)
        var found: [(start: Int, end: Int, written: String, isLower: Bool, day: LocalDate)] = []
        for bound in bounds {
            for criterion in DateBound.criteria(in: chars, written: bound.written) {
                guard let date = DateBound.literalDate(criterion.day) else { return nil }
                found.append(
                    (criterion.start, criterion.end, bound.written, bound.isLower, date.adding(days: bound.shift)))
            }
        }
        guard found.count == 2, let lower = found.first(where: \.isLower),
            let upper = found.first(where: { !$0.isLower })
        else { return nil }
        let other = Period(containing: lower.day, kind: period.kind, fiscalYearStart: period.fiscalYearStart)
        guard other != period, other.start == lower.day, other.end == upper.day, matches(manual, figure(other)) else {
            return nil
        }
        // Each bound rewritten to hold the row's period as it held the other.
        var repaired = ""
        var copied = 0
        for criterion in found.sorted(by: { $0.start < $1.start }) {
            let shift = bounds.first { $0.written == criterion.written }!.shift
            let day = (criterion.isLower ? period.start : period.end).adding(days: -shift)
            let (year, month, date) = day.components
            repaired +=
                String(chars[copied..<criterion.start]) + "\"\(criterion.written)\"&DATE(\(year),\(month),\(date))"
            copied = criterion.end
        }
        repaired += String(chars[copied...])
        return OtherPeriodDates(
            words: "its date criteria add up \(other) (\(other.start) to \(other.end)), not the row's \(period)",
            repaired: repaired)
    }
}
