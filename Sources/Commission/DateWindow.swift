/// The dates one run may span: every rep gets a rep-period (and a draw line) for every period
/// between the first and the last date in the data, so one mistyped year (9999-12-31) would make
/// tens of thousands of them. A date more than `reach` from the run's median date is refused,
/// naming its row, before anything is calculated; a run thus covers at most a century of periods.
public enum DateWindow {
    /// 50 years (in days) either side of the median date of the lines.
    public static let reach = 50 * 366

    /// Throws naming the rows whose close or cancel date lies outside the window.
    static func check(_ lines: [CreditLine]) throws(EngineError) {
        guard var low = lines.first?.date.dayNumber else { return }
        var high = low
        for line in lines {
            for day in [line.date.dayNumber, line.cancelDate?.dayNumber ?? line.date.dayNumber] {
                low = min(low, day)
                high = max(high, day)
            }
        }
        guard high - low > 2 * reach else { return }
        let days = lines.map(\.date.dayNumber).sorted()
        let median = days[days.count / 2]
        let window = (median - reach)...(median + reach)
        var outside: [(row: Int, date: LocalDate)] = []
        for line in lines {
            for date in [line.date, line.cancelDate].compactMap({ $0 }) where !window.contains(date.dayNumber) {
                outside.append((line.row, date))
            }
        }
        guard let first = outside.first else { return }
        let more = outside.count > 1 ? " (and \(outside.count - 1) more)" : ""
        throw EngineError(
            rows: [first.row],
            "the date \(first.date) is more than 50 years from the deals' median date, "
                + "\(LocalDate(dayNumber: median))\(more); a run covers dates within 50 years of its median")
    }
}
