import Foundation
import Testing

/// The held-out layouts of round 23 (`scripts/make-layouts23`, drawing its deals and plans as
/// round 13 does: the commission's part held back beside it, Hindi and Bengali headers with
/// figures and dates typed in their digits, Bulgarian and Polish headers with the year's mark
/// after each date and plans in euros and złoty, a German SAP list with the minus after its
/// negatives, a macro-enabled workbook, splits in thirds, and reps written by first name).
/// Each part renders an odd and an even case a layout with its planted errors (every planted
/// error found with its cause and nothing else, its corrected copy reconciling clean) and an odd
/// and an even one clean (nothing at all). `scripts/score-layouts` scores all six cases of
/// every layout.
@Suite struct HeldOutLayouts23Tests {
    static let script = "scripts/make-layouts23"

    @Test(arguments: [false, true], HeldOutLayouts13Tests.parts)
    func everyLayoutReadReconcilesAsItsTruthSays(clean: Bool, part: String) throws {
        try HeldOutLayouts13Tests.expectOddAndEvenReconcile(Self.script, clean: clean, part: part)
    }
}
