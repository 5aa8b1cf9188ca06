import Commission
import Foundation
import Spreadsheet
import Testing

@testable import Ingest

/// Dates a CSV keeps without their year (`15-Mar`, `Mar 15`: Excel saved what the cells showed)
/// are read in the one year the title above the header writes; with no year there, or two, the
/// rows are unreadable at their dates, never dated a year guessed.
@Suite struct YearlessDatesTests {
    static func read(_ lines: [String]) throws -> DealsTable {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("yearless-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("deals.csv")
        try lines.map { $0 + "\r\n" }.joined().write(to: path, atomically: true, encoding: .utf8)
        return try DealsReader.read(TableFile.open(path.path))
    }

    static let header = "Deal ID,Close Date,Sales Rep,Amount,Commission"

    @Test(arguments: [("Commissions 2026,,,,", "15-Mar"), ("Closed Won — 2026,,,,", "Mar 15")])
    func aTitlesYearDatesTheDaysWrittenWithoutOne(title: String, written: String) throws {
        let table = try Self.read([title, Self.header, "D-1,\(written),Ana Lima,1000,50", "D-2,2-Jan,Ana Lima,500,25"])
        #expect(
            table.lines.map(\.date) == [
                LocalDate(year: 2026, month: 3, day: 15)!, LocalDate(year: 2026, month: 1, day: 2)!,
            ])
        #expect(table.sheets.first?.yearOfYearlessDates == 2026)
        #expect(table.diagnostics.isEmpty)
    }

    /// No title, a title of two years, and a `FY2026` (a fiscal year may be named by the year it
    /// starts or ends in): the rows are unreadable, their dates saying why.
    @Test(arguments: [nil, "Commissions 2026 (printed 2027-01-04),,,,", "FY2026 Closed Won,,,,"])
    func withoutOneYearInTheTitleNoDayIsDated(title: String?) throws {
        let table = try Self.read((title.map { [$0] } ?? []) + [Self.header, "D-1,15-Mar,Ana Lima,1000,50"])
        #expect(table.lines.isEmpty)
        #expect(table.diagnostics.contains { $0.reason.contains("a day and a month but no year") })
    }

    @Test func aDayAndAMonthAreReadInEitherOrder() {
        #expect(YearlessDates.dayAndMonth("15-Mar")! == (15, 3))
        #expect(YearlessDates.dayAndMonth("Mar 15")! == (15, 3))
        #expect(YearlessDates.dayAndMonth("15 de marzo")! == (15, 3))
        #expect(YearlessDates.dayAndMonth("15-Mar-2026") == nil)
        #expect(YearlessDates.dayAndMonth("Q1 2026") == nil)
        #expect(YearlessDates.dayAndMonth("March") == nil)
    }

    @Test func aDayTheYearHasNotIsNoDate() throws {
        let table = try Self.read(["Commissions 2026,,,,", Self.header, "D-1,29-Feb,Ana Lima,1000,50"])
        #expect(table.lines.isEmpty)
        #expect(table.diagnostics.contains { $0.reason.contains("no day of 2026, the year the title") })
    }
}
