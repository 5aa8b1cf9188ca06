import Commission
import Foundation
import PlanFile
import Review
import Testing

/// Personal objectives beyond quota: counted from the lines that count toward credit, with
/// splits, filters, targets from the plan or the roster, and team sums.
@Suite struct ObjectiveTests {
    static let planText = """
        plan: Objectives
        currency: USD
        period: quarter
        eligible: { status: [Won] }
        commission:
          tiers: { metric: attainment, basis: period, mode: marginal, table: [{ from: 0, rate: 5% }] }
        objectives:
          - { name: New logos, measure: deals, when: { type: New }, target: 2 }
          - { name: Analytics revenue, measure: credit, when: { product: Analytics } }
          - { name: Average deal, measure: average_deal, target: 40000 }
        reps:
          - { id: R1, name: Ana, team: West, quota: 100000, objectives: { New logos: 3 } }
          - { id: R2, name: Ben, team: West, quota: 100000 }
        """

    static func date(_ text: String) -> LocalDate { LocalDate(iso: text)! }

    static func review(_ lines: [CreditLine]) throws -> Review {
        let plan = try PlanFile.parse(planText, file: "objectives.yaml")
        let statement = try CommissionEngine.calculate(plan: plan, lines: lines)
        return Review(statement: statement, plan: plan, roster: [], lines: lines, threshold: Decimal(string: "0.5")!)
    }

    static let lines = [
        CreditLine(
            row: 2, dealID: "D1", rep: "R1", date: date("2026-01-10"), amount: 60000, split: Decimal(string: "0.5")!,
            product: "Analytics", type: "New", status: "Won"),
        CreditLine(
            row: 3, dealID: "D1", rep: "R2", date: date("2026-01-10"), amount: 60000, split: Decimal(string: "0.5")!,
            product: "Analytics", type: "New", status: "Won"),
        CreditLine(
            row: 4, dealID: "D2", rep: "R1", date: date("2026-02-01"), amount: 20000, product: "Core", type: "New",
            status: "Won"),
        CreditLine(
            row: 5, dealID: "D3", rep: "R1", date: date("2026-02-03"), amount: 90000, product: "Analytics",
            type: "Renewal", status: "Lost"),
        CreditLine(
            row: 6, dealID: "D4", rep: "R2", date: date("2026-04-03"), amount: 50000, product: "Core",
            type: "Renewal", status: "Won"),
    ]

    @Test func objectivesCountTheLinesThatCountTowardCreditWithTheirSplits() throws {
        let review = try Self.review(Self.lines)
        let ana = try #require(review.reps.first { $0.rep == "R1" && $0.period.description == "2026-Q1" })
        let logos = ana.objectives[0]
        #expect(logos.deals == Decimal(string: "1.5")!)  // half of D1 and all of D2; D3 was lost
        #expect(logos.target == 3)  // the rep's own target wins over the plan's 2
        #expect(logos.attainment == Decimal(string: "0.5")!)
        let analytics = ana.objectives[1]
        #expect(analytics.achieved == 30000)
        #expect(analytics.target == nil && analytics.attainment == nil)
        let average = ana.objectives[2]
        #expect(average.achieved == Decimal(50000) / Decimal(string: "1.5")!)  // 50,000 credit over 1.5 deals
        #expect(average.achievedText == "33333.33")
        let ben = try #require(review.reps.first { $0.rep == "R2" && $0.period.description == "2026-Q1" })
        #expect(ben.objectives[0].target == 2)
    }

    @Test func teamsAddDealsCreditAndTargets() throws {
        let review = try Self.review(Self.lines)
        let west = try #require(review.teams.first { $0.team == "West" && $0.period.description == "2026-Q1" })
        #expect(west.objectives[0].deals == 2)  // D1 whole, D2
        #expect(west.objectives[0].target == 5)
        #expect(west.objectives[2].achieved == 40000)  // 80,000 over 2 deals
        #expect(west.credit == 80000 && west.quota == 200000 && west.attainment == Decimal(string: "0.4")!)
    }

    @Test func standingsChangesAndRanks() throws {
        let review = try Self.review(Self.lines)
        let q1 = review.reps(in: review.periods[0])
        #expect(q1.map(\.rep) == ["R1", "R2"])
        // 50% and 30% against a 50% threshold: exactly at the threshold is not below it.
        #expect(q1.map(\.standing) == [.onTrack, .below])
        #expect(q1.map(\.rank) == [1, 2])
        let benQ2 = try #require(review.reps.first { $0.rep == "R2" && $0.period.description == "2026-Q2" })
        #expect(benQ2.change?.previousPeriod.description == "2026-Q1")
        #expect(benQ2.change?.credit == 20000)
        #expect(benQ2.change?.attainment == Decimal(string: "0.2")!)
    }

    @Test func aRosterTargetForAnUnknownObjectiveIsRefusedWithItsLine() {
        let text = Self.planText.replacingOccurrences(
            of: "objectives: { New logos: 3 }", with: "objectives: { Logos: 3 }")
        #expect(throws: PlanError.self) { try PlanFile.parse(text, file: "p.yaml") }
        do {
            _ = try PlanFile.parse(text, file: "p.yaml")
        } catch {
            #expect(error.description.contains("p.yaml:"))
            #expect(error.description.contains("Logos"))
        }
    }

    @Test func planCheckSpellsOutObjectivesAndTheForecastDefaults() throws {
        let words = try PlanFile.parse(Self.planText, file: "objectives.yaml").words
        #expect(
            words.contains("Objective New logos: deals (each line counts its split) of type=New; target 2 per period"))
        #expect(words.contains("Objective Analytics revenue: credit of product=Analytics; no plan-wide target"))
        #expect(words.contains("Forecast: committed from 90% probability; stages: none mapped"))
    }

    @Test func aCommitLevelAbove100PercentIsRefusedAtItsLine() {
        let text = Self.planText + "\nforecast: { stages: { Commit: 90% }, commit_at: 120% }\n"
        #expect(throws: PlanError.self) { try PlanFile.parse(text, file: "p.yaml") }
        let stage = Self.planText + "\nforecast: { stages: { Commit: 190% } }\n"
        #expect(throws: PlanError.self) { try PlanFile.parse(stage, file: "p.yaml") }
        let fine = Self.planText + "\nforecast: { stages: { Commit: 90% }, commit_at: 75% }\n"
        #expect((try? PlanFile.parse(fine, file: "p.yaml"))?.forecast.commitAt == Decimal(string: "0.75")!)
    }

    @Test func anUnknownMeasureIsRefused() {
        let text = Self.planText.replacingOccurrences(of: "measure: deals", with: "measure: logos")
        #expect(throws: PlanError.self) { try PlanFile.parse(text, file: "p.yaml") }
    }
}
