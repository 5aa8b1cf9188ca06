import Foundation
import Ingest
import PlanFile
import Spreadsheet
import TestSupport
import Testing
import XLSX

@testable import Reconciliation

/// The formula check runs beside the reconciliation only where what it finds cannot change how
/// the deal rows read; what it finds is reported the same either way.
@Suite struct FormulaCheckBesideTests {
    /// Reads the workbook of `rows` on one sheet, and reconciles it.
    static func read(_ rows: [[WriteCell]], checkingBeside: Bool = true) throws -> (
        beside: Bool, result: Reconciliation
    ) {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try LayoutReadingTests.workbook([("Sep", rows)], in: folder)
        let plan = try PlanFile.parse(HeldOutWorkbookTests.plan(rate: "5%"), file: "plan.yaml")
        let read = try HandKeptWorkbook.read(
            TableFile.open(path), plan: plan, roster: [], checkingFormulasBeside: checkingBeside)
        let beside = read.formulas.isCheckingBeside
        return (beside, try Reconciler.reconcile(read, plan: plan, roster: []))
    }

    @Test func aStaleCommissionIsFoundByTheCheckRunBeside() throws {
        var rows = HeldOutWorkbookTests.staleACVRows()
        // The amounts as numbers; row 2's commission caches 1,400.00 where its formula gives 1,501.27.
        rows[1][4] = HeldOutWorkbookTests.number("30025.44")
        rows[2][4] = HeldOutWorkbookTests.number("12000")
        rows[1][6] = CauseTests.formula("1400", "ROUND(E2*F2,2)")
        for checkingBeside in [true, false] {
            // A workbook held before it is reconciled (several read ahead) is checked with its read.
            let (beside, result) = try Self.read(rows, checkingBeside: checkingBeside)
            #expect(beside == checkingBeside)
            let finding = try #require(result.errors.count == 1 ? result.errors.first : nil)
            #expect(finding.cell == CellAddress("G2"))
            #expect(finding.causes.contains(.staleValue))
            #expect(finding.difference == Decimal(string: "-101.27"))
        }
    }

    @Test func theCheckLeftBesideFindsTheSameBegunOrNot() throws {
        var rows = HeldOutWorkbookTests.staleACVRows()
        rows[1][4] = HeldOutWorkbookTests.number("30025.44")
        rows[2][4] = HeldOutWorkbookTests.number("12000")
        rows[1][6] = CauseTests.formula("1400", "ROUND(E2*F2,2)")
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try LayoutReadingTests.workbook([("Sep", rows)], in: folder)
        let plan = try PlanFile.parse(HeldOutWorkbookTests.plan(rate: "5%"), file: "plan.yaml")
        // Begun on another thread (as the reconciler does, before the rows' findings), or run in
        // place by `settle()` when no one began it.
        for begun in [true, false] {
            var formulas = try HandKeptWorkbook.read(TableFile.open(path), plan: plan, roster: []).formulas
            #expect(formulas.isCheckingBeside)
            if begun { formulas.beginCheckBeside() }
            #expect(formulas.isCheckRunningBeside == begun)
            formulas.settle()
            #expect(!formulas.isCheckingBeside)
            #expect(formulas.staleCells.map(\.cell) == [CellAddress("G2")])
        }
    }

    @Test func aFormulaInAnInputColumnIsCheckedBeforeTheDealsAreRead() throws {
        // E2's =ROUND(D2*12,2) is stale: the row is read again with what it gives.
        let (beside, result) = try Self.read(HeldOutWorkbookTests.staleACVRows())
        #expect(!beside)
        #expect(result.errors.contains { $0.cell == CellAddress("E2") && $0.cause == .staleValue })
    }

    @Test func aFormulaWithoutACachedValueIsCheckedBeforeTheDealsAreRead() throws {
        var rows = HeldOutWorkbookTests.staleACVRows()
        rows[1][4] = HeldOutWorkbookTests.number("30025.44")
        rows[2][4] = HeldOutWorkbookTests.number("12000")
        rows[1][6] = WriteCell(.empty, formula: "ROUND(E2*F2,2)")
        let (beside, result) = try Self.read(rows)
        #expect(!beside)
        #expect(result.mappingNotes.contains { $0.hasPrefix("formulas without a cached value: 1 evaluated") })
    }
}
