import Commission
import Foundation
import Testing

/// A rep-period whose only rows are ones the plan does not pay (an open deal under `eligible:`)
/// has no credit, so the gate and an attainment bonus have nothing to decide there: a Quota
/// column left blank on such rows is no refusal (found by scripts/oracle/fuzz-plans).
@Suite struct UnpaidPeriodQuotaTests {
    static func plan(gate: Decimal?) -> Plan {
        var plan = YearToDateGapTests.plan(.amount, gate: gate)
        plan.commission.tiers.basis = .period
        plan.eligibleStatuses = ["Won"]
        plan.bonuses = [Bonus(name: "Club", kind: .atAttainment(at: Decimal(string: "0.5")!, amount: 300))]
        return plan
    }

    static let lines = [
        CreditLine(
            row: 2, dealID: "D-1", rep: "R1", date: MechanicTests.day("2026-02-10"), amount: 8000, status: "Won",
            quota: 10000),
        CreditLine(
            row: 3, dealID: "D-2", rep: "R2", date: MechanicTests.day("2026-02-18"), amount: 5000, status: "Open"),
    ]

    @Test(arguments: [nil, Decimal(string: "0.25")!])
    func onlyUnpaidRowsAskForNoQuota(gate: Decimal?) throws {
        let statement = try CommissionEngine.calculate(plan: Self.plan(gate: gate), roster: [], lines: Self.lines)
        #expect(statement.reps.map(\.earned) == [400 + 300, 0])
        #expect(statement.reps.map(\.quota) == [10000, nil])
    }

    /// A row the plan pays still needs the quota its attainment is measured against.
    @Test func aPaidRowWithoutAQuotaIsRefused() {
        var lines = Self.lines
        lines[1].status = "Won"
        #expect(throws: EngineError.self) {
            try CommissionEngine.calculate(plan: Self.plan(gate: nil), roster: [], lines: lines)
        }
    }
}
