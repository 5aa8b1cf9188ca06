import Foundation
import Spreadsheet
import Testing
import XLSX

@testable import Ingest

/// A header of what is owed or accrued (`Amount Due`, `Accrued`) is the commission where no
/// header names it and its figures are priced at the row's rate; a customer's amount due is not.
@Suite struct OwedHeaderTests {
    @Test(arguments: ["Amount Due", "Accrued", "Amount Owed"])
    func anOwedFigurePricedAtTheRateIsTheCommission(_ owed: String) throws {
        let header = ["Deal ID", "Rep", "Close Date", "Deal Size", "Split", "Rate", owed]
        let mapped = try CRMExportHeaderTests.mapped(
            header, ["D-1", "Ana Lima", "2026-07-03", "1000", "50%", "5%", "25"])
        #expect(mapped["amount"] == "Deal Size")
        #expect(mapped["commission"] == owed)
    }

    /// A text file written with decimal commas (`1.000,00 | 5 % | 50,00`, `;` between fields) is
    /// read in its own style: its `Amount Due` priced at the rate is the commission, compared row
    /// by row (D2's 55,00 is wrong), not left unread for a run that compares nothing.
    @Test(arguments: [";", "\t"])
    func anOwedFigureWithDecimalCommasIsTheCommission(_ separator: String) throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("deals.csv").path
        let lines = [
            ["Deal ID", "Rep", "Close Date", "Deal Size", "Rate", "Amount Due"],
            ["D1", "Ana Lima", "15.01.2026", "1.000,00", "5 %", "50,00"],
            ["D2", "Ana Lima", "20.01.2026", "1.000,00", "5 %", "55,00"],
            ["D3", "Ben Okafor", "03.02.2026", "12.500,00", "5 %", "625,00"],
        ]
        try lines.map { $0.joined(separator: separator) + "\n" }.joined()
            .write(toFile: path, atomically: true, encoding: .utf8)
        let read = try DealsReader.read(TableFile.open(path))
        #expect(read.mapping.headers[.commission] == "Amount Due")
        let result = try LayoutReadingTests.reconcile(path, in: folder)
        #expect(result.errors.map { "\($0.cell) \($0.manual.map { "\($0)" } ?? "-")" } == ["F3 55"])
    }

    /// Half the amount at the rate (`1.000,00 | 50,0 % | 5 % | 25,00`) is priced so with the row's
    /// split, a share read in the style the figures show; without a share it is no commission.
    @Test func anOwedFigureWithDecimalCommasIsPricedWithTheRowsShare() {
        func row(_ cells: [String]) -> Row {
            Row(index: 2, cells: cells.enumerated().map { Cell(column: $0.offset + 1, value: .text($0.element)) })
        }
        let split = [row(["1.000,00", "50,0 %", "5 %", "25,00"])]
        #expect(PayableHeader.pricedAtRate(split, column: 4, amount: 1, rate: 3))
        let alone = [row(["1.000,00", "5 %", "25,00"])]
        #expect(!PayableHeader.pricedAtRate(alone, column: 3, amount: 1, rate: 2))
    }

    @Test func aCustomersAmountDueIsNoCommission() throws {
        let header = ["Invoice", "Rep", "Close Date", "Amount", "Rate", "Amount Due"]
        let mapped = try CRMExportHeaderTests.mapped(header, ["D-1", "Ana Lima", "2026-07-03", "1000", "5%", "950"])
        #expect(mapped["commission"] == nil)
        #expect(!PayableHeader.namesOwed("Due Date"))
        #expect(PayableHeader.namesOwed("Amount Due"))
    }

    /// A formula reading the amount and the rate is no commission by that alone: `=D2-D2*E2` is
    /// what is owed with the commission taken out, and its figures are no amount × rate.
    @Test func aFigureNetOfTheRateIsNoCommission() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let rows: [[WriteCell]] =
            [
                ["Deal ID", "Rep", "Close Date", "Amount", "Rate", "Amount Due"].map { .text($0) }
            ]
            + (2...4).map { row in
                [
                    .text("D\(row)"), .text("Ana Lima"), LayoutReadingTests.date("2026-01-15"), .number(1000),
                    .number(Decimal(string: "0.05")!), WriteCell(.number(950), formula: "D\(row)-D\(row)*E\(row)"),
                ]
            }
        let path = try LayoutReadingTests.workbook([("Deals", rows)], in: folder)
        let read = try DealsReader.readWorkbook(TableFile.open(path), knownReps: ["Ana Lima"])
        #expect(read.mapping.columns[.commission] == nil)
    }

    /// The summary's column headed as the deals' commission is (`Amount Due`) is its commission.
    @Test func theSummaryHeadedAsTheDealsIsRead() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        func row(_ deal: String, _ rep: String, _ amount: Decimal) -> [WriteCell] {
            [
                .text(deal), .text(rep), LayoutReadingTests.date("2026-01-15"), .number(amount),
                .number(Decimal(string: "0.05")!), .number(amount * Decimal(string: "0.05")!),
            ]
        }
        let deals: [[WriteCell]] = [
            ["Deal ID", "Rep", "Close Date", "Deal Size", "Rate", "Amount Due"].map { .text($0) },
            row("D1", "Ana Lima", 10000), row("D2", "Ben Okafor", 20000),
        ]
        let summary: [[WriteCell]] = [
            ["Rep", "Period", "Amount Due"].map { .text($0) },
            [.text("Ana Lima"), .text("2026-Q1"), .number(500)],
            [.text("Ben Okafor"), .text("2026-Q1"), .number(1100)],
        ]
        let path = try LayoutReadingTests.workbook([("Deals", deals), ("Summary", summary)], in: folder)
        let result = try LayoutReadingTests.reconcile(path, in: folder)
        #expect(result.errors.map { "\($0.sheet):\($0.cell)" } == ["Summary:C3"])
    }
}
