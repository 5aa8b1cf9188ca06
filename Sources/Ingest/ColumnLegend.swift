import Spreadsheet

/// A column legend on a sheet of instructions: the deals' headers (`Deal ID | Rep | Close Date |
/// Amount`) with a row describing each column right beneath them (`CRM opportunity number`,
/// `date the deal closed (yyyy-mm-dd)`, `booked ACV in USD`) and at most a few example rows
/// after it. It names the columns the deals sheet has; it holds no deals.
enum ColumnLegend {
    /// The example rows a legend may show under its descriptions (`e.g. D-1000`, `625.00`).
    static let examplesAtMost = 3

    /// Whether the rows under `mapping`'s header in `rows` (a sheet's first rows, well beyond
    /// the header) are a legend: a first row whose deal id, rep, date and amount cells each
    /// describe their column in words (two or more, and no digit in the date's or the amount's:
    /// a description, not a value), then no more than `examplesAtMost` rows.
    static func describes(_ rows: [Row], under mapping: ColumnMapping<Field>) -> Bool {
        let below = rows.filter { row in
            row.index > mapping.headerRow && row.cells.contains { !$0.value.isBlank }
        }
        guard let first = below.first, below.count <= 1 + examplesAtMost else { return false }
        return Field.required.allSatisfy { field in
            guard let column = mapping.columns[field], case .text(let text) = first.cell(at: column)?.value else {
                return false
            }
            let words = text.split(whereSeparator: \.isWhitespace)
            let valueColumn = field == .date || field == .amount
            return words.count >= 2 && !(valueColumn && text.contains(where: \.isNumber))
        }
    }
}
