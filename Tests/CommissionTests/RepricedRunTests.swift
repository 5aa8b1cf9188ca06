import Commission
import Foundation
import Testing

/// A run priced again under another reading of its plan (`Run.repriced`, as reconcile's plan
/// readings use it) gives each row the amount a fresh run of that plan gives it.
@Suite struct RepricedRunTests {
    /// The plan read another way, as `Alternatives` reads it.
    static func readings(of plan: Plan) -> [(name: String, plan: Plan)] {
        var flipped = plan
        flipped.commission.tiers.mode = plan.commission.tiers.mode == .marginal ? .retroactive : .marginal
        var basis = plan
        basis.commission.tiers.basis = plan.commission.tiers.basis == .perDeal ? .period : .perDeal
        var rounding = plan
        rounding.rounding.mode = plan.rounding.mode == .halfUp ? .halfEven : .halfUp
        var bare = plan
        bare.commission.capPerDeal = nil
        bare.commission.capPerPeriod = nil
        bare.commission.gate = nil
        bare.commission.overrides = []
        return [("mode", flipped), ("basis", basis), ("rounding", rounding), ("no caps, gate or overrides", bare)]
    }

    /// Each row's commission (0 for a row with only a bonus), summed, as reconcile keeps it.
    static func byRow(_ pairs: some Sequence<(row: Int, amount: Decimal)>) -> [Int: Decimal] {
        var result: [Int: Decimal] = [:]
        for (row, amount) in pairs { result[row, default: 0] += amount }
        return result
    }

    @Test(arguments: ScenarioTests.cases)
    func repricedRowsAreWhatAFreshRunPays(_ name: String) throws {
        let (plan, roster, lines) = try SpooledCalculationTests.scenario(name)
        let rows = Set(lines.map(\.row))
        var run = try Run(plan: plan, roster: roster, lines: lines)
        run.keepLineOrder()
        for reading in Self.readings(of: plan) {
            let repriced = Result { () throws(EngineError) in
                try run.repriced(commission: reading.plan.commission, rounding: reading.plan.rounding).rowAmounts(
                    of: rows)
            }
            let fresh = Result { () throws(EngineError) in
                try Run(plan: reading.plan, roster: roster, lines: lines).statement().lineGroups.joined().compactMap {
                    line -> (row: Int, amount: Decimal)? in
                    guard let row = line.row else { return nil }
                    switch line.kind {
                    case .commission: return (row, line.amount)
                    case .bonus: return (row, 0)
                    case .trueUp, .clawback: return nil
                    }
                }
            }
            switch (repriced, fresh) {
            case (.success(let amounts), .success(let expected)):
                #expect(Self.byRow(amounts) == Self.byRow(expected), "\(name): \(reading.name)")
                #expect(!amounts.isEmpty, "\(name): \(reading.name)")
            case (.failure, .failure): break
            default: Issue.record("\(name): \(reading.name): one run failed, the other did not")
            }
        }
    }

    /// A run whose plan has no override and no per-deal bonus keeps no lines' match keys; priced
    /// again under rules with overrides it works them out, and pays each row what a fresh run pays.
    @Test(arguments: ScenarioTests.cases)
    func overridesAddedByARepricingMatchTheirLines(_ name: String) throws {
        let (plan, roster, lines) = try SpooledCalculationTests.scenario(name)
        var bare = plan
        bare.commission.overrides = []
        bare.bonuses = plan.bonuses.filter { if case .perDeal = $0.kind { false } else { true } }
        var target = bare
        target.commission.overrides =
            [
                Override(
                    when: LineCondition(product: lines.compactMap(\.product).first),
                    effect: .rate(Decimal(string: "0.031")!))
            ] + plan.commission.overrides
        let rows = Set(lines.map(\.row))
        let repriced = Result { () throws(EngineError) in
            try Run(plan: bare, roster: roster, lines: lines).repriced(
                commission: target.commission, rounding: target.rounding
            ).rowAmounts(of: rows)
        }
        let fresh = Result { () throws(EngineError) in
            try Run(plan: target, roster: roster, lines: lines).rowAmounts(of: rows)
        }
        switch (repriced, fresh) {
        case (.success(let amounts), .success(let expected)):
            #expect(Self.byRow(amounts) == Self.byRow(expected), "\(name)")
        case (.failure, .failure): break
        default: Issue.record("\(name): one run failed, the other did not")
        }
    }
}
