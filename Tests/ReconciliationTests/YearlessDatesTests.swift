import Commission
import Foundation
import PlanFile
import Spreadsheet
import TestSupport
import Testing

@testable import Ingest

/// Dates a CSV keeps without their year (`15-Mar`, `Mar 15`, `15/03`: Excel saved what the cells
/// showed) are read in the one year the title above the header writes; with no year there, or two,
/// the rows are unreadable at their dates, never dated a year guessed. Two numbers are read in the
/// order the column's other dates tell, and unreadable where none does; a title's `FY2026` is the
/// year 2026 under a plan whose fiscal year starts in January only.
@Suite struct YearlessDatesTests {
    /// The deals of a CSV file of `lines`, read under a plan whose fiscal year starts in
    /// `fiscalYearStart` (no plan when nil).
    static func read(_ lines: [String], fiscalYearStart: Int? = nil, dateOrder: DateOrder? = nil) throws
        -> DealsTable
    {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("yearless-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("deals.csv")
        try lines.map { $0 + "\r\n" }.joined().write(to: path, atomically: true, encoding: .utf8)
        guard let fiscalYearStart else { return try DealsReader.read(TableFile.open(path.path), dateOrder: dateOrder) }
        let plan = try PlanFile.parse(
            PlanTexts.flat("Yearless") + "\nfiscal_year_start: \(fiscalYearStart)\n", file: "plan.yaml")
        return try DealsReader.readWorkbook(TableFile.open(path.path), dateOrder: dateOrder, plan: plan)
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

    /// `15/03` day-first where a first number past 12 tells it, `03/15` month-first where a second
    /// one does: each in the title's year.
    @Test(arguments: [("15/03", "02/01"), ("03/15", "01/02")])
    func twoNumbersAreReadInTheOrderTheColumnTells(written: String, second: String) throws {
        let table = try Self.read([
            "Commissions 2026,,,,", Self.header, "D-1,\(written),Ana Lima,1000,50", "D-2,\(second),Ana Lima,500,25",
        ])
        #expect(
            table.lines.map(\.date) == [
                LocalDate(year: 2026, month: 3, day: 15)!, LocalDate(year: 2026, month: 1, day: 2)!,
            ])
        #expect(table.sheets.first?.yearOfYearlessDates == 2026)
        #expect(table.diagnostics.isEmpty)
    }

    /// Two numbers no date of the column tells the order of (`03/04`, `11/12`) are unreadable,
    /// never a day guessed; `--date-order` settles them.
    @Test func twoNumbersNothingOrdersAreUnreadable() throws {
        let lines = ["Commissions 2026,,,,", Self.header, "D-1,03/04,Ana Lima,1000,50", "D-2,11/12,Ana Lima,500,25"]
        let table = try Self.read(lines)
        #expect(table.lines.isEmpty)
        #expect(table.diagnostics.contains { $0.reason.contains("whether the day or the month is first") })
        let ordered = try Self.read(lines, dateOrder: .dayFirst)
        #expect(
            ordered.lines.map(\.date) == [
                LocalDate(year: 2026, month: 4, day: 3)!, LocalDate(year: 2026, month: 12, day: 11)!,
            ])
    }

    @Test func twoNumbersAreADayAndAMonthOnlyWithASlash() {
        #expect(YearlessDates.slashed("15/03")! == (15, 3))
        #expect(YearlessDates.slashed(" 3/15 ")! == (3, 15))
        #expect(YearlessDates.slashed("15.03") == nil)
        #expect(YearlessDates.slashed("15/13") == nil)
        #expect(YearlessDates.slashed("1/2/2026") == nil)
        #expect(YearlessDates.slashed("0/5") == nil)
        #expect(YearlessDates.slashed("150/3") == nil)
    }

    /// `FY2026` over dates without their year: 2026 under a plan whose fiscal year starts in
    /// January; under one starting in April (or no plan), unreadable, saying why.
    @Test(arguments: [
        ("FY2026 Closed Won,,,,", 1), ("Closed Won FY 2026,,,,", 1), ("Commissions fy26,,,,", 1),
        ("FY2026 Closed Won,,,,", 4),
    ])
    func aFiscalYearInTheTitleIsItsYearOnlyWhenItIsTheCalendarYear(title: String, start: Int) throws {
        let table = try Self.read([title, Self.header, "D-1,15-Mar,Ana Lima,1000,50"], fiscalYearStart: start)
        if start == 1 {
            #expect(table.lines.map(\.date) == [LocalDate(year: 2026, month: 3, day: 15)!])
        } else {
            #expect(table.lines.isEmpty)
            #expect(
                table.diagnostics.contains {
                    $0.reason.contains("names fiscal year 2026, and the plan's fiscal year starts in month 4")
                }, "\(table.diagnostics)")
        }
    }

    @Test func aTitleWritesCalendarAndFiscalYearsApart() {
        let row = Row(index: 1, cells: [Cell(column: 1, value: .text("FY2026 plan — FY 2025 — FY-27, 2024 deals"))])
        let years = YearlessDates.years(in: row)
        #expect(years.calendar == [2024])
        #expect(years.fiscal == [2026, 2025, 2027])
    }
}
