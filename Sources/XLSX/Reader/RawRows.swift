/// A cell as the worksheet's XML gives it, before its value is read: where it is, its type and
/// style, and its value's bytes in the `RawRows` that holds it.
struct RawCell: Sendable {
    /// The cell's `t` attribute, or `empty` for a cell with a formula and no value.
    enum Kind: UInt8, Sendable {
        case number, sharedString, inlineString, formulaString, boolean, error, isoDate, empty
    }

    /// The row the cell's errors name (the row being read when the cell ended).
    var row: Int
    var column: Int
    var style: Int
    var kind: Kind
    var isArrayFormula: Bool
    /// The value's bytes (`<v>`'s text, or an inline string's text) in `RawRows.bytes`; cells may
    /// share bytes (a cell nested in another).
    var value: Range<Int>
    /// The formula, shared formulas already expanded.
    var formula: String?
}

/// Rows of raw cells, as `WorksheetParser` collects them and `RowBuilder` reads them.
///
/// A large sheet's parsing thread hands these over in batches, so that reading the values (shared
/// strings, numbers, dates) happens on the thread that takes the rows. Cells after the last entry
/// of `rows` belong to no complete row (a parse that failed mid-row): they are read, for their
/// errors, but never emitted.
struct RawRows: Sendable {
    struct Entry: Sendable {
        enum Kind: Sendable {
            /// A row with cells, to be emitted.
            case row
            /// Cells outside any `<row>`: read, for their errors, and dropped.
            case stray
            /// The end of a row whose cells were all emitted already, under the same index, by a
            /// `<row>` nested in it: refused as a repeated row.
            case repeatedRow
        }

        var index: Int
        /// The end of the entry's cells in `cells` (they start where the previous entry's end).
        var cellsEnd: Int
        var kind: Kind
    }

    var bytes = CellBytes()
    var cells: [RawCell] = []
    var rows: [Entry] = []

    /// Where the cells after the last entry begin.
    var openCellsStart: Int { rows.last?.cellsEnd ?? 0 }

    /// Closes the cells added since the last entry as an entry of `kind`.
    mutating func close(index: Int, as kind: Entry.Kind) {
        rows.append(Entry(index: index, cellsEnd: cells.count, kind: kind))
    }

    /// Empty, with room for a little more than `other` holds (the size of the batch before, for
    /// the next one, whose rows may hold a few more cells: a growing array copies what it holds).
    init(capacityOf other: RawRows) {
        bytes = CellBytes(capacity: other.bytes.count + other.bytes.count / 4)
        cells.reserveCapacity(other.cells.count + other.cells.count / 4)
        rows.reserveCapacity(other.rows.count + 1)
    }

    init() {}

    /// Appends `value` as the next cell's value bytes, returning where they lie.
    func append(_ value: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        let start = bytes.count
        bytes.append(value)
        return start..<bytes.count
    }

    mutating func removeAll() {
        bytes.removeAll()
        cells.removeAll(keepingCapacity: true)
        rows.removeAll(keepingCapacity: true)
    }
}
