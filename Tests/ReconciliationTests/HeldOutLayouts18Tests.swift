import Foundation
import Reconciliation
import Testing

/// The held-out layouts of round 18 (`scripts/make-layouts18`, drawing its deals and plans as
/// round 13 does: a tab per month whose columns stand in another order on each tab, the deals
/// grouped under a bold rep's name and a blank row, what payroll paid of each commission in full or
/// in part, a pivot of the years over their months or quarters as the only summary, Hungarian and
/// Indonesian headers with their dates, rates and amounts typed as each writes them, a logo over a
/// merged title and a header two rows tall, a column checking each row's arithmetic, sheets
/// written without cell references or shared strings, dates as their digits (`20260315`), amounts
/// kept in full but shown in thousands by their format, month totals by AGGREGATE, and a summary
/// of SUMPRODUCT over the period each date falls in).
/// Each part renders one case a layout with its planted errors (every planted error found with
/// its cause and nothing else, its corrected copy reconciling clean) and one clean (nothing at
/// all), as round 13's do. `scripts/score-layouts` scores all six cases of every layout.
@Suite struct HeldOutLayouts18Tests {
    /// In two parts (every other layout, each part one run of the script), a case with its planted
    /// errors, every one found with its cause and nothing else, and a clean one, nothing at all.
    @Test(arguments: [false, true], HeldOutLayouts13Tests.parts)
    func everyLayoutReconcilesAsItsTruthSays(clean: Bool, part: String) throws {
        try HeldOutLayouts13Tests.expectReconciles("scripts/make-layouts18", clean: clean, part: part)
    }
}
