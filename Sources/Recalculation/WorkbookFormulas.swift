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
        var workbook = FormulaWorkbook(dateSystem: source.dateSystem)
        var indexes: [Int: Int] = [:]
        for sheet in source.sheets {
            indexes[sheet.index] = workbook.addSheet(named: sheet.name)
        }
        for sheet in source.sheets where sheet.kind == .worksheet {
            let target = indexes[sheet.index]!
            try source.readRows(of: sheet) { row in
                for cell in row.cells {
                    workbook.setCell(
                        sheet: target, row: row.index, column: cell.column, value: cell.value, formula: cell.formula,
                        isArrayFormula: cell.isArrayFormula)
                }
            }
        }
        for sheet in source.sheets where sheet.kind == .worksheet {
            for table in try source.tables(of: sheet) {
                workbook.addTable(
                    TableDefinition(
                        name: table.name, sheet: indexes[sheet.index]!, range: table.range, columns: table.columns,
                        headerRows: table.headerRows, totalsRows: table.totalsRows))
            }
        }
        for name in source.definedNames where !name.name.hasPrefix("_xlnm.") {
            workbook.defineName(name.name, formula: name.formula, localSheet: name.localSheet.flatMap { indexes[$0] })
        }
        self.workbook = workbook
    }

    /// Every formula evaluated (see `FormulaWorkbook.evaluate`).
    public func evaluate(
        precedents: PrecedentValues = .recalculated, options: EvaluationOptions = EvaluationOptions()
    ) -> [FormulaResult] {
        workbook.evaluate(precedents: precedents, options: options)
    }
}
