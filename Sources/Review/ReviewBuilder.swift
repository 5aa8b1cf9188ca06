import Commission
import Foundation

extension Review {
    /// Builds the review of a statement.
    ///
    /// - Parameters:
    ///   - statement: the engine's statement of `lines` under `plan`.
    ///   - roster: the roster the statement was computed with (empty: the plan's `reps:`); it
    ///     gives the reps' objective targets.
    ///   - lines: the credit lines the statement was computed from; a statement line finds its
    ///     credit line by row, so rows must tell the lines apart (as a sheet's rows do).
    ///   - threshold: attainment below this is called out (`Standing.below`).
    public init(
        statement: Statement, plan: Plan, roster: [RosterEntry], lines: [CreditLine], threshold: Decimal
    ) {
        self.plan = statement.plan
        currency = statement.currency
        self.threshold = threshold
        objectives = plan.objectives
        periods = Array(Set(statement.reps.map(\.period))).sorted()

        let achievements = ObjectiveTally(
            objectives: plan.objectives, statement: statement, lines: lines)
        let targets = Dictionary(
            (roster.isEmpty ? plan.reps : roster).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var reviews: [RepReview] = []
        for total in statement.reps {
            let results = plan.objectives.enumerated().map { index, objective in
                let tally = achievements.tally(rep: total.rep, period: total.period, objective: index)
                return ObjectiveResult(
                    name: objective.name, measure: objective.measure,
                    target: targets[total.rep].map { objective.target(for: $0) } ?? objective.target,
                    deals: tally.deals, credit: tally.credit)
            }
            reviews.append(
                RepReview(
                    rep: total.rep, name: total.name, team: total.team, period: total.period, quota: total.quota,
                    credit: total.credit, attainment: total.attainment, earned: total.earned, payable: total.payable,
                    rank: 0, standing: Self.standing(total.attainment, threshold: threshold), change: nil,
                    yearToDate: nil, objectives: results))
        }
        Self.addChanges(&reviews, key: \.rep)
        let ranked = Self.ranked(reviews, periods: periods)
        reps = ranked

        let teamNames = Self.teamOrder(ranked)
        var teamReviews: [GroupReview] = []
        var whole: [GroupReview] = []
        for period in periods {
            let members = ranked.filter { $0.period == period }
            for team in teamNames {
                let ofTeam = members.filter { $0.team == team }
                if !ofTeam.isEmpty {
                    teamReviews.append(Self.group(team: team ?? Self.noTeam, period: period, members: ofTeam))
                }
            }
            whole.append(Self.group(team: nil, period: period, members: members))
        }
        Self.addChanges(&teamReviews, key: \.team)
        Self.addChanges(&whole, key: \.team)
        teams = teamReviews
        organisation = whole
    }

    /// The team name reps without a team are reviewed under.
    public static let noTeam = "(no team)"

    static func standing(_ attainment: Decimal?, threshold: Decimal) -> Standing? {
        guard let attainment else { return nil }
        if attainment >= 1 { return .achieved }
        return attainment < threshold ? .below : .onTrack
    }

    /// Each period's reps by attainment (then credit) descending, with competition ranks
    /// (1, 2, 2, 4); reps without a quota follow, by credit.
    static func ranked(_ reviews: [RepReview], periods: [Period]) -> [RepReview] {
        var result: [RepReview] = []
        for period in periods {
            var members = reviews.filter { $0.period == period }
            members.sort { a, b in
                switch (a.attainment, b.attainment) {
                case (let x?, let y?) where x != y: return x > y
                case (.some, nil): return true
                case (nil, .some): return false
                default: return a.credit != b.credit ? a.credit > b.credit : a.rep < b.rep
                }
            }
            for index in members.indices {
                let tied =
                    index > 0 && members[index].attainment == members[index - 1].attainment
                    && (members[index].attainment != nil || members[index].credit == members[index - 1].credit)
                members[index].rank = tied ? members[index - 1].rank : index + 1
            }
            result += members
        }
        return result
    }

    /// Team names in alphabetical order, reps without a team last.
    static func teamOrder(_ reps: [RepReview]) -> [String?] {
        let named = Set(reps.compactMap(\.team)).sorted()
        return named + (reps.contains { $0.team == nil } ? [nil] : [])
    }

    static func group(team: String?, period: Period, members: [RepReview]) -> GroupReview {
        let credit = members.reduce(Decimal(0)) { $0 + $1.credit }
        let quotas = members.compactMap(\.quota)
        let quota = quotas.count == members.count ? quotas.reduce(Decimal(0), +) : nil
        let objectives = (members.first?.objectives ?? []).indices.map { index in
            let results = members.map { $0.objectives[index] }
            let targets = results.compactMap(\.target)
            var sum = results[0]
            // Counts and credit add up; an average deal size target is the reps' targets averaged.
            let total = targets.reduce(Decimal(0), +)
            let allSet = targets.count == results.count
            sum.target = allSet ? (sum.measure == .averageDeal ? total / Decimal(targets.count) : total) : nil
            sum.deals = results.reduce(Decimal(0)) { $0 + $1.deals }
            sum.credit = results.reduce(Decimal(0)) { $0 + $1.credit }
            return sum
        }
        return GroupReview(
            team: team, period: period, repCount: members.count, quota: quota, credit: credit,
            attainment: quota.flatMap { $0 == 0 ? nil : credit / $0 },
            earned: members.reduce(Decimal(0)) { $0 + $1.earned },
            payable: members.reduce(Decimal(0)) { $0 + $1.payable },
            below: members.filter { $0.standing == .below }.count,
            achieved: members.filter { $0.standing == .achieved }.count, change: nil, yearToDate: nil,
            objectives: objectives)
    }

    /// Sets each item's change from the same key's previous period in `items`, and its figures
    /// for the fiscal year so far.
    static func addChanges<Item: Reviewed, Key: Hashable>(_ items: inout [Item], key: KeyPath<Item, Key>) {
        var last: [Key: Int] = [:]
        for index in items.indices.sorted(by: { items[$0].period < items[$1].period }) {
            let itemKey = items[index][keyPath: key]
            var toDate = YearToDate(credit: items[index].credit, quota: items[index].quota)
            if let previous = last[itemKey] {
                let before = items[previous]
                let attainment = items[index].attainment.flatMap { now in before.attainment.map { now - $0 } }
                items[index].change = Change(
                    previousPeriod: before.period, credit: items[index].credit - before.credit, attainment: attainment)
                if before.period.fiscalYear == items[index].period.fiscalYear, let earlier = before.yearToDate {
                    toDate.credit += earlier.credit
                    toDate.quota = toDate.quota.flatMap { now in earlier.quota.map { now + $0 } }
                }
            }
            items[index].yearToDate = toDate
            last[itemKey] = index
        }
    }
}

/// What rep and group reviews share, for working out changes.
protocol Reviewed {
    var period: Period { get }
    var credit: Decimal { get }
    var quota: Decimal? { get }
    var attainment: Decimal? { get }
    var change: Change? { get set }
    var yearToDate: YearToDate? { get set }
}

extension RepReview: Reviewed {}
extension GroupReview: Reviewed {}

/// Deals and credit per rep, period and objective, from the statement's commission lines
/// (the lines that count toward credit) and the credit lines they came from.
struct ObjectiveTally {
    struct Sum {
        var deals: Decimal = 0
        var credit: Decimal = 0
    }

    private struct RepPeriod: Hashable {
        let rep: String
        let period: Period
    }

    private var sums: [RepPeriod: [Sum]] = [:]

    init(objectives: [Objective], statement: Statement, lines: [CreditLine]) {
        guard !objectives.isEmpty else { return }
        var byRow: [Int: Int] = [:]
        byRow.reserveCapacity(lines.count)
        for (index, line) in lines.enumerated() { byRow[line.row] = index }
        var matcher = LineMatcher(objectives.map(\.when))
        for group in statement.lineGroups {
            // A rep's lines run period by period: tally one rep-period at a time.
            var current: RepPeriod?
            var tallies: [Sum] = []
            for line in group {
                guard line.kind == .commission, let row = line.row, let credit = line.credit,
                    !line.flags.contains(.notEligible), let source = byRow[row]
                else { continue }
                if current?.rep != line.rep || current?.period != line.period {
                    if let current { sums[current] = tallies }
                    current = RepPeriod(rep: line.rep, period: line.period)
                    tallies = sums[current!] ?? Array(repeating: Sum(), count: objectives.count)
                }
                matcher.forEachMatch(of: lines[source]) { index in
                    tallies[index].deals += lines[source].split
                    tallies[index].credit += credit
                }
            }
            if let current { sums[current] = tallies }
        }
    }

    func tally(rep: String, period: Period, objective: Int) -> Sum {
        sums[RepPeriod(rep: rep, period: period)]?[objective] ?? Sum()
    }
}
