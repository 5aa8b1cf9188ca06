import Foundation
import Reconciliation
import Testing
import XLSX

/// Rates written in whole percent (`5` for 5%, `=ROUND(D*E*F/100,2)`) name the same causes as
/// rates written as fractions.
@Suite struct RateScaleTests {
    /// Rows 2–5 at 10,000 and 5% written as `5`, row `n` with `rate` and its commission.
    static func rows(row n: Int, rate: String, commission: String) -> [CauseTests.Row] {
        (2...5).map { row in
            CauseTests.Row(
                deal: "D\(row)", amount: 10000, rate: CauseTests.rate(row == n ? rate : "5"),
                commission: CauseTests.formula(row == n ? commission : "500", "ROUND(D\(row)*E\(row)*F\(row)/100,2)"))
        }
    }

    @Test func aTypedRateInWholePercentIsAWrongRate() throws {
        let result = try CauseTests.reconcile(CauseTests.workbook(Self.rows(row: 3, rate: "6", commission: "600")))
        let finding = try #require(CauseTests.onlyError(result))
        #expect(finding.cause == .wrongRate)
        #expect(finding.explanation.contains("rate 6% is not the plan's 5%"))
    }

    @Test func anotherBandsRateInWholePercentIsAWrongTier() throws {
        let result = try CauseTests.reconcile(CauseTests.workbook(Self.rows(row: 4, rate: "8", commission: "800")))
        #expect(CauseTests.onlyError(result)?.cause == .wrongTier)
    }
}
