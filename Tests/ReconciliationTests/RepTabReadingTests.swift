import Foundation
import Ingest
import PlanFile
import Reconciliation
import Spreadsheet
import Testing
import XLSX

/// Tabs per rep without a rep column, named by a first name beside a period (`Ben - Q3 2026`):
/// each tab's rows are its rep's; a tab with deals whose name fits no known rep stops the run
/// naming it (its deals are someone's pay: never pay from a partial read), an empty one is named in
/// the report's notes with what it lacks; never dropped without a word.
@Suite struct RepTabReadingTests {
    static func rows(_ deals: [String]) -> [[WriteCell]] {
        [["Deal ID", "Close Date", "Amount", "Commission"].map { WriteCell.text($0) }]
            + deals.map { [.text($0), LayoutReadingTests.date("2026-07-15"), .number(10000), .number(500)] }
    }

    @Test func tabsNamedByFirstNameAndPeriodAreTheirRepsAndAnUnknownTabIsSaidSo() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let tabs = [
            ("Ana Lima Q3", Self.rows(["D1"])), ("Ben - Q3 2026", Self.rows(["D2", "D3"])),
            ("Chloé (Q3)", Self.rows(["D4"])), ("Zed Q3", Self.rows([])),
        ]
        let path = try LayoutReadingTests.workbook(tabs, in: folder)
        let reps = ["Ana Lima", "Ben Okafor", "Chloé Martin"]
        let read = try DealsReader.readWorkbook(TableFile.open(path), knownReps: reps)
        #expect(read.lines.map(\.dealID) == ["D1", "D2", "D3", "D4"])
        #expect(read.lines.map(\.rep) == ["Ana Lima", "Ben Okafor", "Ben Okafor", "Chloé Martin"])
        #expect(read.otherSheets.map(\.sheet) == ["Zed Q3"])
        #expect(read.otherSheets.first?.reason.contains("no rep column") == true)
        // With deals under its header, the tab no rep is known by stops the run, naming it.
        let withDeals = try LayoutReadingTests.workbook(
            tabs.dropLast() + [("Zed Q3", Self.rows(["D5"]))], in: folder, name: "deals.xlsx")
        #expect {
            try DealsReader.readWorkbook(TableFile.open(withDeals), knownReps: reps)
        } throws: { error in
            "\(error)".contains("'Zed Q3'") && "\(error)".contains("no rep column")
                && "\(error)".contains("partial read")
        }
    }

    /// A tab per period whose name names no period, with deals under a header without a date
    /// column, stops the run naming it; a pipeline beside sheets with a commission is left out.
    @Test func aDatelessTabNamingNoPeriodStopsTheRun() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        func tab(_ headers: [String], _ deal: String) -> [[WriteCell]] {
            [headers.map { WriteCell.text($0) }]
                + [[.text(deal), .text("Ana Lima"), .number(10000)] + (headers.count > 3 ? [.number(500)] : [])]
        }
        let header = ["Deal ID", "Rep", "Amount", "Commission"]
        let path = try LayoutReadingTests.workbook(
            [("Feb 2026", tab(header, "D1")), ("Jan 2026 misc", tab(header, "D2"))], in: folder)
        #expect {
            try DealsReader.readWorkbook(TableFile.open(path), knownReps: ["Ana Lima"])
        } throws: { error in
            "\(error)".contains("'Jan 2026 misc'") && "\(error)".contains("no date column")
        }
        let pipeline = try LayoutReadingTests.workbook(
            [("Feb 2026", tab(header, "D1")), ("Pipeline", tab(["Deal ID", "Rep", "Amount"], "D9"))], in: folder,
            name: "pipeline.xlsx")
        let read = try DealsReader.readWorkbook(TableFile.open(pipeline), knownReps: ["Ana Lima"])
        #expect(read.lines.map(\.dealID) == ["D1"])
    }

    /// A tab per rep made from a template whose rep column was left empty: its rows are the rep
    /// its name names.
    @Test func aTabsEmptyRepColumnTakesTheRepItsNameNames() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let header = ["Deal ID", "Sales Rep", "Close Date", "Amount", "Commission"].map { WriteCell.text($0) }
        func row(_ deal: String, _ rep: String) -> [WriteCell] {
            [.text(deal), .text(rep), LayoutReadingTests.date("2026-07-15"), .number(10000), .number(500)]
        }
        let path = try LayoutReadingTests.workbook(
            [
                ("Ana Lima", [header, row("D1", ""), row("D2", "")]),
                ("Ben", [header, row("D3", ""), row("D4", "Ana Lima")]),
            ],
            in: folder)
        let read = try DealsReader.readWorkbook(TableFile.open(path), knownReps: ["Ana Lima", "Ben Okafor"])
        #expect(read.skipped.isEmpty)
        #expect(read.lines.map(\.rep) == ["Ana Lima", "Ana Lima", "Ben Okafor", "Ana Lima"])
    }

    /// A full name in a tab's title comes before a part of a name in the tab's name: a tab `May`
    /// titled `Commissions – Ben Okafor` is Ben's, though May Chen works there too.
    @Test func aTitleNamingARepInFullComesBeforeAPartOfTheTabsName() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let sheet = [[WriteCell.text("Commissions – Ben Okafor")]] + Self.rows(["D1"])
        let path = try LayoutReadingTests.workbook([("May", sheet)], in: folder)
        let read = try DealsReader.readWorkbook(TableFile.open(path), knownReps: ["Ben Okafor", "May Chen", "Tom May"])
        #expect(read.lines.map(\.rep) == ["Ben Okafor"])
    }

    /// An unreadable row is named on its own tab, once.
    @Test func anUnreadableRowOnALaterTabIsNamedThere() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let header = ["Deal ID", "Rep", "Close Date", "Amount", "Commission"].map { WriteCell.text($0) }
        func row(_ deal: String, _ amount: WriteCell) -> [WriteCell] {
            [.text(deal), .text("R1"), LayoutReadingTests.date("2026-01-15"), amount, .number(500)]
        }
        let path = try LayoutReadingTests.workbook(
            [
                ("West", [header, row("D1", .number(10000)), row("D2", .number(10000))]),
                ("East", [header, row("D3", .number(10000)), row("D4", .text("TBD"))]),
            ], in: folder)
        let result = try Reconciler.reconcile(
            workbook: path, plan: PlanFile.parse(CauseTests.planText, file: "plan.yaml"), roster: [])
        let unreadable = result.errors.filter { $0.cause == .unreadable }
        #expect(unreadable.map { "\($0.sheet)!\($0.cell)" } == ["East!D3"])
    }
}

/// Whole amounts grouped by dots (`37.800`) are read in the style the sheet's other number
/// columns show (`2.268,00`, `6,0 %`); alone they stay as their text reads.
@Suite struct GroupedWholeAmountTests {
    static func amounts(commission: String, rate: String) throws -> [Decimal] {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let header = ["Deal ID", "Rep", "Close Date", "Amount", "Rate", "Commission"].map { WriteCell.text($0) }
        let rows = [("D1", "37.800"), ("D2", "16.100")].map { deal, amount -> [WriteCell] in
            [
                .text(deal), .text("Ana Lima"), LayoutReadingTests.date("2026-07-15"), .text(amount), .text(rate),
                .text(commission),
            ]
        }
        let path = try LayoutReadingTests.workbook([("Deals", [header] + rows)], in: folder)
        return try DealsReader.readWorkbook(TableFile.open(path), knownReps: ["Ana Lima"]).lines.map(\.amount)
    }

    @Test func theSheetsOtherColumnsTellTheStyle() throws {
        #expect(try Self.amounts(commission: "2.268,00", rate: "6,0 %") == [37800, 16100])
        #expect(
            try Self.amounts(commission: "2,268.00", rate: "6.0 %") == [
                Decimal(string: "37.8")!, Decimal(string: "16.1")!,
            ])
        // Without other evidence, money with one dot before three digits groups thousands with it.
        #expect(try Self.amounts(commission: "2268", rate: "6 %") == [37800, 16100])
    }
}

/// A pipeline tab (open opportunities, no commission column) beside deals sheets with their
/// commissions is left out and said so; named with `--sheet` it is read.
@Suite struct PipelineSheetTests {
    @Test func aPipelineBesideTheDealsIsLeftOut() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let deals =
            [["Deal ID", "Rep", "Close Date", "Amount", "Commission"].map { WriteCell.text($0) }]
            + [[.text("D1"), .text("Ana Lima"), LayoutReadingTests.date("2026-07-15"), .number(10000), .number(500)]]
        let pipeline =
            [["Opportunity ID", "Owner", "Expected Close Date", "Amount", "Stage"].map { WriteCell.text($0) }]
            + [
                [
                    .text("O1"), .text("Ana Lima"), LayoutReadingTests.date("2026-09-15"), .number(90000),
                    .text("Proposal"),
                ]
            ]
        let path = try LayoutReadingTests.workbook([("Deals", deals), ("Pipeline", pipeline)], in: folder)
        let read = try DealsReader.readWorkbook(TableFile.open(path), knownReps: ["Ana Lima"])
        #expect(read.lines.map(\.dealID) == ["D1"])
        #expect(read.otherSheets.map(\.sheet) == ["Pipeline"])
        let named = try DealsReader.readWorkbook(
            TableFile.open(path), selection: "Deals,Pipeline", knownReps: ["Ana Lima"])
        #expect(named.lines.map(\.dealID) == ["D1", "O1"])
    }
}
