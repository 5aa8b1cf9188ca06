import Foundation
import Testing

/// The held-out layouts of round 21 (`scripts/make-layouts21`, drawing its deals and plans as
/// round 13 does: reps written by their employee code, Ukrainian and Romanian headers, rates per
/// mille, tiers written into each commission's IF formula, close dates typed in long forms, the
/// summary under the deals on their own sheet, the dropdowns' sources on a `Lists` sheet, and reps
/// and products ditto-marked down the rows). Each part renders one case a layout with its planted
/// errors (every planted error found with its cause and nothing else, its corrected copy
/// reconciling clean) and one clean (nothing at all), as round 13's do. `scripts/score-layouts`
/// scores all six cases of every layout.
@Suite struct HeldOutLayouts21Tests {
    static let script = "scripts/make-layouts21"

    /// In two parts (every other layout, each part one run of the script), an odd and an even case
    /// with their planted errors (each layout writes its odd and even cases otherwise: Romanian or
    /// Ukrainian headers, `"` or `-do-`, a rate per mille as a number or as text), every one found
    /// with its cause and nothing else, and an odd and an even clean one, nothing at all.
    @Test(arguments: [false, true], HeldOutLayouts13Tests.parts)
    func everyLayoutReadReconcilesAsItsTruthSays(clean: Bool, part: String) throws {
        try HeldOutLayouts13Tests.expectOddAndEvenReconcile(Self.script, clean: clean, part: part)
    }
}
