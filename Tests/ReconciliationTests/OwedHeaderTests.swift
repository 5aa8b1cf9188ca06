import Foundation
import Reconciliation
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

    /// Deals whose commission is headed `Amount Due` (Ana Lima 10,000 and 4,000, Ben Okafor 20,000
    /// at 5%), and a summary sheet headed `Rep | Period | Amount Due` over `figures` (Ana's, Ben's
    /// for 2026-Q1), reconciled.
    static func reconcile(summaryFigures figures: [Decimal]) throws -> Reconciliation {
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
            row("D1", "Ana Lima", 10000), row("D2", "Ben Okafor", 20000), row("D3", "Ana Lima", 4000),
        ]
        let summary: [[WriteCell]] =
            [["Rep", "Period", "Amount Due"].map { .text($0) }]
            + zip(["Ana Lima", "Ben Okafor"], figures).map { [.text($0), .text("2026-Q1"), .number($1)] }
        let path = try LayoutReadingTests.workbook([("Deals", deals), ("Summary", summary)], in: folder)
        return try LayoutReadingTests.reconcile(path, in: folder)
    }

    /// The summary's column headed as the deals' commission is (`Amount Due`) is its commission.
    @Test func theSummaryHeadedAsTheDealsIsRead() throws {
        let result = try Self.reconcile(summaryFigures: [700, 1100])
        #expect(result.errors.map { "\($0.sheet):\($0.cell)" } == ["Summary:C3"])
    }

    /// A summary column that shares the deals' commission header but holds other figures (a count
    /// of deals, a quota) is no commission: none of them is the sum of its rep's commission
    /// figures on the deals, and it raises no false alarm; the report says it was not compared.
    @Test(arguments: [[Decimal(2), 1], [150000, 150000]])
    func aSummaryColumnHeadedAsTheDealsHoldingOtherFiguresIsNotCompared(_ figures: [Decimal]) throws {
        let result = try Self.reconcile(summaryFigures: figures)
        #expect(result.errors.isEmpty, "\(result.errors.map { "\($0.sheet):\($0.cell) \($0.cause.rawValue)" })")
        #expect(
            result.mappingNotes.contains { $0.contains("Amount Due") && $0.contains("Summary") && $0.contains("not") },
            "\(result.mappingNotes)")
    }
}
