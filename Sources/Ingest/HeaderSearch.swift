import Spreadsheet

/// Finds the header row: the first row, within the first 30 of a table, that names every
/// required field (plan-format.md section 7); the first table that has one wins.
public enum HeaderSearch {
    static let rowsSearched = 30

    private struct Enough: Error {}

    public static func find<Key: Hashable & Sendable & RawRepresentable>(
        in file: TableFile, tables: [String?], keys: [Key], synonyms: (Key) -> [String], required: [Key],
        pins: [String: String]
    ) throws -> (table: String?, mapping: ColumnMapping<Key>) where Key.RawValue == String {
        var firstTableRows: [Row] = []
        for table in tables {
            let rows = try firstRows(of: table, in: file)
            if firstTableRows.isEmpty { firstTableRows = rows }
            for row in rows {
                do {
                    if let mapping = try ColumnMatcher.map(
                        row: row, keys: keys, synonyms: synonyms, required: required, pins: pins)
                    {
                        return (table, mapping)
                    }
                } catch {
                    throw SpreadsheetError(Location(file: file.path, sheet: table), error.description)
                }
            }
        }
        let message = ColumnMatcher.missingMessage(
            firstRows: firstTableRows, required: required, synonyms: synonyms, pins: pins)
        throw SpreadsheetError(Location(file: file.path, sheet: tables.count == 1 ? tables[0] : nil), message)
    }

    private static func firstRows(of table: String?, in file: TableFile) throws -> [Row] {
        var rows: [Row] = []
        do {
            try file.forEachRow(of: table) { row, _ in
                rows.append(row)
                if rows.count >= rowsSearched { throw Enough() }
            }
        } catch is Enough {}
        return rows
    }
}
