import Foundation

/// Recoverable-draw balances carried into a run from periods already paid (a ledger's closed
/// periods), so a rep's balance continues where payroll left it instead of starting at 0.
///
/// The engine starts each rep's balance at the latest balance recorded for a period before the
/// run's first period; periods inside the run are recomputed from the deals as always.
public struct CarriedBalances: Sendable, Hashable {
    /// Per rep id, balances at the end of past periods, in period order.
    private var byRep: [String: [BalanceAtPeriodEnd]] = [:]

    private struct BalanceAtPeriodEnd: Sendable, Hashable {
        var period: Period
        var balance: Decimal
    }

    /// No carried balances: every rep starts at 0.
    public static let none = CarriedBalances()

    public init() {}

    /// Records `balance` as `rep`'s at the end of `period` (replacing one recorded for it before).
    public mutating func record(_ balance: Decimal, of rep: String, atEndOf period: Period) {
        var balances = byRep[rep, default: []]
        balances.removeAll { $0.period == period }
        let place = balances.firstIndex { $0.period > period } ?? balances.endIndex
        balances.insert(BalanceAtPeriodEnd(period: period, balance: balance), at: place)
        byRep[rep] = balances
    }

    /// The balance `rep` carries into `period`: the latest recorded before it, else 0.
    public func balance(of rep: String, before period: Period) -> Decimal {
        byRep[rep]?.last { $0.period < period }?.balance ?? 0
    }
}
