import Foundation
import Testing

/// The held-out layouts of round 26 (`scripts/make-layouts26`, drawing its deals and plans as
/// round 13 does: a monday.com board's export (a group per period over the header again, the rep
/// under `Person`, the deal under `Item ID`), reps written by their initials (`MB`, `M.B.`),
/// Serbian Cyrillic and Catalan headers, a CSV whose dates were saved without their year (`15-Mar`,
/// `Mar 15`) under a title writing it, a Brazilian team's sheet in reais (`R$ 12.500,00`, a
/// pt-BR Excel's CSV), last year's rate and commission in hidden columns, and NetSuite's `Sales by
/// Sales Rep Detail` closed by a typed `Total` under its last rep's). Each part renders an odd and
/// an even case a layout with its planted errors (every planted error found with its cause and
/// nothing else, its corrected copy reconciling clean) and an odd and an even one clean (nothing
/// at all). `scripts/score-layouts` scores all six cases of every layout.
@Suite struct HeldOutLayouts26Tests {
    static let script = "scripts/make-layouts26"

    @Test(arguments: [false, true], HeldOutLayouts13Tests.parts)
    func everyLayoutReadReconcilesAsItsTruthSays(clean: Bool, part: String) throws {
        try HeldOutLayouts13Tests.expectOddAndEvenReconcile(Self.script, clean: clean, part: part)
    }
}
