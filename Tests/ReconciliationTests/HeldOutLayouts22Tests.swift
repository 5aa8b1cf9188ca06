import Foundation
import Testing

/// The held-out layouts of round 22 (`scripts/make-layouts22`, drawing its deals and plans as
/// round 13 does: Slovak and Croatian headers with dates typed as each writes them, Thai and Malay
/// headers with dates shown in the Buddhist era or in Malay words, figures typed in Persian or
/// Arabic-Indic digits, a Japanese CSV in Shift_JIS, a summary netting a draw the plan does not
/// know, units in square brackets after each header, and lost and open deals kept among the won
/// ones under a plan paying only `Closed Won`). Each part renders one case a layout with its
/// planted errors (every planted error found with its cause and nothing else, its corrected copy
/// reconciling clean) and one clean (nothing at all), as round 13's do. `scripts/score-layouts`
/// scores all six cases of every layout.
@Suite struct HeldOutLayouts22Tests {
    static let script = "scripts/make-layouts22"

    /// In two parts (every other layout, each part one run of the script), an odd and an even case
    /// with their planted errors (each layout writes its odd and even cases otherwise: Croatian or
    /// Slovak, Malay or Thai, Arabic or Persian, a title above the CSV's header or none, a gated
    /// formula or an empty cell for an unpaid deal), every one found with its cause and nothing
    /// else, and an odd and an even clean one, nothing at all.
    @Test(arguments: [false, true], HeldOutLayouts13Tests.parts)
    func everyLayoutReadReconcilesAsItsTruthSays(clean: Bool, part: String) throws {
        try HeldOutLayouts13Tests.expectOddAndEvenReconcile(Self.script, clean: clean, part: part)
    }
}
