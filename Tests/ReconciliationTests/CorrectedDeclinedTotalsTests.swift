import Commission
import Correction
import Foundation
import Ingest
import Recalculation
import Reconciliation
import Spreadsheet
import TestSupport
import Testing
import XLSX

/// A declined row correction leaves its cell at the manual figure: the totals over it, kept as
/// formulas, must cache what those formulas give from the cells as written (the declined figure
/// included), not the engine's total, so that every reader sees totals that add up.
@Suite struct CorrectedDeclinedTotalsTests {
    @Test func totalsOverADeclinedCorrectionCacheWhatTheirFormulasGive() throws {
        var declinedUnderTotals = 0
        for name in ScenarioReconciliationTests.cases {
            let (input, plan, entries) = try ScenarioReconciliationTests.inputs(name)
            let result = try Reconciler.reconcile(workbook: input, plan: plan, roster: entries, pins: plan.columns)
            // Decline every row correction a corrected total adds up; the totals' own are kept.
            let underTotals = Set(
                result.findings.filter { $0.isError && $0.isDerived && $0.repairedFormula == nil }.flatMap(\.precedents)
            )
            var correction = CorrectionInput(result)
            let before = correction.findings.count
            correction.findings.removeAll {
                !$0.isDerived && underTotals.contains(CellPlace(sheet: $0.sheet, cell: $0.cell))
            }
            guard correction.findings.count < before else { continue }
            declinedUnderTotals += before - correction.findings.count

            let output = Scratch.folder.appendingPathComponent("trueup-declined-\(UUID()).xlsx")
            defer { try? FileManager.default.removeItem(at: output) }
            _ = FileManager.default.createFile(atPath: output.path, contents: nil)
            let handle = try FileHandle(forWritingTo: output)
            _ = try CorrectedWorkbook.write(source: input, input: correction, to: handle)
            try handle.close()

            // trueup's own evaluator: a formula whose cached value is not what it gives from the
            // cells as the corrected file holds them is stale. None may be, but those already
            // stale in the input.
            let staleBefore = Set(try FormulaCheck(XLSXWorkbook(path: input)).stale.map { "\($0.sheet)!\($0.cell)" })
            let newlyStale = try FormulaCheck(XLSXWorkbook(path: output.path)).stale.filter {
                !staleBefore.contains("\($0.sheet)!\($0.cell)")
            }
            #expect(
                newlyStale.isEmpty,
                "\(name): \(newlyStale.prefix(5).map { "\($0.sheet)!\($0.cell) \($0.formula): cached \($0.cached), gives \($0.evaluated)" })"
            )
        }
        #expect(declinedUnderTotals > 0)
    }
}
