import Foundation
import PlanFile
import Reconciliation
import Spreadsheet
import Testing

/// The held-out layouts of round 28 (`scripts/make-layouts28`, drawing its deals and plans as
/// round 13 does: a NetSuite saved search's results (joined fields headed `Sales Rep : Name`,
/// `Sales Team : Contribution %`), QuickBooks' `Sales by Rep Detail` (a heading row per rep, its
/// lines indented, `Total for <rep>`, spacer columns), Persian headers over close dates typed in
/// the Jalali calendar (`۱۴۰۵/۰۱/۲۵`, `۲۵ فروردین ۱۴۰۵`), HubSpot's XLSX export (`Amount` in each
/// deal's currency beside `Amount in company currency`), headers merged over two columns, and
/// protected sheets; and a long table of a row per measure, which is refused). Each part renders
/// an odd and an even case a layout with its planted errors (every planted error found with its
/// cause and nothing else, its corrected copy reconciling clean) and an odd and an even one clean
/// (nothing at all). `scripts/score-layouts` scores all six cases of every layout.
@Suite struct HeldOutLayouts28Tests {
    static let script = "scripts/make-layouts28"

    /// The layouts trueup reads; `measure-rows` is refused (`aLongTableIsRefused`).
    static let read = [
        "netsuite-search", "quickbooks-rep-detail", "fa-jalali", "hubspot-xlsx", "merged-headers", "protected-locked",
    ]

    @Test(arguments: [false, true], HeldOutLayouts13Tests.parts)
    func everyLayoutReadReconcilesAsItsTruthSays(clean: Bool, part: String) throws {
        try HeldOutLayouts13Tests.expectOddAndEvenReconcile(Self.script, clean: clean, part: part, layouts: Self.read)
    }

    /// A long table (each deal on a row per measure, `Measure | Value`) is no table trueup reads:
    /// the run stops naming the sheet, the measure and value columns and how to pivot it, never
    /// reading one measure's figures as the deals' amounts.
    @Test func aLongTableIsRefused() throws {
        let folder = try LayoutReconciliationTests.render(Self.script, ["--layouts=measure-rows", "--cases=case-01"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let cases = folder.appendingPathComponent("measure-rows")
        let plan = try PlanFile.load(path: cases.appendingPathComponent("case-01.plan.yaml").path)
        #expect {
            try Reconciler.reconcile(
                workbook: cases.appendingPathComponent("case-01.xlsx").path, plan: plan, roster: [], pins: plan.columns)
        } throws: { error in
            "\(error)".contains("Deals") && "\(error)".contains("column E") && "\(error)".contains("pivot")
        }
    }
}
