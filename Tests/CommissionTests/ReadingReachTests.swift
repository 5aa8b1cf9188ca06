import Commission
import Foundation
import TestSupport
import Testing

/// Pricing only what a reading of the plan can change (`Run.rowAmounts(of:reps:pricedUnder:rounding:)`,
/// reconcile's plan readings) gives each row what a fresh run of the whole reps under that reading
/// gives it, over generated plans and lines.
@Suite struct ReadingReachTests {
    typealias Generator = SeededGenerator

    /// The readings `Alternatives` tries, whether or not the plan has what they leave out.
    static func readings(of commission: CommissionRules, _ rounding: RoundingRule) -> [(
        name: String, commission: CommissionRules, rounding: RoundingRule
    )] {
        var flipped = commission
        flipped.tiers.mode = commission.tiers.mode == .marginal ? .retroactive : .marginal
        var basis = commission
        basis.tiers.basis = commission.tiers.basis == .perDeal ? .period : .perDeal
        var uncapped = commission
        uncapped.capPerDeal = nil
        uncapped.capPerPeriod = nil
        var ungated = commission
        ungated.gate = nil
        var plain = commission
        plain.overrides = []
        var otherRounding = rounding
        otherRounding.mode = rounding.mode == .halfUp ? .halfEven : .halfUp
        return [
            ("mode", flipped, rounding), ("basis", basis, rounding), ("no caps", uncapped, rounding),
            ("no gate", ungated, rounding), ("no overrides", plain, rounding), ("rounding", commission, otherRounding),
        ]
    }

    static func pick<T>(_ choices: [T], _ generator: inout Generator) -> T {
        choices[Int.random(in: 0..<choices.count, using: &generator)]
    }

    static func chance(_ percent: Int, _ generator: inout Generator) -> Bool {
        Int.random(in: 0..<100, using: &generator) < percent
    }

    static func money(_ generator: inout Generator, upTo whole: Int) -> Decimal {
        Decimal(Int.random(in: 1...whole * 100, using: &generator)) / 100
    }

    /// A plan with any mix of the rules that couple lines (or do not).
    static func plan(_ generator: inout Generator) -> Plan {
        let metric = pick([TierTable.Metric.amount, .attainment], &generator)
        var bands: [TierTable.Band] = []
        var from: Decimal = 0
        var rate = Decimal(Int.random(in: 20...80, using: &generator)) / 1000
        for _ in 0..<Int.random(in: 1...3, using: &generator) {
            bands.append(TierTable.Band(from: from, rate: rate))
            from +=
                metric == .amount ? Decimal(Int.random(in: 5...60, using: &generator) * 1000) : Decimal(string: "0.5")!
            rate += Decimal(Int.random(in: 5...40, using: &generator)) / 1000
        }
        let tiers = TierTable(
            metric: metric, basis: pick([.perDeal, .period, .ytd], &generator),
            mode: pick([.marginal, .retroactive], &generator), bands: bands)
        var commission = CommissionRules(tiers: tiers)
        if chance(40, &generator) {
            commission.overrides.append(
                Override(when: LineCondition(product: "Services"), effect: .rate(Decimal(string: "0.035")!)))
        }
        if chance(40, &generator) {
            commission.overrides.append(
                Override(when: LineCondition(type: "Renewal"), effect: .multiplier(Decimal(string: "0.5")!)))
        }
        if chance(35, &generator) { commission.gate = Decimal(Int.random(in: 2...8, using: &generator)) / 10 }
        if chance(35, &generator) { commission.capPerDeal = Decimal(Int.random(in: 1...8, using: &generator) * 500) }
        if chance(35, &generator) {
            commission.capPerPeriod = Decimal(Int.random(in: 2...12, using: &generator) * 1000)
        }
        var plan = Plan(
            name: "p", currency: "USD", period: pick([.month, .quarter], &generator),
            fiscalYearStart: pick([1, 4], &generator),
            rounding: RoundingRule(
                mode: pick([.halfUp, .halfEven], &generator), level: pick([.line, .period], &generator)),
            commission: commission)
        if chance(50, &generator) { plan.eligibleStatuses = ["Won"] }
        if chance(50, &generator) { plan.clawback = Clawback(statuses: ["Cancelled"], windowDays: 90) }
        if chance(40, &generator) {
            plan.bonuses.append(
                Bonus(
                    name: "SPIFF", kind: .perDeal(amount: 250, when: LineCondition(product: "Analytics")),
                    countsTowardCap: chance(50, &generator)))
        }
        if chance(30, &generator) {
            plan.bonuses.append(
                Bonus(name: "Club", kind: .atAttainment(at: 1, amount: 1000), countsTowardCap: chance(50, &generator)))
        }
        return plan
    }

    /// Reps R0… on a roster (with or without quotas and dates), or none: then the lines carry the quota.
    static func roster(_ generator: inout Generator, reps: Int) -> [RosterEntry] {
        guard chance(60, &generator) else { return [] }
        return (0..<reps).map { index in
            var entry = RosterEntry(id: "R\(index)", name: "Rep \(index)")
            switch Int.random(in: 0..<10, using: &generator) {
            case 0: break
            case 1...3: entry.annualQuota = Decimal(Int.random(in: 100...800, using: &generator) * 1000)
            default: entry.quota = Decimal(Int.random(in: 20...200, using: &generator) * 1000)
            }
            if chance(20, &generator) { entry.start = LocalDate(year: 2026, month: 3, day: 15) }
            if chance(20, &generator) { entry.end = LocalDate(year: 2026, month: 10, day: 20) }
            return entry
        }
    }

    /// Lines over two fiscal years: splits (some not adding up), credit notes, statuses with and
    /// without cancel dates, products and types the overrides and bonuses match, and sometimes
    /// two reps' lines on one row.
    static func lines(_ generator: inout Generator, reps: Int, withQuota: Bool) -> [CreditLine] {
        let quotas = (0..<reps).map { _ in
            chance(85, &generator) ? Decimal(Int.random(in: 20...200, using: &generator) * 1000) : nil
        }
        var lines: [CreditLine] = []
        var row = 2
        for deal in 0..<Int.random(in: 4...30, using: &generator) {
            let date = LocalDate(year: 2026, month: 1, day: 1)!.adding(days: Int.random(in: 0...500, using: &generator))
            var amount = money(&generator, upTo: 60_000)
            if chance(8, &generator) { amount = -amount }
            let product = pick(["Platform", "Services", "Analytics", nil], &generator)
            let type = pick(["New", "Renewal", nil], &generator)
            let status = pick(["Won", "Won", "Won", "Lost", "Cancelled", nil], &generator)
            let cancel = status == "Cancelled" ? date.adding(days: Int.random(in: -10...150, using: &generator)) : nil
            let splits: [Decimal] =
                chance(25, &generator)
                ? pick([["0.6", "0.4"], ["0.5", "0.4"], ["0.5", "0.5"]], &generator).map { Decimal(string: $0)! } : [1]
            let first = Int.random(in: 0..<reps, using: &generator)
            let sharesRow = splits.count > 1 && chance(30, &generator)
            for (share, split) in splits.enumerated() {
                let rep = (first + share) % reps
                lines.append(
                    CreditLine(
                        row: row, dealID: "D\(deal)", rep: "R\(rep)", date: date, amount: amount, split: split,
                        product: product, type: type, status: status, cancelDate: cancel,
                        quota: withQuota && chance(50, &generator) ? quotas[rep] : nil))
                if !sharesRow { row += 1 }
            }
            if sharesRow { row += 1 }
        }
        guard withQuota else { return lines }
        // Each rep's month has its quota on one of its rows at least (a rep without one has none).
        var months: [String: [Int]] = [:]
        for (index, line) in lines.enumerated() {
            months["\(line.rep) \(line.date.year)-\(line.date.month)", default: []].append(index)
        }
        for (_, indices) in months.sorted(by: { $0.key < $1.key }) where indices.allSatisfy({ lines[$0].quota == nil })
        {
            let index = pick(indices, &generator)
            lines[index].quota = quotas[Int(lines[index].rep.dropFirst())!]
        }
        return lines
    }

    /// What `rowAmounts` gives, summed by row as reconcile keeps it.
    static func byRow(_ pairs: [(row: Int, amount: Decimal)]) -> [Int: Decimal] {
        var result: [Int: Decimal] = [:]
        for (row, amount) in pairs { result[row, default: 0] += amount }
        return result
    }

    @Test func pricingWhatAReadingReachesGivesWhatAWholeRunOfTheRepsGives() throws {
        var generator = Generator(state: 17)
        var reaches: [Run.Reach: Int] = [:]
        var compared = 0
        for round in 0..<200 {
            let plan = Self.plan(&generator)
            let repCount = Int.random(in: 1...4, using: &generator)
            let roster = Self.roster(&generator, reps: repCount)
            let lines = Self.lines(&generator, reps: repCount, withQuota: roster.isEmpty)
            guard let run = try? Run(plan: plan, roster: roster, lines: lines), (try? run.statement()) != nil else {
                continue
            }
            var ordered = run
            ordered.keepLineOrder()
            for reading in Self.readings(of: plan.commission, plan.rounding) {
                let reps = Set(run.book.reps.indices.filter { _ in Self.chance(60, &generator) })
                let rows = Set(lines.map(\.row).filter { _ in Self.chance(30, &generator) })
                guard !reps.isEmpty, !rows.isEmpty else { continue }
                let reach = run.reach(of: reading.commission)
                let shortcut = Result { () throws(EngineError) in
                    try (round.isMultiple(of: 2) ? ordered : run).rowAmounts(
                        of: rows, reps: reps, pricedUnder: reading.commission, rounding: reading.rounding)
                }
                var readPlan = plan
                readPlan.commission = reading.commission
                readPlan.rounding = reading.rounding
                let kept = lines.indices.filter { reps.contains(run.book.repOfLine[$0]) }.map { lines[$0] }
                let whole = Result { () throws(EngineError) in
                    try Run(plan: readPlan, roster: roster, lines: kept).rowAmounts(of: rows)
                }
                let label = "round \(round), \(reading.name), reach \(reach)"
                switch (shortcut, whole) {
                case (.success(let found), .success(let expected)):
                    #expect(Self.byRow(found) == Self.byRow(expected), "\(label)")
                    compared += 1
                    reaches[reach, default: 0] += 1
                case (.failure, .failure): break
                default: Issue.record("\(label): one failed, the other did not")
                }
            }
        }
        // Every reach is exercised.
        #expect(compared > 500, "\(reaches)")
        #expect(reaches[.line, default: 0] > 80, "\(reaches)")
        #expect(reaches[.period, default: 0] > 80, "\(reaches)")
        #expect(reaches[.rep, default: 0] > 80, "\(reaches)")
    }

    /// The reach of the rules that couple lines, and of those that do not.
    @Test func rulesThatCoupleLinesReachFurther() throws {
        let bands = [TierTable.Band(from: 0, rate: Decimal(string: "0.05")!)]
        let date = LocalDate(year: 2026, month: 5, day: 5)!
        let lines = [CreditLine(row: 2, dealID: "D", rep: "R0", date: date, amount: 100, quota: 1000)]
        func reach(
            _ basis: TierTable.Basis, metric: TierTable.Metric = .amount, roster: [RosterEntry] = [],
            _ change: (inout CommissionRules) -> Void = { _ in }
        ) throws -> Run.Reach {
            let plan = Plan(
                name: "p", currency: "USD", period: .quarter,
                commission: CommissionRules(
                    tiers: TierTable(metric: metric, basis: basis, mode: .marginal, bands: bands)))
            var rules = plan.commission
            change(&rules)
            return try Run(plan: plan, roster: roster, lines: lines).reach(of: rules)
        }
        #expect(try reach(.perDeal) == .line)
        #expect(try reach(.perDeal) { $0.capPerDeal = 10 } == .line)
        #expect(try reach(.perDeal) { $0.gate = Decimal(string: "0.5")! } == .period)
        #expect(try reach(.perDeal) { $0.capPerPeriod = 10 } == .period)
        #expect(try reach(.perDeal, metric: .attainment) == .period)
        #expect(try reach(.perDeal, metric: .attainment, roster: [RosterEntry(id: "R0", quota: 1000)]) == .line)
        #expect(try reach(.period) == .period)
        #expect(try reach(.ytd) == .rep)
        #expect(try reach(.ytd) { $0.tiers.basis = .perDeal } == .line)
        #expect(try reach(.ytd, metric: .attainment) { $0.tiers.basis = .perDeal } == .rep)
    }
}
