import Commission
import Foundation

/// Why a closed period's payable changed since it was paid (the contract's codes).
public enum AdjustmentCause: String, Sendable, Hashable, CaseIterable, Codable {
    /// A deal now in the period that was not when it closed.
    case lateDeal = "late_deal"
    /// A deal cancelled after the period was paid, clawed back in it.
    case clawback
    /// A deal whose credited amount (amount × split) changed.
    case amountChanged = "amount_changed"
    /// A deal paid in the period that is no longer in the deals.
    case dealRemoved = "deal_removed"
    /// The plan's text changed since the period closed.
    case planChanged = "plan_changed"
    /// A difference no deal explains: a hand-kept workbook that paid wrong, or a figure that
    /// changed with no deal of its own changing (a draw recovery after an earlier period's true-up).
    case correction
}

/// One cause of an adjustment and the deals it concerns.
public struct AdjustmentReason: Sendable, Hashable {
    public var cause: AdjustmentCause
    public var dealIDs: [String]

    public init(cause: AdjustmentCause, dealIDs: [String]) {
        self.cause = cause
        self.dealIDs = dealIDs
    }
}

/// What one rep is owed, or owes, for one closed period: the engine's payable now less what was paid.
public struct Adjustment: Sendable, Hashable {
    public var rep: String
    public var name: String?
    public var period: Period
    /// The payable the ledger recorded when the period closed.
    public var paid: Decimal
    /// The engine's payable for the period now.
    public var due: Decimal
    public var causes: [AdjustmentReason]

    /// due − paid: positive is owed to the rep, negative is owed back.
    public var difference: Decimal { due - paid }
}

/// The true-ups of one run against a ledger: an adjustment per rep and closed period whose
/// payable changed, and which periods payroll pays by adjustment only.
public struct TrueUp: Sendable {
    /// The ledger, as given on the command line.
    public var ledger: String
    public var currency: String
    public var adjustments: [Adjustment]
    /// The closed periods the statement covers: payroll pays them by their adjustments only.
    public var closedPeriods: [Period]
    /// The periods the statement covers that were closed and are reopened now: payroll pays them
    /// by their adjustments too, against what their last close recorded as paid.
    public var reopenedPeriods: [Period] = []

    public var netAdjustment: Decimal { adjustments.reduce(Decimal(0)) { $0 + $1.difference } }
}
