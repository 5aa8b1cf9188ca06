import Formula
import Foundation
import Spreadsheet
import XLSX

/// A workbook's formulas checked against the cells they read, once, for the reconciler: values
/// for formulas saved without a cached value, and the formulas whose cached value is stale.
public struct FormulaCheck: Sendable {
    /// Per sheet name, the evaluated values of formula cells that have no cached value
    /// (`CellValue.notEvaluated` for those not evaluable).
    public let values: [String: [CellAddress: CellValue]]
    /// How many formula cells without a cached value got a value.
    public let evaluatedWithoutCache: Int
    /// How many formula cells without a cached value are not evaluable, and why (function or reason).
    public let notEvaluableWithoutCache: [String: Int]
    public let stale: [FormulaCensus.StaleCell]
    /// The workbook's formulas, and its cells as read (cached values where the file has them):
    /// all of them, or those `Kept` says.
    public let workbook: FormulaWorkbook

    /// Which cells of the workbook a check keeps (its `workbook`).
    public enum Kept: Sendable {
        /// Every cell as read.
        case everyCell
        /// The columns some formula reads (`ColumnsRead.byAnyFormula`), let go of before the check
        /// evaluates: a million deal IDs no formula reads are not held while it does.
        case readByFormulas
    }

    /// Reads every worksheet of `workbook` and evaluates each
    /// formula from the cached values of the cells it reads, evaluated ones where there are none.
    public init(_ workbook: XLSXWorkbook, options: EvaluationOptions = EvaluationOptions()) throws {
        self.init(try WorkbookFormulas(workbook).workbook, options: options)
    }

    /// Evaluates each formula of `workbook` (read whole, as `FormulaCollector` reads it) from the
    /// cached values of the cells it reads, evaluated ones where there are none, and keeps the
    /// cells `kept` says. Handed the workbook's only copy, it changes it in place.
    public init(
        _ workbook: consuming FormulaWorkbook, options: EvaluationOptions = EvaluationOptions(),
        keeping kept: Kept = .everyCell
    ) {
        if kept == .readByFormulas { workbook.keepColumns(workbook.columnsRead().byAnyFormula) }
        var values: [String: [CellAddress: CellValue]] = [:]
        var evaluated = 0
        var notEvaluable: [String: Int] = [:]
        var census = FormulaCensus(sheetNames: workbook.sheets.map(\.name))
        // Each result is read once, as it is made: a million results are never held at once.
        workbook.evaluate(precedents: .cachedWhereAvailable, options: options) { result in
            census.add(result)
            guard result.cell.cached == .blank else { return }
            switch result.outcome {
            case .success(let value):
                evaluated += 1
                values[result.sheet, default: [:]][result.cell.address] = CellValue(value)
            case .failure(let reason):
                notEvaluable[reason.function ?? reason.category, default: 0] += 1
                // Not read as blank (0 in a sum, a commission of nothing): its value is unknown.
                values[result.sheet, default: [:]][result.cell.address] = CellValue.notEvaluated
            }
        }
        self.values = values
        self.workbook = workbook
        evaluatedWithoutCache = evaluated
        notEvaluableWithoutCache = notEvaluable
        stale = census.sheets.flatMap(\.stale)
    }

    /// The line the reconcile report shows, when formulas had no cached value.
    public var note: String? {
        let missing = notEvaluableWithoutCache.values.reduce(0, +)
        guard evaluatedWithoutCache + missing > 0 else { return nil }
        var line = "formulas without a cached value: \(evaluatedWithoutCache) evaluated"
        if missing > 0 {
            line +=
                ", \(missing) not evaluable ("
                + notEvaluableWithoutCache.sorted { $0.key < $1.key }.map { "\($0.key) ×\($0.value)" }.joined(
                    separator: ", ") + ")"
        }
        return line
    }
}

extension CellValue {
    /// A formula's result as a cell holds it.
    public init(_ value: FormulaValue) {
        switch value.scalar {
        case .blank: self = .empty
        case .number(let number): self = .number(number)
        case .text(let text): self = text.isEmpty ? .empty : .text(text)
        case .bool(let flag): self = .bool(flag)
        case .error(let error): self = .error(error.rawValue)
        case .array: self = .error(FormulaError.value.rawValue)
        }
    }
}
