import Commission
import Spreadsheet

/// A deals table without a date column whose rows name their month instead (`Month | Jul 2026`,
/// `Period | 2026-07`, `Mes | julio 2026`): each row is dated its month's first day, as a tab per
/// month dates its rows (`SheetPeriod`), the month read per row. Only months with their year: a
/// month without a year (`July`) dates no row, and the table stays without a date. Under a plan
/// paid by quarter (or year), a column naming each row's quarter with its year (`Quarter | Q3
/// 2026`, `Booked Qtr | 2026-Q3`) dates each row its quarter's first day, as a tab per quarter
/// does, the quarter numbered within the plan's fiscal year; a quarter that may be either of two
/// fiscal years' (`Q3 2026` when the year does not start in January) dates no row.
enum MonthColumn {
    /// The headers of a column of months: `Month`, `Period` and their translations, listed, not
    /// the period's synonyms less its quarter words (`Trimestre`, `Quartal`, `Kwartaal` name no month).
    static let headers: Set<String> = Set(
        [
            "Month", "Period", "Close Month", "Closed Month", "Booking Month", "Sales Month", "Periode", "Periodo",
            "Período", "Période", "Zeitraum", "Mes", "Mês", "Mois", "Monat", "Maand", "Mese",
        ].map(headerKey))

    /// The headers of a column of quarters, read only under a plan not paid by month.
    static let quarterHeaders: Set<String> = Set(
        [
            "Quarter", "Qtr", "Close Quarter", "Closed Quarter", "Close Qtr", "Booking Quarter", "Booked Quarter",
            "Booked Qtr", "Fiscal Quarter", "Sales Quarter", "Trimestre", "Quartal", "Kwartaal", "Kwartał",
            "Kvartal",
        ].map(headerKey))

    /// `mapping` (a header naming every required field but the date, and no date) with its date
    /// read from the column of months among `rows` (the table's first rows, the header among
    /// them): the one column so headed, outside the fields found, whose cells under the header
    /// all name a month with its year (dates or text), at least one of them; or, under `plan`
    /// paid by quarter or year, the one so headed or headed as a quarter whose cells all name a
    /// month or one quarter of the plan's fiscal years. Nil when there is none.
    static func mapping(_ mapping: ColumnMapping<Field>, rows: [Row], plan: Plan? = nil) -> ColumnMapping<Field>? {
        let quarterStart = plan.flatMap { $0.period == .month ? nil : $0.fiscalYearStart }
        let keys = quarterStart == nil ? headers : headers.union(quarterHeaders)
        guard let (column, text) = mapping.onlyHeader(in: rows, keyedAs: keys) else { return nil }
        var months = 0
        var quarters = false
        for row in rows where row.index > mapping.headerRow {
            guard let value = row.cell(at: column)?.value, !value.isBlank else { continue }
            if firstDay(value) == nil, !value.isDate {
                guard let quarterStart, firstDay(value, quartersFrom: quarterStart) != nil else { return nil }
                quarters = true
            }
            months += 1
        }
        guard months > 0 else { return nil }
        var read = mapping.adding(.date, column: column, header: text)
        read.datesNameMonths = true
        if quarters { read.quartersFiscalYearStart = quarterStart }
        return read
    }

    /// The first day of the month `value`'s text names with its year (`Jul 2026`, `2026-07`,
    /// `julio 2026`), or, with `start` (the month a fiscal year starts in), of the quarter it
    /// names with its year (`Q3 2026`, `2026-Q3`) when that is one quarter of the fiscal years;
    /// nil for any other value (a date cell is read as the date it is).
    static func firstDay(_ value: CellValue, quartersFrom start: Int? = nil) -> LocalDate? {
        guard case .text(let text) = value, let label = PeriodLabel(text.trimmingCharacters(in: .whitespaces)),
            let year = label.year
        else { return nil }
        if let month = label.month { return LocalDate(year: year, month: month, day: 1) }
        guard let start, label.quarter != nil else { return nil }
        let readings = SheetPeriod.periods(label, start: start, fiscalYears: [year, year - 1])
        return label.period(kind: .quarter, fiscalYearStart: start, among: readings)?.start
    }
}

extension CellValue {
    var isDate: Bool {
        if case .date = self { return true }
        return false
    }
}
