import Commission
import Foundation
import Testing

/// The rep-periods a draw is paid in run from the first to the last period present in the data,
/// clawback periods included (plan-format.md §7).
@Suite struct DrawRangeTests {
    /// A cancellation past the clawback window makes no clawback line, so its period is no
    /// clawback period: no rep-period, no draw paid there.
    @Test func aCancellationPastTheWindowAddsNoPeriod() throws {
        var plan = MechanicTests.amountPlan(.perDeal, .retroactive, [(0, "0.1")])
        plan.period = .month
        plan.draw = Draw(amount: 1000, recoverable: false)
        plan.clawback = Clawback(statuses: ["Cancelled"], windowDays: 30)
        let late = MechanicTests.line("D1", "2026-01-10", "50000", status: "Cancelled", cancel: "2026-03-20")
        let statement = try CommissionEngine.calculate(
            plan: plan, roster: [RosterEntry(id: "R1")], lines: [late])
        #expect(statement.reps.map(\.period.description) == ["2026-01"])
        #expect(statement.reps.map(\.payable) == [5000])
        #expect(statement.issues.map(\.code) == [.clawbackWindowPassed])
        // Within the window, the cancellation's period is one, with its clawback and its draw.
        let clawed = MechanicTests.line("D1", "2026-01-10", "50000", status: "Cancelled", cancel: "2026-02-05")
        let within = try CommissionEngine.calculate(plan: plan, roster: [RosterEntry(id: "R1")], lines: [clawed])
        #expect(within.reps.map(\.period.description) == ["2026-01", "2026-02"])
        #expect(within.reps.map(\.payable) == [5000, 1000])
    }
}
