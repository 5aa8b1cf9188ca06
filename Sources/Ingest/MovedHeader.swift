import Spreadsheet

/// The header written again under its table, but not as it stands: a second table below the
/// first (`JULY` over one header, `AUGUST` over the same headers rearranged, or with a column
/// left out). Its rows cannot be read by the first header's columns (a rep read as the deal, a
/// rate as the commission, an amount as the date): each table is read under its own header
/// (`Table`), the first ending above the second's. Where that cannot be, never paying from a
/// misread: a header that maps no table of its own has its rows unreadable (`unreadable(_:)`),
/// each one named at its cell; a table found where the lines were already passed on stops the
/// read naming the row.
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

    /// A header written under another (`header(_:mapping:)`): the fields whose header text it
    /// writes in another column than the first header's, and the required fields whose text it
    /// does not write at all.
    struct Found {
        let moved: [(field: Field, header: String, column: Int)]
        let missing: [Field]
    }

    /// What a header written under another heads.
    enum Reading {
        /// The first header's columns again (a header written with other words for the same fields).
        case same
        /// A table of its own, under this mapping: its rows from the header down to where the
        /// first header's end.
        case table(ColumnMapping<Field>)
        /// No table that can be read: the header does not name every required field, or not
        /// once. `missing`: the required fields it names nowhere (none when one is named twice).
        case unreadable(missing: [Field])
    }

    /// `row` as a header of another table under `mapping`'s: it writes the header texts of two or
    /// more of `mapping`'s required fields (a table of deals: `Rep | Commission` over per-rep
    /// totals is none), and some field's in another column or some required field's nowhere. Nil
    /// otherwise (a deal row, or the header written again as it stands). Only a row
    /// whose amount cell holds a word is looked at (a deal's amount is a number, or money text),
    /// so a long sheet costs nothing.
    static func header(_ row: Row, mapping: ColumnMapping<Field>) -> Found? {
        guard mayHead(row, amountColumn: mapping.columns[.amount]) else { return nil }
        // How many required fields' header texts the row writes.
        var written = 0
        var moved: [(field: Field, header: String, column: Int)] = []
        var missing: [Field] = []
        for field in Field.allCases {
            guard let header = mapping.headers[field], let column = mapping.columns[field] else { continue }
            let key = headerKey(header)
            let at = row.cells.first { cell in
                guard case .text(let value) = cell.value else { return false }
                return headerKey(of: value, is: key)
            }
            if let at {
                if Field.required.contains(field) { written += 1 }
                if at.column != column { moved.append((field, header, at.column)) }
            } else if Field.required.contains(field) {
                missing.append(field)
            }
        }
        guard written >= 2, !moved.isEmpty || !missing.isEmpty else { return nil }
        return Found(moved: moved, missing: missing)
    }

    /// Whether `row` heads a table of another kind under the deals (`Rep | Quota | Bookings |
    /// Attainment`, a quota table below them): every cell written a text with a letter in it, two
    /// fields or more named by their headers' words (or the rate alone: a rate table's `From | Rate`), and no deal id, date or commission among them
    /// (no table of deals; a deals header written again is `header(_:mapping:)`'s), and nothing
    /// in the deals' `commissionColumn` (per-rep totals there are `RepTotalsBlock`'s). Its rows,
    /// down to the next blank row, are no deals. Asked only of a row after a blank row or a title.
    static func headsOtherTable(_ row: Row, commissionColumn: Int?) -> Bool {
        var written = 0
        for cell in row.cells where !cell.value.isBlank {
            if cell.column == commissionColumn { return false }
            guard case .text(let text) = cell.value, text.contains(where: \.isLetter) else { return false }
            written += 1
        }
        guard written >= 2,
            let named = (try? ColumnMatcher.map(row: row, words: Field.headerWords, required: [], pins: [:])) ?? nil
        else { return false }
        let fields = Set(named.columns.keys)
        // A rate table's header names the rate beside its key's column, in words of its own (`From |
        // Rate`, `Tier | Min | Rate`): one field, the rate.
        return (fields.count >= 2 || fields == [.rate]) && fields.isDisjoint(with: [.dealID, .date, .commission])
    }

    /// Why a row of a table of another kind (`headsOtherTable`) under its header on `headerRow`
    /// is no deal.
    static func otherTable(headerRow: Int) -> String {
        "a row of another table (its header on row \(headerRow) names no deals), not a deal; the row is left out"
    }

    /// Whether `row` may be a header under `header(_:mapping:)`'s terms: its cell in
    /// `amountColumn` (the mapping's, looked up once for a table's rows) holds a word.
    static func mayHead(_ row: Row, amountColumn: Int?) -> Bool {
        guard let amountColumn, let text = row.text(at: amountColumn) else { return false }
        return text.first?.isLetter == true
    }

    /// What `row`, a header written under `header`'s (`header(_:mapping:)`), heads: each field
    /// `header` names found where its text now stands (the first header's texts pinned, then the
    /// synonyms), every required field the first header has found.
    static func reading(of row: Row, under header: ColumnMapping<Field>) -> Reading {
        let pins = Dictionary(uniqueKeysWithValues: header.headers.map { ($0.key.rawValue, $0.value) })
        let required = Field.required.filter { header.columns[$0] != nil }
        guard
            var below = try? ColumnMatcher.map(
                row: row, words: Field.headerWords, required: required, pins: pins),
            required.allSatisfy({ below.columns[$0] != nil })
        else {
            let named = (try? ColumnMatcher.map(row: row, words: Field.headerWords, required: [], pins: pins)) ?? nil
            return .unreadable(missing: named.map { named in required.filter { named.columns[$0] == nil } } ?? [])
        }
        guard below.columns != header.columns else { return .same }
        below.columnSpan = header.columnSpan
        below.tablesBeside = []
        below.rows = row.index...(header.rows?.upperBound ?? Int.max)
        below.dealsByCustomer = header.dealsByCustomer
        return .table(below)
    }

    /// Why the read stops at `found`, the header of a table that cannot be read again, naming
    /// where each moved header stands.
    static func message(_ found: Found, mapping: ColumnMapping<Field>) -> String {
        let places = found.moved.map { item in
            let was = mapping.columns[item.field].map { " (column \(CellAddress.columnName($0)) above)" } ?? ""
            return "'\(item.header)' in column \(CellAddress.columnName(item.column))\(was)"
        }
        let how =
            places.isEmpty
            ? "with other columns" : "with its columns in another order (\(places.joined(separator: ", ")))"
        return "the header stands again \(how): a second table under the first; keep each table on a sheet of its "
            + "own, or the columns in one order"
    }

    /// Why a row under `headerRow`, the header of a table that cannot be read, is not read.
    /// `missing`: the required fields the header names nowhere, by the first header's texts.
    static func unreadable(headerRow: Int, missing: [Field], mapping: ColumnMapping<Field>) -> String {
        let names = missing.map { "'\(mapping.headers[$0] ?? $0.rawValue)'" }
        let lacks =
            names.isEmpty
            ? "does not name each of the deals' columns once"
            : "names no \(names.joined(separator: ", ")) column"
        return "the row stands under a second header (row \(headerRow)) that \(lacks): "
            + "its table cannot be read; give it every column of the table above, or a sheet of its own"
    }
}

extension Row {
    /// The text of the cell in `column`, read where the cell lies (not copied whole, as
    /// `cell(at:)` copies it); nil when the row has no text there.
    func text(at column: Int) -> String? {
        for index in cells.indices where cells[index].column == column {
            guard case .text(let text) = cells[index].value else { return nil }
            return text
        }
        return nil
    }
}
