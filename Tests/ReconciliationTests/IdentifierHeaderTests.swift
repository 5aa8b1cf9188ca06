import Foundation
import Ingest
import Spreadsheet
import Testing
import XLSX

/// `ID` or a number's word beside a sale's, a closing's or a commission's name (`Sales ID`,
/// `Abschluss-ID`, `Sales No.`, `ID Venta`) is the deal id where no header names it otherwise; beside
/// a thing with an identifier of its own (`Rep ID`, `Customer No.`, `Product ID`) it is not.
@Suite struct IdentifierHeaderTests {
    /// The deals' headers read from a sheet headed `first`, then a rep, a date, an amount and a
    /// commission, over two deals; nil when no column is taken for the deal id.
    static func dealIDHeader(_ first: String) throws -> String? {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let header = [first, "Vertriebsmitarbeiter", "Abschlussdatum", "Betrag", "Provision"]
        let rows: [[WriteCell]] = [
            [.text("D-7"), .text("Ana Lima"), LayoutReadingTests.date("2026-01-15"), .number(10000), .number(500)],
            [.text("D-9"), .text("Ana Lima"), LayoutReadingTests.date("2026-02-15"), .number(2000), .number(100)],
        ]
        let path = try LayoutReadingTests.workbook([("Deals", [header.map { .text($0) }] + rows)], in: folder)
        do {
            let read = try DealsReader.readWorkbook(TableFile.open(path), knownReps: ["Ana Lima"])
            #expect(read.lines.map(\.dealID) == ["D-7", "D-9"])
            return read.mapping.headers[.dealID]
        } catch {
            return nil
        }
    }

    @Test(arguments: [
        "Abschluss-ID", "ID Abschluss", "Sales ID", "Sales No.", "Sales #", "Umsatz-ID", "ID Venta", "Booking No",
        "Commission ID", "Oportunidad ID", "Sale #", "SO Number", "Ref #", "Booking Ref",
    ])
    func anIdentifierOfASaleIsTheDealID(header: String) throws {
        #expect(try Self.dealIDHeader(header) == header)
    }

    @Test(arguments: ["Rep ID", "Customer No", "Product ID", "Month No"])
    func anIdentifierOfAnotherThingIsNot(header: String) throws {
        #expect(try Self.dealIDHeader(header) == nil)
    }

    /// A row counter under `Sales No.` (1, 2, …) counts the rows: no id.
    @Test func aRowCounterIsNoDealID() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let header: [WriteCell] = ["Sales No.", "Rep", "Date", "Amount", "Commission"].map { .text($0) }
        let rows: [[WriteCell]] = (1...4).map { (number: Int) -> [WriteCell] in
            let date = LayoutReadingTests.date("2026-0\(number)-15")
            let amount = Decimal(1000 * number)
            return [.number(Decimal(number)), .text("Ana Lima"), date, .number(amount), .number(amount / 20)]
        }
        let path = try LayoutReadingTests.workbook([("Deals", [header] + rows)], in: folder)
        #expect(throws: (any Error).self) {
            try DealsReader.readWorkbook(TableFile.open(path), knownReps: ["Ana Lima"])
        }
    }
}
