import Foundation
import Spreadsheet

/// LET, which names values for its last argument, and OFFSET and INDIRECT, which make a
/// reference while the formula is evaluated.
extension Functions {
    static let references: [String: Implementation] = [
        "LET": { e, a throws(NotEvaluable) in try letExpression(e, a) },
        "OFFSET": { e, a throws(NotEvaluable) in try offset(e, a) },
        "INDIRECT": { e, a throws(NotEvaluable) in try indirect(e, a) },
    ]

    /// LET(name1, value1, [name2, value2, …], calculation): each value evaluated once, in order,
    /// seeing the names bound before it; the calculation sees them all. A value that is a
    /// reference stays one (`LET(r, A1:A5, SUM(r))`). A name LET binds hides a defined name of
    /// the same spelling inside it.
    private static func letExpression(_ evaluator: Evaluator, _ arguments: [FormulaExpression]) throws(NotEvaluable)
        -> Operand
    {
        guard arguments.count >= 3, arguments.count % 2 == 1 else { return error(.value) }
        let depth = evaluator.letBindings.count
        defer { evaluator.letBindings.removeSubrange(depth...) }
        for pair in stride(from: 0, to: arguments.count - 1, by: 2) {
            guard case .name(let name) = arguments[pair], !name.contains("!") else { return error(.value) }
            let value = try evaluator.operand(arguments[pair + 1])
            evaluator.letBindings.append((LetBinding.key(name), value))
        }
        return try evaluator.operand(arguments[arguments.count - 1])
    }

    /// OFFSET(reference, rows, columns, [height], [width]): the range `rows` down and `columns`
    /// right of the reference's first cell, as tall and wide as the reference unless given (a
    /// negative height or width reaches up or left from there); `#REF!` off the sheet, or for a
    /// height or width of 0.
    private static func offset(_ evaluator: Evaluator, _ arguments: [FormulaExpression]) throws(NotEvaluable)
        -> Operand
    {
        guard (3...5).contains(arguments.count) else { return error(.value) }
        guard case .reference(let sheet, let base) = try evaluator.operand(arguments[0]) else { return error(.value) }
        var numbers: [Int] = []
        for (index, argument) in arguments.dropFirst().enumerated() {
            if argument == .missing {
                numbers.append(index == 2 ? base.rowCount : index == 3 ? base.columnCount : 0)
                continue
            }
            switch try integer(evaluator, argument) {
            case .success(let n): numbers.append(n)
            case .failure(let failure): return error(failure)
            }
        }
        let height = numbers.count > 2 ? numbers[2] : base.rowCount
        let width = numbers.count > 3 ? numbers[3] : base.columnCount
        guard height != 0, width != 0 else { return error(.reference) }
        let row = base.firstRow + numbers[0]
        let column = base.firstColumn + numbers[1]
        let rows = height > 0 ? (row, row + height - 1) : (row + height + 1, row)
        let columns = width > 0 ? (column, column + width - 1) : (column + width + 1, column)
        guard rows.0 >= 1, rows.1 <= CellAddress.maxRow, columns.0 >= 1, columns.1 <= CellAddress.maxColumn else {
            return error(.reference)
        }
        let reference = Reference(
            sheet: base.sheet, firstRow: rows.0, firstColumn: columns.0, lastRow: rows.1, lastColumn: columns.1)
        try evaluator.unevaluated?.check(sheet: sheet, reference, in: evaluator.workbook, through: "OFFSET")
        return .reference(sheet: sheet, reference)
    }

    /// INDIRECT(text, [a1]): the reference `text` writes in A1 style (`B5`, `$B$5:$D$9`,
    /// `'Deals Q3'!B5`, `C:C`, a defined name standing for a range); `#REF!` for text that writes
    /// none. R1C1 text (`a1` FALSE) is not evaluable: trueup reads A1 only.
    private static func indirect(_ evaluator: Evaluator, _ arguments: [FormulaExpression]) throws(NotEvaluable)
        -> Operand
    {
        guard arguments.count == 1 || arguments.count == 2 else { return error(.value) }
        if arguments.count == 2, arguments[1] != .missing {
            switch try scalar(evaluator, arguments[1], Coercion.bool) {
            case .failure(let failure): return error(failure)
            case .success(false): throw NotEvaluable(.unsupportedFunction("INDIRECT with R1C1 text"))
            case .success(true): break
            }
        }
        let text: String
        switch try scalar(evaluator, arguments[0], Coercion.text) {
        case .failure(let failure): return error(failure)
        case .success(let written): text = written.trimmingCharacters(in: .whitespaces)
        }
        guard !text.isEmpty, let expression = try? Parser.parse(text), Self.writesAReference(expression) else {
            return error(.reference)
        }
        // The text's references are where it writes them: not moved with a filled-down formula.
        let moved = evaluator.moved
        evaluator.moved = (0, 0)
        defer { evaluator.moved = moved }
        let made: Operand
        do throws(NotEvaluable) {
            made = try evaluator.operand(expression)
        } catch {
            // A sheet or name the workbook does not have: Excel's `#REF!`.
            if case .unresolved = error.kind { return Functions.error(.reference) }
            throw error
        }
        guard case .reference(let sheet, let reference) = made else { return error(.reference) }
        try evaluator.unevaluated?.check(sheet: sheet, reference, in: evaluator.workbook, through: "INDIRECT")
        return made
    }

    /// Whether INDIRECT's parsed text is a reference: a cell or range, two joined by `:`, or a name.
    private static func writesAReference(_ expression: FormulaExpression) -> Bool {
        switch expression {
        case .reference, .name: true
        case .range(let left, let right): writesAReference(left) && writesAReference(right)
        default: false
        }
    }
}

/// The names LET binds, compared as Excel compares names: without case, and without the
/// `_xlpm.` prefix a file writes them with (`_xlpm.rate`).
enum LetBinding {
    static func key(_ name: String) -> String {
        let upper = name.uppercased()
        return upper.hasPrefix("_XLPM.") ? String(upper.dropFirst(6)) : upper
    }
}

/// The formula cells not evaluated yet, for references made while a formula is evaluated
/// (OFFSET, INDIRECT): the dependency graph orders a formula after the cells its text names, but
/// not after those such a reference reaches, so a formula reading one before it is evaluated is
/// deferred (`FormulaWorkbook.outcomes` evaluates it again once the others are), never given a
/// value the cell does not hold.
final class UnevaluatedCells {
    private let formulas: FormulaList
    /// Per formula, whether its cell already holds what evaluation gives it.
    private var settled: [Bool]
    /// Formula index by cell, made when a reference first asks.
    private var byCell: [CellKey: Int]?
    /// How many formulas read a cell not evaluated yet (each then deferred).
    private(set) var deferred = 0

    /// `settled[i]`: whether formula `i`'s cell holds its value before it is evaluated (its
    /// cached value, kept).
    init(_ formulas: FormulaList, settled: [Bool]) {
        self.formulas = formulas
        self.settled = settled
    }

    func settle(_ node: Int) { settled[node] = true }

    /// Throws, counting a deferral, when `reference` on `sheet` covers a formula cell not yet
    /// evaluated.
    func check(sheet: Int, _ reference: Reference, in workbook: FormulaWorkbook, through function: String)
        throws(NotEvaluable)
    {
        let lastRow = min(reference.lastRow, max(reference.firstRow, workbook.usedExtent.rows))
        let lastColumn = min(reference.lastColumn, max(reference.firstColumn, workbook.usedExtent.columns))
        let cells = (lastRow - reference.firstRow + 1) * (lastColumn - reference.firstColumn + 1)
        var found: Int?
        if cells <= formulas.count {
            if byCell == nil {
                var index: [CellKey: Int] = [:]
                index.reserveCapacity(formulas.count)
                for (node, cell) in formulas.enumerated() {
                    index[CellKey(sheet: cell.sheet, row: cell.address.row, column: cell.address.column)] = node
                }
                byCell = index
            }
            search: for row in reference.firstRow...lastRow {
                for column in reference.firstColumn...lastColumn {
                    if let node = byCell?[CellKey(sheet: sheet, row: row, column: column)], !settled[node] {
                        found = node
                        break search
                    }
                }
            }
        } else {
            found = formulas.indices.first { node in
                guard !settled[node] else { return false }
                let (at, address) = formulas.location(at: node)
                return at == sheet && (reference.firstRow...lastRow).contains(address.row)
                    && (reference.firstColumn...lastColumn).contains(address.column)
            }
        }
        guard let found else { return }
        deferred += 1
        let (at, address) = formulas.location(at: found)
        throw NotEvaluable(
            .dependsOn(
                "'\(workbook.sheets[at].name)'!\(address) (reached through \(function) before it was evaluated)"))
    }
}
