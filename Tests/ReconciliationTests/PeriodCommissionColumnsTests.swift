import Commission
import Foundation
import PlanFile
import Reconciliation
import Spreadsheet
import TestSupport
import Testing
import XLSX

@testable import Ingest

/// A deals sheet with no commission column whose commission is kept in a column per month
/// (`Jan comm | Feb comm | Mar comm`), each deal's figure in its close month's column: every
/// row's commission is the cell written there, and a wrong one is found at that cell.
@Suite struct PeriodCommissionColumnsTests {
    /// `rows` under the header `Deal ID | Rep | Close Date | Amount | Jan comm | Feb comm | Mar
    /// comm`, reconciled under a flat 5% a month for rep R1.
    /// `summary`: the rows of a sheet of that name beside the deals, when given.
    static func reconcile(_ rows: [[WriteCell]], summary: [[WriteCell]]? = nil) throws -> Reconciliation {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let header: [WriteCell] = ["Deal ID", "Rep", "Close Date", "Amount", "Jan comm", "Feb comm", "Mar comm"].map {
            .text($0)
        }
        let path = try LayoutReadingTests.workbook(
            [("Deals", [header] + rows)] + (summary.map { [("Summary", $0)] } ?? []), in: folder)
        let plan = try PlanFile.parse(PlanTexts.flat("Month columns", period: "month"), file: "plan.yaml")
        return try Reconciler.reconcile(workbook: path, plan: plan, roster: [RosterEntry(id: "R1", name: "Ana Lima")])
    }

    @Test func aWrongFigureInItsMonthsColumnIsFoundThere() throws {
        // 5% of each amount; the February deal's figure is 1,100.00, not 1,000.00.
        let result = try Self.reconcile([
            [.text("D1"), .text("R1"), LayoutReadingTests.date("2026-01-15"), .number(10000), .number(500)],
            [
                .text("D2"), .text("R1"), LayoutReadingTests.date("2026-02-10"), .number(20000), .empty,
                .number(1100),
            ],
            [
                .text("D3"), .text("R1"), LayoutReadingTests.date("2026-03-05"), .number(8000), .empty, .empty,
                .number(400),
            ],
        ])
        #expect(result.errors.map { "\($0.cell)" } == ["F3"])
        #expect(result.errors.first?.manual == 1100 && result.errors.first?.expected == 1000)
    }

    /// A negative figure in a later month's column of a deal's row takes its commission back: it
    /// is compared as a clawback row, not ignored beside the figure of the deal's own month.
    @Test func aFigureTakenBackInALaterMonthsColumnIsCompared() throws {
        let result = try Self.reconcile([
            [.text("D1"), .text("R1"), LayoutReadingTests.date("2026-01-15"), .number(10000), .number(500)],
            [
                .text("D2"), .text("R1"), LayoutReadingTests.date("2026-02-10"), .number(20000), .empty,
                .number(1000), .number(-1000),
            ],
        ])
        // The plan claws nothing back: the March figure is reported, the February one is right.
        #expect(result.errors.map { "\($0.cell) \($0.cause.rawValue)" } == ["G3 unexplained"])
        #expect(result.errors.first?.manual == -1000 && result.errors.first?.expected == 0)
    }

    /// A second figure above 0 in another month's column of a deal's row pays the deal twice: it
    /// is reported at its cell as a duplicate, costed at the figure paid again, beside the row's
    /// own figure (right here, and compared on its own).
    @Test func aFigurePaidAgainInAnotherMonthsColumnIsADuplicate() throws {
        let result = try Self.reconcile([
            [.text("D1"), .text("R1"), LayoutReadingTests.date("2026-01-15"), .number(10000), .number(500)],
            [
                .text("D2"), .text("R1"), LayoutReadingTests.date("2026-02-10"), .number(20000), .empty,
                .number(1000), .number(1000),
            ],
        ])
        #expect(result.errors.map { "\($0.sheet)!\($0.cell) \($0.cause.rawValue)" } == ["Deals!G3 duplicate_line"])
        let paid = try #require(result.errors.first)
        #expect(paid.manual == 1000 && paid.expected == 0 && paid.difference == 1000)
        // The period of the column paying it again, not the deal's close month.
        #expect(paid.dealID == "D2" && paid.period?.description == "2026-03", "\(String(describing: paid.period))")
        #expect(paid.explanation.contains("besides its figure at F3"), "\(paid.explanation)")
    }

    /// A month's total that adds up its column holds what is paid again there: the finding paid
    /// again names that month, so that the total wrong through it is said with it (a derived
    /// finding of its cause), not left unexplained, nor the deal's close month blamed.
    @Test func aMonthsTotalWrongThroughAFigurePaidAgainIsSaidWithIt() throws {
        let summary: [[WriteCell]] = [
            ["Rep", "Period", "Commission"].map { .text($0) },
            [.text("Ana Lima"), .text("2026-01"), .number(500)],
            [.text("Ana Lima"), .text("2026-02"), .number(1000)],
            [.text("Ana Lima"), .text("2026-03"), .number(1000)],
        ]
        let result = try Self.reconcile(
            [
                [.text("D1"), .text("R1"), LayoutReadingTests.date("2026-01-15"), .number(10000), .number(500)],
                [
                    .text("D2"), .text("R1"), LayoutReadingTests.date("2026-02-10"), .number(20000), .empty,
                    .number(1000), .number(1000),
                ],
            ], summary: summary)
        #expect(
            result.errors.map { "\($0.sheet)!\($0.cell) \($0.period?.description ?? "-") \($0.cause.rawValue)" }
                == ["Deals!G3 2026-03 duplicate_line", "Summary!C4 2026-03 duplicate_line"])
        #expect(result.errors.last?.isDerived == true)
    }

    /// A deal paid in parts is paid once: figures in two months' columns that add up to what the
    /// plan pays (half on booking, half a month later) are no duplicate and no short own figure;
    /// parts that add up to more are.
    @Test(arguments: [("500", [String]()), ("600", ["F3 wrong_rate", "G3 duplicate_line"])])
    func aDealPaidInPartsIsPaidOnce(secondPart: String, errors: [String]) throws {
        let result = try Self.reconcile([
            [.text("D1"), .text("R1"), LayoutReadingTests.date("2026-01-15"), .number(10000), .number(500)],
            [
                .text("D2"), .text("R1"), LayoutReadingTests.date("2026-02-10"), .number(20000), .empty,
                .number(500), .number(Decimal(string: secondPart)!),
            ],
        ])
        #expect(result.errors.map { "\($0.cell) \($0.cause.rawValue)" }.sorted() == errors)
    }

    /// Only a figure above 0 outside the row's own cell pays again: a zero, a blank, a negative
    /// figure (taken back) or a word does not; money text that tells its style does.
    @Test func onlyAFigureAboveZeroBesideTheRowsOwnPaysAgain() {
        let row = Row(
            index: 2,
            cells: [
                Cell(column: 5, value: .number(500)), Cell(column: 6, value: .number(0)),
                Cell(column: 7, value: .number(-500)), Cell(column: 8, value: .text("n/a")),
                Cell(column: 9, value: .text("500,00 €")),
            ])
        let own = row.cells[0]
        let again = PeriodCommissionColumns.paidAgain(
            in: row, among: [5, 6, 7, 8, 9], besides: own, dealID: "D1", rep: "R1")
        #expect(again.map(\.cell.column) == [9] && again.map(\.amount) == [500] && again.first?.paidIn == 5)
    }

    /// A figure paid again stored as text is read as the row's own is, in the columns' style:
    /// `1.500` on a German sheet is 1,500 (not 1.5), and `1,500` whole dollars where the texts
    /// tell no style.
    @Test(arguments: [(NumberStyle?.some(.decimalComma), "1.500"), (nil, "1,500")])
    func aFigurePaidAgainAsTextIsReadInTheColumnsStyle(style: NumberStyle?, text: String) {
        let row = Row(
            index: 2, cells: [Cell(column: 5, value: .text(text)), Cell(column: 6, value: .text(text))])
        let again = PeriodCommissionColumns.paidAgain(
            in: row, among: [5, 6], besides: row.cells[0], dealID: "D1", rep: "R1", style: style)
        #expect(again.map(\.amount) == [1500])
    }

    /// A row with figures in two months' columns is read at its close month's, when that holds
    /// one other than 0; else the first written, as before.
    @Test func theCloseMonthsCellIsTheRowsFigure() {
        let row = Row(
            index: 2,
            cells: [
                Cell(column: 5, value: .number(0)), Cell(column: 6, value: .number(300)),
                Cell(column: 7, value: .number(400)),
            ])
        let columns = [5, 6, 7]
        let periods = ["m1", "m2", "m3-2026"]
        func close(_ text: String) -> Int? {
            PeriodCommissionColumns.closePeriodCell(
                of: row, among: columns, periods: periods, closed: LocalDate(iso: text)!)?.column
        }
        #expect(close("2026-03-05") == 7)
        #expect(close("2026-02-05") == 6)
        // January's cell holds 0; March of another year is no column's.
        #expect(close("2026-01-05") == nil)
        #expect(close("2025-03-05") == nil)
        #expect(PeriodCommissionColumns.cell(of: row, among: columns)?.column == 6)
    }

    @Test func headersNamingAMonthOrQuarterBesideTheCommissionAreRead() {
        #expect(PeriodCommissionColumns.period(inCommissionHeader: "Jan comm") == "m1")
        #expect(PeriodCommissionColumns.period(inCommissionHeader: "Commission Mar-26") == "m3-2026")
        #expect(PeriodCommissionColumns.period(inCommissionHeader: "Q2 Commission") == "q2")
        #expect(PeriodCommissionColumns.period(inCommissionHeader: "Commission") == nil)
        #expect(PeriodCommissionColumns.period(inCommissionHeader: "Jan") == nil)
        #expect(PeriodCommissionColumns.period(inCommissionHeader: "Commission Rate") == nil)
        // The months a column's period spans, in its own year or else the one given.
        let day = { (text: String) in LocalDate(iso: text)! }
        #expect(PeriodCommissionColumns.months(of: "q2", year: 2026) == day("2026-04-01")...day("2026-06-01"))
        #expect(PeriodCommissionColumns.months(of: "m3-2027", year: 2026) == day("2027-03-01")...day("2027-03-01"))
    }

    /// The same columns in a CSV file: its one table is the deals, not also a summary whose
    /// columns are periods (`Commission Jan-26` names one), which would report each row's figure
    /// again as a rep's month.
    @Test func aTextFileOfMonthColumnsIsReadAsDealsAlone() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("deals.csv").path
        try """
        Deal ID,Rep,Close Date,Amount,Commission Jan-26,Commission Feb-26
        D1,R1,2026-01-15,10000,500,
        D2,R1,2026-02-10,20000,,1100

        """.write(toFile: path, atomically: true, encoding: .utf8)
        let plan = try PlanFile.parse(PlanTexts.flat("Month columns", period: "month"), file: "plan.yaml")
        let result = try Reconciler.reconcile(
            workbook: path, plan: plan, roster: [RosterEntry(id: "R1", name: "Ana Lima")])
        #expect(result.errors.map { "\($0.sheet)!\($0.cell)" } == ["deals.csv!F3"])
    }
}
