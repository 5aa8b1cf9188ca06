import Commission
import Foundation
import Testing

@testable import Inference

/// A plan that pays each product its own rate: every product is an override, so no rows are left
/// to read the tiers from, and in a small sheet a product may have only two rows.
@Suite struct ProductRateTests {
    static let rates: [(product: String, rate: Decimal)] = [
        ("Analytics", Decimal(string: "0.07")!), ("Platform", Decimal(string: "0.08")!),
        ("Hardware", Decimal(string: "0.05")!), ("Services", Decimal(string: "0.03")!),
    ]

    /// `counts[i]` deals of product `rates[i]`, each paid its product's rate, amounts between
    /// 10,000 and 100,000 spread so that no product's deals are all smaller than another's.
    static func evidence(counts: [Int]) -> WorkbookEvidence {
        var observations: [Observation] = []
        var row = 2
        for (position, count) in counts.enumerated() {
            let (product, rate) = rates[position]
            for deal in 0..<count {
                let amount = Decimal(10_000 + ((deal * 37 + position * 53) % 19) * 5_000) + Decimal(string: "0.40")!
                let line = CreditLine(
                    row: row, dealID: "D-\(row)", rep: "R-\(row % 3)",
                    date: LocalDate(year: 2026, month: 1 + row % 12, day: 10)!, amount: amount, product: product)
                observations.append(
                    Observation(line: line, commission: (amount * rate).rounded(places: 2, mode: .halfUp)))
                row += 1
            }
        }
        return WorkbookEvidence(
            file: "products.xlsx", sheet: "Deals", observations: observations, hasBonusColumn: false,
            hasCommissionColumn: true)
    }

    /// The product of each override, and its rate.
    static func overrideRates(_ plan: Plan) -> [String: Decimal] {
        var found: [String: Decimal] = [:]
        for override in plan.commission.overrides {
            guard let product = override.when.product, case .rate(let rate) = override.effect else { continue }
            found[product] = rate
        }
        return found
    }

    @Test func everyProductAtItsOwnRateTakesTheTiersFromTheLargestAndOverridesTheOthers() {
        let inferred = PlanInference.infer(Self.evidence(counts: [8, 5, 4, 4]))
        #expect(inferred.fit.reproduced == inferred.fit.rows, "\(inferred.yaml)")
        #expect(inferred.plan.commission.tiers.bands.map(\.rate) == [Decimal(string: "0.07")!], "\(inferred.yaml)")
        #expect(
            Self.overrideRates(inferred.plan) == [
                "Platform": Decimal(string: "0.08")!, "Hardware": Decimal(string: "0.05")!,
                "Services": Decimal(string: "0.03")!,
            ], "\(inferred.yaml)")
        #expect(inferred.ambiguities.contains { $0.hasPrefix("the tiers' rate:") }, "\(inferred.ambiguities)")
    }

    @Test func twoRowsOfAProductAtARateOfItsOwnAreAnOverrideOnceOthersAre() {
        // Platform and Hardware have two rows each: left to the tiers, their rates would read as
        // two bands of the amount.
        let inferred = PlanInference.infer(Self.evidence(counts: [6, 2, 2, 5]))
        #expect(inferred.fit.reproduced == inferred.fit.rows, "\(inferred.yaml)")
        #expect(inferred.plan.commission.tiers.bands.count == 1, "\(inferred.yaml)")
        #expect(
            Set(Self.overrideRates(inferred.plan).keys) == ["Platform", "Hardware", "Services"], "\(inferred.yaml)")
    }

    @Test func aProductSoldOnceAtARateAPlanWritesIsAnOverrideOnceOthersAre() {
        // Platform's one deal at 8%, beside products at rates of their own: a product sold once in
        // the sheet, written as an override, and said to be a reading one more row would decide.
        let inferred = PlanInference.infer(Self.evidence(counts: [6, 1, 4, 5]))
        #expect(inferred.fit.reproduced == inferred.fit.rows, "\(inferred.yaml)")
        #expect(Self.overrideRates(inferred.plan)["Platform"] == Decimal(string: "0.08")!, "\(inferred.yaml)")
        #expect(
            inferred.ambiguities.contains { $0.hasPrefix("product=Platform: its one row") }, "\(inferred.ambiguities)")
    }

    @Test func aLoneRowAtARateNoPlanWritesIsNoOverride() {
        // The one Platform deal paid 7.83%, a figure typed wrong: a finding, not a rate of its own.
        var evidence = Self.evidence(counts: [6, 1, 4, 5])
        let index = evidence.observations.firstIndex { $0.line.product == "Platform" }!
        evidence.observations[index].commission =
            (evidence.observations[index].line.amount * Decimal(string: "0.0783")!).rounded(places: 2, mode: .halfUp)
        let inferred = PlanInference.infer(evidence)
        #expect(Self.overrideRates(inferred.plan)["Platform"] == nil, "\(inferred.yaml)")
        #expect(inferred.fit.reproduced == inferred.fit.rows - 1, "\(inferred.yaml)")
    }

    @Test func theTiersAreReadFromTheMostRowsNotFromTwo() {
        // Analytics' twelve rows at 7% and Platform's two at 8%: each product has a rate of its
        // own. The tiers were read from the two rows left once Analytics was set aside.
        let inferred = PlanInference.infer(Self.evidence(counts: [12, 2]))
        #expect(inferred.plan.commission.tiers.bands.map(\.rate) == [Decimal(string: "0.07")!], "\(inferred.yaml)")
        #expect(Self.overrideRates(inferred.plan) == ["Platform": Decimal(string: "0.08")!], "\(inferred.yaml)")
        #expect(inferred.fit.reproduced == inferred.fit.rows, "\(inferred.yaml)")
    }

    /// Flat 5%, renewals at 5% × 1.25, and Integration Pack at 3% but for its one renewal, priced as
    /// renewals are (the renewals' override comes first). Its renewal hid its two rows at 3% among
    /// three at mixed rates; read again once the renewals are set aside, they are an override too,
    /// written after the renewals'.
    @Test func aProductWhoseOtherRowsATypesOverridePricesIsReadAgainAfterTheTypes() {
        var observations: [Observation] = []
        let deals: [(product: String, type: String, rate: Decimal)] =
            Array(repeating: ("Platform", "New", Decimal(string: "0.05")!), count: 5)
            + Array(repeating: ("Platform", "Expansion", Decimal(string: "0.05")!), count: 5)
            + Array(repeating: ("Platform", "Renewal", Decimal(string: "0.0625")!), count: 3)
            + [("Integration Pack", "Renewal", Decimal(string: "0.0625")!)]
            + Array(repeating: ("Integration Pack", "New", Decimal(string: "0.03")!), count: 2)
        for (index, deal) in deals.enumerated() {
            let amount = Decimal(10_000 + (index * 37 % 19) * 5_000)
            let line = CreditLine(
                row: index + 2, dealID: "D-\(index)", rep: "R-\(index % 3)",
                date: LocalDate(year: 2026, month: 1 + index % 12, day: 10)!, amount: amount, product: deal.product,
                type: deal.type)
            observations.append(
                Observation(line: line, commission: (amount * deal.rate).rounded(places: 2, mode: .halfUp)))
        }
        let inferred = PlanInference.infer(
            WorkbookEvidence(
                file: "renewals.xlsx", sheet: "Deals", observations: observations, hasBonusColumn: false,
                hasCommissionColumn: true))
        #expect(inferred.fit.reproduced == inferred.fit.rows, "\(inferred.yaml)")
        let overrides = inferred.plan.commission.overrides
        #expect(overrides.map(\.when.type) == ["Renewal", nil], "\(inferred.yaml)")
        #expect(overrides.last?.when.product == "Integration Pack", "\(inferred.yaml)")
        #expect(overrides.last?.effect == .rate(Decimal(string: "0.03")!), "\(inferred.yaml)")
    }
}
