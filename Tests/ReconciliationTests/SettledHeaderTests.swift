import Commission
import Foundation
import Spreadsheet
import Testing
import XLSX

@testable import Ingest

/// Headers a reader settles without a pin: `Sales Exec`, `Close`, `Booked On`, `Earned`; a
/// Spanish `Comisión` beside a `Provisión` (an accrual); and an amount written in two currencies,
/// an error naming both candidates rather than a missing column.
@Suite struct SettledHeaderTests {
    static func read(_ header: [String], _ row: [WriteCell], in folder: URL, name: String) throws -> DealsTable {
        let path = try LayoutReadingTests.workbook(
            [("Deals", [header.map { .text($0) }, row])], in: folder, name: name)
        return try DealsReader.readWorkbook(TableFile.open(path), knownReps: ["Ana Lima"])
    }

    static let deal: [WriteCell] = [
        .text("D1"), .text("Ana Lima"), LayoutReadingTests.date("2026-01-15"), .number(10000), .number(500),
        .number(500),
    ]

    @Test func headersTeamsWriteForTheRepTheDateAndTheCommission() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (index, (rep, date, commission)) in [
            ("Sales Exec", "Close", "Earned"), ("Sales Executive", "Booked On", "Commission"),
            ("Account Exec", "Booked Date", "Earned"),
        ].enumerated() {
            let table = try Self.read(
                ["Deal ID", rep, date, "Amount", "Notes", commission], Self.deal, in: folder, name: "\(index).xlsx")
            #expect(table.mapping.columns[.rep] == 2, "\(rep)")
            #expect(table.mapping.columns[.date] == 3, "\(date)")
            #expect(table.mapping.columns[.commission] == 6, "\(commission)")
            #expect(table.lines.count == 1)
        }
    }

    /// `Close` and `Earned` name a field only as the whole header: `Close Month` stays a column
    /// of months, each row dated its month's first day.
    @Test func aCloseMonthIsStillAColumnOfMonths() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let row: [WriteCell] = [.text("D1"), .text("Ana Lima"), .text("January 2026"), .number(10000), .number(500)]
        let table = try Self.read(
            ["Deal ID", "Sales Rep", "Close Month", "Amount", "Commission"], row, in: folder, name: "month.xlsx")
        #expect(table.mapping.datesNameMonths)
        #expect(table.skipped.isEmpty)
        #expect(table.lines.first?.date == LocalDate(iso: "2026-01-01"))
    }

    @Test func aSpanishProvisionBesideTheComisionIsNotTheCommission() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (index, header) in [
            ["Nº Operación", "Comercial", "Fecha cierre", "Importe", "Provisión", "Comisión"],
            ["Nº Operación", "Comercial", "Fecha cierre", "Importe", "Comisión", "Provisión"],
        ].enumerated() {
            let table = try Self.read(header, Self.deal, in: folder, name: "\(index).xlsx")
            let column = try #require(table.mapping.columns[.commission])
            #expect(header[column - 1] == "Comisión")
        }
    }

    @Test func anAmountInTwoCurrenciesNamesBothCandidates() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let row: [WriteCell] = [
            .text("D1"), .text("Ana Lima"), LayoutReadingTests.date("2026-01-15"), .number(9000), .number(10000),
            .number(500),
        ]
        #expect {
            try Self.read(
                ["Deal ID", "Sales Rep", "Close Date", "Amount (EUR)", "Amount (USD)", "Commission"], row, in: folder,
                name: "eur.xlsx")
        } throws: { error in
            let message = "\(error)"
            return message.contains("several columns could be 'amount'") && message.contains("'Amount (EUR)' (D)")
                && message.contains("'Amount (USD)' (E)")
        }
        // Pinned, the other is no candidate.
        let path = folder.appendingPathComponent("eur.xlsx").path
        let pinned = try DealsReader.readWorkbook(
            TableFile.open(path), pins: ["amount": "Amount (USD)"], knownReps: ["Ana Lima"])
        #expect(pinned.mapping.columns[.amount] == 5)
    }
}
