import Commission
import Foundation
import Reconciliation

/// The note a corrected cell carries: what was there (value and formula), the correct value,
/// the cause and the plan clause it comes from. `written` is the value the cell caches, when it
/// is not the engine's (a total whose formula adds up a declined correction's manual figure);
/// `columnFormula` the formula of its column's other rows it was given instead of a typed value.
enum CorrectionNote {
    static func text(_ finding: Finding, formula: String?, written: Decimal? = nil, columnFormula: String? = nil)
        -> String
    {
        let was = finding.manualText ?? finding.manual?.groupedMoneyText ?? "empty"
        var lines = ["trueup: was \(was)" + (formula.map { " (formula =\($0))" } ?? "")]
        lines.append(
            "correct \(finding.expected.groupedMoneyText) (difference \(finding.difference.groupedMoneyText))"
                + (finding.isDerived ? "; the formula stays" : "")
                + (finding.repairedFormula.map { "; its ranges now cover every row: =\($0)" } ?? "")
                + (columnFormula.map { "; it now has the formula of its column's other rows: =\($0)" } ?? ""))
        if let written, finding.isDerived, written.groupedMoneyText != finding.expected.groupedMoneyText {
            lines.append(
                "its formula gives \(written.groupedMoneyText) from the cells as written: rows it adds up that were "
                    + "not corrected (a declined correction, a difference within the tolerance) keep their figures")
        }
        lines.append("cause: \(finding.causes.map(\.rawValue).joined(separator: ", ")) — \(finding.explanation)")
        if let clause = finding.cause.planClause { lines.append("plan: \(clause)") }
        return lines.joined(separator: "\n")
    }
}
