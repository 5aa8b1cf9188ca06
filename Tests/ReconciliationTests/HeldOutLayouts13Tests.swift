import Foundation
import Reconciliation
import Testing

/// The held-out layouts of round 13 (`scripts/make-layouts13`, the first round whose deals and
/// plans the script draws itself rather than taking the shared scenarios: the commission in a
/// column per month or quarter, CSV exports with a byte-order mark, semicolons and decimal commas,
/// from Google Sheets, as UTF-16 tab-delimited text and from HubSpot, rates looked up on a
/// `Rates` sheet with a wrong entry or range planted, Salesforce reports flat and grouped by owner,
/// an SAP list under pinned columns, accounting text with parentheses, marginal tiers kept in a
/// column per band, the rate in one cell above the table or in the header (`Commission @ 8%`),
/// a summary picking its cells one by one, share and rank columns, reps by email, a fiscal year
/// from April, an adjustment column and the commission worked out on a `Calc` sheet).
/// To keep the suite's time, each part renders one case a layout with its planted errors (every
/// planted error found with its cause and nothing else, its corrected copy reconciling clean) and
/// one clean (nothing at all; its corrected copy, which would hold no edit, is not written).
/// `scripts/score-layouts` scores all six cases of every layout.
@Suite struct HeldOutLayouts13Tests {
    static let script = "scripts/make-layouts13"

    /// The layouts in two parts (every other one), each part one run of the script: its start-up
    /// is a good share of a part's time.
    static let parts = (0..<2).map { "--part=\($0)/2" }

    /// The case a part renders with its planted errors (part 0 case 1, part 1 case 2) and the one it
    /// renders clean (part 0 case 5, part 1 case 6): odd and even cases, as a layout writes them
    /// otherwise.
    static func cases(_ part: String, clean: Bool) -> String {
        let number = HeldOutLayouts8Tests.number(part)
        return "--cases=case-0\(clean ? number + 5 : number + 1)"
    }

    /// That every layout of `script` (round 13's or a later round's, which draw their cases as it
    /// does) reconciles as its truth says in one part's case: with its planted errors (`clean`
    /// false), every one found with its cause and nothing else, its corrected copy reconciling
    /// clean unless `uncorrected`; clean, nothing at all.
    static func expectReconciles(
        _ script: String, clean: Bool, part: String, uncorrected: Set<String> = [],
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let failures = try HeldOutLayouts8Tests.failures(
            (clean ? ["--clean"] : []) + [part, cases(part, clean: clean)], script: script, uncorrected: uncorrected,
            corrected: clean ? 0 : 1)
        #expect(
            failures.isEmpty, "layouts failing\(clean ? " clean" : ""): \(failures.joined(separator: ", "))",
            sourceLocation: sourceLocation)
    }

    /// That every layout of `script` (`layouts`, or all) reconciles as its truth says in an odd and
    /// an even case of one part, for rounds whose layouts write their odd and even cases otherwise:
    /// cases 1 and 2 with their planted errors (`clean` false), every one found with its cause and
    /// nothing else and both corrected copies reconciling clean; cases 5 and 6 clean, nothing at all.
    static func expectOddAndEvenReconcile(
        _ script: String, clean: Bool, part: String, layouts: [String]? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let cases = clean ? "--cases=case-05,case-06" : "--cases=case-01,case-02"
        let chosen = layouts.map { ["--layouts=" + $0.joined(separator: ",")] } ?? []
        let failures = try HeldOutLayouts8Tests.failures(
            (clean ? ["--clean"] : []) + chosen + [part, cases], script: script, corrected: clean ? 0 : 2)
        #expect(
            failures.isEmpty, "layouts failing\(clean ? " clean" : ""): \(failures.joined(separator: ", "))",
            sourceLocation: sourceLocation)
    }

    /// With their planted errors (`clean` false), every one found with its cause and nothing else;
    /// a clean copy (`clean`), nothing at all.
    @Test(arguments: [false, true], parts)
    func everyLayoutReconcilesAsItsTruthSays(clean: Bool, part: String) throws {
        try Self.expectReconciles(Self.script, clean: clean, part: part)
    }
}
