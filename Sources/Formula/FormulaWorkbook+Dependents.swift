import Foundation
import Spreadsheet

/// A cell given a new value, as a correction writes it.
public struct CellChange: Sendable, Hashable {
    public let sheet: Int
    public let address: CellAddress
    public let value: CellValue
    /// Whether the cell keeps its formula (a total whose formula is right); otherwise the value
    /// replaces whatever the cell held, formula included.
    public let keepsFormula: Bool
    /// A formula (without `=`) that replaces whatever the cell held: the cell is recalculated
    /// from it, and `value` is only what a correction caches.
    public let formula: String?

    public init(
        sheet: Int, address: CellAddress, value: CellValue, keepsFormula: Bool = false, formula: String? = nil
    ) {
        self.sheet = sheet
        self.address = address
        self.value = value
        self.keepsFormula = keepsFormula && formula == nil
        self.formula = formula
    }
}

extension FormulaWorkbook {
    /// The formula cells whose value changes when `changes` are made: each with its new value, to
    /// write as its cached value so that readers of cached values see the corrected totals.
    ///
    /// Both workbooks, before and after, are fully recalculated, so a formula that was already
    /// stale for other reasons is not reported unless the changes move it; a cell that keeps its
    /// formula or takes a new one is always reported. Cells that are not
    /// evaluable after the changes are reported as such: their cached value cannot be trusted.
    public func recalculated(
        after changes: [CellChange], options: EvaluationOptions = EvaluationOptions()
    ) -> [FormulaResult] {
        var changed = self
        let replaced = Set(
            changes.filter { !$0.keepsFormula }.map {
                CellKey(sheet: $0.sheet, row: $0.address.row, column: $0.address.column)
            })
        changed.formulas.removeAll {
            replaced.contains(CellKey(sheet: $0.sheet, row: $0.address.row, column: $0.address.column))
        }
        for change in changes {
            changed.sheets[change.sheet][change.address.row, change.address.column] = FormulaValue(
                change.value, dateSystem: dateSystem)
            if let formula = change.formula {
                changed.setCell(
                    sheet: change.sheet, row: change.address.row, column: change.address.column, value: change.value,
                    formula: formula)
            }
        }
        if changes.contains(where: { $0.formula != nil }) { changed.orderFormulasBySheet() }
        let kept = Set(
            changes.filter { $0.keepsFormula || $0.formula != nil }.map {
                CellKey(sheet: $0.sheet, row: $0.address.row, column: $0.address.column)
            })
        var before: [CellKey: Result<FormulaValue, NotEvaluable>] = [:]
        for result in evaluate(options: options) {
            before[
                CellKey(sheet: result.cell.sheet, row: result.cell.address.row, column: result.cell.address.column)] =
                result.outcome
        }
        return changed.evaluate(options: options).filter { result in
            let key = CellKey(
                sheet: result.cell.sheet, row: result.cell.address.row, column: result.cell.address.column)
            if kept.contains(key) { return true }
            switch (before[key], result.outcome) {
            case (.success(let old)?, .success(let new)): return !FormulaValue.sameDisplayedValue(old, new)
            case (.failure?, .failure): return false
            default: return true
            }
        }
    }

    /// The cells a formula cell reads, directly and through the formula cells it reads, that are
    /// not formulas themselves and hold something: a total's inputs, for naming the wrong cells
    /// behind a wrong total. Sheet index and address, in sheet and reading order.
    public func inputs(of sheet: Int, _ address: CellAddress) -> [(sheet: Int, address: CellAddress)] {
        let formulaCells = Set(
            formulas.map { CellKey(sheet: $0.sheet, row: $0.address.row, column: $0.address.column) })
        let grids = sheets
        var walk = PrecedentWalk(self) { sheet, cell in
            !formulaCells.contains(CellKey(sheet: sheet, row: cell.row, column: cell.column))
                && grids[sheet][cell.row, cell.column] != .blank
        }
        let found = walk.reached(from: sheet, address) ?? []
        return found.sorted {
            ($0.sheet, $0.address.row, $0.address.column) < ($1.sheet, $1.address.row, $1.address.column)
        }
        .map { ($0.sheet, $0.address) }
    }
}
