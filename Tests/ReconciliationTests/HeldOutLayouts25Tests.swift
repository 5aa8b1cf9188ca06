import Foundation
import Testing

/// The held-out layouts of round 25 (`scripts/make-layouts25`, drawing its deals and plans as
/// round 13 does: close dates typed in an era's years (Japan's `令和8年3月15日`, `R8.3.15`; the
/// Republic of China's `民國115年3月15日`, `115/03/15` in a Taiwanese CSV), Estonian and Slovenian
/// headers under a plan in euros, invisible marks left in pasted text (a byte-order mark before
/// the first header, zero-width spaces in ids, names and products), amounts typed in lakhs and
/// crores or in 万 and 億, the commission a LAMBDA of the Name Manager, the year and the month in
/// columns of their own (`Year | Month`, SAP's `Fiscal Year | Posting Period`), and a summary
/// reading a pivot with GETPIVOTDATA). Each part renders an odd and an even case a layout with its
/// planted errors (every planted error found with its cause and nothing else, its corrected copy
/// reconciling clean) and an odd and an even one clean (nothing at all). `scripts/score-layouts`
/// scores all six cases of every layout.
@Suite struct HeldOutLayouts25Tests {
    static let script = "scripts/make-layouts25"

    @Test(arguments: [false, true], HeldOutLayouts13Tests.parts)
    func everyLayoutReadReconcilesAsItsTruthSays(clean: Bool, part: String) throws {
        try HeldOutLayouts13Tests.expectOddAndEvenReconcile(Self.script, clean: clean, part: part)
    }
}
