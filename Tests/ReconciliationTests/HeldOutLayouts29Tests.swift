import Foundation
import Testing

/// The held-out layouts of round 29 (`scripts/make-layouts29`): the oracle's plans (period and
/// year-to-date tiers, marginal and retroactive, quotas, gates, caps, splits, overrides, bonuses,
/// clawbacks, draws; `scripts/oracle/generate.py`, priced by `scripts/oracle/engine.py`, planted by
/// `scripts/oracle/fuzz-reconcile`) in the layouts teams keep: a tab per rep with the rep's
/// figures by period under its deals, a tab per period beside a summary of SUMIFs over them, a
/// wide summary of an `Earned` and a `Payable` block, Excel's subtotal rows per rep, German headers
/// with every figure and date stored as text, formulas without cached values, and a quarterly
/// summary of a block per quarter. Each part renders an odd and an even case of every layout with
/// its planted errors (every one found with its cause and nothing else, its corrected copy
/// reconciling clean) and an odd and an even one clean (nothing at all). `scripts/score-layouts`
/// scores all six cases of every layout.
@Suite struct HeldOutLayouts29Tests {
    static let script = "scripts/make-layouts29"

    @Test(arguments: [false, true], HeldOutLayouts13Tests.parts)
    func everyLayoutReadReconcilesAsItsTruthSays(clean: Bool, part: String) throws {
        try HeldOutLayouts13Tests.expectOddAndEvenReconcile(Self.script, clean: clean, part: part)
    }
}
