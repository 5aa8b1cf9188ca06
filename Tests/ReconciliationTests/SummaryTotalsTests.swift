import Foundation
import Ingest
import PlanFile
import Spreadsheet
import Testing
import XLSX

@testable import Reconciliation

/// A summary sheet's own totals (a `Total` row under its reps, a `Total` column beside its
/// periods) against the sum of what the plan gives the figures they stand for.
@Suite struct SummaryTotalsTests {
    static let money = SummaryLayoutTests.money

    static func sum(_ formula: String, _ cached: String) -> WriteCell {
        WriteCell(.number(Decimal(string: cached)!), formula: formula)
    }

    static func found(_ result: Reconciliation) -> [String] {
        result.errors.map { "\($0.cell) \($0.cause.rawValue)\($0.isDerived ? " (total)" : "")" }.sorted()
    }

    @Test func aCrossTabsTotalRowAndColumnAddUpWhatThePlanGivesTheirCells() throws {
        // Ana Lima earns 500.00 in Q1 and 1,000.00 in Q2, Ben Okafor 500.00 in Q1.
        let result = try SummaryLayoutTests.reconcile([
            (
                "Summary",
                [["Rep", "Q1 2026", "Q2 2026", "Total", "Total Deals"].map { .text($0) }]
                    + [
                        [
                            .text("Ana Lima"), Self.money("500"), Self.money("1000"), Self.sum("SUM(B2:C2)", "1500"),
                            Self.money("3"),
                        ],
                        [
                            .text("Ben Okafor"), Self.money("500"), .empty, Self.sum("SUM(B3:C3)", "500"),
                            Self.money("1"),
                        ],
                        // The Q1 total stops a row short; the grand total is typed among formulas.
                        [
                            .text("Total"), Self.sum("SUM(B2:B2)", "500"), Self.sum("SUM(C2:C3)", "1000"),
                            Self.money("1900"),
                        ],
                    ]
            )
        ])
        #expect(Self.found(result) == ["B4 sum_range", "D4 hardcoded_formula"])
        let short = try #require(result.errors.first { $0.cell.description == "B4" })
        #expect(short.expected == 1000)
        #expect(short.repairedFormula == "SUM(B2:B3)")
        #expect(short.explanation.contains("leaves out B3"))
    }

    @Test func aTotalWrongThroughAFigureItAddsIsReportedWithIt() throws {
        let result = try SummaryLayoutTests.reconcile([
            (
                "Summary",
                [["Rep", "Q1 2026", "Q2 2026", "Total"].map { .text($0) }]
                    + [
                        [.text("Ana Lima"), Self.money("500"), Self.money("1200"), Self.sum("SUM(B2:C2)", "1700")],
                        [.text("Ben Okafor"), Self.money("500"), .empty, Self.sum("SUM(B3:C3)", "500")],
                    ]
            )
        ])
        #expect(Self.found(result) == ["C2 unexplained", "D2 unexplained (total)"])
        #expect(result.netOverpayment == 200)
    }

    @Test func aTotalRowUnderRowsOfRepsAndPeriodsCoversThemAll() throws {
        let result = try SummaryLayoutTests.reconcile([
            (
                "Summary",
                [["Rep", "Period", "Earned"].map { .text($0) }]
                    + [
                        [.text("Ana Lima"), .text("Q1 2026"), Self.money("500")],
                        [.text("Ana Lima"), .text("Q2 2026"), Self.money("1000")],
                        [.text("Ben Okafor"), .text("Q1 2026"), Self.money("500")],
                        [.text("Total"), .empty, Self.sum("SUM($C$2:$C3)", "1500")],
                    ]
            )
        ])
        #expect(Self.found(result) == ["C5 sum_range"])
        #expect(result.errors.first?.repairedFormula == "SUM($C$2:$C4)")
    }

    @Test func aCrossTabLaidOutAPeriodPerRowHasItsTotalsChecked() throws {
        let result = try SummaryLayoutTests.reconcile([
            (
                "Summary",
                [["Quarter", "Ana Lima", "Ben Okafor", "Total"].map { .text($0) }]
                    + [
                        [.text("Q1 2026"), Self.money("500"), Self.money("500"), Self.sum("SUM(B2)", "500")],
                        [.text("Q2 2026"), Self.money("1000"), .empty, Self.sum("SUM(B3:C3)", "1000")],
                        [
                            .text("Total"), Self.sum("SUM(B2:B3)", "1500"), Self.sum("SUM(C2:C3)", "500"),
                            Self.sum("SUM(D2:D3)", "1500"),
                        ],
                    ]
            )
        ])
        // The Q1 total leaves Ben out; the grand total over it is wrong through it.
        #expect(Self.found(result) == ["D2 sum_range", "D4 sum_range (total)"])
        #expect(result.errors.first { $0.cell.description == "D2" }?.repairedFormula == "SUM(B2:C2)")
    }

    /// A cross-tab cell adding up the deals of the rep in column A of `row` closed in `quarter`.
    static func sumifs(_ row: Int, _ quarter: (String, String), _ cached: String) -> WriteCell {
        sum(
            "SUMIFS(Deals!$F$2:$F$9,Deals!$B$2:$B$9,$A\(row),Deals!$C$2:$C$9,\">=\"&DATE(\(quarter.0)),"
                + "Deals!$C$2:$C$9,\"<=\"&DATE(\(quarter.1)))", cached)
    }

    static let (q1, q2) = (("2026,1,1", "2026,3,31"), ("2026,4,1", "2026,6,30"))

    /// Reconciles `deals` beside the sheet `Summary` (`rows`, its header first), the roster's
    /// reps Ana Lima, Ben Okafor and Cy Ortiz.
    static func reconcile(
        deals: (String, [[WriteCell]]), summary rows: [[WriteCell]]
    ) throws -> Reconciliation {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try LayoutReadingTests.workbook([deals, ("Summary", rows)], in: folder)
        let roster = folder.appendingPathComponent("roster.csv").path
        try "id,name\nR1,Ana Lima\nR2,Ben Okafor\nR3,Cy Ortiz\n"
            .write(toFile: roster, atomically: true, encoding: .utf8)
        return try Reconciler.reconcile(
            workbook: path, plan: PlanFile.parse(CauseTests.planText, file: "plan.yaml"),
            roster: RosterReader.read(TableFile.open(roster)))
    }

    /// tester9 c09: a cross-tab's `Total` column is each rep's total over the periods beside it.
    /// Its formula reaches every rep's deals through the SUMIFS it adds, but it adds up only its
    /// rep's wrong rows, so each wrong row counts once in the headline.
    @Test func aCrossTabsTotalColumnAddsUpOnlyItsOwnRepsWrongRows() throws {
        var (name, deals) = SummaryLayoutTests.deals()
        // Ana's Q2 deal paid 100.00 too much, Ben's Q1 deal 50.00: typed over the formula.
        deals[2][5] = Self.money("1100")
        deals[3][5] = Self.money("550")
        let (sumifs, q1, q2) = (Self.sumifs, Self.q1, Self.q2)
        let result = try Self.reconcile(
            deals: (name, deals),
            summary: [
                ["Rep", "Q1 2026", "Q2 2026", "Total"].map { .text($0) },
                [.text("Ana Lima"), sumifs(2, q1, "500"), sumifs(2, q2, "1100"), Self.sum("SUM(B2:C2)", "1600")],
                [.text("Ben Okafor"), sumifs(3, q1, "550"), sumifs(3, q2, "0"), Self.sum("SUM(B3:C3)", "550")],
            ])
        #expect(
            Self.found(result) == [
                "B3 arithmetic (total)", "C2 arithmetic (total)", "D2 arithmetic (total)", "D3 arithmetic (total)",
                "F3 arithmetic", "F4 arithmetic",
            ])
        // Ana's Total is hers: it counts her wrong row once, through her Q2 figure, not Ben's.
        let figures = result.errors.filter { $0.sheet == "Summary" }
        let total = try #require(figures.first { $0.cell.description == "D2" })
        let anasQ2 = try #require(figures.first { $0.cell.description == "C2" })
        #expect(total.rep != nil && total.rep == anasQ2.rep && total.period == nil)
        #expect(total.precedents.map(\.description) == ["Deals!F3", "Summary!C2"])
        #expect(result.netOverpayment == 150)
    }

    /// tester11: a rep's figure whose formula reads the row above's rep (`=SUMIFS(…,$A2)` on row
    /// 3), unlike the column's others, adds up another rep's deals: `inconsistent_formula`.
    @Test func aFigureReadingAnotherRowsRepIsAnInconsistentFormula() throws {
        var (name, deals) = SummaryLayoutTests.deals()
        // Every deal in Q1: Ana 500.00 and 1,000.00, Ben 1,000.00 (20,000), Cy 500.00.
        deals[2][2] = LayoutReadingTests.date("2026-03-20")
        deals[3][3] = .number(20000)
        deals[3][5] = WriteCell(.number(1000), formula: "ROUND(D4*E4,2)")
        deals.append([
            .text("D4"), .text("Cy Ortiz"), LayoutReadingTests.date("2026-02-02"), .number(10000),
            .number(Decimal(string: "0.05")!), WriteCell(.number(500), formula: "ROUND(D5*E5,2)"),
        ])
        func figure(_ row: Int, _ cached: String) -> WriteCell {
            Self.sum("SUMIFS(Deals!$F$2:$F$9,Deals!$B$2:$B$9,$A\(row))", cached)
        }
        let result = try Self.reconcile(
            deals: (name, deals),
            summary: [
                ["Rep", "Period", "Commission"].map { .text($0) },
                [.text("Ana Lima"), .text("Q1 2026"), figure(2, "1500")],
                [.text("Ben Okafor"), .text("Q1 2026"), figure(2, "1500")],
                [.text("Cy Ortiz"), .text("Q1 2026"), figure(4, "500")],
            ])
        #expect(Self.found(result) == ["C3 inconsistent_formula"])
        let wrong = try #require(result.errors.first)
        #expect(wrong.explanation.contains("=SUMIFS(Deals!$F$2:$F$9,Deals!$B$2:$B$9,$A2) differs from the column's"))
        #expect(result.netOverpayment == 500)
    }

    @Test func onlyHeadersThatTotalThePeriodsAreTotalColumns() {
        for header in ["Total", "Q1 Total", "Total 2026", "YTD Total", "Gesamt", "Grand total"] {
            #expect(SummaryTotals.isTotalHeader(header), "\(header)")
        }
        for header in ["Total Quota", "Total Deals", "Attainment", "Notes"] {
            #expect(!SummaryTotals.isTotalHeader(header), "\(header)")
        }
    }
}
