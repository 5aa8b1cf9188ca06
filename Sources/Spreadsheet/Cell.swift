/// One non-empty cell of a row: its column, value, formula and style.
public struct Cell: Sendable, Hashable {
    /// 1-based column.
    public var column: Int
    public var value: CellValue
    /// The formula text without the leading `=`, when the cell has one (shared formulas expanded).
    public var formula: String?
    /// The number format code the cell is shown with (`0.00%`, `yyyy-mm-dd`), when it has one.
    public var numberFormat: String?
    /// Whether the formula is an array formula (`t="array"`: entered with Ctrl+Shift+Enter, or a
    /// dynamic array), which evaluates ranges element by element instead of intersecting them.
    public var isArrayFormula = false

    public init(column: Int, value: CellValue, formula: String? = nil, numberFormat: String? = nil) {
        self.column = column
        self.value = value
        self.formula = formula
        self.numberFormat = numberFormat
    }
}

/// One row as it streams out of a reader: its 1-based index and its cells in column order.
public struct Row: Sendable, Hashable {
    public var index: Int
    public var cells: [Cell]

    public init(index: Int, cells: [Cell]) {
        self.index = index
        self.cells = cells
    }

    /// The cell in `column`, if the row has one there.
    public func cell(at column: Int) -> Cell? {
        cells.first { $0.column == column }
    }

    /// The row with only its cells in `columns` (a table among others on the sheet); the row
    /// itself, not copied, when its cells all lie there.
    public func clipped(to columns: ClosedRange<Int>) -> Row {
        guard !cells.allSatisfy({ columns.contains($0.column) }) else { return self }
        return Row(index: index, cells: cells.filter { columns.contains($0.column) })
    }
}
