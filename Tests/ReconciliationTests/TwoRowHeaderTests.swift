import Foundation
import Ingest
import Spreadsheet
import Testing
import XLSX

/// A two-row header reads each group over the columns it is merged across, and no further.
@Suite struct TwoRowHeaderTests {
    /// The deals table of a workbook whose first two rows are `upper` and `lower`, with `merged`
    /// ranges, and one deal row of `values`.
    static func read(_ upper: [String?], _ lower: [String], merged: [String], _ values: [WriteCell]) throws
        -> DealsTable
    {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("two-rows.xlsx").path
        let file = try AtomicOutputFile(path: path, inputs: [])
        let writer = WorkbookWriter(handle: file.handle)
        try writer.beginSheet("Deals")
        try writer.writeRow(upper.map { text in text.map { .text($0) } ?? .empty })
        try writer.writeRow(lower.map { .text($0) })
        try writer.writeRow(values)
        try writer.mergeCells(merged.compactMap(CellRange.init))
        try writer.endSheet()
        try writer.finish()
        try file.commit()
        return try DealsReader.read(TableFile.open(path))
    }

    static let lower = ["ID", "Sales Rep", "Date", "Amount", "Quota", "Product", "Rate", "Amount", "Bonus"]
    static let upper = ["Deal", nil, nil, nil, nil, nil, "Commission", nil, nil]
    static let values: [WriteCell] = [
        .text("D-1"), .text("Ana Lima"), .text("2026-07-06"), .number(20000), .number(50000), .text("Services"),
        .number(0.03), .number(600), .number(50),
    ]

    static func headers(_ table: DealsTable) -> [String: String] {
        Dictionary(uniqueKeysWithValues: table.mapping.headers.map { ($0.key.rawValue, $0.value) })
    }

    @Test func aMergedGroupReachesOnlyOverItsMerge() throws {
        // Reaching past D and H, `Deal` would make E `Deal Quota` and `Commission` I `Commission Bonus`.
        let table = try Self.read(Self.upper, Self.lower, merged: ["A1:D1", "G1:H1"], Self.values)
        let headers = Self.headers(table)
        #expect(headers["deal_id"] == "Deal ID" && headers["amount"] == "Deal Amount")
        #expect(headers["quota"] == "Quota" && headers["bonus"] == "Bonus")
        #expect(headers["rate"] == "Commission Rate" && headers["commission"] == "Commission Amount")
        #expect(table.lines.first?.quota == 50000 && table.lines.first?.product == "Services")
    }

    @Test func aGroupNotMergedStillReachesOverTheEmptyCellsBesideIt() throws {
        let table = try Self.read(Self.upper, Self.lower, merged: [], Self.values)
        let headers = Self.headers(table)
        #expect(headers["deal_id"] == "Deal ID" && headers["commission"] == "Commission Amount")
        // `Deal Quota` names no field; `Commission Bonus` is still the bonus (a bonus name among other words).
        #expect(headers["quota"] == nil && headers["bonus"] == "Commission Bonus")
    }
}
