import Spreadsheet

/// The header written again under its table with its columns in another order: a second table
/// below the first (`JULY` over one header, `AUGUST` over the same headers rearranged). Its
/// rows cannot be read by the first header's columns (a rep read as the deal, a rate as the
/// commission), so the read stops naming the row, never paying from a misread.
enum MovedHeader {
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
