import Spreadsheet
import XLSX

/// An Excel Table (a table part) read as deals: its rows are the rows inside its `ref`, its
/// columns the table's own column names, its totals rows totals.
///
/// A table without a header row (`headerRowCount="0"`) names its columns only in the table part;
/// its header row is then the row above its first row, which the sheet may use for anything.
struct TableRegion: Sendable {
    var part: TablePart
    var range: CellRange { part.range }

    /// The row the table's header stands on (or would, above its first row, without one).
    var headerRow: Int { range.first.row + part.headerRows - 1 }
    var columns: ClosedRange<Int> { range.first.column...range.last.column }
    /// The rows that are the table's data (neither header nor totals).
    func isData(_ row: Int) -> Bool { row > headerRow && row <= range.last.row - part.totalsRows }
    func isTotals(_ row: Int) -> Bool { row > range.last.row - part.totalsRows && row <= range.last.row }

    /// The table's column names as a header row, each over its column.
    var header: Row {
        Row(
            index: headerRow,
            cells: part.columns.enumerated().map { offset, name in
                Cell(column: range.first.column + offset, value: .text(name))
            })
    }

    /// `row` with only the cells inside the table's columns.
    func clipped(_ row: Row) -> Row { row.clipped(to: columns) }

    /// A totals row as a total: its first text cell (`Total`) labels it.
    func total(_ row: Row, commissionColumn: Int?, bonusColumn: Int?) -> TotalRow {
        let cells = clipped(row).cells
        let label = cells.lazy.compactMap { ValueReading.text($0.value) }.first ?? "Totals row"
        func cell(_ column: Int?) -> Cell? { column.flatMap { column in cells.first { $0.column == column } } }
        return TotalRow(row: row.index, label: label, commission: cell(commissionColumn), bonus: cell(bonusColumn))
    }
}

/// The Excel Tables of a sheet that hold deals.
enum ExcelTableDeals {
    /// One deals table of a sheet: its header (from the table's column names), the rep every row
    /// takes when it has no rep column, and where it stands.
    struct Found {
        var mapping: ColumnMapping<Field>
        var rep: String?
        var region: TableRegion
    }

    /// The tables on `sheet` whose columns name every required field, or every one but the rep
    /// while the sheet's name or title names one of `knownReps`; none for CSV, for a sheet
    /// without tables, or when no table holds deals (the sheet is then read by its header).
    static func find(
        in file: TableFile, sheet: String?, pins: [String: String], knownReps: KnownReps, currency: String? = nil
    ) throws -> [Found] {
        guard case .workbook(let workbook) = file, let sheet, let info = workbook.sheet(named: sheet) else {
            return []
        }
        var found: [Found] = []
        // Of a table's columns that tie for a field (`Commission (2025 plan)` hidden beside
        // `Commission (2026 plan)`), the one the sheet shows (`ShownColumns`): the sheet's hidden
        // columns read once, at the first tie of any of its tables.
        let hidden = ShownColumns.once { file.hiddenColumns(of: sheet) }
        for part in try workbook.tables(of: info) {
            let region = TableRegion(part: part)
            let header = region.header
            func map(_ required: [Field]) throws -> ColumnMapping<Field>? {
                do {
                    return try ColumnMatcher.map(
                        row: header, words: Field.headerWords(currency: currency), required: required, pins: pins,
                        hidden: hidden)
                } catch {
                    throw SpreadsheetError(
                        Location(file: file.path, sheet: sheet), "table '\(part.name)': \(error.description)")
                }
            }
            if let mapping = try map(Field.required) {
                found.append(Found(mapping: mapping, rep: nil, region: region))
            } else if let mapping = try map(Field.required.filter { $0 != .rep }), mapping.columns[.rep] == nil,
                let rep = try SheetRep.find(
                    in: file, table: sheet, above: region.range.first.row, knownReps: knownReps),
                rep != BlockTitles.marker
            {
                found.append(Found(mapping: mapping, rep: rep, region: region))
            }
        }
        return found
    }
}
