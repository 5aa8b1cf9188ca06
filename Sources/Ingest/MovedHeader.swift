import Spreadsheet

/// The header written again under its table with its columns in another order: a second table
/// below the first (`JULY` over one header, `AUGUST` over the same headers rearranged). Its
/// rows cannot be read by the first header's columns (a rep read as the deal, a rate as the
/// commission): each table is read under its own header (`Table`), the first ending above the
/// second's. Where that cannot be (the header maps no table of its own, or the lines were
/// already passed on), the read stops naming the row, never paying from a misread.
enum MovedHeader {
    /// A second table found under the one whose header stands on row `above` of `sheet`: its
    /// header's `mapping`, its rows from that header down. `refusal` is the error to stop with
    /// where the sheet cannot be read again (its lines already passed on).
    struct Table: Error {
        let sheet: String?
        let above: Int
        let mapping: ColumnMapping<Field>
        let refusal: SpreadsheetError
    }

    /// `row`, the header of `header`'s table written again with its columns in another order,
    /// mapped as a header of its own: each field the first header names taken from the column
    /// where its header now stands (the first header's texts pinned), every required field the
    /// first header has found; the table's rows from `row` down to where `header`'s end. Nil when
    /// it maps no such header, or the same columns.
    static func mapping(of row: Row, under header: ColumnMapping<Field>) -> ColumnMapping<Field>? {
        let pins = Dictionary(uniqueKeysWithValues: header.headers.map { ($0.key.rawValue, $0.value) })
        let required = Field.required.filter { header.columns[$0] != nil }
        guard
            var below = try? ColumnMatcher.map(
                row: row, words: Field.headerWords, required: required, pins: pins),
            below.columns != header.columns,
            required.allSatisfy({ below.columns[$0] != nil })
        else { return nil }
        below.columnSpan = header.columnSpan
        below.tablesBeside = []
        below.rows = row.index...(header.rows?.upperBound ?? Int.max)
        return below
    }

    /// The required fields whose header text `row` writes in another column than `mapping`'s,
    /// when two or more do; nil otherwise. Only a row whose amount cell holds a word is looked
    /// at (a deal's amount is a number, or money text), so a long sheet costs nothing.
    static func fields(_ row: Row, mapping: ColumnMapping<Field>) -> [(field: Field, header: String, column: Int)]? {
        guard let amount = mapping.columns[.amount], case .text(let text)? = row.cell(at: amount)?.value,
            text.first?.isLetter == true
        else { return nil }
        var moved: [(field: Field, header: String, column: Int)] = []
        for field in Field.required {
            guard let header = mapping.headers[field], let column = mapping.columns[field] else { continue }
            let key = headerKey(header)
            let elsewhere = row.cells.first { cell in
                guard cell.column != column, case .text(let value) = cell.value else { return false }
                return headerKey(of: value, is: key)
            }
            if let elsewhere { moved.append((field, header, elsewhere.column)) }
        }
        return moved.count >= 2 ? moved : nil
    }

    /// Why the read stops at `row`, naming where each moved header stands.
    static func message(_ moved: [(field: Field, header: String, column: Int)], mapping: ColumnMapping<Field>)
        -> String
    {
        let places = moved.map { item in
            let was = mapping.columns[item.field].map { " (column \(CellAddress.columnName($0)) above)" } ?? ""
            return "'\(item.header)' in column \(CellAddress.columnName(item.column))\(was)"
        }
        return "the header stands again with its columns in another order ("
            + places.joined(separator: ", ")
            + "): a second table under the first; keep each table on a sheet of its own, or the columns in one order"
    }
}
