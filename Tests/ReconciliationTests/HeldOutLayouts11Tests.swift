import Foundation
import Reconciliation
import Testing

/// The held-out layouts of round 11 (`scripts/make-layouts11`: the summary as a cross-tab with a
/// year to date beside each period, with half years and a total, or a row per period; a rep ×
/// year cross-tab and a summary of years leaving a rep out; a goal, comments, a manager, an
/// opportunity's name, check marks beside the deals; a second table, statistics and a sign-off
/// under them; Excel's count and sum subtotals, grouped rows collapsed, a print setup; rich text,
/// hyperlinked ids, middle initials, text padded with spaces, dates year first or with two digits,
/// currencies in the headers, a comment row opening each rep's block; the summary's comparison
/// with the period before). Each part renders its layouts for two cases with their planted errors
/// (every planted error found with its cause and nothing else, the first one's corrected copy
/// reconciling clean) and one clean (nothing at all): every case is rendered in one part, every
/// layout in one, so that the suite grows by as little as it can. `scripts/score-layouts` scores
/// every case of every layout.
@Suite struct HeldOutLayouts11Tests {
    static let script = "scripts/make-layouts11"
    /// No known gaps: a rep × year cross-tab beside the summary is read as a sheet of years
    /// (`YearSummaryTests`), and a second table of another kind under the deals holds no deals
    /// (`MovedHeaderTests`).
    static let unread: Set<String> = []

    /// The two cases a part renders with their planted errors: part 0 cases 1 and 2, part 1 cases
    /// 3 and 4…
    static func plantedCases(_ part: String) -> String {
        let first = 2 * HeldOutLayouts8Tests.number(part) + 1
        return "--cases=case-0\(first),case-0\(first + 1)"
    }

    /// The layouts of `script`'s part below 100% on its two cases with their planted errors (and
    /// the first one's corrected copy), as round 11 and the rounds after it check them.
    static func plantedFailures(_ part: String, script: String, unread: Set<String>) throws -> [String] {
        try HeldOutLayouts8Tests.failures(
            [part, plantedCases(part)], script: script, unread: unread, corrected: 1)
    }

    /// The layouts of `script`'s part with findings on a clean copy of one case.
    static func cleanFailures(_ part: String, script: String, unread: Set<String>) throws -> [String] {
        try HeldOutLayouts8Tests.failures(
            ["--clean", part, HeldOutLayouts8Tests.cleanCases(part, count: 1)], script: script, unread: unread,
            corrected: 1)
    }

    @Test(arguments: HeldOutLayouts8Tests.parts) func everyPlantedErrorIsFoundWithItsCauseAndNothingElse(part: String)
        throws
    {
        let failures = try Self.plantedFailures(part, script: Self.script, unread: Self.unread)
        #expect(failures.isEmpty, "layouts below 100%: \(failures.joined(separator: ", "))")
    }

    @Test(arguments: HeldOutLayouts8Tests.parts) func aCleanCopyOfEveryLayoutReconcilesClean(part: String) throws {
        let failures = try Self.cleanFailures(part, script: Self.script, unread: Self.unread)
        #expect(failures.isEmpty, "clean layouts with findings: \(failures.joined(separator: ", "))")
    }
}
