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
        lines.append("cause: \(finding.causes.joined(separator: ", ")) — \(finding.explanation)")
        if let clause = clause(finding.cause) { lines.append("plan: \(clause)") }
        return lines.joined(separator: "\n")
    }

    /// Where in the plan file a cause's rule is written (plan-format.md section 2).
    static func clause(_ cause: String) -> String? {
        switch cause {
        case "wrong_rate", "wrong_tier": "commission.tiers.table"
        case "marginal_vs_retroactive": "commission.tiers.mode"
        case "per_deal_vs_cumulative": "commission.tiers.basis"
        case "cap_not_applied": "commission.cap"
        case "gate_not_applied": "commission.gate"
        case "override_not_applied": "commission.overrides"
        case "bonus_missing", "bonus_not_due": "bonuses"
        case "clawback_missed": "clawback"
        case "rounding_mode": "rounding"
        case "split_not_applied", "split_total": "credit = amount × split (section 3)"
        default: nil
        }
    }
}
