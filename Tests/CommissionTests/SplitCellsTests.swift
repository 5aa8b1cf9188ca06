import Commission
import Foundation
import Primitives
import Spreadsheet
import Testing

@testable import Ingest

/// Splits read from number cells row after row: each line's split is what its own cell reads as,
/// bit for bit (`1` and `1.0` are not taken for each other), and a split out of range skips its
/// row each time it comes.
@Suite struct SplitCellsTests {
    @Test func eachLineTakesItsOwnCellsSplit() throws {
        let splits = ["1", "1", "1.0", "1", "0.5", "0.50", "0.5", "1.5", "1.5", "", "0", "0.0", "0.25"]
        let mapping = ColumnMapping<Field>(
            headerRow: 1, columns: [.dealID: 1, .rep: 2, .date: 3, .amount: 4, .split: 5], headers: [:])
        var batch: [(Row, RowPlace)] = []
        for (index, split) in splits.enumerated() {
            let row = index + 2
            let cells = [
                Cell(column: 1, value: .text("D\(index)")), Cell(column: 2, value: .text("R1")),
                Cell(column: 3, value: .text("2026-03-15")), Cell(column: 4, value: .number(100)),
                Cell(column: 5, value: split.isEmpty ? .empty : .number(Decimal(string: split)!)),
            ]
            batch.append(
                (Row(index: row, cells: cells), RowPlace(file: "deals.xlsx", sheet: "Deals", line: nil, row: row)))
        }
        var table = DealsTable(
            lines: [], diagnostics: [], rowsRead: 0, mapping: mapping, file: "deals.xlsx", sheet: nil)
        for part in DealsReader.convert(
            batch, mapping: mapping, styles: ColumnStyles(), manualCells: .nothing, file: "deals.xlsx")
        {
            table.append(part)
        }
        #expect(table.skipped.map(\.row) == [9, 10])
        var lines = table.lines.makeIterator()
        for (index, split) in splits.enumerated() where split != "1.5" {
            let expected =
                split.isEmpty
                ? Decimal(1)
                : try #require(try ValueReading.fraction(.number(Decimal(string: split)!), style: .decimalPoint))
            let next = lines.next()
            let line = try #require(next)
            #expect(line.row == index + 2)
            #expect(line.split.packedStorage == expected.packedStorage, "row \(index + 2): \(split)")
        }
        #expect(lines.next() == nil)
    }
}
