import Commission
import Spreadsheet

/// Close dates written with a day and a month but no year (`15-Mar`, `Mar 15`, `15 March`, `15/03`),
/// as a CSV Excel saves keeps them when its sheet showed the dates so (`d-mmm`, `mmm d`, `dd/mm`:
/// Excel writes what a cell shows, and the year is lost). Such a date is read only where the title
/// rows above the header write one year as a word of its own (`Commissions 2026`, `Closed Won —
/// 2026`): each day is that year's. Without a year there, or with two, a row so dated is
/// unreadable at its date, saying why, never dated a year guessed.
///
/// A fiscal year in the title (`FY2026`, `FY 2026`, `FY26`) gives its year only under a plan whose
/// fiscal year starts in January (plan-format.md §2, `fiscal_year_start: 1`): that fiscal year is
/// the calendar year, however a team names it. Under one starting in another month, `FY2026` may
/// name the year it starts in or the one it ends in, and no file says which: such a title gives no
/// year, and a row dated without one is unreadable, saying so.
///
/// Two numbers (`15/03`, `03/15`) are a day and a month only in the order the column's dates
/// tell (`DateOrder.decide`: a first number past 12 somewhere in the column is a day, a second
/// one a month) or `--date-order` gives; where nothing tells it (`03/04` beside `11/12`), such a
/// row is unreadable, never read one way guessed. Only a slash joins them: `15.03` is a number.
enum YearlessDates {
    /// The years a title row writes as words of their own in its texts (`Commissions 2026`, `2026
    /// deals`), from 1990 to 2100, and the fiscal years it names (`FY2026`, `FY 2026`, `FY-26`,
    /// `fy26`: `fiscal`), which are no calendar years of their own.
    static func years(in row: Row) -> (calendar: [Int], fiscal: [Int]) {
        var years: (calendar: [Int], fiscal: [Int]) = ([], [])
        for cell in row.cells {
            guard case .text(let text) = cell.value else { continue }
            var afterFY = false
            for word in text.split(whereSeparator: { !($0.isLetter || $0.isNumber) }) {
                defer { afterFY = word.lowercased() == "fy" }
                let fiscal = word.count > 2 && word.prefix(2).lowercased() == "fy"
                let digits = fiscal ? word.dropFirst(2) : word[...]
                guard digits.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Int(digits) else { continue }
                if fiscal || afterFY {
                    let year = digits.count == 2 ? 2000 + number : number
                    if digits.count == 2 || digits.count == 4, (1990...2100).contains(year) {
                        years.fiscal.append(year)
                    }
                } else if digits.count == 4, (1990...2100).contains(number) {
                    years.calendar.append(number)
                }
            }
        }
        return years
    }

    /// The one year the title rows write (`calendar` and `fiscal`, as `years(in:)` finds them), a
    /// fiscal year counting as its calendar year under a plan whose fiscal year starts in January
    /// alone; nil with the reason a row dated without a year is given (`unread`) otherwise.
    /// `fiscalYearStart` is the plan's `fiscal_year_start`, nil when no plan is read with the rows.
    static func titleYear(calendar: Set<Int>, fiscal: Set<Int>, fiscalYearStart: Int?) -> (
        year: Int?, unread: String?
    ) {
        let years = fiscalYearStart == 1 ? calendar.union(fiscal) : calendar
        if years.count == 1 { return (years.first, nil) }
        guard years.isEmpty, let year = fiscal.sorted().first else { return (nil, nil) }
        let start =
            fiscalYearStart.map { "the plan's fiscal year starts in month \($0)" }
            ?? "no plan says which month the fiscal year starts in"
        return (
            nil,
            "the title above the header names fiscal year \(year), and \(start): whether it names the year it "
                + "starts or ends in is not written"
        )
    }

    /// The day and month `text` writes without a year: a month's name or abbreviation and a day
    /// of one or two digits, in either order (`15-Mar`, `Mar 15`, `15 de marzo`); nil for any
    /// other text, a date with its year among them.
    static func dayAndMonth(_ text: String) -> (day: Int, month: Int)? {
        let words = WrittenDate.words(of: text)
        guard words.count == 2 else { return nil }
        for (day, month) in [(words[0], words[1]), (words[1], words[0])] {
            guard day.count <= 2, day.allSatisfy(\.isNumber), let number = Int(day), (1...31).contains(number),
                let month = PeriodLabel.month(named: month)
            else { continue }
            return (number, month)
        }
        return nil
    }

    /// The two numbers of a day and a month written with a slash and no year (`15/03`, `3/15`), in
    /// the order written: each of one or two digits, both from 1 to 31, one of them 12 or less;
    /// nil for any other text.
    static func slashed(_ text: String) -> (first: Int, second: Int)? {
        let bytes = text.utf8
        guard bytes.count <= 12, bytes.contains(UInt8(ascii: "/")) else { return nil }
        let parts = text.trimmedSpaces.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2,
            parts.allSatisfy({ (1...2).contains($0.count) && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let first = Int(parts[0]), let second = Int(parts[1]), (1...31).contains(first), (1...31).contains(second),
            min(first, second) <= 12
        else { return nil }
        return (first, second)
    }

    /// The day and month `text` writes without a year, in words (`dayAndMonth`) or as two numbers
    /// in `order` (`slashed`). Nil for any other text; a failure for two numbers that no order
    /// tells, or that are no day and month in the order told (`15/03` month-first).
    private static func dayAndMonth(_ text: String, order: DateOrder?) throws(ValueReading.Failure) -> (
        day: Int, month: Int
    )? {
        if let named = dayAndMonth(text) { return named }
        guard let pair = slashed(text) else { return nil }
        guard let order else {
            throw .wrong(
                "expected a date, found \"\(text)\": a day and a month without a year, and no date of the column "
                    + "tells whether the day or the month is first; write the dates with their year, or settle it "
                    + "with --date-order day-first|month-first")
        }
        let (day, month) = order == .dayFirst ? (pair.first, pair.second) : (pair.second, pair.first)
        guard month <= 12 else {
            throw .wrong(
                "expected a date, found \"\(text)\": no month \(month), the column's dates being \(order.rawValue)")
        }
        return (day, month)
    }

    /// The date `read` gives `value`, or, where it fails on a day and month without a year, that
    /// day in `titleYear`; where no title gives the year (`unread`: why a title's year is not
    /// read), or the day is none in it (`29-Feb` in 2026), or two numbers' order is not told
    /// (`order`: the column's), the failure says so. Asked only of a value `read` fails on.
    static func date(
        _ value: CellValue, titleYear: Int?, unread: String? = nil, order: DateOrder?,
        _ read: () throws(ValueReading.Failure) -> LocalDate?
    ) throws(ValueReading.Failure) -> LocalDate? {
        do throws(ValueReading.Failure) {
            return try read()
        } catch {
            guard case .text(let text) = value, let (day, month) = try dayAndMonth(text, order: order) else {
                throw error
            }
            guard let titleYear else {
                throw .wrong(
                    "expected a date, found \"\(text)\": a day and a month but no year, and "
                        + (unread ?? "no title above the header writes one year") + "; write the dates with their year")
            }
            guard let date = LocalDate(year: titleYear, month: month, day: day) else {
                throw .wrong(
                    "expected a date, found \"\(text)\": no day of \(titleYear), the year the title above the "
                        + "header writes")
            }
            return date
        }
    }

    /// Whether the date column of `rows` (the table's first rows under `mapping`'s header) writes a
    /// day and month without a year.
    static func writesDaysWithoutYear(_ rows: [Row], mapping: ColumnMapping<Field>) -> Bool {
        guard let column = mapping.columns[.date] else { return false }
        return rows.contains { row in
            guard case .text(let text) = row.cell(at: column)?.value else { return false }
            return dayAndMonth(text) != nil || slashed(text) != nil
        }
    }
}
