import Foundation
import Testing

/// The held-out layouts of round 24 (`scripts/make-layouts24`, drawing its deals and plans as
/// round 13 does: figures typed in full-width digits under Japanese and Chinese headers, a
/// visible stale copy of the deals tab, the quarter booked instead of a close date, a Google
/// Form's responses sheet whose reps are the submitters' e-mail addresses, reps written as a mail
/// client writes an address, Lithuanian and Latvian headers under a plan in euros, and close dates
/// typed with the day's name in German and French). Each part renders an odd and an even case a
/// layout with its planted errors (every planted error found with its cause and nothing else,
/// its corrected copy reconciling clean) and an odd and an even one clean (nothing at all).
/// `scripts/score-layouts` scores all six cases of every layout.
@Suite struct HeldOutLayouts24Tests {
    static let script = "scripts/make-layouts24"

    @Test(arguments: [false, true], HeldOutLayouts13Tests.parts)
    func everyLayoutReadReconcilesAsItsTruthSays(clean: Bool, part: String) throws {
        try HeldOutLayouts13Tests.expectOddAndEvenReconcile(Self.script, clean: clean, part: part)
    }
}
