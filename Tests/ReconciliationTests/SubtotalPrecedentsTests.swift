import Commission
import Foundation
import Ingest
import PlanFile
import TestSupport
import Testing

@testable import Reconciliation

/// A deals sheet with a `Subtotal` row after every 30 deals (their reps mixed, the rep cell of
/// the subtotal blank) and a Summary adding up each rep with SUMIFS over the whole column
/// (`scripts/bench/generate_manual.py ROWS DIR subtotals`): each rep's total stands over its own
/// wrong rows, not over every wrong subtotal its SUMIFS reaches in the column (which it does not
/// add), and the headline counts each wrong row once.
@Suite struct SubtotalPrecedentsTests {
    @Test func aRepsSumifsStandsOverItsOwnRowsNotEverySubtotal() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = LayoutReconciliationTests.root.appendingPathComponent("scripts/bench/generate_manual.py")
        #expect(try PythonScript.run([script.path, "6000", folder.path, "subtotals"], quiet: true) == 0)
        let directory = folder.appendingPathComponent("subtotals-6000")
        let plan = try PlanFile.load(path: directory.appendingPathComponent("plan.yaml").path)
        let roster = try RosterReader.read(TableFile.open(directory.appendingPathComponent("roster.csv").path))
        let result = try Reconciler.reconcile(
            workbook: directory.appendingPathComponent("manual.xlsx").path, plan: plan, roster: roster)
        let byPlace = Dictionary(
            result.findings.map { (CellPlace(sheet: $0.sheet, cell: $0.cell), $0) }, uniquingKeysWith: { a, _ in a })
        let rows = result.findings.filter { $0.isError && !$0.isDerived && $0.sheet != "Summary" && $0.rep != nil }
        #expect(rows.count > 20)
        let summary = result.findings.filter { $0.sheet == "Summary" && $0.isError && $0.rep != nil }
        #expect(!summary.isEmpty)
        for total in summary {
            // Every wrong cell beneath the total, through the subtotals it names, is of its rep.
            var pending = total.precedents
            var seen = Set<CellPlace>()
            while let place = pending.popLast() {
                guard seen.insert(place).inserted, let finding = byPlace[place] else { continue }
                if let rep = finding.rep {
                    #expect(rep == total.rep, "\(total.cell) stands over \(place), a row of \(rep)")
                }
                pending += finding.precedents
            }
            let own = rows.filter { $0.rep == total.rep && $0.period == total.period }
            #expect(total.precedents.count <= 2 * own.count + 1, "\(total.cell): \(total.precedents.count) cells")
        }
        // Each wrong row counted once: the headline is the rows' differences (the subtotals'
        // own rounding aside).
        let differences = rows.reduce(Decimal(0)) { $0 + $1.difference }
        #expect(abs(result.netOverpayment - differences) <= Decimal(rows.count) * plan.tolerance)
    }
}
