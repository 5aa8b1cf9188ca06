import Commission
import Foundation
import Ingest
import Spreadsheet
import Testing
import XLSX

/// Text dates that name their month or put the year first read as dates in any language the
/// headers are read in; a text that is no date, or names no such day, is still a row not read.
@Suite struct WrittenDateTests {
    static let written: [(text: String, date: String)] = [
        ("Jan 4, 2026", "2026-01-04"), ("January 4th, 2026", "2026-01-04"), ("4 Jan 2026", "2026-01-04"),
        ("04-Jan-2026", "2026-01-04"), ("4-Jan-26", "2026-01-04"), ("17-Sep-99", "1999-09-17"),
        ("Sunday, January 4, 2026", "2026-01-04"), ("Tue, Mar 3, 2026", "2026-03-03"), ("Mar 3, 2026", "2026-03-03"),
        ("Sept. 30, 2026", "2026-09-30"), ("2026 Jul 1", "2026-07-01"), ("Jan 4, 2026 10:30 AM", "2026-01-04"),
        ("4 de enero de 2026", "2026-01-04"), ("15 de março de 2026", "2026-03-15"), ("4. März 2026", "2026-03-04"),
        ("4 févr. 2026", "2026-02-04"), ("1er août 2026", "2026-08-01"), ("4 gennaio 2026", "2026-01-04"),
        ("31 dic 2026", "2026-12-31"), ("2026/01/04", "2026-01-04"), ("2026.1.4", "2026-01-04"),
        ("20260704", "2026-07-04"), ("19991231", "1999-12-31"),
    ]
    static let notDates = [
        "Feb 30, 2026", "Smarch 4, 2026", "4 Jan", "Jan 2026", "2026/13/01", "4 Jan 2026 Jan", "20261304", "21000101",
        "2026070",
    ]

    /// Reads one deal per text from a workbook whose date column holds them as text.
    static func read(_ texts: [String]) throws -> DealsTable {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let header: [WriteCell] = ["Deal ID", "Rep", "Close Date", "Amount"].map { .text($0) }
        let rows = texts.enumerated().map { index, text -> [WriteCell] in
            [.text("D-\(index + 1)"), .text("Ana Lima"), .text(text), .number(1000)]
        }
        return try DealsReader.read(
            TableFile.open(LayoutReadingTests.workbook([("Deals", [header] + rows)], in: folder)))
    }

    @Test func datesThatNameTheirMonthReadInEveryLanguage() throws {
        let table = try Self.read(Self.written.map(\.text))
        #expect(table.skipped.isEmpty, "\(table.diagnostics.map(\.description))")
        #expect(table.lines.map(\.date.description) == Self.written.map(\.date))
    }

    /// Dates as Japanese and Chinese are typed, the year first and each part marked (`年`, `月`,
    /// `日`), their digits full-width where an input method left them so.
    @Test func datesTypedInFullWidthDigitsRead() throws {
        let written = [
            ("2026年3月15日", "2026-03-15"), ("２０２６年３月１５日", "2026-03-15"), ("２０２６年１１月３日", "2026-11-03"),
            ("２０２６/０７/０１", "2026-07-01"),
        ]
        let table = try Self.read(written.map(\.0))
        #expect(table.skipped.isEmpty, "\(table.diagnostics.map(\.description))")
        #expect(table.lines.map(\.date.description) == written.map(\.1))
    }

    /// Dates counted in an era's years, as Japanese and Taiwanese systems export them: a Japanese
    /// era by name or letter (its first year `元年`), the Republic of China's years with their name or
    /// in three digits first; a day outside its era, or a ROC year of two digits, is no date.
    @Test func datesInAnEraReadAsTheDaysTheyName() throws {
        let written = [
            ("令和8年3月15日", "2026-03-15"), ("令和元年5月1日", "2019-05-01"), ("R8.3.15", "2026-03-15"),
            ("R08/03/15", "2026-03-15"), ("H31.4.30", "2019-04-30"), ("平成31年4月30日", "2019-04-30"),
            ("昭和64年1月7日", "1989-01-07"), ("令和８年１１月３日", "2026-11-03"), ("令和 8年 3月 15日", "2026-03-15"),
            ("民國115年3月15日", "2026-03-15"), ("民国115年3月15日", "2026-03-15"), ("中華民國115年12月1日", "2026-12-01"),
            ("115/03/15", "2026-03-15"), ("115年3月15日", "2026-03-15"), ("115.3.15", "2026-03-15"),
        ]
        let table = try Self.read(written.map(\.0))
        #expect(table.skipped.isEmpty, "\(table.diagnostics.map(\.description))")
        #expect(table.lines.map(\.date.description) == written.map(\.1))
        let outside = [
            "令和1年4月1日", "H31.5.1", "令和元年2月1日", "R8.13.1", "R8/3.15", "民國115年2月30日", "99/12/31",
        ]
        let refused = try Self.read(outside)
        #expect(refused.lines.isEmpty, "\(refused.lines.map(\.date.description))")
        #expect(refused.skipped.count == outside.count)
    }

    /// Dates in the Jalali calendar as an Iranian team types them: year first in Persian digits, or
    /// the month named in Persian (an Arabic keyboard's yeh too), read as the Gregorian days they are
    /// (1403 a leap year: its 30 Esfand is 2025-03-20). The same year-first date in ASCII or
    /// Arabic-Indic digits, whose calendar (solar or lunar Hijri) cannot be told, is refused saying
    /// so, as is a day no Jalali month has.
    @Test func jalaliDatesReadWhereCertainAndRefusedWhereNot() throws {
        let written = [
            ("۱۴۰۵/۰۱/۲۵", "2026-04-14"), ("۱۴۰۵/۰۱/۰۱", "2026-03-21"), ("۱۴۰۴/۱۰/۱۱", "2026-01-01"),
            ("۱۴۰۳/۱۲/۳۰", "2025-03-20"), ("۱۴۰۵-۰۷-۰۱", "2026-09-23"), ("۲۵ فروردین ۱۴۰۵", "2026-04-14"),
            ("25 فروردین 1405", "2026-04-14"), ("۱۰ اسفند ۱۴۰۴", "2026-03-01"), ("۳ ارديبهشت ۱۴۰۵", "2026-04-23"),
        ]
        let table = try Self.read(written.map(\.0))
        #expect(table.skipped.isEmpty, "\(table.diagnostics.map(\.description))")
        #expect(table.lines.map(\.date.description) == written.map(\.1))
        let uncertain = ["1405/01/25", "١٤٤٧/٠٩/١٥", "۱۴۰۵/۰۷/۳۱", "۱۴۰۴/۱۲/۳۰", "۳۲ فروردین ۱۴۰۵"]
        let refused = try Self.read(uncertain)
        #expect(refused.lines.isEmpty, "\(refused.lines.map(\.date.description))")
        #expect(refused.skipped.count == uncertain.count)
        #expect(refused.diagnostics.map(\.description).contains { $0.contains("Deals!C2") && $0.contains("Hijri") })
    }

    /// Dates as ERP and database exports write them into a General cell, their digits as a number
    /// (`20260315`); a number of eight digits that is no day (`20261304`) is still a row not read.
    @Test func datesWrittenAsTheirDigitsInANumberCellRead() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let header: [WriteCell] = ["Deal ID", "Rep", "Close Date", "Amount"].map { .text($0) }
        let rows = [20_260_315, 19_991_231, 20_261_304].enumerated().map { index, digits -> [WriteCell] in
            [.text("D-\(index + 1)"), .text("Ana Lima"), .number(Decimal(digits)), .number(1000)]
        }
        let table = try DealsReader.read(
            TableFile.open(LayoutReadingTests.workbook([("Deals", [header] + rows)], in: folder)))
        #expect(table.lines.map(\.date.description) == ["2026-03-15", "1999-12-31"])
        #expect(table.diagnostics.map(\.description).contains { $0.contains("Deals!C4") && $0.contains("20261304") })
    }

    @Test func textsThatAreNoDateAreRowsNotRead() throws {
        let table = try Self.read(Self.notDates)
        #expect(table.lines.isEmpty)
        #expect(table.skipped.count == Self.notDates.count)
        #expect(
            table.diagnostics.map(\.description).allSatisfy { $0.contains("Deals!C") && $0.contains("expected a date") }
        )
    }

    /// Columns of dates with a two-digit year, as Excel's short dates write them, with the dates
    /// they hold: the column decides day-first or month-first as it does for four-digit years.
    static let twoDigitYears: [(texts: [String], dates: [String])] = [
        (["7/6/26", "8/13/26", "12/31/99"], ["2026-07-06", "2026-08-13", "1999-12-31"]),
        (["06.07.26", "13.08.26", "01.02.30"], ["2026-07-06", "2026-08-13", "1930-02-01"]),
        (["6/7/29", "13/8/00"], ["2029-07-06", "2000-08-13"]),
        (["06-07-26", "08-13-26"], ["2026-06-07", "2026-08-13"]),
    ]

    @Test(arguments: twoDigitYears)
    func datesWithATwoDigitYearReadAsExcelReadsThem(_ column: (texts: [String], dates: [String])) throws {
        let table = try Self.read(column.texts)
        #expect(table.skipped.isEmpty, "\(table.diagnostics.map(\.description))")
        #expect(table.lines.map(\.date.description) == column.dates)
    }

    @Test func twoDigitYearDatesWhoseOrderTheColumnCannotTellAreAnError() {
        #expect {
            try Self.read(["03/04/26", "05/02/26"])
        } throws: { error in
            "\(error)".contains("--date-order")
        }
    }

    /// Reads one deal per number from a workbook in `system` whose date column holds them in
    /// General format (pasted values).
    static func read(serials: [Decimal], system: DateSystem) throws -> DealsTable {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("serials.xlsx").path
        let file = try AtomicOutputFile(path: path, inputs: [])
        let writer = WorkbookWriter(handle: file.handle, dateSystem: system)
        try writer.beginSheet("Deals")
        try writer.writeRow(["Deal ID", "Rep", "Close Date", "Amount"].map { .text($0) })
        for (index, serial) in serials.enumerated() {
            try writer.writeRow([.text("D-\(index + 1)"), .text("Ana Lima"), .number(serial), .number(1000)])
        }
        try writer.endSheet()
        try writer.finish()
        try file.commit()
        return try DealsReader.read(TableFile.open(path))
    }

    @Test func wholeNumbersInADateColumnAreSerialsOfTheWorkbooksDateSystem() throws {
        let table = try Self.read(serials: [46209, 32874, 73415], system: .excel1900)
        #expect(table.skipped.isEmpty, "\(table.diagnostics.map(\.description))")
        #expect(table.lines.map(\.date.description) == ["2026-07-06", "1990-01-01", "2100-12-31"])
        let dates1904 = try Self.read(serials: [44747], system: .excel1904)
        #expect(dates1904.lines.map(\.date.description) == ["2026-07-06"])
    }

    /// A fraction, a serial outside 1990–2100, a small or negative number, and eight digits that
    /// name no day (`20261304`; `20260704` is a date's digits, `datesWrittenAsTheirDigitsInANumberCellRead`).
    @Test func otherNumbersInADateColumnAreStillNoDates() throws {
        let numbers: [Decimal] = [46209.5, 32873, 73416, 20_261_304, 1000, -46209]
        let table = try Self.read(serials: numbers, system: .excel1900)
        #expect(table.lines.isEmpty)
        #expect(table.skipped.count == numbers.count)
    }
}
