import Foundation
import Ingest
import PlanFile
import Testing
import XLSX

@testable import Reconciliation

/// A summary's running year-to-date columns beside its figures (`YTD Commission`, `Earned YTD`):
/// each row's figure is what the plan gives its rep's periods of the year up to the row's, and a
/// wrong one is reported, with the cause of the wrong figures it adds up.
@Suite struct SummaryToDateTests {
    @Test(
        arguments: [
            ("YTD Commission", SummaryField.commission), ("Earned YTD", .earned),
            ("Commission year-to-date", .commission),
            ("Comisión acumulada", .commission), ("FYTD Payout", .payable), ("YTD", nil), ("Commission", nil),
            ("YTD Quota", nil),
        ] as [(String, SummaryField?)])
    func aHeaderNamesAFiguresYearToDate(_ header: String, field: SummaryField?) {
        #expect(SummaryToDate.figure(named: header) == field)
    }

    /// Ana Lima earns 500.00 in Q1 and 1,000.00 in Q2, Ben Okafor 500.00 in Q1
    /// (`SummaryLayoutTests.deals`).
    @Test func aYearToDateIsComparedWithThePlansPeriodsSoFar() throws {
        let money = SummaryLayoutTests.money
        let result = try SummaryLayoutTests.reconcile([
            (
                "Summary",
                [["Rep", "Period", "Commission", "YTD Commission", "Earned YTD"].map { .text($0) }]
                    + [
                        [
                            .text("Ana Lima"), .text("2026-Q1"), money("500"), SummaryTotalsTests.sum("C2", "500"),
                            money("500"),
                        ],
                        // Q2 typed 200.00 too much: the year to date adding it up is wrong through it;
                        // the typed earned year to date is right.
                        [
                            .text("Ana Lima"), .text("2026-Q2"), money("1200"),
                            SummaryTotalsTests.sum("C2+C3", "1700"), money("1500"),
                        ],
                        // Ben's year to date typed wrong on its own.
                        [
                            .text("Ben Okafor"), .text("2026-Q1"), money("500"), SummaryTotalsTests.sum("C4", "500"),
                            money("450"),
                        ],
                    ]
            )
        ])
        #expect(SummaryTotalsTests.found(result) == ["C3 unexplained", "D3 unexplained (total)", "E4 unexplained"])
        let toDate = try #require(result.errors.first { $0.cell.description == "D3" })
        #expect(toDate.expected == 1500)
        #expect(toDate.explanation.contains("the difference comes from Summary!C3"))
        #expect(result.mappingNotes.contains { $0.contains("its year-to-date figures compared") })
    }

    /// Under a fiscal year from April, a sheet whose years to date run from January (Ana Lima's
    /// `2026-Q1` adding up her January deal and her April one) is read over calendar years, as
    /// most of its figures run: nothing is wrong.
    @Test func aYearToDateRunOverCalendarYearsIsReadSo() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let money = SummaryLayoutTests.money
        let summary: [[WriteCell]] =
            [["Rep", "Period", "Commission", "YTD Commission"].map { .text($0) }]
            + [
                [.text("Ana Lima"), .text("2025-Q4"), money("500"), money("500")],
                [.text("Ana Lima"), .text("2026-Q1"), money("1000"), money("1500")],
                [.text("Ben Okafor"), .text("2025-Q4"), money("500"), money("500")],
            ]
        let path = try LayoutReadingTests.workbook([SummaryLayoutTests.deals(), ("Summary", summary)], in: folder)
        let rosterPath = folder.appendingPathComponent("roster.csv").path
        try LayoutReadingTests.roster.write(toFile: rosterPath, atomically: true, encoding: .utf8)
        let plan = try PlanFile.parse(
            CauseTests.planText.replacingOccurrences(
                of: "period: quarter", with: "period: quarter\nfiscal_year_start: 4"),
            file: "plan.yaml")
        let result = try Reconciler.reconcile(
            workbook: path, plan: plan, roster: RosterReader.read(TableFile.open(rosterPath)))
        #expect(result.errors.isEmpty, "\(result.errors.map { "\($0.cell) \($0.explanation)" })")
        #expect(result.mappingNotes.contains { $0.contains("compared over calendar years") })
    }
}
