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
    }

    /// The stale cells that are a deal row's input (its amount, split, rate, date…: a column the
    /// deals are read from other than the commission and the bonus), by `sheet!cell`. Such a cell
    /// is no money paid: its difference (an ACV's 3,000.00) is not the headline's, and the row is
    /// priced on its cached value, as the sheet shows it (docs/layouts.md, "Formulas' values").
    static func inputs(_ stale: [FormulaCensus.StaleCell], context: RowContext) -> [String: Input] {
        guard !stale.isEmpty else { return [:] }
        // By sheet row first: a deal line is asked for its sheet's name only when a stale cell
        // stands on its row number.
        var byRow: [Int: [FormulaCensus.StaleCell]] = [:]
        for cell in stale { byRow[cell.cell.row, default: []].append(cell) }
        var result: [String: Input] = [:]
        for line in context.deals.lines {
            guard let onRow = byRow[DealsTable.sheetRow(line.row)] else { continue }
            let (sheet, _) = context.place(line.row)
            let cells = onRow.filter { $0.sheet == sheet }
            guard !cells.isEmpty else { continue }
            let mapping = context.deals.mapping(ofRow: line.row)
            var pay = Set([mapping.columns[.commission], mapping.columns[.bonus]].compactMap { $0 })
            pay.formUnion(mapping.addedColumns[.bonus] ?? [])
            let period =
                context.engine[line.row]?.line?.period
                ?? Period(
                    containing: line.date, kind: context.plan.period, fiscalYearStart: context.plan.fiscalYearStart)
            for cell in cells where !pay.contains(cell.cell.column) && mapping.columns.values.contains(cell.cell.column)
            {
                result["\(cell.sheet)!\(cell.cell)"] = Input(
                    dealID: line.dealID, rep: context.engine[line.row]?.line?.rep ?? line.rep, period: period)
            }
        }
        return result
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
                var finding = Finding(
                    sheet: cell.sheet, cell: cell.cell, dealID: input.dealID, rep: input.rep, period: input.period,
                    manual: manual, manualText: manualText, expected: evaluated, causes: [.staleValue],
                    explanation: explanation
                        + "; the row's input, not money paid: the row is priced on the cached value",
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
