import Foundation
import Ingest
import Spreadsheet
import Testing
import XLSX

/// A column headed as a commission (`Comm`, `Comm.`, `Comisión`) that holds rates (`0.05`, `5%`)
/// beside amounts of thousands: it is the rate column, not the commission paid.
@Suite struct RatesUnderCommissionHeaderTests {
    static func read(_ header: [String], _ rows: [[WriteCell]]) throws -> DealsTable {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try LayoutReadingTests.workbook([("Deals", [header.map { .text($0) }] + rows)], in: folder)
        return try DealsReader.readWorkbook(TableFile.open(path), knownReps: ["Ana Lima", "Ben Okafor"])
    }

    static func row(_ deal: String, _ rep: String, _ amount: Decimal, _ figures: [WriteCell]) -> [WriteCell] {
        [.text(deal), .text(rep), LayoutReadingTests.date("2026-01-15"), .number(amount)] + figures
    }

    @Test func ratesUnderACommissionHeaderBesideThePayoutAreTheRate() throws {
        let read = try Self.read(
            ["Deal ID", "Rep", "Close Date", "Amount", "Comm", "Payout"],
            [
                Self.row("D1", "Ana Lima", 10000, [.number(Decimal(string: "0.05")!), .number(500)]),
                Self.row("D2", "Ben Okafor", 20000, [.text("5%"), .number(1000)]),
            ])
        #expect(read.mapping.headers[.rate] == "Comm")
        #expect(read.mapping.headers[.commission] == "Payout")
        #expect(read.lines.count == 2)
    }

    @Test(arguments: ["Comm.", "Comisión"])
    func ratesUnderACommissionHeaderAloneAreTheRateAndNoCommission(header: String) throws {
        let read = try Self.read(
            ["Deal ID", "Rep", "Close Date", "Amount", header],
            [
                Self.row("D1", "Ana Lima", 10000, [.number(Decimal(string: "0.05")!)]),
                Self.row("D2", "Ben Okafor", 20000, [.number(Decimal(string: "0.08")!)]),
            ])
        #expect(read.mapping.headers[.rate] == header)
        #expect(read.mapping.columns[.commission] == nil)
    }

    @Test func ratesUnderTheCommissionsOwnNameLeaveItToAHeaderNamingItAmongOtherWords() throws {
        let read = try Self.read(
            ["Operación", "Vendedor", "Fecha", "Importe", "Comisión", "Importe comisión"],
            [
                Self.row("D1", "Ana Lima", 10000, [.text("5%"), .number(500)]),
                Self.row("D2", "Ben Okafor", 20000, [.text("5%"), .number(1000)]),
            ])
        #expect(read.mapping.headers[.rate] == "Comisión")
        #expect(read.mapping.headers[.commission] == "Importe comisión")
    }

    @Test(arguments: ["Comm", "Comm."])
    func wholePercentRatesUnderACommissionHeaderAreTheRate(header: String) throws {
        let beside = try Self.read(
            ["Deal ID", "Rep", "Close Date", "Amount", header, "Payout"],
            [
                Self.row("D1", "Ana Lima", 10000, [.number(5), .number(500)]),
                Self.row("D2", "Ben Okafor", 20000, [.number(Decimal(string: "7.5")!), .number(1500)]),
            ])
        #expect(beside.mapping.headers[.rate] == header)
        #expect(beside.mapping.headers[.commission] == "Payout")
        let alone = try Self.read(
            ["Deal ID", "Rep", "Close Date", "Amount", header],
            [
                Self.row("D1", "Ana Lima", 10000, [.number(5)]),
                Self.row("D2", "Ben Okafor", 20000, [.number(8)]),
            ])
        #expect(alone.mapping.headers[.rate] == header)
        #expect(alone.mapping.columns[.commission] == nil)
    }

    @Test func smallCommissionsOfSmallDealsStayTheCommission() throws {
        let read = try Self.read(
            ["Deal ID", "Rep", "Close Date", "Amount", "Comm"],
            [
                Self.row("D1", "Ana Lima", 1000, [.number(50)]),
                Self.row("D2", "Ben Okafor", 20000, [.number(8)]),
            ])
        #expect(read.mapping.headers[.commission] == "Comm")
        #expect(read.mapping.columns[.rate] == nil)
    }

    @Test func aCommissionOfMoneyStaysTheCommission() throws {
        let read = try Self.read(
            ["Deal ID", "Rep", "Close Date", "Amount", "Comm"],
            [
                Self.row("D1", "Ana Lima", 10000, [.number(500)]),
                Self.row("D2", "Ben Okafor", 10, [.number(Decimal(string: "0.5")!)]),
            ])
        #expect(read.mapping.headers[.commission] == "Comm")
        #expect(read.mapping.columns[.rate] == nil)
    }
}
