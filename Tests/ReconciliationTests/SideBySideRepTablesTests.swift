import Foundation
import Ingest
import Reconciliation
import Spreadsheet
import Testing
import XLSX

/// Each rep's deals in a block of columns of their own on one sheet, side by side, an empty
/// column between, no rep column: the rep's name in a title above each block.
@Suite struct SideBySideRepTablesTests {
    static let header: [WriteCell] = ["Deal ID", "Close Date", "Amount", "Rate", "Commission"].map { .text($0) }

    /// A block's cells on `row` (10,000 or 20,000 at 5%), its commission `paid`.
    static func deal(_ id: String, _ date: String, _ amount: Int, row: Int, left: Int, paid: String? = nil)
        -> [WriteCell]
    {
        let (amountCell, rateCell) = (
            "\(CellAddress.columnName(left + 2))\(row)", "\(CellAddress.columnName(left + 3))\(row)"
        )
        let right = "\(Decimal(amount) * Decimal(string: "0.05")!)"
        return [
            .text(id), LayoutReadingTests.date(date), .number(Decimal(amount)), CauseTests.rate("0.05"),
            CauseTests.formula(paid ?? right, "ROUND(\(amountCell)*\(rateCell),2)"),
        ]
    }

    /// A sheet of blocks side by side under `titles` (one a block, nil for none): Ana's two deals
    /// in A–E, Ben's in G–K, a third rep's (Ana's again when there are three titles) in M–Q.
    static func workbook(
        titles: [String?], benPaid: String? = nil, sheet: String = "Deals", in folder: URL
    ) throws -> String {
        let lefts = titles.indices.map { 1 + $0 * 6 }
        func line(_ parts: [[WriteCell]]) -> [WriteCell] {
            parts.enumerated().flatMap { index, cells in cells + (index < parts.count - 1 ? [.empty] : []) }
        }
        let blocks: [[(String, String, Int)]] = [
            [("D-1", "2026-07-03", 10000), ("D-2", "2026-08-12", 20000)], [("D-3", "2026-07-20", 20000)],
            [("D-4", "2026-09-02", 10000)],
        ]
        var rows: [[WriteCell]] = [
            line(titles.map { title in [title.map { .text($0) } ?? .empty] + Array(repeating: .empty, count: 4) }),
            line(titles.map { _ in header }),
        ]
        for offset in 0..<2 {
            let row = 3 + offset
            rows.append(
                line(
                    titles.indices.map { block in
                        guard offset < blocks[block].count else { return Array(repeating: .empty, count: 5) }
                        let (id, date, amount) = blocks[block][offset]
                        return deal(id, date, amount, row: row, left: lefts[block], paid: block == 1 ? benPaid : nil)
                    }))
        }
        return try LayoutReadingTests.workbook([(sheet, rows)], in: folder)
    }

    @Test(arguments: [["Ana Lima", "Ben Okafor"], ["Rep: Ana Lima", "Sales rep - Ben Okafor"]])
    func eachBlockIsReadWithTheRepItsTitleNames(titles: [String]) throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try Self.workbook(titles: titles, in: folder)
        let read = try DealsReader.readWorkbook(TableFile.open(path), knownReps: ["Ana Lima", "Ben Okafor"])
        #expect(read.lines.map(\.dealID) == ["D-1", "D-2", "D-3"])
        #expect(read.lines.map(\.rep) == ["Ana Lima", "Ana Lima", "Ben Okafor"])
        #expect(read.skipped.isEmpty)
        let result = try LayoutReadingTests.reconcile(path, in: folder)
        #expect(result.findings.isEmpty, "\(result.findings.map { "\($0.cell) \($0.explanation)" })")
    }

    /// A wrong commission in the second block is found at its own cell, as its rep's.
    @Test func aWrongFigureInALaterBlockIsFoundAtItsCell() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try Self.workbook(titles: ["Ana Lima", "Ben Okafor"], benPaid: "800", in: folder)
        let result = try LayoutReadingTests.reconcile(path, in: folder)
        #expect(result.findings.map { "\($0.sheet)!\($0.cell)" } == ["Deals!K3"])
        #expect(result.findings.first?.rep == "R2")
    }

    /// A rep's tab whose months stand side by side, titled by their months: every block is the
    /// tab's rep's, none left unread.
    @Test func aRepsTabOfTablesSideBySideReadsEveryOne() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try Self.workbook(titles: ["July", "August", nil], sheet: "Ana Lima", in: folder)
        let read = try DealsReader.readWorkbook(TableFile.open(path), knownReps: ["Ana Lima", "Ben Okafor"])
        #expect(read.lines.map(\.dealID) == ["D-1", "D-2", "D-3", "D-4"])
        #expect(Set(read.lines.map(\.rep)) == ["Ana Lima"])
    }

    /// A block under no title naming a rep, beside blocks that are, stops the run naming its
    /// columns: its deals would be no one's.
    @Test func aBlockWithoutItsRepsTitleIsRefusedNamingItsColumns() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try Self.workbook(titles: ["Ana Lima", "Ben Okafor", nil], in: folder)
        #expect {
            _ = try DealsReader.readWorkbook(TableFile.open(path), knownReps: ["Ana Lima", "Ben Okafor"])
        } throws: { error in
            "\(error)".contains("columns M–Q stand under no title naming a known rep")
        }
    }
}
