import Commission
import Foundation
import Testing

/// The worked examples of docs/plan-format.md, one per mechanic.
@Suite struct MechanicTests {
    static func day(_ text: String) -> LocalDate { LocalDate(iso: text)! }

    static func line(
        _ deal: String, _ date: String, _ amount: String, split: String = "1", product: String? = nil,
        status: String? = nil, cancel: String? = nil, row: Int = 2
    ) -> CreditLine {
        CreditLine(
            row: row, dealID: deal, rep: "R1", date: day(date), amount: Decimal(string: amount)!,
            split: Decimal(string: split)!, product: product, status: status, cancelDate: cancel.map(day))
    }

    static func amountPlan(_ basis: TierTable.Basis, _ mode: TierTable.Mode, _ bands: [(Int, String)]) -> Plan {
        Plan(
            name: "p", currency: "USD", period: .quarter,
            commission: CommissionRules(
                tiers: TierTable(
                    metric: .amount, basis: basis, mode: mode,
                    bands: bands.map { TierTable.Band(from: Decimal($0.0), rate: Decimal(string: $0.1)!) })))
    }

    @Test func yearToDateTrueUp() throws {
        let plan = Self.amountPlan(.ytd, .retroactive, [(0, "0.04"), (100_000, "0.06")])
        let lines = [
            Self.line("A", "2026-03-01", "50000"), Self.line("B", "2026-03-20", "30000"),
            Self.line("C", "2026-05-10", "40000"), Self.line("D", "2026-08-01", "10000"),
        ]
        let statement = try CommissionEngine.calculate(
            plan: plan, roster: [RosterEntry(id: "R1", quota: 100_000)], lines: lines)
        let trueUps = statement.lines.filter { $0.kind == .trueUp }
        #expect(trueUps.map(\.amount) == [1600, 0])
        #expect(trueUps.first?.explanation == "true-up: 80,000.00 × (6% − 4%)")
        #expect(statement.reps.map(\.earned) == [3200, 4000, 600])
    }

    @Test func quotaIsProratedByActiveDays() throws {
        var plan = Self.amountPlan(.period, .marginal, [(0, "0.04")])
        plan.commission.tiers.metric = .amount
        let roster = [RosterEntry(id: "R1", annualQuota: 400_000, start: Self.day("2026-02-15"))]
        let statement = try CommissionEngine.calculate(
            plan: plan, roster: roster, lines: [Self.line("A", "2026-03-01", "1000")])
        #expect(statement.reps.first?.quota == 50_000)
    }

    @Test func recoverableDrawCarriesAndRecovers() throws {
        var plan = Self.amountPlan(.ytd, .retroactive, [(0, "0.04"), (100_000, "0.06")])
        plan.draw = Draw(amount: 3000, recoverable: true)
        let lines = [Self.line("A", "2026-03-01", "25000"), Self.line("C", "2026-05-10", "150000")]
        let reps = try CommissionEngine.calculate(
            plan: plan, roster: [RosterEntry(id: "R1", quota: 100_000)], lines: lines
        ).reps
        #expect(reps.map(\.payable) == [3000, 7500])
        #expect(reps.map(\.balance) == [2000, 0])
        #expect(reps.map(\.recovered) == [0, 2000])
        plan.draw = Draw(amount: 3000, recoverable: false)
        let floor = try CommissionEngine.calculate(
            plan: plan, roster: [RosterEntry(id: "R1", quota: 100_000)], lines: lines
        ).reps
        #expect(floor.map(\.payable) == [3000, 9500])
    }

    @Test func periodCapCutsTheCrossingLineAndZeroesTheRest() throws {
        var plan = Self.amountPlan(.perDeal, .retroactive, [(0, "0.1")])
        plan.commission.capPerPeriod = 7800
        let lines = [
            Self.line("A", "2026-01-01", "50000"), Self.line("B", "2026-01-02", "20000"),
            Self.line("C", "2026-01-03", "15000"), Self.line("D", "2026-01-04", "9000"),
        ]
        let statement = try CommissionEngine.calculate(plan: plan, lines: lines)
        #expect(statement.lines.map(\.amount) == [5000, 2000, 800, 0])
        #expect(statement.lines[2].flags == .capped)
    }

    /// 10% of attainment per quarter, gated at 50% of quota.
    static func gatedPlan() -> Plan {
        Plan(
            name: "p", currency: "USD", period: .quarter,
            commission: CommissionRules(
                tiers: TierTable(
                    metric: .attainment, basis: .period, mode: .marginal,
                    bands: [TierTable.Band(from: 0, rate: Decimal(string: "0.1")!)]),
                gate: Decimal(string: "0.5")!))
    }

    /// An attainment just below the gate is not written as the gate: 49.999% is not "50%".
    @Test func anAttainmentJustBelowTheGateReadsBelowIt() throws {
        let plan = Self.gatedPlan()
        let statement = try CommissionEngine.calculate(
            plan: plan, roster: [RosterEntry(id: "R1", quota: 100_000)],
            lines: [Self.line("A", "2026-01-10", "49999")])
        #expect(statement.lines[0].explanation.hasSuffix("gated: attainment 49.999% is below the 50% gate"))
    }

    @Test func theGateStopsCommissionButNotPerDealBonuses() throws {
        var plan = Self.gatedPlan()
        plan.bonuses = [Bonus(name: "SPIFF", kind: .perDeal(amount: 250, when: LineCondition(product: "analytics")))]
        let statement = try CommissionEngine.calculate(
            plan: plan, roster: [RosterEntry(id: "R1", quota: 100_000)],
            lines: [Self.line("A", "2026-01-10", "40000", split: "0.6", product: "Analytics")])
        #expect(statement.lines.map(\.kind) == [.commission, .bonus])
        #expect(statement.lines.map(\.amount) == [0, 150])
        #expect(statement.lines[0].flags == [.splitTotal, .gated])
        #expect(statement.reps[0].gated)
    }

    @Test func clawbackReversesCommissionAndBonusInTheCancelPeriod() throws {
        var plan = Self.amountPlan(.perDeal, .retroactive, [(0, "0.1")])
        plan.bonuses = [Bonus(name: "SPIFF", kind: .perDeal(amount: 250, when: LineCondition()))]
        plan.clawback = Clawback(statuses: ["Cancelled"], windowDays: 90)
        let lines = [
            Self.line("A", "2026-03-01", "20000", status: "Cancelled", cancel: "2026-04-15", row: 2),
            Self.line("B", "2026-03-01", "10000", status: "cancelled", cancel: "2026-06-15", row: 3),
        ]
        let statement = try CommissionEngine.calculate(plan: plan, lines: lines)
        let clawbacks = statement.lines.filter { $0.kind == .clawback }
        #expect(clawbacks.map(\.amount) == [-2250])
        #expect(clawbacks.first?.period.description == "2026-Q2")
        #expect(statement.issues.map(\.code) == [.clawbackWindowPassed])
        #expect(statement.reps.map(\.credit) == [30000, 0])
    }

    @Test func periodsFollowTheFiscalYear() {
        #expect(Period(containing: Self.day("2026-08-10"), kind: .quarter, fiscalYearStart: 7).description == "2026-Q1")
        #expect(Period(containing: Self.day("2026-03-10"), kind: .quarter, fiscalYearStart: 7).description == "2025-Q3")
        #expect(Period(containing: Self.day("2026-03-10"), kind: .month, fiscalYearStart: 7).description == "2026-03")
        #expect(Period(containing: Self.day("2026-03-10"), kind: .year, fiscalYearStart: 4).description == "2025")
    }
}
