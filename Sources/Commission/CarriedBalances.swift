import Foundation

/// Recoverable-draw balances carried into a run from periods already paid (a ledger's closed
/// periods), so a rep's balance continues where payroll left it instead of starting at 0.
///
/// The engine starts each rep's balance at the latest balance recorded for a period before the
/// run's first period; periods inside the run are recomputed from the deals as always.
public struct CarriedBalances: Sendable, Hashable {
    /// Per rep id, balances at the end of past periods, in period order.
    private let byRep: [String: [BalanceAtPeriodEnd]]

    public struct BalanceAtPeriodEnd: Sendable, Hashable {
        public var period: Period
        public var balance: Decimal

        public init(period: Period, balance: Decimal) {
            self.period = period
            self.balance = balance
        }
    }

    /// No carried balances: every rep starts at 0.
    public static let none = CarriedBalances([:])

    public init(_ byRep: [String: [BalanceAtPeriodEnd]]) {
        self.byRep = byRep.mapValues { $0.sorted { $0.period < $1.period } }
    }

    /// The balance `rep` carries into `period`: the latest recorded before it, else 0.
    public func balance(of rep: String, before period: Period) -> Decimal {
        byRep[rep]?.last { $0.period < period }?.balance ?? 0
    }
}
