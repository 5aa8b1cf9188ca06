import Commission
import Spreadsheet

/// A deals table without a date column whose rows name their month instead (`Month | Jul 2026`,
/// `Period | 2026-07`, `Mes | julio 2026`): each row is dated its month's first day, as a tab per
/// month dates its rows (`SheetPeriod`), the month read per row. Only months with their year: a
/// quarter (`Q3 2026`) or a month without a year (`July`) dates no row, and the table stays
/// without a date.
enum MonthColumn {
    /// The headers of a column of months: `Month`, `Period` and their translations, listed, not
    /// the period's synonyms less its quarter words (`Trimestre`, `Quartal`, `Kwartaal` name no month).
    static let headers: Set<String> = Set(
        [
            "Month", "Period", "Close Month", "Closed Month", "Booking Month", "Sales Month", "Periode", "Periodo",
            "Período", "Période", "Zeitraum", "Mes", "Mês", "Mois", "Monat", "Maand", "Mese",
        ].map(headerKey))

    /// `mapping` (a header naming every required field but the date, and no date) with its date
    /// read from the column of months among `rows` (the table's first rows, the header among
    /// them): the one column so headed, outside the fields found, whose cells under the header
    /// all name a month with its year (dates or text), at least one of them. Nil when there is none.
    static func mapping(_ mapping: ColumnMapping<Field>, rows: [Row]) -> ColumnMapping<Field>? {
        guard let (column, text) = mapping.onlyHeader(in: rows, keyedAs: headers) else { return nil }
        var months = 0
        for row in rows where row.index > mapping.headerRow {
            guard let value = row.cell(at: column)?.value, !value.isBlank else { continue }
            guard firstDay(value) != nil || value.isDate else { return nil }
            months += 1
        }
        guard months > 0 else { return nil }
        var read = mapping.adding(.date, column: column, header: text)
        read.datesNameMonths = true
        return read
    }

    /// The first day of the month `value`'s text names with its year (`Jul 2026`, `2026-07`,
    /// `julio 2026`); nil for any other value (a date cell is read as the date it is).
    static func firstDay(_ value: CellValue) -> LocalDate? {
        guard case .text(let text) = value, let label = PeriodLabel(text.trimmingCharacters(in: .whitespaces)),
            let month = label.month, let year = label.year
        else { return nil }
        return LocalDate(year: year, month: month, day: 1)
    }
}

extension CellValue {
    var isDate: Bool {
        if case .date = self { return true }
        return false
    }
}
