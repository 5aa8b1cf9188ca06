import Foundation
import Reconciliation
import Testing

/// The held-out layouts of round 15 (`scripts/make-layouts15`, drawing its deals and plans as
/// round 13 does: amounts and commissions as text with their currency and credit notes in
/// parentheses, the reps' attainment by month beside the deals, each rep's rows closed by an
/// unlabelled row of sums, a header typed across two rows, an autofilter hiding the other reps'
/// rows, close dates as ISO text with a zone or `15-Mar-26`, the commission headed only `Amount
/// Due`, Google Sheets' ARRAYFORMULA in the commission's header cell, `Accrued` beside `Paid` and
/// `Balance`, the deals from column C beside a reviewer's notes, headers led by emoji, a row of
/// what each column holds under the header, a hidden backup copy of the deals, Strict Open XML
/// and a chart on the summary sheet).
/// Each part renders one case a layout with its planted errors (every planted error found with
/// its cause and nothing else, its corrected copy reconciling clean) and one clean (nothing at
/// all), as round 13's do. `scripts/score-layouts` scores all six cases of every layout.
@Suite struct HeldOutLayouts15Tests {
    static let script = "scripts/make-layouts15"

    /// The layouts in two parts (every other one), each part one run of the script.
    static let parts = HeldOutLayouts13Tests.parts

    /// With their planted errors (`clean` false), every one found with its cause and nothing else;
    /// a clean copy (`clean`), nothing at all.
    @Test(arguments: [false, true], parts)
    func everyLayoutReconcilesAsItsTruthSays(clean: Bool, part: String) throws {
        try HeldOutLayouts13Tests.expectReconciles(Self.script, clean: clean, part: part)
    }
}
