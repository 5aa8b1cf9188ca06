import Foundation
import Spreadsheet
import Testing
import XLSX

@testable import Ingest

/// Headers naming their currency in brackets (`Bonus (GBP)`, `SPIFF [EUR]`, `Comisión (€)`) and a
/// row of units right under the header (`USD`, `%`, `(€)`, `date`), which holds no deal.
@Suite struct UnitsRowTests {
    @Test(arguments: [
        (
            ["Deal ID", "Rep", "Close Date", "Amount (USD)", "Rate", "Commission (USD)", "Bonus (GBP)"],
            ["", "", "date", "USD", "%", "USD", "GBP"]
        ),
        (
            ["Operación", "Vendedor", "Fecha", "Importe [EUR]", "Tasa", "Comisión (€)", "SPIFF [EUR]"],
            ["", "", "dd/mm/yyyy", "(€)", "%", "(€)", "[€]"]
        ),
    ])
    func unitsBesideAndUnderTheHeaderAreNoDeal(header: [String], units: [String]) throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        func row(_ deal: String, _ rep: String, _ amount: Decimal, bonus: Decimal?) -> [WriteCell] {
            [
                .text(deal), .text(rep), LayoutReadingTests.date("2026-01-15"), .number(amount),
                .number(Decimal(string: "0.05")!), .number(amount * Decimal(string: "0.05")!),
                bonus.map { .number($0) } ?? .empty,
            ]
        }
        let rows: [[WriteCell]] = [
            header.map { .text($0) }, units.map { $0.isEmpty ? .empty : .text($0) },
            row("D1", "Ana Lima", 10000, bonus: nil), row("D2", "Ben Okafor", 20000, bonus: 150),
        ]
        let path = try LayoutReadingTests.workbook([("Deals", rows)], in: folder)
        let read = try DealsReader.readWorkbook(TableFile.open(path), knownReps: ["Ana Lima", "Ben Okafor"])
        #expect(read.skipped.isEmpty)
        #expect(read.lines.map(\.dealID) == ["D1", "D2"])
        #expect(read.mapping.headers[.bonus] == header[6])
        #expect(read.mapping.headers[.commission] == header[5])
        // The plan pays no bonus: the 150 is a wrong figure, and the units row no unreadable deal.
        let result = try LayoutReadingTests.reconcile(path, in: folder)
        #expect(result.errors.map { "\($0.cell)" } == ["G4"])
    }

    @Test func aFieldTwoCurrenciesNameIsNeitherColumn() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let header: [WriteCell] = [
            "Deal ID", "Rep", "Close Date", "Amount", "Commission", "Bonus (GBP)", "Bonus (EUR)",
        ]
        .map { .text($0) }
        let row: [WriteCell] = [
            .text("D1"), .text("Ana Lima"), LayoutReadingTests.date("2026-01-15"), .number(10000), .number(500),
            .number(100), .empty,
        ]
        let path = try LayoutReadingTests.workbook([("Deals", [header, row])], in: folder)
        let read = try DealsReader.readWorkbook(TableFile.open(path), knownReps: ["Ana Lima"])
        #expect(read.mapping.columns[.bonus] == nil)
        #expect(read.lines.count == 1)
    }

    @Test func aPercentageInBracketsIsNoCurrency() {
        #expect(UnitsRow.withoutCurrency("Bonus (GBP)") == "Bonus")
        #expect(UnitsRow.withoutCurrency("Comisión (€)") == "Comisión")
        #expect(UnitsRow.withoutCurrency("Bonus (in GBP)") == "Bonus")
        #expect(UnitsRow.withoutCurrency("Commission (%)") == nil)
        #expect(UnitsRow.withoutCurrency("(USD)") == nil)
        #expect(UnitsRow.withoutCurrency("Deal (Opp)") == nil)
    }

    @Test func aRowIsUnitsOnlyWhenEveryCellIsOne() {
        func row(_ values: [CellValue]) -> Row {
            Row(index: 2, cells: values.enumerated().map { Cell(column: $0.offset + 1, value: $0.element) })
        }
        #expect(UnitsRow.holdsOnlyUnits(row([.empty, .text("date"), .text("USD"), .text("%")])))
        #expect(UnitsRow.holdsOnlyUnits(row([.text("dd/mm/yy"), .text("in €"), .text("(en EUR)")])))
        #expect(!UnitsRow.holdsOnlyUnits(row([.text("USD")])))
        #expect(!UnitsRow.holdsOnlyUnits(row([.text("D1"), .text("USD"), .text("%")])))
        #expect(!UnitsRow.holdsOnlyUnits(row([.text("EUR"), .number(100), .text("%")])))
    }
}
