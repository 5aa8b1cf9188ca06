import Commission
import Foundation
import Spreadsheet
import Testing
import XLSX

@testable import Ingest

/// Text dates that read either way (`03/04/2026`) in a column, a table or a workbook whose other
/// dates tell the order (`13/04/2026` is day-first): the whole column is read in that one order.
@Suite struct DateOrderTests {
    static let reps = ["Ana Lima", "Ben Okafor"]

    static func row(_ deal: String, _ rep: String?, _ date: String, cancel: String? = nil) -> [WriteCell] {
        (rep.map { [.text(deal), .text($0)] } ?? [.text(deal)])
            + [.text(date), .number(100), cancel.map { .text($0) } ?? .empty, .number(5)]
    }

    static func header(rep: Bool) -> [WriteCell] {
        ((rep ? ["Deal ID", "Rep"] : ["Deal ID"]) + ["Close Date", "Amount", "Cancel Date", "Commission"]).map {
            .text($0)
        }
    }

    static func dates(_ sheets: [(String, [[WriteCell]])]) throws -> [String: String] {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try LayoutReadingTests.workbook(sheets, in: folder)
        let read = try DealsReader.readWorkbook(TableFile.open(path), knownReps: reps)
        var dates: [String: String] = [:]
        for line in read.lines {
            dates[line.dealID] = "\(line.date)" + (line.cancelDate.map { " \($0)" } ?? "")
        }
        return dates
    }

    @Test func aDateThatTellsTheOrderFarDownTheColumnSettlesItsFirstRows() throws {
        let rows =
            (0..<1_100).map { Self.row("D\($0)", "Ana Lima", "03/04/2026") } + [
                Self.row("DX", "Ana Lima", "13/04/2026")
            ]
        let dates = try Self.dates([("Deals", [Self.header(rep: true)] + rows)])
        #expect(dates["D0"] == "2026-04-03")
        #expect(dates["DX"] == "2026-04-13")
    }

    @Test func aCancelDateColumnIsWrittenAsTheCloseDatesShow() throws {
        let rows = [
            Self.row("D1", "Ana Lima", "13/01/2026", cancel: "03/02/2026"), Self.row("D2", "Ben Okafor", "03/01/2026"),
        ]
        let dates = try Self.dates([("Deals", [Self.header(rep: true)] + rows)])
        #expect(dates["D1"] == "2026-01-13 2026-02-03")
        #expect(dates["D2"] == "2026-01-03")
    }

    @Test func aTabWhoseDatesDoNotTellTakesTheOrderTheOtherTabsShow() throws {
        let dates = try Self.dates([
            ("Ana Lima", [Self.header(rep: false), Self.row("D1", nil, "13/04/2026")]),
            ("Ben Okafor", [Self.header(rep: false), Self.row("D2", nil, "03/04/2026")]),
        ])
        #expect(dates["D2"] == "2026-04-03")
    }

    @Test func tabsShowingBothOrdersLeaveATabThatShowsNeitherToTheUser() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try LayoutReadingTests.workbook(
            [
                ("Ana Lima", [Self.header(rep: false), Self.row("D1", nil, "13/04/2026")]),
                ("Ben Okafor", [Self.header(rep: false), Self.row("D2", nil, "04/13/2026")]),
                ("Notes", [Self.header(rep: true), Self.row("D3", "Ana Lima", "03/04/2026")]),
            ], in: folder)
        #expect {
            try DealsReader.readWorkbook(TableFile.open(path), knownReps: Self.reps)
        } throws: { error in
            "\(error)".contains("--date-order") && "\(error)".contains("Notes")
        }
        let read = try DealsReader.readWorkbook(TableFile.open(path), knownReps: Self.reps, dateOrder: .monthFirst)
        #expect(read.lines.first { $0.dealID == "D3" }?.date == LocalDate(iso: "2026-03-04"))
    }

    /// `Mon 1/12/2026` is 12 January 2026 (a Monday; 1 December is a Tuesday): a column whose
    /// numbers never pass 12 is read in the order its weekdays fit, in any of the languages read.
    @Test func weekdaysBeforeDatesTellTheOrderNoNumberTells() throws {
        let dates = try Self.dates([
            (
                "Deals",
                [
                    Self.header(rep: true), Self.row("D1", "Ana Lima", "Mon 1/12/2026"),
                    Self.row("D2", "Ben Okafor", "Thu, 2/12/2026"), Self.row("D3", "Ana Lima", "3/4/2026"),
                ]
            )
        ])
        #expect(dates["D1"] == "2026-01-12")
        #expect(dates["D2"] == "2026-02-12")
        #expect(dates["D3"] == "2026-03-04")
        #expect(DateOrder.decide(["lun. 2/3/2026", "3/4/2026"]).order == .dayFirst)
        #expect(DateOrder.decide(["Mo 3/2/2026"]).order == .monthFirst)
    }

    /// A weekday that fits neither order, or weekdays that fit both, tell nothing; and a number
    /// past 12 tells the order whatever a weekday says.
    @Test func weekdaysThatDisagreeTellNothing() throws {
        // 12 January 2026 is a Monday, 1 December a Tuesday, 2 March a Monday, 3 February a Tuesday.
        #expect(DateOrder.decide(["Mon 1/12/2026", "Mon 2/3/2026"]).order == nil)
        #expect(DateOrder.decide(["Sun 1/12/2026"]).order == nil)
        #expect(DateOrder.decide(["Mon 1/12/2026", "13/01/2026"]).order == .dayFirst)
        // `Di` is Dienstag or dimanche: no weekday.
        #expect(DateOrder.decide(["Di 1/12/2026"]).order == nil)
        #expect(DateOrder.decide(["Tue 1/12/2026"]).order == .dayFirst)
    }
}
