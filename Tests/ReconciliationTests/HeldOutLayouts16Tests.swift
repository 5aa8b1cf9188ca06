import Foundation
import Reconciliation
import Testing

/// The held-out layouts of round 16 (`scripts/make-layouts16`, drawing its deals and plans as
/// round 13 does: each row's rate read from another workbook through an external link, the amount
/// worked out from quantity, unit price and discount, a created date, a contract start and an
/// invoice date beside the close date, a commission kept as a base, an accelerator and their
/// total, a row of labelled figures above the header, a German Excel's CSV padded with `;` under
/// a title, numbers written with seventeen digits, Hebrew and Arabic headers right to left,
/// sheet names quoted in the summary's formulas, amounts in whole cents, conditional formatting
/// and validations on every column, rates and splits in whole percent shown so only by their
/// formats, and the month booked in place of a close date).
/// Each part renders one case a layout with its planted errors (every planted error found with
/// its cause and nothing else, its corrected copy reconciling clean) and one clean (nothing at
/// all), as round 13's do. `scripts/score-layouts` scores all six cases of every layout.
@Suite struct HeldOutLayouts16Tests {
    /// In two parts (every other layout, each part one run of the script), a case with its planted
    /// errors, every one found with its cause and nothing else, and a clean one, nothing at all.
    @Test(arguments: [false, true], HeldOutLayouts13Tests.parts)
    func everyLayoutReconcilesAsItsTruthSays(clean: Bool, part: String) throws {
        try HeldOutLayouts13Tests.expectReconciles("scripts/make-layouts16", clean: clean, part: part)
    }
}
