import Foundation
import Spreadsheet

/// A workbook as the evaluator sees it: sheets of values, formulas, defined names and tables.
///
/// Fill it from any reader (`setCell`, `defineName`, `addTable`), then call `evaluate`. Knows no
/// file format.
public struct FormulaWorkbook: Sendable {
    public var dateSystem: DateSystem
    public internal(set) var sheets: [SheetGrid] = []
    /// Formula cells in the order they were added.
    public internal(set) var formulas = FormulaList()
    var names: [NameKey: DefinedFormula] = [:]
    public internal(set) var tables: [TableDefinition] = []
    private var sheetIndex: [String: Int] = [:]
    /// Cells whose formula calls SUBTOTAL or AGGREGATE: those two functions skip them.
    private var subtotalCells: Set<CellKey> = []
    /// The rows each sheet marks hidden, by sheet index (sheets hiding none left out).
    private var hiddenRows: [Int: Set<Int>] = [:]

    public init(dateSystem: DateSystem = .excel1900) {
        self.dateSystem = dateSystem
    }

    /// Adds a sheet (in tab order) and returns its index.
    @discardableResult
    public mutating func addSheet(named name: String) -> Int {
        sheets.append(SheetGrid(name: name))
        sheetIndex[name.lowercased()] = sheets.count - 1
        return sheets.count - 1
    }

    /// The index of the sheet called `name`, compared case-insensitively as Excel does.
    public func sheet(named name: String) -> Int? { sheetIndex[name.lowercased()] }

    /// Sets a cell's stored value (for a formula cell, its cached value) and formula text.
    /// `isArrayFormula` evaluates ranges element by element (`t="array"`) instead of intersecting them.
    public mutating func setCell(
        sheet: Int, row: Int, column: Int, value: CellValue, formula: String? = nil, isArrayFormula: Bool = false
    ) {
        let stored = FormulaValue(value, dateSystem: dateSystem)
        sheets[sheet][row, column] = stored
        if let formula {
            if Self.callsSubtotal(formula) {
                subtotalCells.insert(CellKey(sheet: sheet, row: row, column: column))
            }
            formulas.append(
                sheet: sheet, address: CellAddress(row: row, column: column), text: formula, cached: stored,
                isArray: isArrayFormula)
        }
    }

    /// Sets the cells of row `row` of the sheet at `sheet`, as `setCell` sets each (in column
    /// order, as a reader hands them out): the sheet is reached once for the row, and each cell's
    /// value is packed as it stands, a formula value made only for a formula's cached value.
    public mutating func setCells(_ cells: [Cell], row: Int, inSheet sheet: Int) {
        sheets[sheet].set(row: row, cells: cells, dateSystem: dateSystem)
        for index in cells.indices {
            guard let formula = cells[index].formula else { continue }
            let column = cells[index].column
            if Self.callsSubtotal(formula) {
                subtotalCells.insert(CellKey(sheet: sheet, row: row, column: column))
            }
            formulas.append(
                sheet: sheet, address: CellAddress(row: row, column: column), text: formula,
                cached: FormulaValue(cells[index].value, dateSystem: dateSystem), isArray: cells[index].isArrayFormula)
        }
    }

    /// Empties the sheet at `sheet` and drops the formulas added since there were `mark` of them,
    /// which must all be that sheet's: for a reader that filled the sheet from a read that stopped
    /// before the sheet's end.
    public mutating func discardCells(ofSheet sheet: Int, formulasAfter mark: Int) {
        sheets[sheet] = SheetGrid(name: sheets[sheet].name)
        formulas.keepFirst(mark)
        if !subtotalCells.isEmpty { subtotalCells = subtotalCells.filter { $0.sheet != sheet } }
    }

    /// Puts the formulas in the order of their sheets (each sheet's in the order they were added),
    /// as a reader of the sheets in tab order adds them, for readers that took the sheets in
    /// another order.
    public mutating func orderFormulasBySheet() {
        formulas.orderBySheet()
    }

    /// Defines a name (`<definedName>`), global or local to the sheet at `localSheet`.
    public mutating func defineName(_ name: String, formula: String, localSheet: Int? = nil) {
        let key = NameKey(name: name.uppercased(), sheet: localSheet)
        names[key] = DefinedFormula(text: formula, expression: try? Parser.parse(formula))
    }

    /// Whether the text names SUBTOTAL or AGGREGATE (a byte scan: this runs for every formula).
    private static func callsSubtotal(_ formula: String) -> Bool {
        var formula = formula
        return formula.withUTF8 { bytes in
            for index in bytes.indices where bytes[index] == UInt8(ascii: "(") {
                for name in subtotalNames where index >= name.count {
                    let start = index - name.count
                    if name.indices.allSatisfy({ bytes[start + $0] & 0xDF == name[$0] }) { return true }
                }
            }
            return false
        }
    }

    /// The functions `callsSubtotal` looks for, in capitals.
    private static let subtotalNames = ["SUBTOTAL", "AGGREGATE"].map { Array($0.utf8) }

    /// Records the rows `sheet` marks hidden, which `SUBTOTAL(101…)` and `AGGREGATE` leave out.
    public mutating func setHiddenRows(_ rows: [Int], ofSheet sheet: Int) {
        hiddenRows[sheet] = rows.isEmpty ? nil : Set(rows)
    }

    /// Whether `sheet` marks `row` hidden.
    public func isHidden(sheet: Int, row: Int) -> Bool {
        !hiddenRows.isEmpty && hiddenRows[sheet]?.contains(row) == true
    }

    func isSubtotal(sheet: Int, row: Int, column: Int) -> Bool {
        !subtotalCells.isEmpty && subtotalCells.contains(CellKey(sheet: sheet, row: row, column: column))
    }

    public mutating func addTable(_ table: TableDefinition) {
        tables.append(table)
    }

    /// The defined name `name` as seen from `sheet`: the sheet's own first, then the global one.
    func definedName(_ name: String, from sheet: Int) -> DefinedFormula? {
        var lookup = name
        var scope = sheet
        if let bang = name.lastIndex(of: "!") {
            let sheetPart = String(name[..<bang]).trimmingCharacters(in: CharacterSet(charactersIn: "'"))
            guard let named = self.sheet(named: sheetPart) else { return nil }
            scope = named
            lookup = String(name[name.index(after: bang)...])
        }
        let upper = lookup.uppercased()
        return names[NameKey(name: upper, sheet: scope)] ?? names[NameKey(name: upper, sheet: nil)]
    }

    /// The workbook-wide extent that whole columns and rows are clipped to, so that `A:A` on two
    /// sheets has one shape.
    var usedExtent: (rows: Int, columns: Int) {
        (max(1, sheets.map(\.maxRow).max() ?? 1), max(1, sheets.map(\.maxColumn).max() ?? 1))
    }
}

/// A cell anywhere in the workbook.
struct CellKey: Hashable, Sendable {
    let sheet: Int
    let row: Int
    let column: Int
}

struct NameKey: Hashable, Sendable {
    let name: String
    let sheet: Int?
}

struct DefinedFormula: Sendable {
    let text: String
    let expression: FormulaExpression?
}

/// An Excel table (a `table` part): its name, where it is and its columns' names.
public struct TableDefinition: Sendable, Hashable {
    public let name: String
    public let sheet: Int
    /// The whole table, header and totals rows included.
    public let range: CellRange
    public let columns: [String]
    public let headerRows: Int
    public let totalsRows: Int

    public init(name: String, sheet: Int, range: CellRange, columns: [String], headerRows: Int, totalsRows: Int) {
        self.name = name
        self.sheet = sheet
        self.range = range
        self.columns = columns
        self.headerRows = headerRows
        self.totalsRows = totalsRows
    }
}
