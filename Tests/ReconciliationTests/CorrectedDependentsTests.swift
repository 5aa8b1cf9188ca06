import Commission
import Correction
import Foundation
import Ingest
import PlanFile
import Recalculation
import Reconciliation
import Spreadsheet
import TestSupport
import Testing
import XLSX

/// The corrected workbook as a reader of cached values sees it (openpyxl's `data_only=True`,
/// pandas): every formula that reads a corrected cell caches what it gives over the corrected
/// cells, and the workbook's own summary totals are the engine's.
@Suite struct CorrectedDependentsTests {
    @Test func dependentTotalsCacheTheirCorrectedValues() throws {
        for name in ScenarioReconciliationTests.cases { _ = try check(name, decliningTotals: false) }
    }

    /// The same with every derived total's own correction declined (removed from the findings, as
    /// a reviewer may): only the rows are corrected, so the summary's totals are right only if
    /// their formulas are recalculated over the corrected rows.
    @Test func totalsFollowTheCorrectedRowsWithoutCorrectionsOfTheirOwn() throws {
        var recalculated = 0
        for name in ScenarioReconciliationTests.cases { recalculated += try check(name, decliningTotals: true) }
        #expect(recalculated > 0)
    }

    /// Corrects scenario `name` and checks it; returns how many formulas were recalculated.
    func check(_ name: String, decliningTotals: Bool) throws -> Int {
        let (input, plan, entries) = try ScenarioReconciliationTests.inputs(name)
        let result = try Reconciler.reconcile(workbook: input, plan: plan, roster: entries, pins: plan.columns)
        let output = Scratch.folder.appendingPathComponent("trueup-dependents-\(UUID()).xlsx")
        defer { try? FileManager.default.removeItem(at: output) }
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        let handle = try FileHandle(forWritingTo: output)
        var correction = CorrectionInput(result)
        if decliningTotals { correction.findings.removeAll { $0.isDerived && !$0.precedents.isEmpty } }
        let outcome = try CorrectedWorkbook.write(source: input, input: correction, to: handle)
        try handle.close()

        // Each formula against the cached values of the cells it reads, as the file holds them:
        // a formula whose cached value is not what it gives is stale. The correction may leave
        // stale only what was already stale and reads no corrected cell.
        let staleBefore = Set(try FormulaCheck(XLSXWorkbook(path: input)).stale.map { "\($0.sheet)!\($0.cell)" })
        let staleAfter = try FormulaCheck(XLSXWorkbook(path: output.path)).stale
        // A corrected total keeps the engine's figure, which may differ from its formula over the
        // rows by less than the plan's tolerance (rows within it are not corrected).
        let newlyStale = staleAfter.filter { stale in
            guard !staleBefore.contains("\(stale.sheet)!\(stale.cell)") else { return false }
            if case .number(let cached) = stale.cached, case .number(let evaluated) = stale.evaluated {
                return abs(cached - evaluated) > plan.tolerance
            }
            return true
        }
        #expect(
            newlyStale.isEmpty,
            "\(newlyStale.prefix(5).map { "\($0.sheet)!\($0.cell) \($0.formula): cached \($0.cached), gives \($0.evaluated)" })"
        )
        #expect(outcome.notRecalculated == 0, "\(name)")

        // The workbook's own summary totals, read back as cached values, are the engine's figures:
        // what the added Payroll sheet pays.
        let again = try Reconciler.reconcile(
            workbook: output.path, plan: plan, roster: entries, pins: plan.columns)
        for (key, total) in again.sheetTotals {
            #expect(
                abs(total.manual - total.expected) <= plan.tolerance,
                "\(name) \(key.rep) \(key.period): the sheet's total \(total.manual), the engine's \(total.expected)")
        }
        print(
            "dependents \(name)\(decliningTotals ? " (totals declined)" : ""): \(outcome.correctedCells) corrected, \(outcome.recalculatedCells) recalculated, "
                + "\(outcome.notRecalculated) not evaluable, \(again.sheetTotals.count) summary totals agree")
        return outcome.recalculatedCells
    }
}
