import Foundation
import Ingest
import Reconciliation
import Spreadsheet
import Testing
import XLSX

/// Total rows standing above the rows they add: opening each rep's block (`Total Ana Lima`, then
/// her deals), or a totals line over the table's header. They are totals, not deals, and their
/// figures are checked against the rows below them.
@Suite struct TotalsAboveTests {
    static let header: [WriteCell] = ["Deal ID", "Rep", "Close Date", "Amount", "Rate", "Commission"].map { .text($0) }

    static func row(_ deal: String, _ rep: String, _ amount: Decimal) -> [WriteCell] {
        [
            .text(deal), .text(rep), LayoutReadingTests.date("2026-01-15"), .number(amount),
            .number(Decimal(string: "0.05")!), .number(amount * Decimal(string: "0.05")!),
        ]
    }

    static func total(_ label: String, _ commission: WriteCell) -> [WriteCell] {
        [.text(label), .empty, .empty, .empty, .empty, commission]
    }

    @Test func typedTotalsOpeningTheirBlocksAddTheRowsBelowThem() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let rows = [
            Self.header, Self.total("Total Ana Lima", .number(1700)), Self.row("D1", "Ana Lima", 10000),
            Self.row("D2", "Ana Lima", 20000), Self.row("D3", "Ana Lima", 4000),
            Self.total("Total Ben Okafor", .number(900)), Self.row("D4", "Ben Okafor", 10000),
            Self.row("D5", "Ben Okafor", 6000),
        ]
        let path = try LayoutReadingTests.workbook([("Deals", rows)], in: folder)
        let result = try LayoutReadingTests.reconcile(path, in: folder)
        // Ana's 1,700 is right; Ben's rows add up to 800.
        #expect(result.errors.map { "\($0.cell) \($0.expected)" } == ["F6 800"])
    }

    @Test func aFormulaTotalAboveItsRowsIsCheckedAgainstThemAndItsShortRangeNamed() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let rows = [
            Self.header, Self.total("Total Ana Lima", CauseTests.formula("1500", "SUM(F3:F4)")),
            Self.row("D1", "Ana Lima", 10000), Self.row("D2", "Ana Lima", 20000), Self.row("D3", "Ana Lima", 4000),
            Self.total("Total Ben Okafor", CauseTests.formula("800", "SUM(F7:F8)")),
            Self.row("D4", "Ben Okafor", 10000), Self.row("D5", "Ben Okafor", 6000),
        ]
        let path = try LayoutReadingTests.workbook([("Deals", rows)], in: folder)
        let result = try LayoutReadingTests.reconcile(path, in: folder)
        #expect(result.errors.map { "\($0.cell) \($0.expected) \($0.cause)" } == ["F2 1700 sum_range"])
        #expect(result.errors.first?.repairedFormula == "SUM(F3:F5)")
    }

    @Test func aTotalOverTheHeaderAddsEveryRow() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let rows = [
            Self.total("Total", .number(2500)), Self.header, Self.row("D1", "Ana Lima", 10000),
            Self.row("D2", "Ana Lima", 20000), Self.row("D4", "Ben Okafor", 10000), Self.row("D5", "Ben Okafor", 6000),
        ]
        let path = try LayoutReadingTests.workbook([("Deals", rows)], in: folder)
        let read = try DealsReader.readWorkbook(TableFile.open(path), knownReps: ["Ana Lima", "Ben Okafor"])
        #expect(read.totals.map(\.row) == [1])
        #expect(read.lines.count == 4)
        let result = try LayoutReadingTests.reconcile(path, in: folder)
        #expect(result.errors.map { "\($0.cell) \($0.expected)" } == ["F1 2300"])
    }

    @Test func anUnlabelledSumUnderTheHeaderAddsTheRowsBelowIt() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let rows = [
            Self.header, Self.total("", CauseTests.formula("2000", "SUM(F3:F5)")), Self.row("D1", "Ana Lima", 10000),
            Self.row("D2", "Ana Lima", 20000), Self.row("D4", "Ben Okafor", 10000), Self.row("D5", "Ben Okafor", 6000),
        ]
        let path = try LayoutReadingTests.workbook([("Deals", rows)], in: folder)
        let read = try DealsReader.readWorkbook(TableFile.open(path), knownReps: ["Ana Lima", "Ben Okafor"])
        #expect(read.totals.map(\.row) == [2])
        #expect(read.lines.count == 4)
        let result = try LayoutReadingTests.reconcile(path, in: folder)
        #expect(result.errors.map { "\($0.cell) \($0.expected) \($0.cause)" } == ["F2 2300 sum_range"])
    }

    @Test func anUnlabelledSumOverTheHeaderAddsEveryRow() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let rows = [
            Self.total("", CauseTests.formula("2500", "SUM(F3:F6)")), Self.header, Self.row("D1", "Ana Lima", 10000),
            Self.row("D2", "Ana Lima", 20000), Self.row("D4", "Ben Okafor", 10000), Self.row("D5", "Ben Okafor", 6000),
        ]
        let path = try LayoutReadingTests.workbook([("Deals", rows)], in: folder)
        let read = try DealsReader.readWorkbook(TableFile.open(path), knownReps: ["Ana Lima", "Ben Okafor"])
        #expect(read.totals.map(\.row) == [1])
        let result = try LayoutReadingTests.reconcile(path, in: folder)
        #expect(result.errors.map { "\($0.cell) \($0.expected)" } == ["F1 2300"])
    }
}
