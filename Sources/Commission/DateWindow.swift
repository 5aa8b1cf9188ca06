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
        guard survey.tooWide else { return }
        var outside = Outside(window: window(closeDays: lines.map(\.date.dayNumber)))
        for line in lines { outside.include(line) }
        try outside.check()
    }

    /// The window around the median of the lines' close days.
    package static func window(closeDays: [Int]) -> ClosedRange<Int> {
        let median = closeDays.sorted()[closeDays.count / 2]
        return (median - reach)...(median + reach)
    }

    /// The spread of the lines' dates, seen one line at a time (the median is found only when
    /// the spread is too wide, by a second look at the lines).
    package struct Survey {
        private var low = Int.max
        private var high = Int.min

        package init() {}

        package mutating func include(_ line: CreditLine) {
            let close = line.date.dayNumber
            let cancel = line.cancelDate?.dayNumber ?? close
            low = min(low, close, cancel)
            high = max(high, close, cancel)
        }

        /// Whether some date may lie outside the window: the dates span more than twice `reach`.
        package var tooWide: Bool { low <= high && high - low > 2 * reach }
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
