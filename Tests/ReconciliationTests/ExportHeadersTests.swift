import Commission
import Foundation
import Ingest
import Spreadsheet
import Testing
import XLSX

/// Headers as CRM and ERP exports write them: a NetSuite saved search's joined fields
/// (`Sales Rep : Name`).
@Suite struct ExportHeadersTests {
    static func read(_ header: [String], _ rows: [[WriteCell]], currency: String? = nil) throws -> DealsTable {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let book = try LayoutReadingTests.workbook([("Deals", [header.map { .text($0) }] + rows)], in: folder)
        return try DealsReader.read(TableFile.open(book), currency: currency)
    }

    /// A joined field is read by the field's name (`Contribution %`, `Product Family`), or by the
    /// record's where the field is its name (`Sales Rep : Name`); a header whose parts name no field
    /// (`Customer : Company Name` aside) changes nothing.
    @Test func joinedHeadersAreReadByTheFieldTheyName() throws {
        let table = try Self.read(
            [
                "Document Number", "Date", "Sales Rep : Name", "Customer : Category", "Item : Product Family",
                "Amount", "Sales Team : Contribution %",
            ],
            [
                [
                    .text("SO1"), .text("2026-03-15"), .text("Ana Lima"), .text("Retail"), .text("Platform"),
                    .number(1000), .number(Decimal(string: "0.5")!),
                ]
            ])
        #expect(table.mapping.headers[.rep] == "Sales Rep : Name")
        #expect(table.mapping.headers[.split] == "Sales Team : Contribution %")
        #expect(table.mapping.headers[.product] == "Item : Product Family")
        #expect(table.lines.map(\.split) == [Decimal(string: "0.5")!])
    }
}
