import Commission
import Foundation
import Ingest
import Recalculation
import Spreadsheet

/// `stale_value`: a formula whose cached value is not what it gives from the cells it reads
/// (a workbook saved in manual calculation mode, or written by a tool that does not recalculate).
enum StaleFindings {
    /// A deal row's stale input cell: the row's deal, rep and period.
    struct Input {
        let dealID: String
        let rep: String
        let period: Period
        /// The row's commission and bonus cells, by `sheet!cell`.
        let payCells: [String]
    }

    /// The stale cells that are a deal row's input (its amount, split, rate, date…: a column the
    /// deals are read from other than the commission and the bonus), by `sheet!cell`. Such a cell
    /// is no money paid: its difference (an ACV's 3,000.00) is not the headline's. The row is
    /// priced on what the cell's formula gives (`recalculatedInputs`), and a finding at the row's
    /// commission or bonus names the stale input as its cause (docs/layouts.md, "Formulas' values").
    static func inputs(_ stale: [FormulaCensus.StaleCell], context: RowContext) -> [String: Input] {
        var result: [String: Input] = [:]
        forEachInput(stale, of: context.deals) { line, cell, payColumns in
            let period =
                context.engine[line.row]?.line?.period
                ?? Period(
                    containing: line.date, kind: context.plan.period, fiscalYearStart: context.plan.fiscalYearStart)
            result["\(cell.sheet)!\(cell.cell)"] = Input(
                dealID: line.dealID, rep: context.engine[line.row]?.line?.rep ?? line.rep, period: period,
                payCells: payColumns.map { "\(cell.sheet)!\(CellAddress(row: cell.cell.row, column: $0))" })
        }
        return result
    }

    /// What the formulas of the deal rows' stale input cells give (numbers only), by sheet and
    /// cell, for the sheets to be read again showing them (`XLSXWorkbook.formulaValues`): a deal
    /// is priced on its amount as the sheet's own formula makes it from the cells it reads, not on
    /// a value left from before an edit (`calcMode="manual"`).
    static func recalculatedInputs(
        _ stale: [FormulaCensus.StaleCell], of deals: DealsTable
    ) -> [String: [CellAddress: CellValue]] {
        var result: [String: [CellAddress: CellValue]] = [:]
        forEachInput(stale, of: deals) { _, cell, _ in
            guard case .number = cell.evaluated.scalar else { return }
            result[cell.sheet, default: [:]][cell.cell] = CellValue(cell.evaluated)
        }
        return result
    }

    /// Calls `body` with each stale cell that stands in one of a deal line's read columns other
    /// than its commission and bonus, with the line and those pay columns.
    private static func forEachInput(
        _ stale: [FormulaCensus.StaleCell], of deals: DealsTable,
        _ body: (_ line: CreditLine, _ cell: FormulaCensus.StaleCell, _ payColumns: [Int]) -> Void
    ) {
        guard !stale.isEmpty else { return }
        // By sheet row first: a deal line is asked for its sheet's name only when a stale cell
        // stands on its row number.
        var byRow: [Int: [FormulaCensus.StaleCell]] = [:]
        for cell in stale { byRow[cell.cell.row, default: []].append(cell) }
        for line in deals.lines {
            guard let onRow = byRow[DealsTable.sheetRow(line.row)] else { continue }
            let sheet = deals.sheetName(ofRow: line.row)
            let cells = onRow.filter { $0.sheet == sheet }
            guard !cells.isEmpty else { continue }
            let (inputs, pay) = columns(of: deals.mapping(ofRow: line.row))
            for cell in cells where inputs.contains(cell.cell.column) { body(line, cell, pay) }
        }
    }

    /// The columns of `mapping` a deal line is read from other than its pay (`inputs`), and its
    /// pay columns: the commission, the bonus and any bonus columns added to it. A stale cell in
    /// an input is priced on what its formula gives (`recalculatedInputs`).
    static func columns(of mapping: ColumnMapping<Field>) -> (inputs: Set<Int>, pay: [Int]) {
        let pay =
            [mapping.columns[.commission], mapping.columns[.bonus]].compactMap { $0 }
            + (mapping.addedColumns[.bonus] ?? []) + mapping.commissionColumns
        return (Set(mapping.columns.values).subtracting(pay), pay)
    }

    /// Adds `stale_value` to a finding already at a stale cell (its main cause, unless the finding
    /// is within tolerance, `rounding`), and a finding of its own at each other stale cell: one
    /// of its row, and no money paid, for a row's input (`inputs`). A cached number within
    /// `tolerance` of what its formula gives is no finding: it pays the same (a corrected total
    /// of unrounded lines beside the sum of its rounded rows).
    static func add(
        _ stale: [FormulaCensus.StaleCell], tolerance: Decimal, inputs: [String: Input] = [:],
        to findings: inout [Finding]
    ) {
        var index: [String: Int] = [:]
        for (position, finding) in findings.enumerated() { index["\(finding.sheet)!\(finding.cell)"] = position }
        for cell in stale {
            guard case .number(let evaluated) = cell.evaluated else { continue }
            if case .number(let cached) = cell.cached, (cached - evaluated).magnitude <= tolerance { continue }
            let explanation =
                "the cached value \(cell.cached.displayText) is not what =\(cell.formula) gives from the cells it reads "
                + "(\(evaluated.excelPrecision.plainString)): the workbook was saved without recalculating"
            if let position = index["\(cell.sheet)!\(cell.cell)"] {
                findings[position].causes.removeAll { $0 == .staleValue }
                let main = findings[position].isError ? 0 : findings[position].causes.count
                findings[position].causes.insert(.staleValue, at: main)
                findings[position].explanation = explanation + "; " + findings[position].explanation
                continue
            }
            var manual: Decimal?
            var manualText: String?
            switch cell.cached {
            case .number(let number): manual = number
            default: manualText = cell.cached.displayText
            }
            if let input = inputs["\(cell.sheet)!\(cell.cell)"] {
                // The row's pay cells were figured from the stale value: that is their cause.
                for pay in input.payCells {
                    guard let position = index[pay], findings[position].isError else { continue }
                    // The sheet's own rate × credit differs from its commission only by the
                    // stale input: that is not a second mistake.
                    findings[position].causes.removeAll { $0 == .staleValue || $0 == .arithmetic }
                    findings[position].causes.insert(.staleValue, at: 0)
                    findings[position].explanation =
                        "\(cell.cell) is stale (\(cell.cached.displayText), where =\(cell.formula) gives "
                        + "\(evaluated.excelPrecision.plainString)) and the row is priced on what its formula gives; "
                        + findings[position].explanation
                }
                var finding = Finding(
                    sheet: cell.sheet, cell: cell.cell, dealID: input.dealID, rep: input.rep, period: input.period,
                    manual: manual, manualText: manualText, expected: evaluated, causes: [.staleValue],
                    explanation: explanation
                        + "; the row's input, not money paid: the row is priced on what its formula gives",
                    isDerived: false)
                finding.isInput = true
                findings.append(finding)
                continue
            }
            findings.append(
                Finding(
                    sheet: cell.sheet, cell: cell.cell, dealID: nil, rep: nil, period: nil, manual: manual,
                    manualText: manualText, expected: evaluated, causes: [.staleValue], explanation: explanation,
                    isDerived: true))
        }
    }
}
