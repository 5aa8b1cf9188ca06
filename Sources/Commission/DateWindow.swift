/// The dates one run may span: every rep gets a rep-period (and a draw line) for every period
/// between the first and the last date in the data, so one mistyped year (9999-12-31) would make
/// tens of thousands of them. A date more than `reach` from the run's median date is refused,
/// naming its row, before anything is calculated; a run thus covers at most a century of periods.
public enum DateWindow {
    /// 50 years (in days) either side of the median date of the lines.
    public static let reach = 50 * 366

    /// Throws naming the rows whose close or cancel date lies outside the window.
    static func check(_ lines: [CreditLine]) throws(EngineError) {
        var survey = Survey()
        for line in lines { survey.include(line) }
        guard let window = survey.window() else { return }
        var outside = Outside(window: window)
        for line in lines { outside.include(line) }
        try outside.check()
    }

    /// The lines' close dates, seen one line at a time.
    package struct Survey {
        private var low = Int.max
        private var high = Int.min
        /// How many lines close on each day (for the median).
        private var days: [Int: Int] = [:]

        package init() {}

        package mutating func include(_ line: CreditLine) {
            let close = line.date.dayNumber
            let cancel = line.cancelDate?.dayNumber ?? close
            low = min(low, close, cancel)
            high = max(high, close, cancel)
            days[close, default: 0] += 1
        }

        /// The window around the median close date, when some date lies outside it; nil when the
        /// dates are close enough together.
        package func window() -> ClosedRange<Int>? {
            guard low <= high, high - low > 2 * reach else { return nil }
            let total = days.values.reduce(0, +)
            var seen = 0
            for (day, count) in days.sorted(by: { $0.key < $1.key }) {
                seen += count
                if seen > total / 2 { return (day - reach)...(day + reach) }
            }
            return nil
        }
    }

    /// The lines with a date outside a window, seen one line at a time.
    package struct Outside {
        let window: ClosedRange<Int>
        private var first: (row: Int, date: LocalDate)?
        private var count = 0

        package init(window: ClosedRange<Int>) { self.window = window }

        package mutating func include(_ line: CreditLine) {
            for date in [line.date, line.cancelDate].compactMap({ $0 }) where !window.contains(date.dayNumber) {
                if first == nil { first = (line.row, date) }
                count += 1
            }
        }

        package func check() throws(EngineError) {
            guard let first else { return }
            let more = count > 1 ? " (and \(count - 1) more)" : ""
            let median = LocalDate(dayNumber: window.lowerBound + reach)
            throw EngineError(
                rows: [first.row],
                "the date \(first.date) is more than 50 years from the deals' median date, "
                    + "\(median)\(more); a run covers dates within 50 years of its median")
        }
    }
}
