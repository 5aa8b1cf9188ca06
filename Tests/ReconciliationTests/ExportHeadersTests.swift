import Commission
import Foundation
import Ingest
import Spreadsheet
import Testing
import XLSX

/// Headers as CRM and ERP exports write them: a NetSuite saved search's joined fields
/// (`Sales Rep : Name`) and HubSpot's amount in the company's currency beside the deal's own.
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

    /// `Amount in company currency` is the amount under a plan in dollars where the rows show the
    /// company's currency is the plan's: on a row in dollars it is the deal's own `Amount`, on a
    /// row in euros it differs. Where no row says so, the deal's own `Amount` stays the amount read.
    @Test func anAmountInTheCompanysCurrencyIsReadWhereTheRowsShowItIsThePlans() throws {
        let header = ["Record ID", "Close Date", "Deal owner", "Amount", "Currency", "Amount in company currency"]
        let rows: [[WriteCell]] = [
            [.text("1"), .text("2026-03-15"), .text("Ana Lima"), .number(1000), .text("USD"), .number(1000)],
            [.text("2"), .text("2026-03-16"), .text("Ana Lima"), .number(2000), .text("EUR"), .number(2170)],
        ]
        let table = try Self.read(header, rows, currency: "USD")
        #expect(table.mapping.headers[.amount] == "Amount in company currency")
        #expect(table.lines.map(\.amount) == [1000, 2170])
        #expect(table.skipped.isEmpty)
        // Under a plan in euros the company's dollars are not the plan's: the deal's own amount.
        let euros = try Self.read(header, rows, currency: "EUR")
        #expect(euros.mapping.headers[.amount] == "Amount")
    }
}
