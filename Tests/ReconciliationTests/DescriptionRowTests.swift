import Foundation
import Spreadsheet
import Testing
import XLSX

@testable import Ingest

/// A row right under the header saying in words what each column holds, which holds no deal.
@Suite struct DescriptionRowTests {
    @Test func aRowDescribingTheColumnsIsNoDeal() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        func row(_ deal: String, _ rep: String, _ amount: Decimal, _ commission: Decimal) -> [WriteCell] {
            [
                .text(deal), .text(rep), LayoutReadingTests.date("2026-01-15"), .number(amount),
                .number(Decimal(string: "0.05")!), .number(commission),
            ]
        }
        let rows: [[WriteCell]] = [
            ["Deal ID", "Rep", "Close Date", "Amount", "Rate", "Commission"].map { .text($0) },
            [
                "CRM opportunity ID", "as on the roster", "MM/DD/YYYY – date won", "USD, net of discounts",
                "per the FY26 plan", "= Amount × Rate, rounded to cents",
            ].map { .text($0) },
            row("D1", "Ana Lima", 10000, 500), row("D2", "Ben Okafor", 20000, 1100),
        ]
        let path = try LayoutReadingTests.workbook([("Deals", rows)], in: folder)
        let read = try DealsReader.readWorkbook(TableFile.open(path), knownReps: ["Ana Lima", "Ben Okafor"])
        #expect(read.skipped.isEmpty)
        #expect(read.lines.map(\.dealID) == ["D1", "D2"])
        // Left out, but said: no row is left out in silence.
        #expect(read.diagnostics.contains { "\($0)".contains("row 2 describes the columns in words") })
        // The description row is no unreadable deal; D2's 1,100.00 is the one wrong figure.
        let result = try LayoutReadingTests.reconcile(path, in: folder)
        #expect(result.errors.map { "\($0.cell)" } == ["F4"])
    }

    @Test func aDealWithFiguresInWordsIsStillADeal() {
        let mapping = ColumnMapping<Field>(
            headerRow: 1, columns: [.dealID: 1, .rep: 2, .date: 3, .amount: 4, .commission: 5], headers: [:])
        func describes(_ texts: [String], index: Int = 2) -> Bool {
            let cells = texts.enumerated().map { Cell(column: $0.offset + 1, value: .text($0.element)) }
            return DescriptionRow.describes(Row(index: index, cells: cells), mapping: mapping)
        }
        #expect(describes(["deal id", "rep's name", "date won", "in USD", "amount × rate"]))
        // A date or figures with a digit, or a figure cell empty: a deal (a text file's cells
        // are all text).
        #expect(!describes(["D1", "Ana Lima", "2026-01-15", "n/a", "500.00"]))
        #expect(!describes(["D1", "Ana Lima", "2026-01-15", "TBD", "TBD"]))
        #expect(!describes(["D1", "Ana Lima", "2026-01-15", "USD 1,000", "in USD"]))
        #expect(!describes(["deal id", "rep's name", "date won", "in USD", ""]))
        // A deal not closed yet, its date and figures all in words: its id has a digit.
        #expect(!describes(["D-1001", "Ana Lima", "TBD", "TBD", "Pending"]))
        // Only the row right under the header.
        #expect(!describes(["deal id", "rep", "date won", "in USD", "amount × rate"], index: 3))
    }
}
