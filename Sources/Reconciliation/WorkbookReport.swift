import Commission
import Foundation
import Ingest
import Spreadsheet

/// What was read from the workbook, said plainly for the report's first lines: each sheet's role,
/// header row and column mapping, the total rows found, and the columns that hold numbers stored
/// as text.
enum WorkbookReport {
    /// The columns of a row's other reps, when it splits its deal between reps on one row
    /// (`ColumnMapping.otherReps`): `; rep 2 ← 'Rep 2', split 2 ← 'Rep 2 %'`, and whose the
    /// commission is. Empty for a row of one rep.
    static func otherReps(_ mapping: ColumnMapping<Field>) -> String {
        guard !mapping.otherReps.isEmpty else { return "" }
        let reps = mapping.otherReps.enumerated().map { index, other in
            let number = index + 2
            return ["rep \(number) ← '\(other.repHeader)'"]
                + [other.splitHeader.map { "split \(number) ← '\($0)'" } ?? "split \(number): the rest of the deal"]
                + (other.commissionHeader.map { ["commission \(number) ← '\($0)'"] } ?? [])
        }
        let first = mapping.columns[.split] == nil ? ["split 1: the rest of the deal"] : []
        let commission = mapping.commissionOfAllReps ? ["the row's commission is its reps' together"] : []
        return "; a deal split between reps on one row: " + (first + reps.joined() + commission).joined(separator: ", ")
    }

    static func lines(deals: DealsTable, summaries: [(name: String, note: String)]) -> [String] {
        var lines: [String] = []
        var lastMapping = ""
        for (ordinal, sheet) in deals.sheets.enumerated() {
            let name = deals.sheetName(ofRow: DealsTable.rowKey(sheet: ordinal, row: 0))
            var mapping = Field.allCases.compactMap { field in
                // Columns adding to the field's are named by their letters (`bonus ← 'SPIFF (€)' + column H`).
                sheet.mapping.headers[field].map {
                    "\(field.rawValue) ← '\($0)'"
                        + (sheet.mapping.addedColumns[field] ?? []).map { " + column \(CellAddress.columnName($0))" }
                        .joined()
                        + (field == .commission ? sheet.mapping.commissionColumns.dropFirst() : []).map {
                            " or column \(CellAddress.columnName($0))"
                        }.joined()
                }
            }.joined(separator: ", ")
            mapping += otherReps(sheet.mapping)
            let totals = deals.totals.filter { $0.row >> 32 == ordinal }
            var line = "\(sheet.name.map { "sheet '\($0)'" } ?? "the file"): deals, "
            if let table = sheet.excelTable {
                line += "table '\(table.name)' \(table.range), "
                line +=
                    table.headerRows == 0
                    ? "no header row (columns named by the table)" : "header row \(sheet.mapping.headerRow)"
            } else {
                line += "header row \(sheet.mapping.headerRow)"
                // A table beside another on its header's row: its own columns.
                if let span = sheet.mapping.columnSpan {
                    line +=
                        " columns \(CellAddress.columnName(span.lowerBound))–\(CellAddress.columnName(span.upperBound))"
                }
            }
            if let rep = sheet.rep { line += ", every row's rep '\(rep)' (from the sheet's name or title)" }
            if sheet.repsFilledDown {
                line += ", a blank rep cell takes the rep above (written on a block's first row)"
            }
            if sheet.dittoMarksRead {
                line += ", a ditto mark (\" or -do-) takes the value written above it"
            }
            if let date = sheet.date {
                let period = PeriodLabel(name)?.quarter == nil ? "month" : "quarter"
                line += ", every row dated \(date) (the \(period) the sheet's name names)"
            }
            if let parts = sheet.mapping.dateParts, let day = sheet.mapping.headers[.date] {
                let year = CellAddress.columnName(parts.year)
                let month = CellAddress.columnName(parts.month)
                line +=
                    parts.dayless
                    ? ", each row dated the first day of the month its year (column \(year)) and '\(day)' name"
                    : ", each row dated by its year (column \(year)), month (column \(month)) and '\(day)'"
            }
            if let year = sheet.yearOfYearlessDates, let column = sheet.mapping.headers[.date] {
                line +=
                    ", each date '\(column)' writes without a year read in \(year) (the year the title above the "
                    + "header writes)"
            }
            if sheet.mapping.datesNameMonths, let column = sheet.mapping.headers[.date] {
                let period = sheet.mapping.quartersFiscalYearStart == nil ? "month" : "quarter"
                line += ", each row dated the first day of the \(period) its '\(column)' names"
            }
            if !totals.isEmpty {
                line +=
                    ", total rows "
                    + totals.map { "\(DealsTable.sheetRow($0.row)) ('\($0.label)')" }.joined(separator: ", ")
            }
            lines.append(line)
            let fellBack = sheet.mapping.pinsNotFound.map {
                "\($0.rawValue)'s pinned header is not here, matched by its synonyms"
            }
            let byCurrency = sheet.mapping.chosenByCurrency.sorted { $0.key.rawValue < $1.key.rawValue }.map {
                "\($0.key.rawValue): '\(sheet.mapping.headers[$0.key] ?? "")' read, in the plan's currency, not "
                    + $0.value.map { "'\($0)'" }.joined(separator: " or ")
            }
            let byShown = sheet.mapping.chosenAsShown.sorted { $0.key.rawValue < $1.key.rawValue }.map { key, hidden in
                let shown = sheet.mapping.columns[key].map { " (\(CellAddress.columnName($0)))" } ?? ""
                return
                    "\(key.rawValue): '\(sheet.mapping.headers[key] ?? "")'\(shown) read, the column shown, not the hidden "
                    + hidden.map { "'\($0.text)' (\(CellAddress.columnName($0.column)))" }.joined(separator: " or ")
            }
            let byValues = sheet.mapping.foundByValues.sorted { $0.rawValue < $1.rawValue }.map {
                "\($0.rawValue): '\(sheet.mapping.headers[$0] ?? "")' read, whose values the plan's rules name"
            }
            let tied = sheet.mapping.tied.sorted { $0.key.rawValue < $1.key.rawValue }.map {
                "\($0.key.rawValue): " + $0.value.map { "'\($0)'" }.joined(separator: " and ")
                    + " could each be it, so neither is read (pin one with --map \($0.key.rawValue)=HEADER)"
            }
            let notes = fellBack + byCurrency + byShown + byValues + tied
            if mapping != lastMapping || !notes.isEmpty {
                lines.append("  " + ([mapping] + notes).joined(separator: "; "))
            }
            lastMapping = mapping
        }
        lines += summaries.map(\.note)
        for other in deals.otherSheets where !summaries.contains(where: { $0.name == other.sheet }) {
            lines.append("sheet '\(other.sheet)': ignored (\(other.reason))")
        }
        for field in Field.allCases {
            guard let count = deals.textNumbers[field], count > 0 else { continue }
            let header = deals.mapping.headers[field] ?? field.rawValue
            lines.append(
                "text_number: column '\(header)' holds \(count) \(field == .date || field == .cancelDate ? "dates" : "numbers") stored as text, read as such"
            )
        }
        for diagnostic in deals.diagnostics.prefix(20) { lines.append("skipped: \(diagnostic)") }
        if deals.diagnostics.count > 20 { lines.append("skipped: \(deals.diagnostics.count - 20) more") }
        return lines
    }
}
