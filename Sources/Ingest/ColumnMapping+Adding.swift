import Foundation
import Spreadsheet

extension ColumnMapping where Key == Field {
    /// The one cell of the header row among `rows`, outside the fields found and the table's
    /// columns, whose text's header key is one of `keys`, with its text trimmed; nil when none
    /// or several are.
    func onlyHeader(in rows: [Row], keyedAs keys: Set<String>) -> (column: Int, text: String)? {
        guard let header = rows.first(where: { $0.index == headerRow }) else { return nil }
        let taken = Set(columns.values)
        let candidates = header.cells.compactMap { cell -> (column: Int, text: String)? in
            guard case .text(let text) = cell.value, !taken.contains(cell.column) else { return nil }
            if let columnSpan, !columnSpan.contains(cell.column) { return nil }
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            return keys.contains(headerKey(trimmed)) ? (cell.column, trimmed) : nil
        }
        return candidates.count == 1 ? candidates[0] : nil
    }

    /// This mapping with `field` read from `column` under the header `text`, all else kept.
    func adding(_ field: Field, column: Int, header text: String) -> ColumnMapping<Field> {
        var read = self
        read.columns[field] = column
        read.headers[field] = text
        return read
    }
}
