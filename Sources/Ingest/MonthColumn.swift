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
        guard let header = rows.first(where: { $0.index == mapping.headerRow }) else { return nil }
        let taken = Set(mapping.columns.values)
        let candidates = header.cells.filter { cell in
            guard case .text(let text) = cell.value, !taken.contains(cell.column) else { return false }
            if let span = mapping.columnSpan, !span.contains(cell.column) { return false }
            return headers.contains(headerKey(text.trimmingCharacters(in: .whitespaces)))
        }
        guard candidates.count == 1, case .text(let text) = candidates[0].value else { return nil }
        let column = candidates[0].column
        var months = 0
        for row in rows where row.index > mapping.headerRow {
            guard let value = row.cell(at: column)?.value, !value.isBlank else { continue }
            guard firstDay(value) != nil || value.isDate else { return nil }
            months += 1
        }
        guard months > 0 else { return nil }
        var read = mapping
        var columns = read.columns
        var names = read.headers
        columns[.date] = column
        names[.date] = text.trimmingCharacters(in: .whitespaces)
        read = ColumnMapping(headerRow: read.headerRow, columns: columns, headers: names)
        read.pinsNotFound = mapping.pinsNotFound
        read.addedColumns = mapping.addedColumns
        read.chosenByCurrency = mapping.chosenByCurrency
        read.foundByValues = mapping.foundByValues
        read.columnSpan = mapping.columnSpan
        read.datesNameMonths = true
        read.amountScale = mapping.amountScale
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
