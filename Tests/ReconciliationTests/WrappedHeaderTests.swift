import Foundation
import Ingest
import Spreadsheet
import Testing
import XLSX

/// Headers wrapped across lines in their cell (`Close` over `Date`, `Bonus` over `(USD)`), as a
/// sheet with narrow columns writes them, and headers marked with a footnote (`Amount*`,
/// `Commission¹`, `Rate (2)`): each is the header on one line, without its mark.
@Suite struct WrappedHeaderTests {
    @Test func aHeaderWrappedAcrossLinesIsTheHeaderOnOneLine() throws {
        #expect(headerKey("Close\nDate") == headerKey("Close Date"))
        #expect(headerKey("Commission\r\n(USD)") == headerKey("Commission (USD)"))
        #expect(headerKey("Comisión\n(€)") == headerKey("Comisión (€)"))
    }

    @Test func aBonusWrappedOverItsCurrencyIsTheBonus() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let header = [
            "Deal\nID", "Sales\nRep", "Close\nDate", "Deal Value\n(USD)", "Commission\nRate",
            "Commission\n(USD)", "Bonus\n(USD)",
        ]
        let row: [WriteCell] = [
            .text("D1"), .text("Ana Lima"), LayoutReadingTests.date("2026-01-15"), .number(10000),
            .number(Decimal(string: "0.05")!), .number(500), .number(100),
        ]
        let path = try LayoutReadingTests.workbook([("Deals", [header.map { .text($0) }, row])], in: folder)
        let read = try DealsReader.readWorkbook(TableFile.open(path), knownReps: ["Ana Lima"])
        #expect(read.lines.map(\.dealID) == ["D1"])
        #expect(read.mapping.headers[.bonus] == "Bonus\n(USD)")
        #expect(read.mapping.headers[.commission] == "Commission\n(USD)")
        #expect(read.mapping.headers[.date] == "Close\nDate")
    }

    @Test func aFootnotesMarkIsNoPartOfAHeader() throws {
        #expect(headerKey("Amount*") == headerKey("Amount"))
        #expect(headerKey("Commission¹") == headerKey("Commission"))
        #expect(headerKey("Close Date†") == headerKey("Close Date"))
        #expect(headerKey("Rate (2)") == headerKey("Rate"))
        #expect(headerKey("Split (%)") != headerKey("Split"))
        #expect(headerKey("Q3 (2026)") != headerKey("Q3"))
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let header = ["Deal ID", "Sales Rep†", "Close Date (1)", "Deal Value¹", "Rate*", "Commission²", "Notes"]
        let row: [WriteCell] = [
            .text("D1"), .text("Ana Lima"), LayoutReadingTests.date("2026-01-15"), .number(10000),
            .number(Decimal(string: "0.05")!), .number(500), .text("Net-60 terms"),
        ]
        let footnote: [WriteCell] = [.text("¹ excl. VAT; * from the rate card")]
        let path = try LayoutReadingTests.workbook(
            [("Deals", [header.map { .text($0) }, row, [], footnote])], in: folder)
        let read = try DealsReader.readWorkbook(TableFile.open(path), knownReps: ["Ana Lima"])
        #expect(read.lines.map(\.dealID) == ["D1"])
        #expect(read.mapping.headers[.amount] == "Deal Value¹")
        #expect(read.mapping.headers[.rate] == "Rate*")
        #expect(read.mapping.headers[.commission] == "Commission²")
        #expect(read.mapping.headers[.date] == "Close Date (1)")
        #expect(read.mapping.headers[.rep] == "Sales Rep†")
    }

    /// A header wrapped over a line saying what the column holds, a footnote's mark after its name
    /// (`Amount¹` over `(USD, excl. tax)`, `Commission⁴` over `(= Amount × Split × Rate)`): the name
    /// without its mark, the words in brackets no part of it.
    @Test func aMarkedNameOverANoteIsTheName() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let header = [
            "Deal ID\n(from CRM)", "Sales Rep\n(as on roster)", "Close Date*\n(MM/DD/YYYY)",
            "Amount¹\n(USD, excl. tax)", "Split²\n(share of credit)", "Rate³\n(per plan)",
            "Commission⁴\n(= Amount × Split × Rate)",
        ]
        let row: [WriteCell] = [
            .text("D1"), .text("Ana Lima"), LayoutReadingTests.date("2026-01-15"), .number(10000),
            .number(1), .number(Decimal(string: "0.05")!), .number(500),
        ]
        let path = try LayoutReadingTests.workbook([("Deals", [header.map { .text($0) }, row])], in: folder)
        let read = try DealsReader.readWorkbook(TableFile.open(path), knownReps: ["Ana Lima"])
        #expect(read.lines.map(\.dealID) == ["D1"])
        #expect(read.mapping.headers[.amount] == header[3])
        #expect(read.mapping.headers[.split] == header[4])
        #expect(read.mapping.headers[.rate] == header[5])
        #expect(read.mapping.headers[.commission] == header[6])
    }
}
