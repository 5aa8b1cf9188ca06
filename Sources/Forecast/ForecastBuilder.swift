import Commission
import Foundation

/// Why a forecast could not be made: the engine refused the closed deals or the projected ones.
public struct ForecastError: Error, Sendable, CustomStringConvertible {
    /// Whether the rows are the pipeline's (else the closed deals').
    public var inPipeline: Bool
    public var error: EngineError

    public var description: String { error.description }
}

extension Forecast {
    /// Projects the pipeline onto the closed deals.
    ///
    /// An open deal becomes a credit line closing on its expected date, with the plan's first
    /// eligible status (it is forecast as won), at its full amount (committed, best case) or at
    /// amount × probability (expected). Open deals in periods before or after the closed deals'
    /// periods extend the run to those periods.
    ///
    /// `progress` is called before each of the four engine runs with the run's scenario and
    /// number (0 to 3), for a progress line on long inputs.
    public static func project(
        plan: Plan, roster: [RosterEntry], closed: [CreditLine], pipeline: [OpenDeal], targets: [ForecastTarget] = [],
        progress: (Scenario, Int) -> Void = { _, _ in }
    ) throws(ForecastError) -> Forecast {
        let offset = closed.map(\.row).max() ?? 0
        let commitAt = plan.forecast.commitAt
        // Each run's statement is summarised as soon as it is made, so only one is ever held.
        var reps: [RepForecast] = []
        var index: [RepPeriod: Int] = [:]
        var outcomes: [Scenario: [RepPeriod: Outcome]] = [:]
        for (number, scenario) in Scenario.allCases.enumerated() {
            progress(scenario, number)
            let projected = projectedLines(
                pipeline, scenario: scenario, commitAt: commitAt, offset: offset, status: plan.eligibleStatuses?.first)
            let statement: Statement
            do {
                statement = try CommissionEngine.calculate(plan: plan, roster: roster, lines: closed + projected)
            } catch {
                let inPipeline = !error.rows.isEmpty && error.rows.allSatisfy { $0 > offset }
                var shown = error
                if inPipeline { shown.rows = error.rows.map { $0 - offset } }
                throw ForecastError(inPipeline: inPipeline, error: shown)
            }
            var figures: [RepPeriod: Outcome] = [:]
            for total in statement.reps {
                figures[RepPeriod(rep: total.rep, period: total.period)] = Outcome(
                    credit: total.credit, attainment: total.attainment, earned: total.earned, payable: total.payable)
            }
            outcomes[scenario] = figures
            // The best case holds every line, so it has every rep-period and places every open deal.
            if scenario == .bestCase {
                for total in statement.reps {
                    index[RepPeriod(rep: total.rep, period: total.period)] = reps.count
                    reps.append(
                        RepForecast(
                            rep: total.rep, name: total.name, team: total.team, period: total.period,
                            quota: total.quota, openDeals: 0, pipeline: 0, weightedPipeline: 0, outcomes: [:]))
                }
                countOpenDeals(statement, pipeline: pipeline, offset: offset, index: index, into: &reps)
            }
        }
        for at in reps.indices {
            let key = RepPeriod(rep: reps[at].rep, period: reps[at].period)
            for scenario in Scenario.allCases { reps[at].outcomes[scenario] = outcomes[scenario]?[key] ?? Outcome() }
        }
        return Forecast(plan: plan, reps: reps, targets: targets)
    }

    /// The open deals as credit lines closing on their expected dates with `status` (forecast
    /// as won), rows after `offset`: those `scenario` counts, at the amount it counts.
    static func projectedLines(
        _ pipeline: [OpenDeal], scenario: Scenario, commitAt: Decimal, offset: Int, status: String?
    ) -> [CreditLine] {
        pipeline.compactMap { deal -> CreditLine? in
            let amount: Decimal
            switch scenario {
            case .closed: return nil
            case .committed:
                guard deal.probability >= commitAt else { return nil }
                amount = deal.amount
            case .expected:
                guard deal.probability > 0 else { return nil }
                amount = deal.amount * deal.probability
            case .bestCase: amount = deal.amount
            }
            return CreditLine(
                row: offset + deal.row, dealID: deal.dealID, rep: deal.rep, date: deal.expectedClose, amount: amount,
                split: deal.split, product: deal.product, type: deal.type, status: status)
        }
    }

    /// Open deals per rep-period, found through the best case's lines (which resolved each
    /// deal's rep and period); a projected line's row is the deal's row after `offset`.
    private static func countOpenDeals(
        _ statement: Statement, pipeline: [OpenDeal], offset: Int, index: [RepPeriod: Int],
        into reps: inout [RepForecast]
    ) {
        let pipelineRows = Dictionary(pipeline.map { ($0.row, $0) }, uniquingKeysWith: { a, _ in a })
        for line in statement.lineGroups.joined() where line.kind == .commission {
            guard let row = line.row, row > offset, let deal = pipelineRows[row - offset],
                let at = index[RepPeriod(rep: line.rep, period: line.period)]
            else { continue }
            reps[at].openDeals += 1
            reps[at].pipeline += deal.amount * deal.split
            reps[at].weightedPipeline += deal.amount * deal.split * deal.probability
        }
    }

    private init(plan: Plan, reps: [RepForecast], targets: [ForecastTarget]) {
        self.plan = plan.name
        currency = plan.currency
        commitAt = plan.forecast.commitAt
        periods = Array(Set(reps.map(\.period))).sorted()
        let reps = reps.sorted { ($0.period, $0.rep) < ($1.period, $1.rep) }
        self.reps = reps

        var teamNames = Set(reps.compactMap(\.team)).sorted()
        if reps.contains(where: { $0.team == nil }) { teamNames.append(Self.noTeam) }
        var teams: [GroupForecast] = []
        var whole: [GroupForecast] = []
        for period in periods {
            let members = reps.filter { $0.period == period }
            for team in teamNames {
                let ofTeam = members.filter { ($0.team ?? Self.noTeam) == team }
                if !ofTeam.isEmpty { teams.append(Self.group(team: team, period: period, members: ofTeam)) }
            }
            whole.append(Self.group(team: nil, period: period, members: members))
        }
        self.teams = teams
        organisation = whole
        self.targets = Self.compare(targets, teams: teams, organisation: whole)
    }

    /// The team name reps without a team are forecast under.
    public static let noTeam = "(no team)"

    static func group(team: String?, period: Period, members: [RepForecast]) -> GroupForecast {
        let quotas = members.compactMap(\.quota)
        let quota = quotas.count == members.count ? quotas.reduce(Decimal(0), +) : nil
        var outcomes: [Scenario: Outcome] = [:]
        for scenario in Scenario.allCases {
            var sum = Outcome()
            for member in members {
                let outcome = member.outcome(scenario)
                sum.credit += outcome.credit
                sum.earned += outcome.earned
                sum.payable += outcome.payable
            }
            sum.attainment = quota.flatMap { $0 == 0 ? nil : sum.credit / $0 }
            outcomes[scenario] = sum
        }
        return GroupForecast(
            team: team, period: period, repCount: members.count, quota: quota,
            openDeals: members.reduce(0) { $0 + $1.openDeals }, pipeline: members.reduce(0) { $0 + $1.pipeline },
            weightedPipeline: members.reduce(0) { $0 + $1.weightedPipeline }, outcomes: outcomes)
    }

    /// Each target against its team's (or the organisation's) forecast in its period, or in
    /// every period when it names none.
    static func compare(_ targets: [ForecastTarget], teams: [GroupForecast], organisation: [GroupForecast])
        -> [TargetComparison]
    {
        var result: [TargetComparison] = []
        for target in targets {
            let groups =
                target.team.map { team in teams.filter { $0.team?.normalizedKey == team.normalizedKey } }
                ?? organisation
            for group in groups where target.period == nil || target.period == group.period.description {
                result.append(
                    TargetComparison(
                        team: group.team, period: group.period, target: target.amount,
                        committed: group.outcome(.committed).credit, expected: group.outcome(.expected).credit,
                        bestCase: group.outcome(.bestCase).credit))
            }
        }
        return result
    }
}
