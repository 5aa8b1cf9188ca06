import Commission
import Foundation

/// Each rep's, team's and the organisation's period-end credit, attainment and commission
/// projected from the pipeline, three ways: committed (the open deals at or above the plan's
/// `commit_at` probability close), expected (every open deal closes at its probability-weighted
/// amount) and best case (every open deal closes). Each projection is a full run of the engine
/// on the closed deals plus the projected ones, so tiers, accelerators, gates, caps and bonuses
/// apply exactly as they will on the real deals.
public struct Forecast: Sendable {
    public enum Scenario: String, Sendable, Hashable, CaseIterable {
        /// Only the deals already closed.
        case closed
        case committed
        case expected
        case bestCase = "best_case"
    }

    public var plan: String
    public var currency: String
    /// Open deals at or above this probability are committed.
    public var commitAt: Decimal
    public var periods: [Period]
    /// One per rep and period, by period then rep.
    public var reps: [RepForecast]
    /// One per team and period, by period then team name.
    public var teams: [GroupForecast]
    /// The whole organisation, one per period.
    public var organisation: [GroupForecast]
    /// Each target given, against the forecast of its team (or the organisation) and period.
    public var targets: [TargetComparison]

    /// Drops every figure outside the period labelled `period`.
    public mutating func keepOnly(period: String) {
        periods = periods.filter { $0.description == period }
        reps = reps.filter { $0.period.description == period }
        teams = teams.filter { $0.period.description == period }
        organisation = organisation.filter { $0.period.description == period }
        targets = targets.filter { $0.period.description == period }
    }
}

/// The figures of one projection for one rep-period (or a team's sums).
public struct Outcome: Sendable, Hashable {
    public var credit: Decimal = 0
    /// credit ÷ quota; nil without a quota.
    public var attainment: Decimal?
    public var earned: Decimal = 0
    public var payable: Decimal = 0

    public init(credit: Decimal = 0, attainment: Decimal? = nil, earned: Decimal = 0, payable: Decimal = 0) {
        self.credit = credit
        self.attainment = attainment
        self.earned = earned
        self.payable = payable
    }
}

/// What a rep's and a group's forecast both hold for one period: quota, the open deals and
/// the projections, so that renderers take either.
public protocol ForecastFigures {
    var period: Period { get }
    var quota: Decimal? { get }
    /// Open deals expected to close in the period.
    var openDeals: Int { get }
    /// Their credit (amount × split).
    var pipeline: Decimal { get }
    /// Their probability-weighted credit.
    var weightedPipeline: Decimal { get }
    var outcomes: [Forecast.Scenario: Outcome] { get }
}

extension ForecastFigures {
    /// One projection's figures (zeros when the projection has none for this period).
    public func outcome(_ scenario: Forecast.Scenario) -> Outcome { outcomes[scenario] ?? Outcome() }
}

/// One rep in one period.
public struct RepForecast: ForecastFigures, Sendable, Hashable {
    public var rep: String
    public var name: String?
    public var team: String?
    public var period: Period
    public var quota: Decimal?
    /// Open deals expected to close in the period, their credit (amount × split) and their
    /// probability-weighted credit.
    public var openDeals: Int
    public var pipeline: Decimal
    public var weightedPipeline: Decimal
    /// The projections, by scenario.
    public var outcomes: [Forecast.Scenario: Outcome]
}

/// A team, or the organisation (`team` nil), in one period: the sums of its reps.
public struct GroupForecast: ForecastFigures, Sendable, Hashable {
    public var team: String?
    public var period: Period
    public var repCount: Int
    /// The sum of the reps' quotas; nil when any rep has none.
    public var quota: Decimal?
    public var openDeals: Int
    public var pipeline: Decimal
    public var weightedPipeline: Decimal
    public var outcomes: [Forecast.Scenario: Outcome]
}

/// A target from the marketing plan: for a team or the whole organisation (`team` nil), in one
/// period or in every period (`period` nil).
public struct ForecastTarget: Sendable, Hashable {
    public var team: String?
    public var period: String?
    public var amount: Decimal

    public init(team: String? = nil, period: String? = nil, amount: Decimal) {
        self.team = team
        self.period = period
        self.amount = amount
    }
}

/// A target against the forecast credit of its team (or the organisation) in one period.
public struct TargetComparison: Sendable, Hashable {
    public var team: String?
    public var period: Period
    public var target: Decimal
    public var committed: Decimal
    public var expected: Decimal
    public var bestCase: Decimal
    /// expected − target: negative is a shortfall.
    public var gap: Decimal { expected - target }
    /// expected ÷ target.
    public var attainment: Decimal? { target == 0 ? nil : expected / target }
}
