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
    public static func project(
        plan: Plan, roster: [RosterEntry], closed: [CreditLine], pipeline: [OpenDeal], targets: [ForecastTarget] = []
    ) throws(ForecastError) -> Forecast {
        let offset = closed.map(\.row).max() ?? 0
        let commitAt = plan.forecast.commitAt
        var statements: [Scenario: Statement] = [:]
        for scenario in Scenario.allCases {
            let projected = pipeline.compactMap { deal -> CreditLine? in
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
                    row: offset + deal.row, dealID: deal.dealID, rep: deal.rep, date: deal.expectedClose,
                    amount: amount, split: deal.split, product: deal.product, type: deal.type,
                    status: plan.eligibleStatuses?.first)
            }
            do {
                statements[scenario] = try CommissionEngine.calculate(
                    plan: plan, roster: roster, lines: closed + projected)
            } catch {
                let inPipeline = !error.rows.isEmpty && error.rows.allSatisfy { $0 > offset }
                var shown = error
                if inPipeline { shown.rows = error.rows.map { $0 - offset } }
                throw ForecastError(inPipeline: inPipeline, error: shown)
            }
        }
        return Forecast(plan: plan, statements: statements, pipeline: pipeline, offset: offset, targets: targets)
    }

    private init(
        plan: Plan, statements: [Scenario: Statement], pipeline: [OpenDeal], offset: Int, targets: [ForecastTarget]
    ) {
        let best = statements[.bestCase]!
        self.plan = best.plan
        currency = best.currency
        commitAt = plan.forecast.commitAt

        // Every rep-period of any projection (the best case has them all: it holds every line).
        var reps: [RepForecast] = []
        var index: [String: Int] = [:]
        for total in best.reps {
            index["\(total.rep)|\(total.period)"] = reps.count
            reps.append(
                RepForecast(
                    rep: total.rep, name: total.name, team: total.team, period: total.period, quota: total.quota,
                    openDeals: 0, pipeline: 0, weightedPipeline: 0, outcomes: [:]))
        }
        for (scenario, statement) in statements {
            for total in statement.reps {
                guard let at = index["\(total.rep)|\(total.period)"] else { continue }
                reps[at].outcomes[scenario] = Outcome(
                    credit: total.credit, attainment: total.attainment, earned: total.earned, payable: total.payable)
            }
        }
        // Open deals per rep-period, found through the best case's lines (which resolved each
        // deal's rep and period); a projected line's row is the deal's row after `offset`.
        let pipelineRows = Dictionary(pipeline.map { ($0.row, $0) }, uniquingKeysWith: { a, _ in a })
        for line in best.lineGroups.joined() where line.kind == .commission {
            guard let row = line.row, row > offset, let deal = pipelineRows[row - offset],
                let at = index["\(line.rep)|\(line.period)"]
            else { continue }
            reps[at].openDeals += 1
            reps[at].pipeline += deal.amount * deal.split
            reps[at].weightedPipeline += deal.amount * deal.split * deal.probability
        }
        periods = Array(Set(reps.map(\.period))).sorted()
        reps.sort { ($0.period, $0.rep) < ($1.period, $1.rep) }
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
