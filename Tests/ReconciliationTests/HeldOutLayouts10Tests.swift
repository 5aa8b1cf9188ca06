import Foundation
import Reconciliation
import Testing

/// The held-out layouts of round 10 (`scripts/make-layouts10`: Danish, Norwegian and Finnish,
/// Swiss German and Mexican Spanish headers over amounts and dates as each writes them, English and
/// French headers a slash apart, rates looked up by IFS, SWITCH, CHOOSE and LOOKUP, summaries over
/// whole columns and wildcards, a header under merged groups over a row of units, amounts and dates
/// typed as formulas, paid flags and pay dates, numbers and serial dates stored as text with an
/// apostrophe, empty columns between the columns, the deals newest first, numeric deal ids, reps
/// merged over their rows or written `BERG, Maya`, ISO codes in the amounts, amounts converted from
/// another currency, net and gross amounts, running totals, a `% of Quota` column, a payout total
/// per row, a pivot beside the summary, fiscal years named by their end, tabs per quarter or per
/// product, an ERP's capitals, reps looked up by id, strings written in their cells, a long
/// preamble). Each part renders its layouts for a few cases only (round 8's `plantedCases` and
/// `cleanCases`), so that the suite grows little: three cases with their planted errors (every
/// planted error found with its cause and nothing else, the first one's corrected copy reconciling
/// clean) and one clean (nothing at all); each case is rendered in some parts, every layout in one.
@Suite struct HeldOutLayouts10Tests {
    static let script = "scripts/make-layouts10"

    @Test(arguments: HeldOutLayouts8Tests.parts) func everyPlantedErrorIsFoundWithItsCauseAndNothingElse(part: String)
        throws
    {
        let failures = try HeldOutLayouts8Tests.failures(
            [part, HeldOutLayouts8Tests.plantedCases(part)], script: Self.script, corrected: 1)
        #expect(failures.isEmpty, "layouts below 100%: \(failures.joined(separator: ", "))")
    }

    @Test(arguments: HeldOutLayouts8Tests.parts) func aCleanCopyOfEveryLayoutReconcilesClean(part: String) throws {
        let failures = try HeldOutLayouts8Tests.failures(
            ["--clean", part, HeldOutLayouts8Tests.cleanCases(part, count: 1)], script: Self.script, corrected: 1)
        #expect(failures.isEmpty, "clean layouts with findings: \(failures.joined(separator: ", "))")
    }
}
