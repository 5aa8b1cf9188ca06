import Foundation
import Spreadsheet

/// Finds the cell a formula's value is taken from: the rate table cell a `VLOOKUP`, `XLOOKUP`,
/// `INDEX`/`MATCH`, `LOOKUP`, `CHOOSE` or nested `IF` returns, or a plain reference's cell.
///
/// The source is found by what the formula does, not by how it is written: of the cells the
/// formula reads that hold its value, the one whose change changes the formula's value. A
/// formula that computes its value (`B5*0.08`), or whose value more than one cell decides, has
/// no source. Reads the workbook's values as they stand (cached values for formula cells).
public final class ValueSources {
    private let evaluator: Evaluator
    /// The formulas' positions in cell order, taken when first asked for: none when they are in
    /// that order already (a million formulas read from a file are), instead of an index of every
    /// cell (67 MB for a million).
    private lazy var cellOrder: [Int] = evaluator.workbook.formulas.cellOrder()
    /// Ranges larger than this are not searched for the source (a rate table is small).
    private let largestRange = 20_000

    public init(_ workbook: FormulaWorkbook, options: EvaluationOptions = EvaluationOptions()) {
        evaluator = Evaluator(workbook: workbook, options: options)
    }

    /// The formula text at a cell, when it holds one.
    public func formula(sheet: Int, at address: CellAddress) -> String? {
        let formulas = evaluator.workbook.formulas
        return formulas.position(of: CellKey(sheet: sheet, row: address.row, column: address.column), order: cellOrder)
            .map { formulas[$0].text }
    }

    /// The cell (sheet index and address) the formula at `address` takes its number from, or nil.
    public func source(sheet: Int, at address: CellAddress) -> (sheet: Int, address: CellAddress)? {
        guard let text = formula(sheet: sheet, at: address), let expression = try? Parser.parse(text) else {
            return nil
        }
        return source(of: expression, sheet: sheet, at: address).map { ($0.sheet, $0.address) }
    }

    /// The table cell the one lookup inside the formula at `address` takes its number from, with
    /// that number: a commission formula that looks its rate up as it goes
    /// (`=ROUND(E5*VLOOKUP(D5,Rates!$A$2:$B$6,2,FALSE),2)`, `XLOOKUP`, `INDEX`/`MATCH`, `LOOKUP`,
    /// under `IFERROR` too), the lookup's cell found as `source` finds a formula's. Nil when the
    /// formula holds no lookup, or several.
    public func lookedUp(sheet: Int, at address: CellAddress) -> (sheet: Int, address: CellAddress, value: Decimal)? {
        guard let text = formula(sheet: sheet, at: address), let expression = try? Parser.parse(text) else {
            return nil
        }
        var lookups: [FormulaExpression] = []
        Self.collectLookups(expression, into: &lookups)
        guard lookups.count == 1 else { return nil }
        return source(of: lookups[0], sheet: sheet, at: address)
    }

    /// The functions that return a cell of a table they are given.
    private static let lookups: Set<String> = ["VLOOKUP", "HLOOKUP", "XLOOKUP", "INDEX", "LOOKUP"]

    /// The outermost lookup calls in `expression` (not those inside another's arguments).
    private static func collectLookups(_ expression: FormulaExpression, into found: inout [FormulaExpression]) {
        switch expression {
        case .call(let name, let arguments):
            if lookups.contains(name) {
                found.append(expression)
            } else {
                for argument in arguments { collectLookups(argument, into: &found) }
            }
        case .binary(_, let left, let right):
            collectLookups(left, into: &found)
            collectLookups(right, into: &found)
        case .negate(let inner), .percent(let inner): collectLookups(inner, into: &found)
        default: break
        }
    }

    /// The cell `expression`, a formula at `address` or a part of it, takes its number from.
    private func source(of expression: FormulaExpression, sheet: Int, at address: CellAddress) -> (
        sheet: Int, address: CellAddress, value: Decimal
    )? {
        evaluator.sheet = sheet
        evaluator.cell = address
        evaluator.arrayMode = false
        guard case .number(let value)? = evaluate(expression) else { return nil }
        var found: [(sheet: Int, address: CellAddress, value: Decimal)] = []
        var tried: Set<CellKey> = []
        for (target, reference) in DependencyGraph.ranges(
            expression, workbook: evaluator.workbook, from: sheet, cell: address)
        {
            let lastRow = min(reference.lastRow, evaluator.extent.rows)
            let lastColumn = min(reference.lastColumn, evaluator.extent.columns)
            guard reference.firstRow <= lastRow, reference.firstColumn <= lastColumn,
                (lastRow - reference.firstRow + 1) * (lastColumn - reference.firstColumn + 1) <= largestRange
            else { continue }
            for row in reference.firstRow...lastRow {
                for column in reference.firstColumn...lastColumn {
                    let key = CellKey(sheet: target, row: row, column: column)
                    guard target != sheet || row != address.row, tried.insert(key).inserted,
                        case .number(let held) = evaluator.workbook.sheets[target][row, column], held == value,
                        changes(expression, to: key, from: value)
                    else { continue }
                    found.append((target, CellAddress(row: row, column: column), held))
                }
            }
        }
        return found.count == 1 ? found[0] : nil
    }

    /// The one cell outside its own row that the formula at `address` reads by itself, not
    /// within a range, and that holds a number: a parameter such as a rate kept in `$H$1` or a
    /// defined name (`=ROUND(D5*$H$1,2)`, `=D5*Rate`), with its number; nil when the formula reads
    /// no such cell or several.
    public func parameter(sheet: Int, at address: CellAddress) -> (
        sheet: Int, address: CellAddress, value: Decimal
    )? {
        guard let text = formula(sheet: sheet, at: address), let expression = try? Parser.parse(text) else {
            return nil
        }
        var found: [(sheet: Int, address: CellAddress, value: Decimal)] = []
        for (target, reference) in DependencyGraph.ranges(
            expression, workbook: evaluator.workbook, from: sheet, cell: address)
        where reference.isCell {
            let cell = CellAddress(row: reference.firstRow, column: reference.firstColumn)
            guard target != sheet || cell.row != address.row,
                !found.contains(where: { $0.sheet == target && $0.address == cell })
            else { continue }
            guard case .number(let held) = evaluator.workbook.sheets[target][cell.row, cell.column] else { return nil }
            found.append((target, cell, held))
        }
        return found.count == 1 ? found[0] : nil
    }

    /// Whether the formula's value moves when the cell at `key` holds another number.
    private func changes(_ expression: FormulaExpression, to key: CellKey, from value: Decimal) -> Bool {
        let original = evaluator.workbook.sheets[key.sheet][key.row, key.column]
        evaluator.workbook.sheets[key.sheet][key.row, key.column] = .number(value * 2 + 1)
        evaluator.textIndexes = TextIndexes()
        let moved = evaluate(expression)
        evaluator.workbook.sheets[key.sheet][key.row, key.column] = original
        evaluator.textIndexes = TextIndexes()
        guard case .number(let number)? = moved else { return true }
        return number != value
    }

    private func evaluate(_ expression: FormulaExpression) -> FormulaValue? {
        do throws(NotEvaluable) {
            return try evaluator.cellValue(expression)
        } catch {
            return nil
        }
    }
}
