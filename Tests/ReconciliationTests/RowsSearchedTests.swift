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
/// sheet afterwards finds; rows asked short of those searched are not taken, nor held for more
/// sheets than the limit.
@Suite struct RowsSearchedTests {
    @Test func rowsReadBeforeFindTheBlocksRowsReadAfter() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Totals beside the deals (`Rep | Commission total`), as `RepTotalsBlockTests` has them.
        let header = ["Deal ID", "Rep", "Close Date", "Amount", "Rate", "Commission", "", "Rep", "Commission total"]
        let beside: [[WriteCell]] = [
            [.empty, .text("Ana Lima"), RepTotalsBlockTests.money("800")],
            [.empty, .text("Ben Okafor"), CauseTests.formula("500", "SUMIF(B$2:B$4,H3,F$2:F$4)")],
        ]
        let rows =
            [header.map { $0.isEmpty ? .empty : .text($0) }] + RepTotalsBlockTests.dealRows(from: 2, beside: beside)
        let path = try LayoutReadingTests.workbook([("Deals", rows)], in: folder)
        let rosterPath = folder.appendingPathComponent("roster.csv").path
        try LayoutReadingTests.roster.write(toFile: rosterPath, atomically: true, encoding: .utf8)
        let roster = try RosterReader.read(TableFile.open(rosterPath))
        let plan = try PlanFile.parse(CauseTests.planText, file: "plan.yaml")
        let file = try TableFile.open(path)
        let deals = try HandKeptWorkbook.read(file, plan: plan, roster: roster).deals

        let held = try RepTotalsBlock.rowsSearched(of: deals, in: file)
        #expect(held.keys.sorted() == ["Deals"])
        #expect(held["Deals"]?.asked == 201)
        #expect(held["Deals"]?.rows.map(\.index) == [1, 2, 3, 4])
        func blocks(_ read: [String: (asked: Int, rows: [Row])]) throws -> [String] {
            try RepTotalsBlock.besideOrAbove(in: file, deals: deals, roster: roster, plan: plan, searchedRows: read).map
            {
                "\($0.name) header \($0.headerRow) rows \($0.rows.map(\.row))"
            }
        }
        let fromFile = try blocks([:])
        #expect(fromFile == ["Deals header 1 rows [2, 3]"])
        #expect(try blocks(held) == fromFile)
        // Rows asked short of those searched: the sheet is read.
        #expect(try blocks(["Deals": (asked: 2, rows: Array(held["Deals"]!.rows.prefix(2)))]) == fromFile)
        #expect(try RepTotalsBlock.rowsSearched(of: deals, in: file, sheetsHeld: 0).isEmpty)
    }
}
