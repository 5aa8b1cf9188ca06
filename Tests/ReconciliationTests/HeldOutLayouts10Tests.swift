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
/// preamble). Each part renders its layouts for a few cases only (`cases`), so that the suite
/// grows little: four cases with their planted errors (every planted error found with its cause
/// and nothing else, the first one's corrected copy reconciling clean) and one clean (nothing at
/// all); each case is rendered in some parts, every layout in one.
@Suite struct HeldOutLayouts10Tests {
    static let script = "scripts/make-layouts10"

    /// The part's number in `--part=K/4`.
    static func number(_ part: String) -> Int {
        Int(part.split(separator: "=").last?.split(separator: "/").first ?? "0") ?? 0
    }

    /// The cases a part renders with their planted errors: the odd ones in parts 0 and 2, the even
    /// ones in parts 1 and 3.
    static func plantedCases(_ part: String) -> String {
        "--cases=" + stride(from: number(part) % 2 + 1, through: 8, by: 2).map { "case-0\($0)" }.joined(separator: ",")
    }

    /// The case a part renders clean: case-02, -04, -06 or -08.
    static func cleanCase(_ part: String) -> String { "--cases=case-0\(2 * number(part) + 2)" }

    @Test(arguments: HeldOutLayouts8Tests.parts) func everyPlantedErrorIsFoundWithItsCauseAndNothingElse(part: String)
        throws
    {
        let failures = try HeldOutLayouts8Tests.failures(
            [part, Self.plantedCases(part)], script: Self.script, corrected: 1)
        #expect(failures.isEmpty, "layouts below 100%: \(failures.joined(separator: ", "))")
    }

    @Test(arguments: HeldOutLayouts8Tests.parts) func aCleanCopyOfEveryLayoutReconcilesClean(part: String) throws {
        let failures = try HeldOutLayouts8Tests.failures(
            ["--clean", part, Self.cleanCase(part)], script: Self.script, corrected: 1)
        #expect(failures.isEmpty, "clean layouts with findings: \(failures.joined(separator: ", "))")
    }
}
