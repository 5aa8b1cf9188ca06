import Foundation
import Spreadsheet
import Testing
import XLSX

@testable import Ingest

/// A header typed across two rows, each column's words one over the other (`Deal` over `ID`,
/// `Close` over `Date`), read as one where the upper row alone cannot be read and the two name
/// more fields than the lower alone.
@Suite struct StackedHeaderTests {
    /// A Deals sheet under the two header rows, two deals (D2's commission wrong, at F4), given to
    /// `body` with the path of its workbook.
    static func deals(_ upper: [String], _ lower: [String], _ body: (String, URL) throws -> Void) throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        func row(_ deal: String, _ rep: String, _ amount: Decimal, _ commission: Decimal) -> [WriteCell] {
            [
                .text(deal), LayoutReadingTests.date("2026-01-15"), .text(rep), .number(amount),
                .number(Decimal(string: "0.05")!), .number(commission),
            ]
        }
        let rows: [[WriteCell]] = [
            upper.map { $0.isEmpty ? .empty : .text($0) }, lower.map { $0.isEmpty ? .empty : .text($0) },
            row("D1", "Ana Lima", 10000, 500), row("D2", "Ben Okafor", 20000, 1100),
        ]
        try body(LayoutReadingTests.workbook([("Deals", rows)], in: folder), folder)
    }

    static func read(_ path: String) throws -> DealsTable {
        try DealsReader.readWorkbook(TableFile.open(path), knownReps: ["Ana Lima", "Ben Okafor"])
    }

    /// The upper row names no rep (the lower alone would read `Amount` as the deal's amount), or
    /// names the deal id twice (`Deal` over `ID` and over `Value`).
    @Test(arguments: [
        (["Deal", "Close", "Sales", "Deal", "Comm.", "Commission"], ["ID", "Date", "Rep", "Value", "Rate", "Amount"]),
        (["Deal", "Close", "Rep", "Deal", "Comm.", "Commission"], ["ID", "Date", "Name", "Value", "Rate", "Amount"]),
    ])
    func wordsOverWordsAreOneHeader(upper: [String], lower: [String]) throws {
        try Self.deals(upper, lower) { path, folder in
            let read = try Self.read(path)
            #expect(read.mapping.headerRow == 2)
            #expect(read.mapping.headers[.dealID] == "Deal ID")
            #expect(read.mapping.headers[.amount] == "Deal Value")
            #expect(read.mapping.headers[.rate] == "Comm. Rate")
            #expect(read.mapping.headers[.commission] == "Commission Amount")
            #expect(read.lines.map(\.dealID) == ["D1", "D2"])
            let result = try LayoutReadingTests.reconcile(path, in: folder)
            #expect(result.errors.map { "\($0.cell)" } == ["F4"])
        }
    }

    /// A row above that names the fields alone is the header, whatever is under it.
    @Test func aHeaderThatReadsAloneStaysAlone() throws {
        try Self.deals(
            ["Deal ID", "Close Date", "Rep", "Amount", "Rate", "Commission"], ["", "", "", "USD", "%", "USD"]
        ) { path, _ in
            let read = try Self.read(path)
            #expect(read.mapping.headerRow == 1)
            #expect(read.mapping.headers[.commission] == "Commission")
        }
    }

    /// Rows that name a field twice over however they are read stay refused.
    @Test func twoRowsThatStillNameAFieldTwiceAreRefused() throws {
        try Self.deals(
            ["Deal", "Close", "Sales", "Deal", "Comm.", "Commission"], ["ID", "Date", "Rep", "ID", "Rate", "Amount"]
        ) { path, _ in
            #expect(throws: (any Error).self) { try Self.read(path) }
        }
    }
}
