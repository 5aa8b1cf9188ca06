import Commission
import Foundation
import Review

/// What `trueup review --format json` prints: `reps`, `teams` and `organisation` lists whose
/// figures are named as in `calculate`'s JSON (money and attainment as strings of plain decimals).
public struct ReviewDocument: Codable, Sendable {
    public var plan: String
    public var currency: String
    public var threshold: PlainDecimalText
    public var periods: [String]
    public var objectives: [ObjectiveDefinition]
    public var reps: [Flattened<RepRecord, TrendRecord>]
    public var teams: [Flattened<GroupRecord, TrendRecord>]
    public var organisation: [Flattened<GroupRecord, TrendRecord>]

    public init(_ review: Review) {
        plan = review.plan
        currency = review.currency
        threshold = review.threshold.plain
        periods = review.periods.map(\.description)
        objectives = review.objectives.map {
            ObjectiveDefinition(name: $0.name, measure: $0.measure.rawValue, target: $0.target?.plain)
        }
        reps = review.reps.map { Flattened(RepRecord($0), TrendRecord($0.change, $0.yearToDate, $0.objectives)) }
        teams = review.teams.map { Flattened(GroupRecord($0), TrendRecord($0.change, $0.yearToDate, $0.objectives)) }
        organisation = review.organisation.map {
            Flattened(GroupRecord($0), TrendRecord($0.change, $0.yearToDate, $0.objectives))
        }
    }

    public struct ObjectiveDefinition: Codable, Sendable, Hashable {
        public var name: String
        public var measure: String
        public var target: PlainDecimalText?
    }

    /// One objective's result for a rep or a group.
    public struct ObjectiveRecord: Codable, Sendable, Hashable {
        public var name: String
        public var measure: String
        public var target: PlainDecimalText?
        /// A count of deals, money, or an average rounded to cents.
        public var achieved: String?
        public var attainment: RatioText?
        public var deals: PlainDecimalText
        public var credit: MoneyText?

        init(_ result: ObjectiveResult) {
            name = result.name
            measure = result.measure.rawValue
            target = result.target?.plain
            achieved = result.achievedText
            attainment = result.attainment?.ratio
            deals = result.deals.plain
            credit = result.credit.money
        }
    }

    /// A rep's figures in one period; its `TrendRecord` follows in the same object.
    public struct RepRecord: Codable, Sendable, Hashable {
        public var rep: String
        public var name: String?
        public var team: String?
        public var period: String
        public var quota: MoneyText?
        public var credit: MoneyText
        public var attainment: RatioText?
        public var earned: MoneyText
        public var payable: MoneyText
        public var rank: Int
        public var standing: String?

        init(_ review: RepReview) {
            rep = review.rep
            name = review.name
            team = review.team
            period = review.period.description
            quota = review.quota.money
            credit = review.credit.money
            attainment = review.attainment.ratio
            earned = review.earned.money
            payable = review.payable.money
            rank = review.rank
            standing = review.standing?.rawValue
        }
    }

    /// A team's or the organisation's figures in one period; its `TrendRecord` follows in the
    /// same object.
    public struct GroupRecord: Codable, Sendable, Hashable {
        public var team: String?
        public var period: String
        public var reps: Int
        public var quota: MoneyText?
        public var credit: MoneyText
        public var attainment: RatioText?
        public var earned: MoneyText
        public var payable: MoneyText
        public var belowThreshold: Int
        public var atOrAboveQuota: Int

        enum CodingKeys: String, CodingKey {
            case team, period, reps, quota, credit, attainment, earned, payable
            case belowThreshold = "below_threshold"
            case atOrAboveQuota = "at_or_above_quota"
        }

        init(_ review: GroupReview) {
            team = review.team
            period = review.period.description
            reps = review.repCount
            quota = review.quota.money
            credit = review.credit.money
            attainment = review.attainment.ratio
            earned = review.earned.money
            payable = review.payable.money
            belowThreshold = review.below
            atOrAboveQuota = review.achieved
        }
    }

    /// The members that close a rep's and a group's record alike: the change since the period
    /// before, the fiscal year so far, and the objectives.
    public struct TrendRecord: Codable, Sendable, Hashable {
        public var previousPeriod: String?
        public var creditChange: MoneyText?
        public var attainmentChange: RatioText?
        public var creditToDate: MoneyText?
        public var quotaToDate: MoneyText?
        public var attainmentToDate: RatioText?
        public var objectives: [ObjectiveRecord]

        enum CodingKeys: String, CodingKey {
            case previousPeriod = "previous_period"
            case creditChange = "credit_change"
            case attainmentChange = "attainment_change"
            case creditToDate = "credit_to_date"
            case quotaToDate = "quota_to_date"
            case attainmentToDate = "attainment_to_date"
            case objectives
        }

        init(_ change: Change?, _ yearToDate: YearToDate?, _ objectives: [ObjectiveResult]) {
            previousPeriod = change?.previousPeriod.description
            creditChange = change?.credit.money
            attainmentChange = change?.attainment.ratio
            creditToDate = yearToDate?.credit.money
            quotaToDate = yearToDate?.quota.money
            attainmentToDate = yearToDate?.attainment.ratio
            self.objectives = objectives.map(ObjectiveRecord.init)
        }
    }
}
