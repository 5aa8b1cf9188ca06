import Foundation
import Ingest
import Spreadsheet
import Testing
import XLSX

/// Headers cut short as Spanish, Portuguese, German and French sheets write them (`Nº Op.`, `Vdor.`,
/// `F. cierre`, `Imp.`, `Comis.`, `Betr.`, `Prov.`, `N° aff.`, `Mnt HT`): each names its field where no header names
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
        ["N° aff.", "Commercial(e)", "Date sign.", "Mnt HT (€)", "Commission (€)"],
        ["N° d'aff.", "Commercial", "Date", "Mt HT", "Comm."],
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

    /// A commission's abbreviation with a percent sign is the rate (`% Provv.`, `% Comis.`).
    @Test(arguments: ["% Provv.", "Provv. %", "% Comis.", "% Comm."])
    func aCommissionsAbbreviationWithAPercentSignIsTheRate(_ rate: String) throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let header = ["N. contratto", "Venditore", "Data chiusura", "Importo (€)", rate, "Provvigione (€)"]
        let row: [WriteCell] = [
            .text("D1"), .text("Ana Lima"), LayoutReadingTests.date("2026-01-15"), .number(10000),
            .number(Decimal(string: "0.05")!), .number(500),
        ]
        let path = try LayoutReadingTests.workbook([("Deals", [header.map { .text($0) }, row])], in: folder)
        let read = try DealsReader.readWorkbook(TableFile.open(path), knownReps: ["Ana Lima"])
        #expect(read.mapping.headers[.rate] == rate)
        #expect(read.mapping.headers[.commission] == "Provvigione (€)")
    }
}
