import Foundation
import PlanFile
import Reconciliation
import Spreadsheet
import Testing

/// The held-out layouts of round 20 (`scripts/make-layouts20`, drawing its deals and plans as
/// round 13 does: a rate table beside the deals and one under them, looked up by VLOOKUP; the
/// close date in `Year | Month | Day` columns; last year's and this year's deals stacked on one
/// sheet under titles; a tab per year each with its own summary; each deal on two rows, its notes
/// or its product on the second; and the deals table turned round, which is refused).
/// Each part renders one case a layout with its planted errors (every planted error found with
/// its cause and nothing else, its corrected copy reconciling clean) and one clean (nothing at
/// all), as round 13's do. `scripts/score-layouts` scores all six cases of every layout.
@Suite struct HeldOutLayouts20Tests {
    static let script = "scripts/make-layouts20"

    /// The layouts trueup reads; `transposed` is refused (`aTableTurnedRoundIsRefused`).
    static let read = ["rates-beside", "rates-below", "ymd-columns", "stacked-years", "year-tabs", "note-rows"]

    /// In two parts (every other layout, each part one run of the script), an odd and an even case
    /// with their planted errors (each layout writes its odd and even cases otherwise: a product
    /// under its deal or notes alone, a summary beside each year's deals or on a tab of its own),
    /// every one found with its cause and nothing else, and an odd and an even clean one, nothing at all.
    @Test(arguments: [false, true], HeldOutLayouts13Tests.parts)
    func everyLayoutReadReconcilesAsItsTruthSays(clean: Bool, part: String) throws {
        try HeldOutLayouts13Tests.expectOddAndEvenReconcile(Self.script, clean: clean, part: part, layouts: Self.read)
    }

    /// A deals table turned round (the fields down column A, a deal a column) is no table trueup
    /// reads: the run stops naming the sheet and how to turn it back, never reading it otherwise.
    @Test func aTableTurnedRoundIsRefused() throws {
        let folder = try LayoutReconciliationTests.render(Self.script, ["--layouts=transposed", "--cases=case-01"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let cases = folder.appendingPathComponent("transposed")
        let plan = try PlanFile.load(path: cases.appendingPathComponent("case-01.plan.yaml").path)
        #expect {
            try Reconciler.reconcile(
                workbook: cases.appendingPathComponent("case-01.xlsx").path, plan: plan, roster: [], pins: plan.columns)
        } throws: { error in
            "\(error)".contains("Deals") && "\(error)".contains("turned round")
        }
    }
}
