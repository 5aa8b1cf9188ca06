import Foundation
import Reconciliation
import Testing

/// The held-out layouts of round 12 (`scripts/make-layouts12`: formulas filled down past the
/// deals, an empty column A under a merged title block, what payroll paid beside what is owed,
/// LET in the commission formulas, the summary's SUMIFS written over FILTER or over workbook
/// names, its periods' first and last days in columns of their own, accounting and locale number
/// formats, Russian and Greek headers, amounts grouped the Indian way or with narrow no-break
/// spaces, dates naming their month in five languages, reps as their ids, the pay columns first,
/// notes, drop-downs on a hidden sheet, the summary saved without its values, rates in basis
/// points, totals labelled by formulas, running years to date, rates as `7.5 %`, hyperlinked
/// ids, names in Unicode's decomposed form). Each part renders its layouts for two cases with
/// their planted errors (every planted error found with its cause and nothing else, the first
/// one's corrected copy reconciling clean) and one clean (nothing at all), as round 11 does.
/// `scripts/score-layouts` scores every case of every layout.
@Suite struct HeldOutLayouts12Tests {
    static let script = "scripts/make-layouts12"
    /// No known gaps: formulas filled down past the deals are no rows (`FilledDownFormulaRowsTests`),
    /// Russian and Greek headers name their fields (`MoreLanguageHeaderTests`), rates in basis points
    /// are read as rates (`RateScaleTests`), and a summary's years to date are compared
    /// (`SummaryToDateTests`).
    static let unread: Set<String> = []

    /// With their planted errors (`clean` false), every one found with its cause and nothing else;
    /// a clean copy (`clean`), nothing at all.
    @Test(arguments: [false, true], HeldOutLayouts8Tests.parts)
    func everyLayoutReconcilesAsItsTruthSays(clean: Bool, part: String) throws {
        let failures =
            try clean
            ? HeldOutLayouts11Tests.cleanFailures(part, script: Self.script, unread: Self.unread)
            : HeldOutLayouts11Tests.plantedFailures(part, script: Self.script, unread: Self.unread)
        #expect(failures.isEmpty, "layouts failing\(clean ? " clean" : ""): \(failures.joined(separator: ", "))")
    }
}
