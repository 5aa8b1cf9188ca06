import Commission
import Correction
import Foundation
import Ingest
import PlanFile
import Reconciliation
import Spreadsheet
import TestSupport
import Testing
import XLSX
import ZIP

/// The corrected workbook of every scenario: it reconciles clean, and every part the
/// correction did not patch is byte-identical to the input's.
@Suite struct CorrectedWorkbookTests {
    @Test(arguments: ScenarioReconciliationTests.cases)
    func correctedWorkbookReconcilesCleanAndKeepsUntouchedParts(_ name: String) throws {
        let (input, plan, entries) = try ScenarioReconciliationTests.inputs(name)
        let result = try Reconciler.reconcile(workbook: input, plan: plan, roster: entries, pins: plan.columns)

        let output = Scratch.folder.appendingPathComponent("trueup-corrected-\(UUID()).xlsx")
        defer { try? FileManager.default.removeItem(at: output) }
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
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

/// The corrected sample: its Summary sheet says, per rep, what the workbook's own summary paid.
@Suite struct CorrectedSampleTests {
    @Test func addedSummaryAgreesWithTheWorkbooksOwnTotals() throws {
        let path = SampleReconciliationTests.path
        let plan = try PlanFile.load(path: path("q3-plan.yaml"))
        let roster = try RosterReader.read(TableFile.open(path("roster.csv")))
        let result = try Reconciler.reconcile(
            workbook: path("q3-commissions.xlsx"), plan: plan, roster: roster, source: path("crm-deals.csv"))
        let output = Scratch.folder.appendingPathComponent("trueup-sample-\(UUID()).xlsx")
        defer { try? FileManager.default.removeItem(at: output) }
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        let handle = try FileHandle(forWritingTo: output)
        _ = try CorrectedWorkbook.write(source: path("q3-commissions.xlsx"), reconciliation: result, to: handle)
        try handle.close()

        func rows(_ file: String, _ sheet: String) throws -> [[CellValue]] {
            let workbook = try XLSXWorkbook(path: file)
            var rows: [[CellValue]] = []
            try workbook.readRows(of: try #require(workbook.sheet(named: sheet))) { row in
                rows.append((1...7).map { row.cell(at: $0)?.value ?? .empty })
            }
            return rows
        }
        // The sample's own summary: Rep (name), Period, Deals, Commission as the sheet computed it.
        var paid: [String: CellValue] = [:]
        for row in try rows(path("q3-commissions.xlsx"), "Summary").dropFirst() { paid[row[0].plainText] = row[3] }
        let added = try rows(output.path, "Summary (2)")
        #expect(
            added.first?.map(\.plainText) == ["Rep", "Name", "Period", "Manual", "Correct", "Difference", "Status"])
        #expect(added.count == paid.count + 1)
        for row in added.dropFirst() {
            #expect(
                row[3] == paid[row[1].plainText],
                "\(row[1].plainText): \(row[3]) vs \(String(describing: paid[row[1].plainText]))")
        }
    }
}
