import Formula
import Foundation
import Spreadsheet
import XLSX

/// A workbook's formulas, read from an `.xlsx` and evaluated.
///
/// Reads every worksheet whole (values, formulas with shared formulas expanded, cached values),
/// the tables, the defined names and the date system, then evaluates with `Formula`. Memory holds every
/// cell of the workbook, so this is for callers that need the formulas' values.
public struct WorkbookFormulas: Sendable {
    public let path: String
    public let workbook: FormulaWorkbook

    /// Reads `path` into a formula workbook.
    public init(path: String) throws {
        try self.init(XLSXWorkbook(path: path))
    }

    public init(_ source: XLSXWorkbook) throws {
        path = source.path
        workbook = try FormulaCollector(source).finish()
    }

    /// Every formula evaluated (see `FormulaWorkbook.evaluate`).
    public func evaluate(
        precedents: PrecedentValues = .recalculated, options: EvaluationOptions = EvaluationOptions()
    ) -> [FormulaResult] {
        workbook.evaluate(precedents: precedents, options: options)
    }
}
