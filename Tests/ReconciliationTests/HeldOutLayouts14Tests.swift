import Foundation
import Reconciliation
import Testing

/// The held-out layouts of round 14 (`scripts/make-layouts14`, drawing its deals and plans as
/// round 13 does: a deal's products on rows of their own under one id, a visible commission that
/// shows a hidden helper column, Apple Numbers' export with its tables' titles and an `Export
/// Summary` sheet, Pipedrive's and Zoho's CSV exports, a Windows-1252 CSV with accented names,
/// reps written with titles and nicknames, the commission in two currencies, an Excel 365 dynamic
/// array, summaries over OFFSET and INDIRECT ranges, a summary beside the deals on their own
/// sheet, a Payout sheet looking the deals up by id, rates per product inside the formulas,
/// clawbacks on a tab of their own, a tab per quarter with month subtotals, deal columns by Google
/// Sheets' IMPORTRANGE, the XML Excel 365 writes around the cells, a manager's override column
/// and a summary naming its reps by id and name).
/// Each part renders one case a layout with its planted errors (every planted error found with
/// its cause and nothing else, its corrected copy reconciling clean) and one clean (nothing at
/// all), as round 13's do. `scripts/score-layouts` scores all six cases of every layout.
@Suite struct HeldOutLayouts14Tests {
    static let script = "scripts/make-layouts14"

    /// The layouts in two parts (every other one), each part one run of the script.
    static let parts = HeldOutLayouts13Tests.parts

    /// The layouts whose corrected copy is not checked: `clawback-tab` plants a cancelled deal no
    /// row takes back, found at its cancel date for the team to add the row (a correction adds no
    /// rows, and says so on its Findings sheet), so its corrected copy still finds it.
    static let uncorrected: Set<String> = ["clawback-tab"]

    /// With their planted errors (`clean` false), every one found with its cause and nothing else;
    /// a clean copy (`clean`), nothing at all.
    @Test(arguments: [false, true], parts)
    func everyLayoutReconcilesAsItsTruthSays(clean: Bool, part: String) throws {
        try HeldOutLayouts13Tests.expectReconciles(Self.script, clean: clean, part: part, uncorrected: Self.uncorrected)
    }
}
