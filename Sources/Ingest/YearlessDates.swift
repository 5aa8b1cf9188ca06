import Commission
import Spreadsheet

/// Close dates written with a day and a month but no year (`15-Mar`, `Mar 15`, `15 March`), as a
/// CSV Excel saves keeps them when its sheet showed the dates so (`d-mmm`, `mmm d`: Excel writes
/// what a cell shows, and the year is lost). Such a date is read only where the title rows above
/// the header write one year as a word of its own (`Commissions 2026`, `Closed Won — 2026`): each
/// day is that year's. Without a year there, or with two, a row so dated is unreadable at its
/// date, saying why, never dated a year guessed.
enum YearlessDates {
    /// The years a title row writes as words of their own in its texts (`Commissions 2026`, `2026
    /// deals`), from 1990 to 2100. `FY2026` is none: a fiscal year may be named by the year it
    /// starts or ends in.
    static func years(in row: Row) -> [Int] {
        row.cells.flatMap { cell -> [Int] in
            guard case .text(let text) = cell.value else { return [] }
            return text.split(whereSeparator: { !($0.isLetter || $0.isNumber) }).compactMap { word in
                guard word.count == 4, word.allSatisfy({ $0.isASCII && $0.isNumber }), let year = Int(word),
                    (1990...2100).contains(year)
                else { return nil }
                return year
            }
        }
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

    /// The date `read` gives `value`, or, where it fails on a day and month without a year, that
    /// day in `titleYear`; where no title gives the year, or the day is none in it (`29-Feb` in
    /// 2026), the failure says so. Asked only of a value `read` fails on.
    static func date(
        _ value: CellValue, titleYear: Int?, _ read: () throws(ValueReading.Failure) -> LocalDate?
    ) throws(ValueReading.Failure) -> LocalDate? {
        do throws(ValueReading.Failure) {
            return try read()
        } catch {
            guard case .text(let text) = value, let (day, month) = dayAndMonth(text) else { throw error }
            guard let titleYear else {
                throw .wrong(
                    "expected a date, found \"\(text)\": a day and a month but no year, and no title above the "
                        + "header writes one year; write the dates with their year")
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
            return dayAndMonth(text) != nil
        }
    }
}
