import Foundation
import Ingest
import Spreadsheet
import Testing
import XLSX

/// Cells merged down over data rows (a rep over its block, a split deal's id, date and amount
/// over its two rows) give every row they cover their value.
@Suite struct MergedDataCellTests {
    @Test func aValueMergedDownBelongsToEveryRowItCovers() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("merged.xlsx").path
        let file = try AtomicOutputFile(path: path, inputs: [])
        let writer = WorkbookWriter(handle: file.handle)
        try writer.beginSheet("Deals")
        try writer.writeRow(["Deal ID", "Rep", "Close Date", "Amount", "Split", "Commission"].map { .text($0) })
        func row(_ deal: String?, _ rep: String?, _ amount: Decimal?, _ split: Decimal) -> [WriteCell] {
            [
                deal.map { .text($0) } ?? .empty, rep.map { .text($0) } ?? .empty,
                deal == nil ? .empty : LayoutReadingTests.date("2026-07-15"), amount.map { .number($0) } ?? .empty,
                .number(split), .number(100),
            ]
        }
        try writer.writeRow(row("D1", "Ana Lima", 1000, 1))
        try writer.writeRow(row("D2", nil, 2000, 1))
        try writer.writeRow(row("D3", nil, 3000, Decimal(string: "0.5")!))
        try writer.writeRow(row(nil, "Ben Okafor", nil, Decimal(string: "0.5")!))
        try writer.mergeCells(["B2:B4", "A4:A5", "C4:C5", "D4:D5"].compactMap(CellRange.init))
        try writer.endSheet()
        try writer.finish()
        try file.commit()
        let read = try DealsReader.readWorkbook(TableFile.open(path), knownReps: ["Ana Lima", "Ben Okafor"])
        #expect(read.skipped.isEmpty)
        #expect(read.lines.map(\.dealID) == ["D1", "D2", "D3", "D3"])
        #expect(read.lines.map(\.rep) == ["Ana Lima", "Ana Lima", "Ana Lima", "Ben Okafor"])
        #expect(read.lines.map(\.amount) == [1000, 2000, 3000, 3000])
    }
}
