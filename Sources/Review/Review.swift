import Commission
import Foundation

/// What each rep and team achieved against their objectives, period by period: the review a
/// sales manager runs. Every figure comes from the engine's statement (credit, quota,
/// attainment, earned, payable) or from the credit lines behind it (personal objectives).
public struct Review: Sendable {
    public var plan: String
    public var currency: String
    /// The periods reviewed, in order.
    public var periods: [Period]
    /// Reps whose attainment is below this are called out.
    public var threshold: Decimal
    public var objectives: [Objective]
    /// One per rep-period of the statement, by period then rank.
    public var reps: [RepReview]
    /// One per team and period, by period then team name (reps without a team last, under
    /// `Review.noTeam`).
    public var teams: [GroupReview]
    /// The whole organisation, one per period.
    public var organisation: [GroupReview]

    /// The reps of one period, by rank.
    public func reps(in period: Period) -> [RepReview] { reps.filter { $0.period == period } }

    /// The teams of one period.
    public func teams(in period: Period) -> [GroupReview] { teams.filter { $0.period == period } }

    /// Drops every figure outside the period labelled `period` (changes and year-to-date
    /// figures, worked out from the periods before, stay).
    public mutating func keepOnly(period: String) {
        periods = periods.filter { $0.description == period }
        reps = reps.filter { $0.period.description == period }
        teams = teams.filter { $0.period.description == period }
        organisation = organisation.filter { $0.period.description == period }
    }
}

/// Where a rep-period stands against quota.
public enum Standing: String, Sendable, Hashable {
    /// Attainment below the review's threshold.
    case below
    /// Between the threshold and 100%.
    case onTrack = "on_track"
    /// 100% of quota or more.
    case achieved
}

/// How a figure moved since the previous period reviewed for the same rep or team.
public struct Change: Sendable, Hashable {
    public var previousPeriod: Period
    /// credit − the previous period's credit.
    public var credit: Decimal
    /// attainment − the previous period's attainment (fractions: 0.1 is ten points); nil when
    /// either period has no attainment.
    public var attainment: Decimal?
}

/// Credit and quota summed over the fiscal year up to and including a period.
public struct YearToDate: Sendable, Hashable {
    public var credit: Decimal
    /// Nil when a period of the year so far has no quota.
    public var quota: Decimal?
    /// credit ÷ quota.
    public var attainment: Decimal? { quota.flatMap { $0 == 0 ? nil : credit / $0 } }
}

/// One personal objective's result for a rep or a team in one period.
public struct ObjectiveResult: Sendable, Hashable {
    public var name: String
    public var measure: Objective.Measure
    /// The per-period target; nil when none is set. A team's is the sum of its reps' targets
    /// (their mean for an average deal size), and nil when any rep has none.
    public var target: Decimal?
    /// Deals counted: each counting line adds its split.
    public var deals: Decimal
    /// Credit of the counting lines.
    public var credit: Decimal

    /// What the measure reached: deals, credit, or credit ÷ deals (nil with no deals).
    public var achieved: Decimal? {
        switch measure {
        case .deals: deals
        case .credit: credit
        case .averageDeal: deals == 0 ? nil : credit / deals
        }
    }

    /// achieved ÷ target; nil without a target above zero or without an achieved figure.
    public var attainment: Decimal? {
        guard let target, target > 0, let achieved else { return nil }
        return achieved / target
    }
}

/// One rep in one period.
public struct RepReview: Sendable, Hashable {
    public var rep: String
    public var name: String?
    public var team: String?
    public var period: Period
    public var quota: Decimal?
    public var credit: Decimal
    public var attainment: Decimal?
    public var earned: Decimal
    public var payable: Decimal
    /// 1 is the highest attainment of the period (the highest credit where there is no quota);
    /// equal figures share a rank.
    public var rank: Int
    /// Nil without a quota.
    public var standing: Standing?
    public var change: Change?
    /// The fiscal year so far: this period and the earlier ones reviewed in the same year.
    public var yearToDate: YearToDate?
    public var objectives: [ObjectiveResult]
}

/// A team, or the whole organisation (`team` nil), in one period.
public struct GroupReview: Sendable, Hashable {
    public var team: String?
    public var period: Period
    public var repCount: Int
    /// The sum of the reps' quotas; nil when any rep has none.
    public var quota: Decimal?
    public var credit: Decimal
    /// credit ÷ quota.
    public var attainment: Decimal?
    public var earned: Decimal
    public var payable: Decimal
    /// How many reps are below the threshold, and how many reached 100%.
    public var below: Int
    public var achieved: Int
    public var change: Change?
    /// The fiscal year so far, summed over the group's periods reviewed in the same year.
    public var yearToDate: YearToDate?
    public var objectives: [ObjectiveResult]
}
