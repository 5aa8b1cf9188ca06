import Commission
import Foundation
import Testing

/// `basis: ytd, mode: retroactive` over a month without deals between two with them, and after
/// a rep has left: the fiscal year has one annual quota (plan-format.md §7), so such a month's
/// true-up prices the unchanged year-to-date credit at the rate already paid (0), and a gate or
/// an attainment bonus asks nothing of a month with no credit and nothing to gate.
@Suite struct YearToDateGapTests {
    /// Monthly; 5% from 0, 10% from `upper` (25% of quota, or 50,000 on amounts).
    static func plan(_ metric: TierTable.Metric, gate: Decimal? = nil) -> Plan {
        var plan = Plan(
            name: "p", currency: "USD", period: .month,
            commission: CommissionRules(
                tiers: TierTable(
                    metric: metric, basis: .ytd, mode: .retroactive,
                    bands: [
                        TierTable.Band(from: 0, rate: Decimal(string: "0.05")!),
                        TierTable.Band(
                            from: metric == .attainment ? Decimal(string: "0.25")! : 50000,
                            rate: Decimal(string: "0.1")!),
                    ])))
        plan.commission.gate = gate
        return plan
    }

    /// June and August deals quoting a monthly quota of 10,000 in the sheet; no July rows.
    static let lines = [
        CreditLine(row: 2, dealID: "D-1", rep: "R1", date: MechanicTests.day("2026-06-10"), amount: 1000, quota: 10000),
        CreditLine(row: 3, dealID: "D-2", rep: "R1", date: MechanicTests.day("2026-08-10"), amount: 1000, quota: 10000),
    ]

    @Test func aMonthWithoutDealsTruesUpNothing() throws {
        let statement = try CommissionEngine.calculate(plan: Self.plan(.attainment), roster: [], lines: Self.lines)
        #expect(statement.lines.filter { $0.kind == .trueUp }.map(\.amount) == [0, 0])
        #expect(statement.reps.map(\.earned) == [50, 0, 50])
        #expect(statement.reps.map(\.ytdQuota) == [120_000, 120_000, 120_000])
    }

    @Test func aGateAsksNothingOfAMonthWithoutDeals() throws {
        let statement = try CommissionEngine.calculate(
            plan: Self.plan(.amount, gate: Decimal(string: "0.05")!), roster: [], lines: Self.lines)
        #expect(statement.reps.map(\.earned) == [50, 0, 50])
    }

    /// A rep who left in June, whose June deal is cancelled in August: the clawback stands in
    /// August, whose quota prorates to 0, and the gate does not refuse the run.
    @Test func aClawbackAfterTheRepLeftIsNoRefusal() throws {
        var plan = Self.plan(.attainment, gate: Decimal(string: "0.1")!)
        plan.clawback = Clawback(statuses: ["Cancelled"], windowDays: 90)
        let line = CreditLine(
            row: 2, dealID: "D-1", rep: "R1", date: MechanicTests.day("2026-06-10"), amount: 5000,
            status: "Cancelled", cancelDate: MechanicTests.day("2026-08-05"))
        let statement = try CommissionEngine.calculate(
            plan: plan, roster: [RosterEntry(id: "R1", quota: 10000, end: MechanicTests.day("2026-06-30"))],
            lines: [line])
        #expect(statement.lines.filter { $0.kind != .trueUp }.map(\.amount) == [250, -250])
    }
}
