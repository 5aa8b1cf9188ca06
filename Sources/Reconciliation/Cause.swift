/// Why a figure in the hand-kept workbook differs from the engine's: the cause codes of
/// plan-format.md section 4, whose raw values are the contract's words.
public enum Cause: String, Sendable, Hashable, Codable, CaseIterable, Comparable, CustomStringConvertible {
    case rounding
    case wrongRate = "wrong_rate"
    case wrongTier = "wrong_tier"
    case marginalVsRetroactive = "marginal_vs_retroactive"
    case perDealVsCumulative = "per_deal_vs_cumulative"
    case capNotApplied = "cap_not_applied"
    case gateNotApplied = "gate_not_applied"
    case splitNotApplied = "split_not_applied"
    case splitTotal = "split_total"
    case overrideNotApplied = "override_not_applied"
    case bonusMissing = "bonus_missing"
    case bonusNotDue = "bonus_not_due"
    case clawbackMissed = "clawback_missed"
    case duplicateLine = "duplicate_line"
    case missingLine = "missing_line"
    case extraLine = "extra_line"
    case wrongRep = "wrong_rep"
    case amountMismatch = "amount_mismatch"
    case arithmetic
    case hardcodedFormula = "hardcoded_formula"
    case inconsistentFormula = "inconsistent_formula"
    case sumRange = "sum_range"
    case textNumber = "text_number"
    case roundingMode = "rounding_mode"
    case unreadable
    case staleValue = "stale_value"
    case unexplained

    /// The contract's word, as reports print it.
    public var description: String { rawValue }

    /// Ordered by code, so reports that group by cause list them alphabetically.
    public static func < (a: Cause, b: Cause) -> Bool { a.rawValue < b.rawValue }

    /// Where in the plan file the rule this cause breaks is written (plan-format.md section 2), for
    /// causes that break one.
    public var planClause: String? {
        switch self {
        case .wrongRate, .wrongTier: "commission.tiers.table"
        case .marginalVsRetroactive: "commission.tiers.mode"
        case .perDealVsCumulative: "commission.tiers.basis"
        case .capNotApplied: "commission.cap"
        case .gateNotApplied: "commission.gate"
        case .overrideNotApplied: "commission.overrides"
        case .bonusMissing, .bonusNotDue: "bonuses"
        case .clawbackMissed: "clawback"
        case .roundingMode: "rounding"
        case .splitNotApplied, .splitTotal: "credit = amount × split (section 3)"
        default: nil
        }
    }
}
