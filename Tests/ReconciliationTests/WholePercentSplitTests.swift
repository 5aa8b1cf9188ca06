import Foundation
import Spreadsheet
import Testing
import XLSX

@testable import Ingest

/// Splits written as whole percents (`50` for 50%, `100` for the whole), alone or beside `0.5`
/// and `50%` in the same column.
@Suite struct WholePercentSplitTests {
    @Test func wholePercentsInASplitColumnAreShares() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let header: [WriteCell] = ["Deal ID", "Rep", "Close Date", "Amount", "Split", "Rate", "Commission"].map {
            .text($0)
        }
        func row(_ deal: String, _ rep: String, _ amount: Decimal, _ split: WriteCell, _ commission: Decimal)
            -> [WriteCell]
        {
            [
                .text(deal), .text(rep), LayoutReadingTests.date("2026-01-15"), .number(amount), split,
                .number(Decimal(string: "0.05")!), .number(commission),
            ]
        }
        let rows = [
            row("D1", "Ana Lima", 10000, .number(50), 250), row("D1", "Ben Okafor", 10000, .number(50), 250),
            row("D2", "Ana Lima", 20000, .number(100), 1000),
            row("D3", "Ana Lima", 4000, .number(Decimal(string: "0.5")!), 100),
            row("D3", "Ben Okafor", 4000, .text("50%"), 100),
            row("D4", "Ben Okafor", 8000, .number(75), 400),
        ]
        let path = try LayoutReadingTests.workbook([("Deals", [header] + rows)], in: folder)
        let read = try DealsReader.readWorkbook(TableFile.open(path), knownReps: ["Ana Lima", "Ben Okafor"])
        #expect(read.skipped.isEmpty)
        #expect(read.lines.map(\.split) == [0.5, 0.5, 1, 0.5, 0.5, 0.75].map { Decimal(string: "\($0)")! })
        // D4's 75% share of 8,000 pays 300, not 400: a wrong figure, not an unreadable split.
        let result = try LayoutReadingTests.reconcile(path, in: folder)
        #expect(result.errors.map { "\($0.cell) \($0.difference)" } == ["G7 100"])
    }

    @Test func aColumnIsInWholePercentsOnlyWhenNoShareLiesBetween1And2OrAbove100() {
        func whole(_ numbers: [String]) -> Bool {
            ValueReading.wholePercents(numbers.map { .number(Decimal(string: $0)!) }, style: .decimalPoint)
        }
        #expect(whole(["50", "100", "0.5"]))
        #expect(whole(["33.33", "66.67"]))
        #expect(!whole(["0.5", "1"]))
        #expect(!whole(["0.5", "1.5", "50"]))
        #expect(!whole(["50", "150"]))
    }
}
