import Commission
import Foundation
import Testing

@testable import Inference

/// When the rows cannot tell two readings apart, the inference says so and names the data that would.
@Suite struct AmbiguityTests {
    /// One deal per rep and quarter, 8% below 50,000 and 10% from it: a per-deal table and a
    /// period table pay these rows alike.
    static func oneDealPerRepPeriod() -> WorkbookEvidence {
        var observations: [Observation] = []
        var row = 2
        for rep in 0..<12 {
            for quarter in 0..<4 {
                let amount = Decimal(20_000 + ((rep * 7 + quarter * 13) % 17) * 4_000) + Decimal(string: "0.25")!
                let rate = amount >= 50_000 ? Decimal(string: "0.10")! : Decimal(string: "0.08")!
                let line = CreditLine(
                    row: row, dealID: "D-\(row)", rep: "R-\(rep)",
                    date: LocalDate(year: 2026, month: quarter * 3 + 1, day: 15)!, amount: amount)
                observations.append(
                    Observation(line: line, commission: (amount * rate).rounded(places: 2, mode: .halfUp)))
                row += 1
            }
        }
        return WorkbookEvidence(
            file: "one-deal.xlsx", sheet: "Deals", observations: observations, hasBonusColumn: false,
            hasCommissionColumn: true)
    }

    @Test func perDealAndPeriodBasisFitEquallyAndTheReportSaysWhatWouldDecide() {
        let inferred = PlanInference.infer(Self.oneDealPerRepPeriod())
        #expect(inferred.fit.reproduced == inferred.fit.rows)
        #expect(inferred.plan.commission.tiers.bands.map(\.from) == [0, 50_000])
        let basis = inferred.ambiguities.first { $0.hasPrefix("basis ") }
        #expect(basis?.contains("would decide") == true, "\(inferred.ambiguities)")
        #expect(inferred.yaml.contains("# Readings the rows cannot tell apart:"))
    }

    @Test func aFlatRateNamesNoRivalReadings() {
        var evidence = Self.oneDealPerRepPeriod()
        for index in evidence.observations.indices {
            evidence.observations[index].commission =
                (evidence.observations[index].line.amount * Decimal(string: "0.07")!).rounded(places: 2, mode: .halfUp)
        }
        let inferred = PlanInference.infer(evidence)
        #expect(inferred.plan.commission.tiers.bands.count == 1)
        #expect(inferred.plan.commission.tiers.metric == .amount)
        #expect(!inferred.ambiguities.contains { $0.hasPrefix("basis ") || $0.hasPrefix("marginal ") })
        #expect(inferred.evidence["tiers"]?.contains { $0.contains("change nothing") } == true)
    }
}
