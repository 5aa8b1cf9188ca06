import Foundation
import Recalculation
import Spreadsheet

/// `stale_value`: a formula whose cached value is not what it gives from the cells it reads
/// (a workbook saved in manual calculation mode, or written by a tool that does not recalculate).
enum StaleFindings {
    /// Adds `stale_value` to a finding already at a stale cell (its main cause, unless the finding
    /// is within tolerance, `rounding`), and a finding of its own at each other stale cell. A
    /// cached number within `tolerance` of what its formula gives is no finding: it pays the same
    /// (a corrected total of unrounded lines beside the sum of its rounded rows).
    static func add(_ stale: [FormulaCensus.StaleCell], tolerance: Decimal, to findings: inout [Finding]) {
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
            findings.append(
                Finding(
                    sheet: cell.sheet, cell: cell.cell, dealID: nil, rep: nil, period: nil, manual: manual,
                    manualText: manualText, expected: evaluated, causes: [.staleValue], explanation: explanation,
                    isDerived: true))
        }
    }
}
