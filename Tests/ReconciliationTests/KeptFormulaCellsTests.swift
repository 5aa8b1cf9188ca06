import Commission
import Foundation
import Ingest
import PlanFile
import Spreadsheet
import Testing
import XLSX

@testable import Reconciliation

/// What the reading keeps of the workbook's cells for the stages after it: the columns a rate
/// formula that reads beyond its own row reads (a rate looked up in a table), not the deal IDs
/// no formula reads, nor the columns only a summary's SUMIFS or a row's own formula read.
@Suite struct KeptFormulaCellsTests {
    @Test func onlyTheCellsARateLookupReadsAreKeptAndTheFindingsStand() throws {
        let rates: [[WriteCell]] = [
            [.text("Tier"), .text("Rate")], [.text("Small"), .number(Decimal(string: "0.05")!)],
            [.text("Large"), .number(Decimal(string: "0.075")!)],
        ]
        let lookup = { (row: Int) in "VLOOKUP(E\(row),Rates!$A$2:$B$3,2,FALSE)" }
        let deals: [[WriteCell]] =
            [LookupAndIdentityTests.header]
            + [(2, 10000, "Small", "0.05"), (3, 30000, "Large", "0.075"), (4, 12000, "Small", "0.05")].map {
                LookupAndIdentityTests.row($0.0, amount: $0.1, tier: $0.2, rate: lookup($0.0), cached: $0.3)
            }
        let summary: [[WriteCell]] = [
            [.text("Rep"), .text("Commission")],
            [.text("Ana Lima"), CauseTests.formula("3350", "SUMIFS(Deals!$G$2:$G$4,Deals!$B$2:$B$4,A2)")],
        ]
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try LayoutReadingTests.workbook(
            [("Deals", deals), ("Rates", rates), ("Summary", summary)], in: folder)
        let plan = try PlanFile.parse(LookupAndIdentityTests.plan, file: "plan.yaml")
        let rosterPath = folder.appendingPathComponent("roster.csv").path
        try "id,name\nR1,Ana Lima\n".write(toFile: rosterPath, atomically: true, encoding: .utf8)
        let roster = try RosterReader.read(TableFile.open(rosterPath))
        let read = try HandKeptWorkbook.read(TableFile.open(path), plan: plan, roster: roster)
        let workbook = try #require(read.formulas.workbook)
        let (dealsSheet, ratesSheet) = (
            try #require(workbook.sheet(named: "Deals")), try #require(workbook.sheet(named: "Rates"))
        )
        let kept = { (sheet: Int, column: Int) in
            (2...4).contains { workbook.sheets[sheet][$0, column] != .blank }
        }
        // The tier the lookups read, and the table: kept.
        #expect(kept(dealsSheet, 5) && kept(ratesSheet, 1) && kept(ratesSheet, 2))
        // The deal IDs, reps, dates, amounts, rates and commissions: let go (the SUMIFS read the
        // reps and commissions, the commissions' formulas the amounts and rates of their own row).
        #expect([1, 2, 3, 4, 6, 7].allSatisfy { !kept(dealsSheet, $0) })
        // Every formula stays, for the commission formulas' texts and the totals' precedents.
        #expect(workbook.formulas.count == 7)
        #expect(workbook.sheets[dealsSheet].maxRow == 4 && workbook.sheets[dealsSheet].maxColumn == 7)
        // The rate table's cell is still traced from the rows that look it up.
        let result = try Reconciler.reconcile(read, plan: plan, roster: roster)
        let table = try #require(result.errors.first { $0.sheet == "Rates" })
        #expect(table.cell == CellAddress("B3") && table.cause == .wrongRate)
        #expect(table.lookedUpBy == ["Deals|G3"])
    }
}
