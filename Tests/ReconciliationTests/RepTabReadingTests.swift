import Foundation
import Ingest
import Spreadsheet
import Testing
import XLSX

/// Tabs per rep without a rep column, named by a first name beside a period (`Ben - Q3 2026`):
/// each tab's rows are its rep's; a tab whose name fits no known rep is named in the report's
/// notes with what it lacks, never dropped without a word.
@Suite struct RepTabReadingTests {
    static func rows(_ deals: [String]) -> [[WriteCell]] {
        [["Deal ID", "Close Date", "Amount", "Commission"].map { WriteCell.text($0) }]
            + deals.map { [.text($0), LayoutReadingTests.date("2026-07-15"), .number(10000), .number(500)] }
    }

    @Test func tabsNamedByFirstNameAndPeriodAreTheirRepsAndAnUnknownTabIsSaidSo() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try LayoutReadingTests.workbook(
            [
                ("Ana Lima Q3", Self.rows(["D1"])), ("Ben - Q3 2026", Self.rows(["D2", "D3"])),
                ("Chloé (Q3)", Self.rows(["D4"])), ("Zed Q3", Self.rows(["D5"])),
            ], in: folder)
        let read = try DealsReader.readWorkbook(
            TableFile.open(path), knownReps: ["Ana Lima", "Ben Okafor", "Chloé Martin"])
        #expect(read.lines.map(\.dealID) == ["D1", "D2", "D3", "D4"])
        #expect(read.lines.map(\.rep) == ["Ana Lima", "Ben Okafor", "Ben Okafor", "Chloé Martin"])
        #expect(read.otherSheets.map(\.sheet) == ["Zed Q3"])
        #expect(read.otherSheets.first?.reason.contains("no rep column") == true)
    }
}
