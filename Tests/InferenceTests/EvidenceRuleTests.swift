import Commission
import Foundation
import Spreadsheet
import Testing
import XLSX

@testable import Inference

/// Rules on what counts as evidence: no plan from no figures, a few wrong rows are findings and not
/// a tier, the summary's own labels (a year written `2026`, a fiscal quarter) are read as labels.
@Suite struct EvidenceRuleTests {
    static let reps = ["Ana Lima", "Ben Okafor", "Cleo Park"]

    /// Ten deals rows whose commission cells are blank: nothing sets a rate, so nothing is proposed.
    @Test func noCommissionFiguresIsARefusalNotAZeroRatePlan() throws {
        let rows = (0..<10).map { ClaimTests.row($0, commission: .empty) }
        let inferred = try ClaimTests.infer(rows)
        let refusal = try #require(inferred.refusal, "\(inferred.yaml)")
        #expect(refusal.contains("none of the 10 deals rows has a commission figure"), "\(refusal)")
        #expect(!inferred.established.contains("tiers"))
    }
}
