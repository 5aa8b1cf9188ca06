import Spreadsheet

/// An evaluated argument before it is turned into values: a value, or a reference to cells
/// (functions such as `SUMIFS`, `INDEX` and `ISBLANK` need to know which).
enum Operand {
    case value(FormulaValue)
    case reference(sheet: Int, Reference)
}

/// Cells or an array, read element by element without copying a range's values.
struct ValueGrid {
    let rows: Int
    let columns: Int
    private let storage: Storage

    private enum Storage {
        case array(FormulaArray)
        case scalar(FormulaValue)
        case cells(SheetGrid, firstRow: Int, firstColumn: Int)
    }

    init(_ array: FormulaArray) {
        rows = array.rows
        columns = array.columns
        storage = .array(array)
    }

    init(scalar: FormulaValue) {
        rows = 1
        columns = 1
        storage = .scalar(scalar)
    }

    /// `reference` clipped to `extent`, read from `sheet`; with `storedOnly`, also to the last row
    /// and column `sheet` stores (none at all when it starts past them).
    init(sheet: SheetGrid, reference: Reference, extent: (rows: Int, columns: Int), storedOnly: Bool = false) {
        var lastRow =
            reference.lastRow == CellAddress.maxRow ? max(reference.firstRow, extent.rows) : reference.lastRow
        var lastColumn =
            reference.lastColumn == CellAddress.maxColumn
            ? max(reference.firstColumn, extent.columns) : reference.lastColumn
        if storedOnly {
            lastRow = min(lastRow, sheet.maxRow)
            lastColumn = min(lastColumn, sheet.maxColumn)
        }
        rows = max(0, lastRow - reference.firstRow + 1)
        columns = max(0, lastColumn - reference.firstColumn + 1)
        storage = .cells(sheet, firstRow: reference.firstRow, firstColumn: reference.firstColumn)
    }

    var count: Int { rows * columns }

    /// How many of the grid's rows and columns, from its first, reach no further than the last row
    /// and column its sheet stores (every cell past them is blank); an array's or a value's whole
    /// shape.
    var storedShape: (rows: Int, columns: Int) {
        guard case .cells(let sheet, let firstRow, let firstColumn) = storage else { return (rows, columns) }
        return (
            min(rows, max(0, sheet.maxRow - firstRow + 1)), min(columns, max(0, sheet.maxColumn - firstColumn + 1))
        )
    }

    /// For a grid of one column of a sheet: that column's stored values and the index in them of
    /// the grid's first row.
    var sheetColumn: (SheetGrid.Column, Int)? {
        guard columns == 1, case .cells(let sheet, let firstRow, let firstColumn) = storage else { return nil }
        return (sheet.column(firstColumn), firstRow - 1)
    }

    /// The value at 0-based `row`, `column`; throws when that cell is not evaluable.
    func at(_ row: Int, _ column: Int) throws(NotEvaluable) -> FormulaValue {
        switch storage {
        case .array(let array): return array[row, column]
        case .scalar(let value): return value
        case .cells(let sheet, let firstRow, let firstColumn):
            let value = sheet[firstRow + row, firstColumn + column]
            if case .error(.notEvaluable) = value {
                let address = CellAddress(row: firstRow + row, column: firstColumn + column)
                throw NotEvaluable(.dependsOn("'\(sheet.name)'!" + address.description))
            }
            return value
        }
    }

    /// The value at a 0-based position in row-major order.
    func at(_ index: Int) throws(NotEvaluable) -> FormulaValue {
        try at(index / columns, index % columns)
    }

    /// Every value, row-major.
    func forEach(_ body: (FormulaValue) throws(NotEvaluable) -> Void) throws(NotEvaluable) {
        for row in 0..<rows {
            for column in 0..<columns { try body(try at(row, column)) }
        }
    }

    var array: FormulaArray {
        get throws(NotEvaluable) {
            if case .array(let array) = storage { return array }
            var values: [FormulaValue] = []
            values.reserveCapacity(count)
            for index in 0..<count { values.append(try at(index)) }
            return FormulaArray(rows: rows, columns: columns, values: values)
        }
    }
}

/// Reads a grid's values by row-major position, a sheet's single column straight from the
/// sheet's storage: criteria functions read a million cells this way. A class, so that a reader
/// handed around (one per criteria range) is one reference, not a copy of the sheet's tables.
final class CellReader {
    private let grid: ValueGrid
    /// The sheet's column when the grid is one, and the index in it of the grid's first row.
    private let column: SheetGrid.Column?
    private let offset: Int

    init(_ grid: ValueGrid) {
        self.grid = grid
        if let (cells, offset) = grid.sheetColumn {
            column = cells
            self.offset = offset
        } else {
            column = nil
            offset = 0
        }
    }

    /// The value at a 0-based position in row-major order; throws when that cell is not evaluable.
    func at(_ position: Int) throws(NotEvaluable) -> FormulaValue {
        guard let column else { return try grid.at(position) }
        let value = column[offset + position]
        if case .error(.notEvaluable) = value { return try grid.at(position) }
        return value
    }
}
