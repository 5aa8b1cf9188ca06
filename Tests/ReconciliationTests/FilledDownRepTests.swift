import Foundation
import Ingest
import Reconciliation
import Spreadsheet
import Testing
import XLSX

/// A rep's name written only on the first row of its block, the rows below left blank until the
/// next rep's name: the blank cells are the rep above, when the sheet keeps its reps so throughout.
@Suite struct FilledDownRepTests {
    static let header: [WriteCell] = ["Deal ID", "Rep", "Close Date", "Amount", "Rate", "Commission"].map { .text($0) }

    /// A deal row at 5%: `rep` nil leaves the rep cell blank.
    static func row(_ deal: String, _ rep: String?, _ amount: Decimal, commission: Decimal? = nil) -> [WriteCell] {
        [
            .text(deal), rep.map { .text($0) } ?? .empty, LayoutReadingTests.date("2026-01-15"), .number(amount),
            .number(Decimal(string: "0.05")!), .number(commission ?? amount * Decimal(string: "0.05")!),
        ]
    }

    @Test func blankRepCellsUnderABlocksFirstRowAreThatRep() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let rows = [
            Self.row("D1", "Ana Lima", 10000), Self.row("D2", nil, 20000), Self.row("D3", nil, 4000),
            Self.row("D4", "Ben Okafor", 10000), Self.row("D5", nil, 6000, commission: 400),
        ]
        let path = try LayoutReadingTests.workbook([("Deals", [Self.header] + rows)], in: folder)
        let read = try DealsReader.readWorkbook(TableFile.open(path), knownReps: ["Ana Lima", "Ben Okafor"])
        #expect(read.skipped.isEmpty)
        #expect(read.lines.map(\.rep) == ["Ana Lima", "Ana Lima", "Ana Lima", "Ben Okafor", "Ben Okafor"])
        let result = try LayoutReadingTests.reconcile(path, in: folder)
        // Ben's second deal pays 400 for 300: a wrong figure on a row read as his.
        #expect(result.errors.map { "\($0.cell) \($0.rep ?? "")" } == ["F6 R2"])
        #expect(result.mappingNotes.contains { $0.contains("a blank rep cell takes the rep above") })
    }

    /// A workbook of four deals (Ana's and Ben's, in Q1 and Q2) and `summary` under its header.
    static func reconcile(summary: [[WriteCell]], in folder: URL) throws -> Reconciliation {
        let rows = [
            Self.header, Self.row("D1", "Ana Lima", 10000), Self.row("D2", "Ben Okafor", 20000),
            [
                .text("D3"), .text("Ana Lima"), LayoutReadingTests.date("2026-04-15"), .number(20000),
                .number(Decimal(string: "0.05")!), .number(1000),
            ],
            [
                .text("D4"), .text("Ben Okafor"), LayoutReadingTests.date("2026-04-15"), .number(4000),
                .number(Decimal(string: "0.05")!), .number(200),
            ],
        ]
        let header: [WriteCell] = ["Rep", "Period", "Commission"].map { .text($0) }
        let path = try LayoutReadingTests.workbook([("Deals", rows), ("Summary", [header] + summary)], in: folder)
        return try LayoutReadingTests.reconcile(path, in: folder)
    }

    @Test func aSummaryWritingTheRepOnItsFirstPeriodOnlyComparesEveryPeriod() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let summary: [[WriteCell]] = [
            [.text("Ana Lima"), .text("2026-Q1"), .number(500)], [.empty, .text("2026-Q2"), .number(1100)],
            [.text("Ben Okafor"), .text("2026-Q1"), .number(1000)], [.empty, .text("2026-Q2"), .number(300)],
        ]
        let result = try Self.reconcile(summary: summary, in: folder)
        #expect(result.errors.map { "\($0.sheet)!\($0.cell) \($0.rep ?? "")" } == ["Summary!C3 R1", "Summary!C5 R2"])
    }

    @Test func aPeriodsSubtotalUnderTheRepsIsNoRepsRow() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let summary: [[WriteCell]] = [
            [.text("Ana Lima"), .text("2026-Q1"), .number(500)],
            [.text("Ben Okafor"), .text("2026-Q1"), .number(1000)],
            [.empty, .text("2026-Q1"), .number(1500)],
        ]
        #expect(try Self.reconcile(summary: summary, in: folder).errors.isEmpty)
    }

    @Test func aSheetWritingTheRepOnEveryRowKeepsABlankOneUnreadable() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let rows = [
            Self.row("D1", "Ana Lima", 10000), Self.row("D2", "Ana Lima", 20000), Self.row("D3", nil, 4000),
            Self.row("D4", "Ben Okafor", 10000),
        ]
        let path = try LayoutReadingTests.workbook([("Deals", [Self.header] + rows)], in: folder)
        let read = try DealsReader.readWorkbook(TableFile.open(path), knownReps: ["Ana Lima", "Ben Okafor"])
        #expect(read.skipped.map(\.row) == [4])
        #expect(read.lines.map(\.rep) == ["Ana Lima", "Ana Lima", "Ben Okafor"])
        // Reps taking turns row by row, one of them missing: no block is kept so either.
        let turns = [
            Self.row("D1", "Ana Lima", 10000), Self.row("D2", "Ben Okafor", 20000), Self.row("D3", "Ana Lima", 4000),
            Self.row("D4", nil, 10000), Self.row("D5", "Ben Okafor", 10000), Self.row("D6", "Ana Lima", 10000),
        ]
        let other = try LayoutReadingTests.workbook([("Deals", [Self.header] + turns)], in: folder)
        let turnsRead = try DealsReader.readWorkbook(TableFile.open(other), knownReps: ["Ana Lima", "Ben Okafor"])
        #expect(turnsRead.skipped.map(\.row) == [5])
    }
}
