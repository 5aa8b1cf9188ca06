import Commission
import Foundation
import Testing

/// `basis: ytd` on attainment with quotas read from the sheet: the fiscal year is priced against
/// one annual quota (plan-format.md §7), the Quota column's per-period quota × periods a year
/// (1.2). Two different quotas in one fiscal year give no one annual quota, and the contract does
/// not say which wins, so the run is refused naming the rows (found by scripts/oracle/fuzz-plans).
@Suite struct YearQuotaFromSheetTests {
    static let plan = YearToDateGapTests.plan(.attainment)

    static func line(_ row: Int, _ date: String, quota: Decimal) -> CreditLine {
        CreditLine(row: row, dealID: "D-\(row)", rep: "R1", date: MechanicTests.day(date), amount: 1000, quota: quota)
    }

    @Test func twoQuotasInOneFiscalYearAreRefused() {
        let lines = [Self.line(2, "2026-01-18", quota: 11000), Self.line(3, "2026-02-09", quota: 12000)]
        #expect {
            try CommissionEngine.calculate(plan: Self.plan, roster: [], lines: lines)
        } throws: { error in
            let refusal = error as? EngineError
            return refusal?.rows == [2, 3] && refusal?.message.contains("one annual quota") == true
        }
    }

    @Test func oneQuotaAYearIsPriced() throws {
        let lines = [Self.line(2, "2026-01-18", quota: 11000), Self.line(3, "2026-02-09", quota: 11000)]
        let statement = try CommissionEngine.calculate(plan: Self.plan, roster: [], lines: lines)
        #expect(statement.reps.map(\.ytdQuota) == [11000 * 12, 11000 * 12])
    }

    /// A rep whose first row of the fiscal year stands in its third quarter, while another
    /// rep's rows open the run in its first: the rep's first two quarters carry the year's one
    /// annual quota too.
    @Test func quartersBeforeTheYearsFirstRowHaveTheYearsQuota() throws {
        var plan = Self.plan
        plan.period = .quarter
        let lines = [
            CreditLine(
                row: 2, dealID: "D-2", rep: "R2", date: MechanicTests.day("2026-02-10"), amount: 1000, quota: 25000),
            Self.line(3, "2026-08-10", quota: 100_000),
        ]
        let statement = try CommissionEngine.calculate(plan: plan, roster: [], lines: lines)
        let ownQuotas = statement.reps.filter { $0.rep == "R1" }.map(\.ytdQuota)
        #expect(ownQuotas == [400_000, 400_000, 400_000])
    }

    /// A row whose Quota cell is blank, in a quarter before the year's first row that gives one:
    /// its tiers stand on the year's one annual quota, not on no quota (a refusal).
    @Test func aBlankQuotaEarlyInTheYearIsPricedOnTheYearsQuota() throws {
        var plan = Self.plan
        plan.period = .quarter
        let lines = [
            CreditLine(row: 2, dealID: "D-2", rep: "R1", date: MechanicTests.day("2026-04-29"), amount: 30000),
            Self.line(3, "2026-07-08", quota: 25000),
        ]
        let statement = try CommissionEngine.calculate(plan: plan, roster: [], lines: lines)
        #expect(statement.reps.map(\.ytdQuota) == [100_000, 100_000])
        // 30,000 of a 100,000 year is past 25%: 10% from the first quarter.
        #expect(statement.lines.first?.amount == 3000)
    }

    /// Each fiscal year has its own annual quota: a new quota in the next year is no refusal.
    @Test func aNewFiscalYearMayChangeTheQuota() throws {
        let lines = [Self.line(2, "2025-12-18", quota: 11000), Self.line(3, "2026-01-09", quota: 12000)]
        let statement = try CommissionEngine.calculate(plan: Self.plan, roster: [], lines: lines)
        #expect(statement.reps.map(\.ytdQuota) == [11000 * 12, 12000 * 12])
    }
}
