import Foundation
import Reconciliation
import Testing

/// The held-out layouts of round 9 (`scripts/make-layouts9`: rates in whole percent, amounts in
/// thousands, a Google Sheets export's ARRAYFORMULA, a tab per rep and month, Japanese, Chinese,
/// Turkish and Czech headers (Czech dates as `15. 3. 2026`), accounting and pasted minus signs, hidden
/// columns and rows, SUMPRODUCT and array-formula summaries, a summary by rep under a two-row period
/// header, rows rounded down or up, a quota table above the deals, reps as e-mail addresses or with
/// their team in brackets, guarded formulas, a total right under the header, dates with a time, typed
/// periods, a period helper column, year-to-date columns, the 1904 date system, shared formulas, split
/// lines with lettered ids, `Comm %` beside `Comm $`, an annual summary beside the plan's periods),
/// three scenarios of a layout rendered with their planted errors and two clean (as round 8's
/// `plantedCases` and `cleanCases` choose them): every planted error found with its cause
/// and nothing else, the corrected copy reconciling clean (of two cases a layout), and nothing at all
/// in a clean copy.
@Suite struct HeldOutLayouts9Tests {
    static let script = "scripts/make-layouts9"
    /// No known gaps: the rows rounded down or up are corrected to round as the plan does
    /// (`CorrectedRoundingTests`), and the summary of each rep's year is read beside the
    /// quarterly or monthly one (`YearSummaryTests`).
    static let uncorrected: Set<String> = []
    static let unread: Set<String> = []

    @Test(arguments: HeldOutLayouts8Tests.parts) func everyPlantedErrorIsFoundWithItsCauseAndNothingElse(part: String)
        throws
    {
        let failures = try HeldOutLayouts8Tests.failures(
            [part, HeldOutLayouts8Tests.plantedCases(part)], script: Self.script, unread: Self.unread,
            uncorrected: Self.uncorrected)
        #expect(failures.isEmpty, "layouts below 100%: \(failures.joined(separator: ", "))")
    }

    @Test(arguments: HeldOutLayouts8Tests.parts) func aCleanCopyOfEveryLayoutReconcilesClean(part: String) throws {
        let failures = try HeldOutLayouts8Tests.failures(
            ["--clean", part, HeldOutLayouts8Tests.cleanCases(part)], script: Self.script, unread: Self.unread,
            uncorrected: Self.uncorrected)
        #expect(failures.isEmpty, "clean layouts with findings: \(failures.joined(separator: ", "))")
    }
}
