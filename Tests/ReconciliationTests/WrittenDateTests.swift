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
    ]
    static let notDates = ["Feb 30, 2026", "Smarch 4, 2026", "4 Jan", "Jan 2026", "2026/13/01", "4 Jan 2026 Jan"]

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

    @Test func textsThatAreNoDateAreRowsNotRead() throws {
        let table = try Self.read(Self.notDates)
        #expect(table.lines.isEmpty)
        #expect(table.skipped.count == Self.notDates.count)
        #expect(
            table.diagnostics.map(\.description).allSatisfy { $0.contains("Deals!C") && $0.contains("expected a date") }
        )
    }
}
