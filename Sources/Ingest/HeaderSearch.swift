import Spreadsheet

/// Finds the header row: the first row, within the first 30 of a table, that names every
/// required field (plan-format.md section 7); the first table that has one wins.
public enum HeaderSearch {
    public static let rowsSearched = 30

    private struct Enough: Error {}

    /// `loose`: the fields a header may name among other words (`LooseHeaders`), each with the
    /// names it goes by only there.
    public static func find<Key: Hashable & Sendable & RawRepresentable>(
        in file: TableFile, tables: [String?], keys: [Key], synonyms: (Key) -> [String], required: [Key],
        pins: [String: String], loose: [Key: [String]] = [:]
    ) throws -> (table: String?, mapping: ColumnMapping<Key>) where Key.RawValue == String {
        try find(
            in: file, tables: tables, words: HeaderWords(keys: keys, synonyms: synonyms, loose: loose),
            required: required, pins: pins)
    }

    /// As `find(in:tables:keys:…)`, with the header words made already (`Field.headerWords`).
    public static func find<Key: Hashable & Sendable & RawRepresentable>(
        in file: TableFile, tables: [String?], words: HeaderWords<Key>, required: [Key], pins: [String: String]
    ) throws -> (table: String?, mapping: ColumnMapping<Key>) where Key.RawValue == String {
        if let found = try mapping(in: file, tables: tables, words: words, required: required, pins: pins) {
            return found
        }
        let firstTableRows = try tables.first.map { try firstRows(of: $0, in: file) } ?? []
        throw missing(
            file: file, tables: tables, firstRows: firstTableRows, words: words, required: required, pins: pins)
    }

    /// The header `find(in:tables:words:…)` finds, or nil where it would throw that none fits: for
    /// a caller that never reads why no table has one, the message naming what is missing (a
    /// search of its own over the rows) is not made.
    public static func mapping<Key: Hashable & Sendable & RawRepresentable>(
        in file: TableFile, tables: [String?], words: HeaderWords<Key>, required: [Key], pins: [String: String]
    ) throws -> (table: String?, mapping: ColumnMapping<Key>)? where Key.RawValue == String {
        for table in tables {
            let rows = try firstRows(of: table, in: file)
            if let mapping = try match(rows, file: file, table: table, words: words, required: required, pins: pins) {
                return (table, mapping)
            }
        }
        return nil
    }

    /// The header among `rows`, the first rows of `table` (`firstRows`), as `find` finds it there;
    /// the same error as `find` when none fits.
    static func find<Key: Hashable & Sendable & RawRepresentable>(
        in file: TableFile, table: String?, rows: [Row], words: HeaderWords<Key>, required: [Key],
        pins: [String: String]
    ) throws -> ColumnMapping<Key> where Key.RawValue == String {
        if let mapping = try mapping(in: file, table: table, rows: rows, words: words, required: required, pins: pins) {
            return mapping
        }
        let rows = Array(rows.prefix(rowsSearched))
        throw missing(file: file, tables: [table], firstRows: rows, words: words, required: required, pins: pins)
    }

    /// The header `find(in:table:rows:…)` finds, or nil where it would throw that none fits: for
    /// a caller that tries several sets of fields and never reads why one failed, the message
    /// naming what is missing (a search of its own over the rows) is not made.
    static func mapping<Key: Hashable & Sendable & RawRepresentable>(
        in file: TableFile, table: String?, rows: [Row], words: HeaderWords<Key>, required: [Key],
        pins: [String: String]
    ) throws -> ColumnMapping<Key>? where Key.RawValue == String {
        try match(
            Array(rows.prefix(rowsSearched)), file: file, table: table, words: words, required: required, pins: pins)
    }

    private static func match<Key: Hashable & Sendable & RawRepresentable>(
        _ rows: [Row], file: TableFile, table: String?, words: HeaderWords<Key>, required: [Key],
        pins: [String: String]
    ) throws -> ColumnMapping<Key>? where Key.RawValue == String {
        // Of columns that tie for a field, the one the sheet shows (`ShownColumns`): the sheet's
        // hidden columns read once for every row searched, at the first tie.
        let hidden = ShownColumns.once { file.hiddenColumns(of: table) }
        for (index, row) in rows.enumerated() {
            if let reason = LongTable.refusal(row, below: rows[(index + 1)...], fieldsNamed: words.fieldsNamed) {
                throw SpreadsheetError(Location(file: file.path, sheet: table), "row \(row.index): " + reason)
            }
            var single: Error?
            do {
                if let mapping = try ColumnMatcher.map(
                    row: row, words: words, required: required, pins: pins, sample: Array(rows[(index + 1)...]),
                    hidden: hidden)
                {
                    // A row of sub-headers under it (`Commission` merged over `Rate | Amount`)
                    // makes the two one header, as formats.md says, when they name the fields too.
                    if index + 1 < rows.count, rows[index + 1].index == row.index + 1,
                        isSubHeader(rows[index + 1], under: row)
                    {
                        let lower = rows[index + 1]
                        let merges = (try? file.mergedRanges(of: table)) ?? []
                        let both = joined(row, lower, merges: merges)
                        if let two = try? ColumnMatcher.map(
                            row: both, words: words, required: required,
                            pins: Self.pins(pins, joined: both, lower: lower),
                            sample: Array(rows[(index + 2)...]), hidden: hidden)
                        {
                            return two
                        }
                    }
                    // A row of groups over it (`Deal` over `ID | Date`, `Commission` over `Rate |
                    // Amount`, the amount pinned to another column) makes the two one header when
                    // they name every field the row alone does, in its columns, and more: the row
                    // alone leaves `Amount` under `Commission` unread.
                    if index > 0, isGroupRow(rows[index - 1], over: row),
                        let two = joinedWithRowAbove(
                            rows, at: index, file: file, table: table, words: words,
                            required: required, pins: pins, hidden: hidden
                        )?.mapping,
                        mapping.columns.allSatisfy({ two.columns[$0.key] == $0.value }),
                        two.columns.count > mapping.columns.count
                    {
                        return two
                    }
                    // A header typed across two rows (`Deal` over `ID`, `Commission` over
                    // `Amount`) is the two read as one when they name more fields than the
                    // lower alone: alone, `Amount` under `Commission` is the deal's amount.
                    if index > 0, isStacked(rows[index - 1], over: row),
                        let two = joinedWithRowAbove(
                            rows, at: index, file: file, table: table, words: words,
                            required: required, pins: pins, hidden: hidden
                        )?.mapping,
                        two.columns.count > mapping.columns.count
                    {
                        return two
                    }
                    return mapping
                }
            } catch {
                single = error
            }
            if let (mapping, both) = joinedWithRowAbove(
                rows, at: index, file: file, table: table, words: words, required: required, pins: pins,
                hidden: hidden)
            {
                if let mapping { return mapping }
                // Columns the row alone cannot tell apart are named as the two rows name them.
                if let failure = single as? MappingFailure { single = failure.naming(both) }
            }
            // The upper row of a header typed across two rows that cannot be read alone (`Deal`
            // over the id and over the value): the two read as one, when they name the fields.
            if single != nil, index + 1 < rows.count, isStacked(rows[index], over: rows[index + 1]),
                let two = joinedWithRowAbove(
                    rows, at: index + 1, file: file, table: table, words: words, required: required, pins: pins,
                    hidden: hidden
                )?.mapping
            {
                return two
            }
            if let single {
                throw SpreadsheetError(Location(file: file.path, sheet: table), "\(single)")
            }
        }
        return nil
    }

    /// Whether `upper`, right above `lower`, and `lower` are a header typed across two rows, each
    /// column's words one over the other (`Deal` over `ID`, `Close` over `Date`, `Commission` over
    /// `Amount`, `Product` alone above): both words only, two or more below (no row of units), each
    /// under a word of its own.
    static func isStacked(_ upper: Row, over lower: Row) -> Bool {
        let filled = lower.cells.filter { !$0.value.isBlank }
        return upper.index == lower.index - 1 && filled.count >= 2 && !UnitsRow.holdsOnlyUnits(lower)
            && upper.cells.allSatisfy { $0.value.isBlank || $0.value.isText }
            && filled.allSatisfy { cell in
                guard case .text(let text) = cell.value, headerText(upper, cell.column) != nil else { return false }
                return text.contains { $0.isLetter } && NumberStyle.money(inText: text) == nil
            }
    }

    /// The header of `rows[index]` read with the row right above it as one (`joined`), and its
    /// mapping when that names the fields; nil when the row above is no row of a two-row header:
    /// not right above it, or a block's title (`Rep: Ana Lima`) above or below.
    private static func joinedWithRowAbove<Key: Hashable & Sendable & RawRepresentable>(
        _ rows: [Row], at index: Int, file: TableFile, table: String?, words: HeaderWords<Key>, required: [Key],
        pins: [String: String], hidden: @escaping () -> [ClosedRange<Int>]
    ) -> (mapping: ColumnMapping<Key>?, both: Row)? where Key.RawValue == String {
        let row = rows[index]
        guard index > 0, rows[index - 1].index == row.index - 1, !RepTitle.isTitleRow(row),
            !RepTitle.isTitleRow(rows[index - 1])
        else { return nil }
        func mapped(_ joined: Row) -> ColumnMapping<Key>? {
            try? ColumnMatcher.map(
                row: joined, words: words, required: required,
                pins: Self.pins(pins, joined: joined, lower: row),
                sample: Array(rows[(index + 1)...]), hidden: hidden)
        }
        let upper = rows[index - 1]
        var both = joined(upper, row)
        var mapping = mapped(both)
        // A workbook's merges bound its groups. They are read (the whole sheet: they come
        // last) only when a group ending short of its reach would change which column is which.
        let matters = groupReaches(upper, row).contains { reach in
            (reach.first.column..<reach.last.column).contains { end in
                let bound = CellRange(first: reach.first, last: CellAddress(row: upper.index, column: end))
                let other = mapped(joined(upper, row, merges: [bound]))
                return other != nil && other?.columns != mapping?.columns
            }
        }
        if matters, let merges = try? file.mergedRanges(of: table), !merges.isEmpty {
            both = joined(upper, row, merges: merges)
            mapping = mapped(both)
        }
        return (mapping, both)
    }

    /// Whether `upper`, right above the header `lower`, is a row of groups over it: two texts or
    /// more (a title is one), one of them reaching over columns whose own upper cell is empty.
    static func isGroupRow(_ upper: Row, over lower: Row) -> Bool {
        upper.index == lower.index - 1 && upper.cells.filter { !$0.value.isBlank }.count >= 2
            && upper.cells.allSatisfy { $0.value.isBlank || $0.value.isText } && !groupReaches(upper, lower).isEmpty
    }

    private static func missing<Key: Hashable & Sendable & RawRepresentable>(
        file: TableFile, tables: [String?], firstRows: [Row], words: HeaderWords<Key>, required: [Key],
        pins: [String: String]
    ) -> SpreadsheetError where Key.RawValue == String {
        let message = ColumnMatcher.missingMessage(firstRows: firstRows, required: required, words: words, pins: pins)
        return SpreadsheetError(Location(file: file.path, sheet: tables.count == 1 ? tables[0] : nil), message)
    }

    /// A two-row header read as one: a group cell over the cells below it (`Deal` merged over
    /// `ID | Date | Amount` reads `Deal ID`, `Deal Date`, `Deal Amount`) and a cell merged down
    /// (only the upper cell holds its text) as itself. A group merged across columns (`merges`)
    /// reaches over those; one not merged reaches right over the columns whose upper cell is
    /// empty and whose lower cell is not.
    public static func joined(_ upper: Row, _ lower: Row, merges: [CellRange] = []) -> Row {
        let text = headerText
        let last = max(upper.cells.last?.column ?? 0, lower.cells.last?.column ?? 0)
        guard last > 0 else { return lower }
        var cells: [Cell] = []
        var group: String?
        var groupEnd = Int.max
        for column in 1...last {
            let above = text(upper, column)
            let below = text(lower, column)
            if column > groupEnd { group = nil }
            if let above {
                group = below == nil ? nil : above
                let start = CellAddress(row: upper.index, column: column)
                groupEnd = merges.first { $0.first == start }?.last.column ?? .max
            }
            switch (above, below) {
            case (let above?, nil): cells.append(Cell(column: column, value: .text(above)))
            case (_, let below?):
                cells.append(Cell(column: column, value: .text(group.map { "\($0) \(below)" } ?? below)))
            case (nil, nil): group = nil
            }
        }
        return Row(index: lower.index, cells: cells)
    }

    /// `pins` for `joined`, a two-row header read as one with `lower` its second row: a pin naming
    /// no header of `joined` but one cell of `lower` alone (`N°` under `Affaire`) names that
    /// column's joined header (`Affaire N°`).
    static func pins(_ pins: [String: String], joined: Row, lower: Row) -> [String: String] {
        func texts(_ row: Row) -> [(column: Int, text: String)] {
            row.cells.compactMap { cell in
                guard case .text(let text) = cell.value else { return nil }
                return (cell.column, text)
            }
        }
        let whole = texts(joined)
        let below = texts(lower)
        return pins.mapValues { pin in
            let key = headerKey(pin)
            guard !whole.contains(where: { headerKey($0.text) == key }) else { return pin }
            let named = below.filter { headerKey($0.text) == key }
            guard named.count == 1, let text = whole.first(where: { $0.column == named[0].column })?.text else {
                return pin
            }
            return text
        }
    }

    /// Whether `lower` is a row of sub-headers under the header `upper`: words only (no figure,
    /// date or unit alone), at least two, and some group of `upper` reaching over a column whose
    /// own upper cell is empty (`Commission` over `Rate | Amount`).
    static func isSubHeader(_ lower: Row, under upper: Row) -> Bool {
        let filled = lower.cells.filter { !$0.value.isBlank }
        guard filled.count >= 2, !groupReaches(upper, lower).isEmpty, !UnitsRow.holdsOnlyUnits(lower) else {
            return false
        }
        return filled.allSatisfy { cell in
            guard case .text(let text) = cell.value else { return false }
            return text.contains { $0.isLetter } && NumberStyle.money(inText: text) == nil
        }
    }

    /// The groups of a two-row header that reach past their own cell when not merged (`joined`):
    /// from the group's cell to the last column it reaches, on the upper row.
    static func groupReaches(_ upper: Row, _ lower: Row) -> [CellRange] {
        let last = max(upper.cells.last?.column ?? 0, lower.cells.last?.column ?? 0)
        var reaches: [CellRange] = []
        for column in upper.cells.map(\.column) where headerText(upper, column) != nil {
            guard headerText(lower, column) != nil else { continue }
            var end = column
            while end < last, headerText(upper, end + 1) == nil, headerText(lower, end + 1) != nil { end += 1 }
            if end > column {
                reaches.append(
                    CellRange(
                        first: CellAddress(row: upper.index, column: column),
                        last: CellAddress(row: upper.index, column: end)))
            }
        }
        return reaches
    }

    /// A header cell's text, trimmed; nil when it holds none.
    private static func headerText(_ row: Row, _ column: Int) -> String? {
        guard case .text(let text) = row.cell(at: column)?.value else { return nil }
        let trimmed = ColumnMatcher.trimmingWhitespace(text)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// The first `count` rows of `table` that hold anything: read once, they serve every search
    /// of its header and title (each read of a sheet inflates at least a chunk of it).
    public static func firstRows(of table: String?, in file: TableFile, count: Int = rowsSearched) throws -> [Row] {
        var rows: [Row] = []
        do {
            try file.forEachRow(of: table) { row, _ in
                rows.append(row)
                if rows.count >= count { throw Enough() }
            }
        } catch is Enough {}
        return rows
    }
}
