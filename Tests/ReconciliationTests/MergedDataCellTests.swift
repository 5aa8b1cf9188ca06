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
                .number(split), deal == nil ? .empty : .number(100),
            ]
        }
        try writer.writeRow(row("D1", "Ana Lima", 1000, 1))
        try writer.writeRow(row("D2", nil, 2000, 1))
        try writer.writeRow(row("D3", nil, 3000, Decimal(string: "0.5")!))
        try writer.writeRow(row(nil, "Ben Okafor", nil, Decimal(string: "0.5")!))
        try writer.writeRow([.text("Approved by: Finance"), .empty, .empty, .empty, .empty, .empty])
        try writer.writeRow([.empty, .empty, .empty, .empty, .empty, .empty])
        // The split deal's one commission merged over its two rows is paid once; a note boxed
        // over several columns fills nothing.
        try writer.mergeCells(["B2:B4", "A4:A5", "C4:C5", "D4:D5", "F4:F5", "A6:F7"].compactMap(CellRange.init))
        try writer.endSheet()
        try writer.finish()
        try file.commit()
        let read = try DealsReader.readWorkbook(
            TableFile.open(path), manualCells: .values, knownReps: ["Ana Lima", "Ben Okafor"])
        #expect(read.skipped.map(\.row) == [6])
        #expect(read.lines.map(\.dealID) == ["D1", "D2", "D3", "D3"])
        #expect(read.lines.map(\.rep) == ["Ana Lima", "Ana Lima", "Ana Lima", "Ben Okafor"])
        #expect(read.lines.map(\.amount) == [1000, 2000, 3000, 3000])
        #expect(read.manual.map { $0.commission == nil } == [false, false, false, true])
    }
}
