import Commission
import Foundation
import Reconciliation

/// The note a corrected cell carries: what was there (value and formula), the correct value,
/// the cause and the plan clause it comes from.
enum CorrectionNote {
    static func text(_ finding: Finding, formula: String?) -> String {
        let was = finding.manualText ?? finding.manual?.groupedMoneyText ?? "empty"
        var lines = ["trueup: was \(was)" + (formula.map { " (formula =\($0))" } ?? "")]
        lines.append(
            "correct \(finding.expected.groupedMoneyText) (difference \(finding.difference.groupedMoneyText))"
                + (finding.isDerived ? "; the formula stays" : "")
                + (finding.repairedFormula.map { "; its ranges now cover every row: =\($0)" } ?? ""))
        lines.append("cause: \(finding.causes.map(\.rawValue).joined(separator: ", ")) — \(finding.explanation)")
        if let clause = finding.cause.planClause { lines.append("plan: \(clause)") }
        return lines.joined(separator: "\n")
    }
}
