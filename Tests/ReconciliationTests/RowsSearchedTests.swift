import Commission
import Foundation
import Ingest
import PlanFile
import Spreadsheet
import Testing
import XLSX

@testable import Reconciliation

/// The rows searched for per-rep totals beside or above the deals, read while the workbook's
/// shared strings are held (`RepTotalsBlock.rowsSearched`), find the blocks that reading the
/// sheet afterwards finds; rows asked short of those searched are not taken, nor held past the
/// cells' limit.
@Suite struct RowsSearchedTests {
    /// A workbook of deals sheets named `sheets`, each with totals beside its deals (`Rep |
    /// Commission total`, as `RepTotalsBlockTests` has them), read as the reconciler reads it.
    struct Read {
        let file: TableFile
        let roster: [RosterEntry]
        let plan: Plan
        let deals: DealsTable

        init(sheets: [String], in folder: URL) throws {
            let header = [
                "Deal ID", "Rep", "Close Date", "Amount", "Rate", "Commission", "", "Rep", "Commission total",
            ]
            let beside: [[WriteCell]] = [
                [.empty, .text("Ana Lima"), RepTotalsBlockTests.money("800")],
                [.empty, .text("Ben Okafor"), CauseTests.formula("500", "SUMIF(B$2:B$4,H3,F$2:F$4)")],
            ]
            let rows =
                [header.map { $0.isEmpty ? .empty : .text($0) }]
                + RepTotalsBlockTests.dealRows(from: 2, beside: beside)
            let path = try LayoutReadingTests.workbook(sheets.map { ($0, rows) }, in: folder)
            let rosterPath = folder.appendingPathComponent("roster.csv").path
            try LayoutReadingTests.roster.write(toFile: rosterPath, atomically: true, encoding: .utf8)
            roster = try RosterReader.read(TableFile.open(rosterPath))
            plan = try PlanFile.parse(CauseTests.planText, file: "plan.yaml")
            file = try TableFile.open(path)
            deals = try HandKeptWorkbook.read(file, plan: plan, roster: roster).deals
        }

        /// The blocks `besideOrAbove` finds with `read` (rows held), each as its sheet, header and rows.
        func blocks(_ read: [String: (asked: Int, rows: [Row])]) throws -> [String] {
            try RepTotalsBlock.besideOrAbove(in: file, deals: deals, roster: roster, plan: plan, searchedRows: read).map
            {
                "\($0.name) header \($0.headerRow) rows \($0.rows.map(\.row))"
            }
        }
    }

    @Test func rowsReadBeforeFindTheBlocksRowsReadAfter() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let read = try Read(sheets: ["Deals"], in: folder)

        let held = try RepTotalsBlock.rowsSearched(of: read.deals, in: read.file)
        #expect(held.keys.sorted() == ["Deals"])
        #expect(held["Deals"]?.asked == 201)
        #expect(held["Deals"]?.rows.map(\.index) == [1, 2, 3, 4])
        let fromFile = try read.blocks([:])
        #expect(fromFile == ["Deals header 1 rows [2, 3]"])
        #expect(try read.blocks(held) == fromFile)
        // Rows asked short of those searched: the sheet is read.
        #expect(try read.blocks(["Deals": (asked: 2, rows: Array(held["Deals"]!.rows.prefix(2)))]) == fromFile)
        #expect(try RepTotalsBlock.rowsSearched(of: read.deals, in: read.file, cellsHeld: 0).isEmpty)
    }

    /// Past `cellsHeld`, the sheets are not held but left to `besideOrAbove` to read, in the
    /// deals' order: the first sheet's rows held, the second's read again, the blocks the same.
    @Test func sheetsPastTheCellsHeldAreReadAgain() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let read = try Read(sheets: ["Q1", "Q2"], in: folder)

        let all = try RepTotalsBlock.rowsSearched(of: read.deals, in: read.file)
        #expect(all.keys.sorted() == ["Q1", "Q2"])
        let firstCells = all["Q1"]?.rows.reduce(0) { $0 + $1.cells.count } ?? 0
        let some = try RepTotalsBlock.rowsSearched(of: read.deals, in: read.file, cellsHeld: firstCells)
        #expect(some.keys.sorted() == ["Q1"])
        let fromFile = try read.blocks([:])
        #expect(fromFile == ["Q1 header 1 rows [2, 3]", "Q2 header 1 rows [2, 3]"])
        #expect(try read.blocks(some) == fromFile)
        #expect(try read.blocks(all) == fromFile)
    }
}
