import Correction
import Foundation
import PlanFile
import Reconciliation
import Spreadsheet
import Testing
import XLSX

/// A formula saved with a stale value, corrected: it takes what it gives over the corrected cells.
@Suite struct CorrectedStaleTotalTests {
    static let money = SummaryLayoutTests.money
    static let sum = SummaryTotalsTests.sum

    /// A total saved with a stale value over a row that is corrected takes what its formula
    /// gives once the row is corrected, not what it gave before: the corrected workbook is clean.
    @Test func aStaleTotalOverACorrectedRowTakesItsValueAfterTheCorrection() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var (name, deals) = SummaryLayoutTests.deals()
        deals[1][5] = Self.money("600")  // Ana's Q1 deal typed 600.00 among formulas: the plan pays 500.00.
        let summary: [[WriteCell]] =
            [["Rep", "Q1 2026", "Q2 2026"].map { .text($0) }]
            + [
                [.text("Ana Lima"), Self.sum("Deals!F2", "600"), Self.sum("Deals!F3", "1000")],
                [.text("Ben Okafor"), Self.sum("Deals!F4", "500"), .empty],
                // Saved with the plan's 1,000.00 where its formula gives 1,100.00 from the file.
                [.text("Total"), Self.sum("SUM(B2:B3)", "1000"), Self.sum("SUM(C2:C3)", "1000")],
            ]
        let path = try LayoutReadingTests.workbook([(name, deals), ("Summary", summary)], in: folder)
        let result = try LayoutReadingTests.reconcile(path, in: folder)
        #expect(result.errors.contains { "\($0.sheet)!\($0.cell)" == "Summary!B4" && $0.cause == .staleValue })
        let output = folder.appendingPathComponent("corrected.xlsx")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        let handle = try FileHandle(forWritingTo: output)
        _ = try CorrectedWorkbook.write(source: path, input: CorrectionInput(result), to: handle)
        try handle.close()
        let again = try LayoutReadingTests.reconcile(output.path, in: folder)
        #expect(again.errors.map { "\($0.sheet)!\($0.cell) \($0.cause.rawValue)" } == [])
    }

    /// A deal row's stale ACV keeps its formula and caches what it gives; the commission figured
    /// from the stale value takes the engine's: the corrected workbook is clean.
    @Test func aStaleInputKeepsItsFormulaAndCachesWhatItGives() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try LayoutReadingTests.workbook([("Sep", HeldOutWorkbookTests.staleACVRows())], in: folder)
        let plan = try PlanFile.parse(HeldOutWorkbookTests.plan(rate: "5%"), file: "plan.yaml")
        let result = try Reconciler.reconcile(workbook: path, plan: plan, roster: [])
        #expect(result.errors.map { "\($0.cell)" }.sorted() == ["E2", "G2"])
        let output = folder.appendingPathComponent("corrected.xlsx")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        let handle = try FileHandle(forWritingTo: output)
        let outcome = try CorrectedWorkbook.write(source: path, input: CorrectionInput(result), to: handle)
        try handle.close()
        #expect(outcome.correctedCells == 2)
        let again = try Reconciler.reconcile(workbook: output.path, plan: plan, roster: [])
        #expect(again.errors.map { "\($0.sheet)!\($0.cell) \($0.cause.rawValue)" } == [])
        let workbook = try XLSXWorkbook(path: output.path)
        var acv: Cell?
        try workbook.readRows(of: workbook.sheets[0]) { row in
            if row.index == 2 { acv = row.cells.first { $0.column == 5 } }
        }
        #expect(acv?.formula == "ROUND(D2*12,2)")
        #expect(acv?.value == .number(Decimal(string: "33025.44")!))
    }
}
