import Commission
import Foundation
import Spreadsheet

/// A deals table without a date column whose rows write the close date's parts in three columns,
/// `Year | Month | Day` (`2026 | 3 | 15`, `2026 | Mar | 15`), as a sheet kept for pivoting by year
/// and month writes them: each row is dated the day its parts name. The day column stands for the
/// date (an unreadable part is said at the row's day cell, naming the part). Without a day column,
/// a year and a month (`Year | Month`: `2026 | March`; SAP's `Fiscal Year | Posting Period`: `2026 |
/// 003`) date each row its month's first day, as a column of months does (`MonthColumn`), the month
/// column standing for the date; a fiscal year's posting periods are its months only when it starts
/// in January: under a plan whose fiscal year starts in another month the table is refused, as the
/// sheet may name its fiscal years by the year they start or end in.
public struct DateParts: Sendable, Equatable {
    /// The columns of the year and the month; the day's is the mapping's date column (the month's,
    /// `dayless`, when there is no day column).
    public let year: Int
    public let month: Int
    public var dayless = false

    /// The headers of each part, in the languages of `HeaderSynonyms`, folded as `headerKey` folds.
    static let yearHeaders: Set<String> = Set(
        ["Year", "Close Year", "Closed Year", "Yr", "Año", "Ano", "Année", "Annee", "Jahr", "Anno", "Jaar"].map(
            headerKey)
    ).union(fiscalYearHeaders)
    static let monthHeaders: Set<String> = Set(
        ["Month", "Close Month", "Closed Month", "Mon", "Mes", "Mês", "Mois", "Monat", "Mese", "Maand"].map(headerKey)
    ).union(postingPeriodHeaders)
    static let dayHeaders: Set<String> = Set(
        ["Day", "Close Day", "Closed Day", "Día", "Dia", "Jour", "Tag", "Giorno", "Dag"].map(headerKey))
    /// A fiscal year's and its posting period's headers, as SAP and other ledgers title them.
    static let fiscalYearHeaders: Set<String> = Set(
        ["Fiscal Year", "FY", "Financial Year", "Geschäftsjahr", "GJahr", "Exercice", "Ejercicio", "Boekjaar"].map(
            headerKey))
    static let postingPeriodHeaders: Set<String> = Set(
        ["Posting Period", "Fiscal Period", "Period", "Per.", "Buchungsperiode", "Periode", "Período contable"].map(
            headerKey))

    /// `mapping` (a header naming every required field but the date, and no date) with its date
    /// read from a year, a month and a day column among `rows` (the table's first rows, the header
    /// among them): one column so headed each, outside the fields found, and more than half the rows
    /// under the header that write any of them write a date with all three; or from a year and a
    /// month column alone where no column is headed as the day. Nil when there are none. Throws,
    /// naming the columns at `location`, for a fiscal year's months under `plan`'s fiscal year
    /// starting in another month than January.
    static func mapping(_ mapping: ColumnMapping<Field>, rows: [Row], plan: Plan? = nil, location: Location? = nil)
        throws -> ColumnMapping<Field>?
    {
        guard let (year, yearText) = mapping.onlyHeader(in: rows, keyedAs: yearHeaders),
            let (month, monthText) = mapping.onlyHeader(in: rows, keyedAs: monthHeaders)
        else { return nil }
        let day = mapping.onlyHeader(in: rows, keyedAs: dayHeaders)
        let parts = DateParts(year: year, month: month, dayless: day == nil)
        let dayColumn = day?.column ?? month
        var (written, dated) = (0, 0)
        for row in rows where row.index > mapping.headerRow {
            guard [year, month, dayColumn].contains(where: { !(row.cell(at: $0)?.value.isBlank ?? true) }) else {
                continue
            }
            written += 1
            if (try? parts.date(of: row, day: row.cell(at: dayColumn)?.value ?? .empty)) != nil { dated += 1 }
        }
        // Most rows writing a part date their row (one that cannot is unreadable at its day cell).
        guard dated > 0, dated * 2 > written else { return nil }
        let fiscal =
            fiscalYearHeaders.contains(headerKey(yearText)) || postingPeriodHeaders.contains(headerKey(monthText))
        if fiscal, let plan, plan.fiscalYearStart != 1, let location {
            throw SpreadsheetError(
                location,
                "'\(yearText)' and '\(monthText)' date each row by its fiscal year's period, and the plan's fiscal "
                    + "year starts in month \(plan.fiscalYearStart): whether '\(yearText)' names the year it starts "
                    + "or ends in is not written; add a close date column")
        }
        var read = mapping.adding(.date, column: dayColumn, header: day?.text ?? monthText)
        read.dateParts = parts
        return read
    }

    /// The date `row`'s parts name, its `day` the value of the day column: nil when all three are
    /// blank, a failure naming the part that cannot be read.
    func date(of row: Row, day: CellValue) throws(ValueReading.Failure) -> LocalDate? {
        let yearValue = row.cell(at: year)?.value ?? .empty
        let monthValue = row.cell(at: month)?.value ?? .empty
        if yearValue.isBlank && monthValue.isBlank && day.isBlank { return nil }
        // Without a day column `day` is the month's own value.
        guard let y = Self.whole(yearValue), (1900...2200).contains(y) else {
            throw .wrong("expected the close date's year, found \(ValueReading.describe(yearValue))")
        }
        guard let m = Self.whole(monthValue) ?? Self.monthNamed(monthValue), (1...12).contains(m) else {
            throw .wrong("expected the close date's month (3 or Mar), found \(ValueReading.describe(monthValue))")
        }
        if dayless { return LocalDate(year: y, month: m, day: 1) }
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
