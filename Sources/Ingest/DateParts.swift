import Commission
import Foundation
import Spreadsheet

/// A deals table without a date column whose rows write the close date's parts in three columns,
/// `Year | Month | Day` (`2026 | 3 | 15`, `2026 | Mar | 15`), as a sheet kept for pivoting by year
/// and month writes them: each row is dated the day its parts name. The day column stands for the
/// date (an unreadable part is said at the row's day cell, naming the part).
public struct DateParts: Sendable, Equatable {
    /// The columns of the year and the month; the day's is the mapping's date column.
    public let year: Int
    public let month: Int

    /// The headers of each part, in the languages of `HeaderSynonyms`, folded as `headerKey` folds.
    static let yearHeaders: Set<String> = Set(
        ["Year", "Close Year", "Closed Year", "Yr", "Año", "Ano", "Année", "Annee", "Jahr", "Anno", "Jaar"].map(
            headerKey))
    static let monthHeaders: Set<String> = Set(
        ["Month", "Close Month", "Closed Month", "Mon", "Mes", "Mês", "Mois", "Monat", "Mese", "Maand"].map(headerKey))
    static let dayHeaders: Set<String> = Set(
        ["Day", "Close Day", "Closed Day", "Día", "Dia", "Jour", "Tag", "Giorno", "Dag"].map(headerKey))

    /// `mapping` (a header naming every required field but the date, and no date) with its date
    /// read from a year, a month and a day column among `rows` (the table's first rows, the header
    /// among them): one column so headed each, outside the fields found, and more than half the rows
    /// under the header that write any of them write a date with all three. Nil when there are none.
    static func mapping(_ mapping: ColumnMapping<Field>, rows: [Row]) -> ColumnMapping<Field>? {
        guard let (year, _) = mapping.onlyHeader(in: rows, keyedAs: yearHeaders),
            let (month, _) = mapping.onlyHeader(in: rows, keyedAs: monthHeaders),
            let (day, dayText) = mapping.onlyHeader(in: rows, keyedAs: dayHeaders)
        else { return nil }
        let parts = DateParts(year: year, month: month)
        var (written, dated) = (0, 0)
        for row in rows where row.index > mapping.headerRow {
            guard [year, month, day].contains(where: { !(row.cell(at: $0)?.value.isBlank ?? true) }) else { continue }
            written += 1
            if (try? parts.date(of: row, day: row.cell(at: day)?.value ?? .empty)) != nil { dated += 1 }
        }
        // Most rows writing a part date their row (one that cannot is unreadable at its day cell).
        guard dated > 0, dated * 2 > written else { return nil }
        var read = mapping.adding(.date, column: day, header: dayText)
        read.dateParts = parts
        return read
    }

    /// The date `row`'s parts name, its `day` the value of the day column: nil when all three are
    /// blank, a failure naming the part that cannot be read.
    func date(of row: Row, day: CellValue) throws(ValueReading.Failure) -> LocalDate? {
        let yearValue = row.cell(at: year)?.value ?? .empty
        let monthValue = row.cell(at: month)?.value ?? .empty
        if yearValue.isBlank && monthValue.isBlank && day.isBlank { return nil }
        guard let y = Self.whole(yearValue), (1900...2200).contains(y) else {
            throw .wrong("expected the close date's year, found \(ValueReading.describe(yearValue))")
        }
        guard let m = Self.whole(monthValue) ?? Self.monthNamed(monthValue), (1...12).contains(m) else {
            throw .wrong("expected the close date's month (3 or Mar), found \(ValueReading.describe(monthValue))")
        }
        guard let d = Self.whole(day), let date = LocalDate(year: y, month: m, day: d) else {
            throw .wrong("expected the close date's day of \(y)-\(m), found \(ValueReading.describe(day))")
        }
        return date
    }

    /// A whole number written as a number or in digits (`2026`, `"03"`); nil for any other value.
    static func whole(_ value: CellValue) -> Int? {
        switch value {
        case .number(let number): Int("\(number)")
        case .text(let text): text.trimmedSpaces.utf8.allSatisfy({ $0 &- 48 < 10 }) ? Int(text.trimmedSpaces) : nil
        default: nil
        }
    }

    /// The month a name writes (`Mar`, `March`, `marzo`); nil for any other value.
    static func monthNamed(_ value: CellValue) -> Int? {
        guard case .text(let text) = value else { return nil }
        let word = text.trimmedSpaces.lowercased().folding(options: .diacriticInsensitive, locale: nil)
        return PeriodLabel.month(named: word.hasSuffix(".") ? String(word.dropLast()) : word)
    }
}
