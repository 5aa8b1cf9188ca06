import Foundation
import Ingest
import Spreadsheet
import Testing
import XLSX

/// Headers cut short as Spanish, Portuguese and German sheets write them (`Nº Op.`, `Vdor.`,
/// `F. cierre`, `Imp.`, `Comis.`, `Betr.`, `Prov.`): each names its field where no header names
/// it in full, and never turns a sheet's full header into an ambiguity.
@Suite struct AbbreviatedHeaderTests {
    static func mapping(_ header: [String]) throws -> [Field: String] {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let row: [WriteCell] = [
            .text("D1"), .text("Ana Lima"), LayoutReadingTests.date("2026-01-15"), .number(10000), .number(500),
            .text("x"),
        ]
        let path = try LayoutReadingTests.workbook(
            [("Deals", [header.map { .text($0) }, Array(row.prefix(header.count))])], in: folder)
        let read = try DealsReader.readWorkbook(TableFile.open(path), knownReps: ["Ana Lima"])
        #expect(read.lines.map(\.dealID) == ["D1"])
        return read.mapping.headers
    }

    @Test(arguments: [
        ["Nº Op.", "Vdor.", "F. cierre", "Imp.", "Comis."],
        ["Nº Op.", "Vend.", "F. cierre", "Imp.", "Prov."],
        ["Auftrags-Nr", "Verkäufer", "Datum", "Betr.", "Prov."],
        ["N.º Op.", "Vend.", "Dt. fechamento", "Vlr.", "Comiss."],
        ["Nº Op.", "Vdor.", "F. cierre", "Imp. (EUR)", "Comis. (€)"],
        ["Auftr.-Nr.", "Verk.", "Abschl.-Datum", "Betr. [EUR]", "Prov. [EUR]"],
        ["Ref.", "Vdor.", "Fch. cierre", "Imp.", "Comis."],
    ])
    func abbreviatedHeadersNameTheirFields(header: [String]) throws {
        let headers = try Self.mapping(header)
        #expect(headers[.dealID] == header[0])
        #expect(headers[.rep] == header[1])
        #expect(headers[.date] == header[2])
        #expect(headers[.amount] == header[3])
        #expect(headers[.commission] == header[4])
    }

    @Test func aHeaderInFullWinsOverOneCutShortTheSameWay() throws {
        // `Prov.` beside `Comisión` is a province; `Imp.` beside `Importe` a tax.
        let headers = try Self.mapping(["Operación", "Vendedor", "Fecha", "Importe", "Comisión", "Prov."])
        #expect(headers[.commission] == "Comisión")
        #expect(headers[.amount] == "Importe")
        let taxed = try Self.mapping(["Operación", "Vendedor", "Fecha", "Importe", "Imp."])
        #expect(taxed[.amount] == "Importe")
        #expect(taxed[.commission] == nil)
    }
}
