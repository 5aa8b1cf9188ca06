import Commission
import Correction
import Foundation
import Ingest
import PlanFile
import Reconciliation
import Testing
import ZIP

/// The corrected workbook of every scenario: it reconciles clean, and every part the
/// correction did not patch is byte-identical to the input's.
@Suite struct CorrectedWorkbookTests {
    @Test(arguments: ScenarioReconciliationTests.cases)
    func correctedWorkbookReconcilesCleanAndKeepsUntouchedParts(_ name: String) throws {
        let directory = ScenarioReconciliationTests.folder.appendingPathComponent(name)
        let input = directory.appendingPathComponent("manual.xlsx").path
        let plan = try PlanFile.load(path: directory.appendingPathComponent("plan.yaml").path)
        let roster = directory.appendingPathComponent("roster.csv").path
        let entries =
            FileManager.default.fileExists(atPath: roster) ? try RosterReader.read(TableFile.open(roster)) : []
        let result = try Reconciler.reconcile(workbook: input, plan: plan, roster: entries, pins: plan.columns)

        let output = FileManager.default.temporaryDirectory.appendingPathComponent("trueup-corrected-\(UUID()).xlsx")
        defer { try? FileManager.default.removeItem(at: output) }
        FileManager.default.createFile(atPath: output.path, contents: nil)
        let handle = try FileHandle(forWritingTo: output)
        let outcome = try CorrectedWorkbook.write(source: input, reconciliation: result, to: handle)
        try handle.close()

        let again = try Reconciler.reconcile(workbook: output.path, plan: plan, roster: entries, pins: plan.columns)
        #expect(again.errors.isEmpty, "\(again.errors.prefix(3))")
        let wrongPayCells = Set(result.errors.filter(\.isPay).map { "\($0.sheet)!\($0.cell)" })
        #expect(outcome.correctedCells == wrongPayCells.count)

        let before = try ZipArchive(path: input)
        let after = try ZipArchive(path: output.path)
        var identical = 0
        for entry in before.entries where !outcome.partsPatched.contains(entry.name) {
            let copy = try #require(after.entry(named: entry.name), "\(entry.name) is missing from the output")
            #expect(try after.data(of: copy) == before.data(of: entry), "\(entry.name) changed")
            identical += 1
        }
        #expect(identical == outcome.partsCopied)
        for part in outcome.partsPatched { #expect(after.entry(named: part) != nil, "\(part) is missing") }
        if outcome.correctedCells > 0 {
            #expect(!outcome.partsAdded.isEmpty && outcome.notesSkipped.isEmpty, "notes: \(outcome.partsAdded)")
        }
        print(
            "corrected \(name): \(outcome.correctedCells) cells corrected, \(before.entries.count) parts compared, "
                + "\(identical) byte-identical, \(outcome.partsPatched.count) patched, "
                + "\(outcome.addedSheets.count) sheets added; reconciles with \(again.errors.count) errors")
    }
}
