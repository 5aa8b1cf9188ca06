import Foundation
import Ingest
import Spreadsheet
import Testing
import XLSX

/// Headers wrapped across lines in their cell (`Close` over `Date`, `Bonus` over `(USD)`), as a
/// sheet with narrow columns writes them: each is the header on one line.
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
}
