import Foundation
import Spreadsheet

/// What evaluation may not learn from the workbook itself.
public struct EvaluationOptions: Sendable {
    /// The date `TODAY()` returns (a serial in the workbook's date system); nil makes `TODAY`
    /// not evaluable, so that results never depend on the day they are computed.
    public var today: DateComponents?
    /// How many formulas a workbook has before they are evaluated in chunks on every core, when
    /// the order does not matter (each reads cached values only).
    var evaluatedInChunksFrom = 50_000

    public init(today: DateComponents? = nil) {
        self.today = today
    }
}

/// Evaluates one formula at a time against a workbook's current values.
final class Evaluator {
    /// Read for every cell a formula reads, and written only between evaluations (an evaluator
    /// serves one thread): no run-time exclusivity check is made for it.
    @exclusivity(unchecked) var workbook: FormulaWorkbook
    let options: EvaluationOptions
    /// The sheet and cell whose formula is being evaluated.
    var sheet = 0
    var cell = CellAddress(row: 1, column: 1)
    /// Whether ranges are read element by element (an array formula, or inside SUMPRODUCT)
    /// rather than intersected with the formula's row or column.
    var arrayMode = false
    /// How far the references of the tree being evaluated are moved as they are read: a
    /// filled-down formula evaluated from its shape's tree (`ShapeCache`). A defined name's
    /// references are read where they are.
    var moved = (rows: 0, columns: 0)
    private var nameDepth = 0
    /// The names LET has bound around the expression being evaluated, innermost last, in compared
    /// form (`LetBinding.key`).
    var letBindings: [(key: String, operand: Operand)] = []
    /// The formula cells not evaluated yet, which a reference made while evaluating (OFFSET,
    /// INDIRECT) must not read; nil when every cell already holds what it will hold.
    var unevaluated: UnevaluatedCells?
    var textIndexes = TextIndexes()
    /// The functions called last, with their names (`function(named:)`).
    private var recentFunctions: [RecentFunction] = []
    let extent: (rows: Int, columns: Int)

    init(workbook: FormulaWorkbook, options: EvaluationOptions) {
        self.workbook = workbook
        self.options = options
        extent = workbook.usedExtent
    }

    /// The formula's value as its cell shows it: a single value, a blank reference read as 0.
    func cellValue(_ expression: FormulaExpression) throws(NotEvaluable) -> FormulaValue {
        if let number = numberOnly(expression) { return .number(number) }
        switch try elements(expression).scalar {
        case .blank: return .number(0)
        case let other: return other
        }
    }

    // MARK: Operands

    func operand(_ expression: FormulaExpression) throws(NotEvaluable) -> Operand {
        switch expression {
        case .number(let number): return .value(.number(number))
        case .text(let text): return .value(.text(text))
        case .bool(let flag): return .value(.bool(flag))
        case .error(let error): return .value(.error(error))
        case .missing: return .value(.blank)
        case .reference(var reference):
            guard let target = reference.sheet.map(workbook.sheet(named:)) ?? sheet else {
                throw NotEvaluable(.unresolved("the sheet '\(reference.sheet ?? "")'"))
            }
            if moved != (0, 0) { reference.move(rows: moved.rows, columns: moved.columns) }
            return .reference(sheet: target, reference)
        case .name(let name): return try definedName(name)
        case .structured(let structured): return try self.structured(structured)
        case .array(let rows):
            var values: [FormulaValue] = []
            for row in rows { for item in row { values.append(try value(item).scalar) } }
            return .value(.array(FormulaArray(rows: rows.count, columns: rows.first?.count ?? 0, values: values)))
        case .negate(let inner):
            return .value(Arithmetic.map(try elements(inner), Arithmetic.negate))
        case .percent(let inner):
            return .value(Arithmetic.map(try elements(inner), Arithmetic.percent))
        case .binary(let op, let left, let right):
            return .value(Arithmetic.apply(op, try elements(left), try elements(right)))
        case .range(let left, let right):
            guard case .reference(let a, let first) = try operand(left),
                case .reference(let b, let second) = try operand(right), a == b
            else { return .value(.error(.value)) }
            return .reference(
                sheet: a,
                Reference(
                    sheet: first.sheet, firstRow: min(first.firstRow, second.firstRow),
                    firstColumn: min(first.firstColumn, second.firstColumn),
                    lastRow: max(first.lastRow, second.lastRow),
                    lastColumn: max(first.lastColumn, second.lastColumn)))
        case .call(let name, let arguments):
            for recent in recentFunctions where recent.name == name {
                return try recent.implementation(self, arguments)
            }
            return try function(named: name)(self, arguments)
        }
    }

    /// The function `name` calls, from `Functions.table`, remembered among `recentFunctions`.
    private func function(named name: String) throws(NotEvaluable) -> Functions.Implementation {
        guard let function = Functions.table[name] else { throw NotEvaluable(.unsupportedFunction(name)) }
        if recentFunctions.count == 4 { recentFunctions.removeFirst() }
        recentFunctions.append(RecentFunction(name: name, implementation: function))
        return function
    }

    /// A function called lately: found again by comparing names, not by hashing the name into
    /// `Functions.table`, which cost more than evaluating `D5*E5`.
    private struct RecentFunction {
        let name: String
        let implementation: Functions.Implementation
    }

    private func definedName(_ name: String) throws(NotEvaluable) -> Operand {
        if !letBindings.isEmpty {
            let key = LetBinding.key(name)
            if let bound = letBindings.last(where: { $0.key == key }) { return bound.operand }
        }
        guard let defined = workbook.definedName(name, from: sheet) else {
            if Functions.table[Parser.functionName(name)] != nil { return .value(.error(.name)) }
            throw NotEvaluable(.unresolved("the name '\(name)'"))
        }
        guard let expression = defined.expression, nameDepth < 20 else {
            throw NotEvaluable(.unresolved("the name '\(name)' (\(defined.text))"))
        }
        let formulaMoved = moved
        nameDepth += 1
        moved = (0, 0)
        defer {
            nameDepth -= 1
            moved = formulaMoved
        }
        return try operand(expression)
    }

    // MARK: Values

    /// The expression's value: a single cell's value (blank stays blank), a range as an array.
    func value(_ expression: FormulaExpression) throws(NotEvaluable) -> FormulaValue {
        switch try operand(expression) {
        case .value(let value): return value
        case .reference(let target, let reference):
            if reference.isCell { return try cellValue(target, reference.firstRow, reference.firstColumn) }
            return .array(try grid(target, reference).array)
        }
    }

    /// What an operator or a function of single values reads: in an array formula, every cell of a
    /// range; otherwise a range's cell in the formula's row or column (arrays stay arrays).
    func elements(_ expression: FormulaExpression) throws(NotEvaluable) -> FormulaValue {
        if case .reference(let reference) = expression, reference.isCell, reference.sheet == nil {
            return try cellValue(sheet, reference.firstRow + moved.rows, reference.firstColumn + moved.columns)
        }
        if arrayMode { return try value(expression) }
        switch try operand(expression) {
        case .value(let value): return value
        case .reference(let target, let reference): return try intersect(target, reference)
        }
    }

    /// Evaluates `body` with ranges read element by element.
    func inArrayMode<T>(_ body: () throws(NotEvaluable) -> T) throws(NotEvaluable) -> T {
        let saved = arrayMode
        arrayMode = true
        defer { arrayMode = saved }
        return try body()
    }

    /// A single value: a range gives the cell in the formula's own row or column (Excel's implicit
    /// intersection), else `#VALUE!`; an array gives its first element.
    func scalar(_ expression: FormulaExpression) throws(NotEvaluable) -> FormulaValue {
        switch try operand(expression) {
        case .value(let value): return value.scalar
        case .reference(let target, let reference): return try intersect(target, reference)
        }
    }

    /// One cell's value, read straight from the sheet (the common case, kept cheap).
    func cellValue(_ target: Int, _ row: Int, _ column: Int) throws(NotEvaluable) -> FormulaValue {
        let value = workbook.sheets[target][row, column]
        if case .error(.notEvaluable) = value {
            throw NotEvaluable(
                .dependsOn("'\(workbook.sheets[target].name)'!" + CellAddress(row: row, column: column).description))
        }
        return value
    }

    func intersect(_ target: Int, _ reference: Reference) throws(NotEvaluable) -> FormulaValue {
        if reference.isCell { return try cellValue(target, reference.firstRow, reference.firstColumn) }
        let cells = grid(target, reference)
        if reference.columnCount == 1 || cells.columns == 1, (reference.firstRow...reference.lastRow).contains(cell.row)
        {
            return try cells.at(cell.row - reference.firstRow, 0)
        }
        if reference.rowCount == 1 || cells.rows == 1,
            (reference.firstColumn...reference.lastColumn).contains(cell.column)
        {
            return try cells.at(0, cell.column - reference.firstColumn)
        }
        return .error(.value)
    }

    func grid(_ target: Int, _ reference: Reference) -> ValueGrid {
        ValueGrid(sheet: workbook.sheets[target], reference: reference, extent: extent)
    }

    /// `reference`'s cells on sheet `target` up to the last row and column the sheet stores: the
    /// cells past them are blank. For readers that pass blanks over (SUM, COUNT, OR and their
    /// kin), so that a range of billions of empty cells (`H2:XFD1000000`) is not walked.
    func storedGrid(_ target: Int, _ reference: Reference) -> ValueGrid {
        ValueGrid(sheet: workbook.sheets[target], reference: reference, extent: extent, storedOnly: true)
    }

    /// The expression's values as a grid: a range's cells, an array, or one value.
    func grid(_ expression: FormulaExpression) throws(NotEvaluable) -> ValueGrid {
        switch try operand(expression) {
        case .reference(let target, let reference): return grid(target, reference)
        case .value(.array(let array)): return ValueGrid(array)
        case .value(let value): return ValueGrid(scalar: value)
        }
    }
}
