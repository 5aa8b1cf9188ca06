import Commission
import Foundation
import Testing

/// `cap.per_period` (plan-format.md 3.8): the rep-period's commission lines are walked in order;
/// the line that crosses the cap is cut to the remainder, later ones become 0, negative ones too.
@Suite struct PeriodCapTests {
    @Test func aCreditNoteAfterTheCapBecomesZero() throws {
        var plan = MechanicTests.amountPlan(.perDeal, .retroactive, [(0, "0.1")])
        plan.period = .month
        plan.commission.capPerPeriod = 1000
        let lines = [
            MechanicTests.line("D1", "2026-01-10", "50000", row: 2),
            MechanicTests.line("D2", "2026-01-20", "-5000", row: 3),
        ]
        let statement = try CommissionEngine.calculate(plan: plan, lines: lines)
        #expect(statement.lines.map(\.amount) == [1000, 0])
        #expect(statement.lines.map(\.flags) == [.capped, .capped])
        #expect(statement.lines[1].explanation.hasSuffix("per-period cap reached: 0"))
        #expect(statement.reps.map(\.earned) == [1000])
        // A credit note before the crossing lowers the running total: the cap is cut later.
        let before = [
            MechanicTests.line("D0", "2026-01-05", "-5000", row: 2),
            MechanicTests.line("D1", "2026-01-10", "50000", row: 3),
        ]
        #expect(try CommissionEngine.calculate(plan: plan, lines: before).lines.map(\.amount) == [-500, 1500])
    }

    /// A falling year-to-date rate's negative true-up after the cap is reached is a later line too.
    @Test func aNegativeTrueUpAfterTheCapBecomesZero() throws {
        var plan = MechanicTests.amountPlan(.ytd, .retroactive, [(0, "0.05"), (100_000, "0.1")])
        plan.commission.capPerPeriod = 2000
        let lines = [
            MechanicTests.line("D1", "2026-02-10", "120000", row: 2),
            MechanicTests.line("D3", "2026-04-10", "30000", row: 3),
            MechanicTests.line("D4", "2026-04-11", "20000", row: 4),
            MechanicTests.line("D2", "2026-05-10", "-80000", row: 5),
        ]
        let statement = try CommissionEngine.calculate(
            plan: plan, roster: [RosterEntry(id: "R1", quota: 100_000)], lines: lines)
        #expect(statement.lines.map(\.kind) == [.commission, .commission, .commission, .commission, .trueUp])
        #expect(statement.lines.map(\.amount) == [2000, 1500, 500, 0, 0])
        #expect(statement.reps.map(\.earned) == [2000, 2000])
    }
}
