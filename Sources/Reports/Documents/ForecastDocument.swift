import Commission
import Forecast
import Foundation

/// What `trueup forecast --format json` prints: `reps`, `teams`, `organisation` and `targets`;
/// each projection (`closed`, `committed`, `expected`, `best_case`) holds credit, attainment,
/// earned and payable named as in `calculate`'s JSON.
public struct ForecastDocument: Codable, Sendable {
    public var plan: String
    public var currency: String
    public var commitAt: PlainDecimalText
    public var periods: [String]
    public var reps: [Figures]
    public var teams: [Figures]
    public var organisation: [Figures]
    public var targets: [Target]

    enum CodingKeys: String, CodingKey {
        case plan, currency
        case commitAt = "commit_at"
        case periods, reps, teams, organisation, targets
    }

    public init(_ forecast: Forecast) {
        plan = forecast.plan
        currency = forecast.currency
        commitAt = forecast.commitAt.plain
        periods = forecast.periods.map(\.description)
        reps = forecast.reps.map { Figures($0, rep: ($0.rep, $0.name), team: $0.team, repCount: nil) }
        teams = forecast.teams.map { Figures($0, rep: nil, team: $0.team, repCount: $0.repCount) }
        organisation = forecast.organisation.map { Figures($0, rep: nil, team: $0.team, repCount: $0.repCount) }
        targets = forecast.targets.map(Target.init)
    }

    /// One projection's figures.
    public struct Outcome: Codable, Sendable, Hashable {
        public var credit: MoneyText
        public var attainment: RatioText?
        public var earned: MoneyText
        public var payable: MoneyText
    }

    /// A rep's or a group's forecast for one period: a rep has `rep` and `name`, a group `reps`.
    public struct Figures: Codable, Sendable, Hashable {
        public var rep: String?
        public var name: String?
        public var team: String?
        public var period: String
        public var reps: Int?
        public var quota: MoneyText?
        public var openDeals: Int
        public var pipeline: MoneyText
        public var weightedPipeline: MoneyText
        public var closed: Outcome
        public var committed: Outcome
        public var expected: Outcome
        public var bestCase: Outcome

        enum CodingKeys: String, CodingKey {
            case rep, name, team, period, reps, quota
            case openDeals = "open_deals"
            case pipeline
            case weightedPipeline = "weighted_pipeline"
            case closed, committed, expected
            case bestCase = "best_case"
        }

        init(_ figures: some ForecastFigures, rep: (id: String, name: String?)?, team: String?, repCount: Int?) {
            self.rep = rep?.id
            name = rep?.name
            self.team = team
            period = figures.period.description
            reps = repCount
            quota = figures.quota.money
            openDeals = figures.openDeals
            pipeline = figures.pipeline.money
            weightedPipeline = figures.weightedPipeline.money
            func outcome(_ scenario: Forecast.Scenario) -> Outcome {
                let outcome = figures.outcome(scenario)
                return Outcome(
                    credit: outcome.credit.money, attainment: outcome.attainment.ratio, earned: outcome.earned.money,
                    payable: outcome.payable.money)
            }
            closed = outcome(.closed)
            committed = outcome(.committed)
            expected = outcome(.expected)
            bestCase = outcome(.bestCase)
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            // A rep's object names the rep; a group's counts its reps.
            if let rep {
                try container.encode(rep, forKey: .rep)
                try container.encodeIfPresent(name, forKey: .name)
            }
            try container.encodeIfPresent(team, forKey: .team)
            try container.encode(period, forKey: .period)
            if let reps { try container.encode(reps, forKey: .reps) }
            try container.encodeIfPresent(quota, forKey: .quota)
            try container.encode(openDeals, forKey: .openDeals)
            try container.encode(pipeline, forKey: .pipeline)
            try container.encode(weightedPipeline, forKey: .weightedPipeline)
            try container.encode(closed, forKey: .closed)
            try container.encode(committed, forKey: .committed)
            try container.encode(expected, forKey: .expected)
            try container.encode(bestCase, forKey: .bestCase)
        }
    }

    public struct Target: Codable, Sendable, Hashable {
        public var team: String?
        public var period: String
        public var target: MoneyText
        public var committed: MoneyText
        public var expected: MoneyText
        public var bestCase: MoneyText
        public var gap: MoneyText
        public var attainment: RatioText?

        enum CodingKeys: String, CodingKey {
            case team, period, target, committed, expected
            case bestCase = "best_case"
            case gap, attainment
        }

        init(_ comparison: TargetComparison) {
            team = comparison.team
            period = comparison.period.description
            target = comparison.target.money
            committed = comparison.committed.money
            expected = comparison.expected.money
            bestCase = comparison.bestCase.money
            gap = comparison.gap.money
            attainment = comparison.attainment.ratio
        }
    }
}
