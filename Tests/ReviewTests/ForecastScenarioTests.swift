import Commission
import Forecast
import Foundation
import Ingest
import PlanFile
import Testing

/// Forecasting with every open deal at probability 1 is calculating: for every case in
/// `shared/scenarios`, a third of the won deals are taken out of the deals and given as a
/// pipeline closing on their own dates with probability 1; each projection (committed,
/// expected, best case) must equal the engine's statement of all the deals, rep-period by
/// rep-period, and the closed projection the statement of the deals that were left.
@Suite struct ForecastScenarioTests {
    struct Split {
        let plan: Plan
        let roster: [RosterEntry]
        let all: [CreditLine]
        let closed: [CreditLine]
        let open: [OpenDeal]
    }

    static func split(_ name: String) throws -> Split {
        let (plan, roster, lines) = try ScenarioReviewTests.inputs(name)
        // A deal can move when every line of it would be projected as it is: won (the plan's
        // first eligible status, or any status when every line is eligible) and not cancelled.
        let won = plan.eligibleStatuses?.first?.normalizedKey
        var movable: [String: Bool] = [:]
        for line in lines {
            let fits = line.cancelDate == nil && (won == nil || line.status?.normalizedKey == won)
            movable[line.dealID] = (movable[line.dealID] ?? true) && fits
        }
        let chosen = Set(
            movable.filter(\.value).keys.sorted().enumerated().filter { $0.offset % 3 == 0 }.map(\.element))
        let open = lines.filter { chosen.contains($0.dealID) }.map { line in
            OpenDeal(
                row: line.row, dealID: line.dealID, rep: line.rep, expectedClose: line.date, amount: line.amount,
                split: line.split, product: line.product, type: line.type, stage: "Commit", probability: 1)
        }
        return Split(
            plan: plan, roster: roster, all: lines, closed: lines.filter { !chosen.contains($0.dealID) },
            open: open)
    }

    static func differences(_ forecast: Forecast, _ scenario: Forecast.Scenario, _ statement: Statement) -> [String] {
        var result: [String] = []
        let ours = Dictionary(forecast.reps.map { ("\($0.rep)|\($0.period)", $0) }, uniquingKeysWith: { a, _ in a })
        for total in statement.reps {
            let key = "\(total.rep)|\(total.period)"
            guard let rep = ours[key] else {
                if total.credit != 0 || total.earned != 0 { result.append("\(key): missing") }
                continue
            }
            let outcome = rep.outcome(scenario)
            if outcome.credit != total.credit || outcome.earned != total.earned || outcome.payable != total.payable
                || outcome.attainment != total.attainment || rep.quota != total.quota
            {
                result.append(
                    "\(key) \(scenario): credit \(outcome.credit)/\(total.credit) earned \(outcome.earned)/\(total.earned) payable \(outcome.payable)/\(total.payable)"
                )
            }
        }
        return result
    }

    @Test(arguments: ScenarioReviewTests.cases)
    func everyOpenDealAtProbabilityOneIsTheCalculation(_ name: String) throws {
        let split = try Self.split(name)
        #expect(!split.open.isEmpty, "\(name): no deal could be moved to the pipeline")
        let forecast = try Forecast.project(
            plan: split.plan, roster: split.roster, closed: split.closed, pipeline: split.open)
        let whole = try CommissionEngine.calculate(plan: split.plan, roster: split.roster, lines: split.all)
        for scenario in [Forecast.Scenario.committed, .expected, .bestCase] {
            let found = Self.differences(forecast, scenario, whole)
            #expect(found.isEmpty, "\(name): \(found.prefix(5))")
        }
        let left = try CommissionEngine.calculate(plan: split.plan, roster: split.roster, lines: split.closed)
        let found = Self.differences(forecast, .closed, left)
        #expect(found.isEmpty, "\(name) closed: \(found.prefix(5))")
        let openCount = forecast.reps.reduce(0) { $0 + $1.openDeals }
        #expect(openCount == split.open.count)
        print(
            "scenario \(name): \(split.open.count) of \(split.all.count) lines as a pipeline at probability 1; every projection equals calculate on all \(whole.reps.count) rep-periods"
        )
    }
}
