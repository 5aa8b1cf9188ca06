import Foundation
import Testing

/// The held-out layouts of round 27 (`scripts/make-layouts27`, drawing its deals and plans as
/// round 13 does: Dynamics 365's `Export to Excel` (three hidden `(Do Not Modify)` columns first,
/// `Topic` the deal, `Owner` the rep, a very hidden `hiddenSheet`), Odoo's export of sales orders
/// (its fields' technical names, `name` and `user_id`, or their labels), Georgian and Azerbaijani
/// headers with amounts in lari (`12 500,00 ₾`) and manat (`₼`), a Smartsheet export's parent row
/// per rep rolling up its child rows, a tab per quarter added up by a YTD tab's 3-D references,
/// a Salesforce Lightning report grouped by owner and product family (each group's value on its
/// first row, `Subtotal` under every group), and a commission amortization schedule (a column
/// per month headed by a date). Each part renders an odd and an even case a layout with its
/// planted errors (every planted error found with its cause and nothing else, its corrected copy
/// reconciling clean) and an odd and an even one clean (nothing at all). `scripts/score-layouts`
/// scores all six cases of every layout.
@Suite struct HeldOutLayouts27Tests {
    static let script = "scripts/make-layouts27"

    @Test(arguments: [false, true], HeldOutLayouts13Tests.parts)
    func everyLayoutReadReconcilesAsItsTruthSays(clean: Bool, part: String) throws {
        try HeldOutLayouts13Tests.expectOddAndEvenReconcile(Self.script, clean: clean, part: part)
    }
}
