import Foundation
import Reconciliation
import Testing

/// The held-out layouts of round 17 (`scripts/make-layouts17`, drawing its deals and plans as
/// round 13 does: a tab per quarter opened by the balance brought forward and closed by its total
/// and the year to date, the commission typed beside a helper column still working it out, close
/// dates typed in several forms in one column, Korean and Vietnamese headers, dates typed as
/// `2026年3月15日` in full-width digits and a WPS picture column, a CRM's CSV with line breaks in
/// its quoted descriptions, reps written with their roster id, an Excel Table with a totals row and
/// a slicer, each rep's year to date beside the commission, credits marked `CR`, the deals a Power
/// Query table with the team's calculated columns, headers wrapped over a note with a footnote's
/// mark, a sales team's own words for the columns beside an `SDR` column, and amounts in lakhs or
/// millions).
/// Each part renders one case a layout with its planted errors (every planted error found with
/// its cause and nothing else, its corrected copy reconciling clean) and one clean (nothing at
/// all), as round 13's do. `scripts/score-layouts` scores all six cases of every layout.
@Suite struct HeldOutLayouts17Tests {
    /// In two parts (every other layout, each part one run of the script), a case with its planted
    /// errors, every one found with its cause and nothing else, and a clean one, nothing at all.
    @Test(arguments: [false, true], HeldOutLayouts13Tests.parts)
    func everyLayoutReconcilesAsItsTruthSays(clean: Bool, part: String) throws {
        try HeldOutLayouts13Tests.expectReconciles("scripts/make-layouts17", clean: clean, part: part)
    }
}
