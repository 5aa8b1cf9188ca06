import Foundation
import Reconciliation
import Spreadsheet
import Testing
import XLSX

/// A cross-tab summary laid out the other way round: a row per period, a column per rep
/// (`Quarter | Ana Lima | Ben Okafor`), compared cell by cell as the cross-tab is.
@Suite struct TransposedSummaryTests {
    /// `SummaryLayoutTests.deals()` (Ana Lima 500.00 in Q1, 1,000.00 in Q2; Ben Okafor 500.00 in
    /// Q1) and a summary of `title`, `header` and a row per period labelled `periods`, with Ana's Q2
    /// written 1,200.00.
    static func reconcile(title: String, header: [String], periods: [String]) throws -> Reconciliation {
        try SummaryLayoutTests.reconcile([
            (
                "Summary",
                [[.text(title)], header.map { .text($0) }]
                    + [
                        [.text(periods[0]), SummaryLayoutTests.money("500"), SummaryLayoutTests.money("500")],
                        [.text(periods[1]), SummaryLayoutTests.money("1200"), .empty],
                        [.text("Total"), SummaryLayoutTests.money("1700"), SummaryLayoutTests.money("500")],
                    ]
            )
        ])
    }

    @Test(arguments: [["Q1 2026", "Q2 2026"], ["Q1", "Q2"], ["2026-03-31", "2026-06-30"], ["1T 2026", "2T 2026"]])
    func aRowPerPeriodAndAColumnPerRepIsComparedCellByCell(_ periods: [String]) throws {
        let result = try Self.reconcile(
            title: "Commission by quarter", header: ["Quarter", "Ana Lima", "Ben Okafor"], periods: periods)
        // Ana's Q2 figure, and her typed total wrong through it (`SummaryTotals`).
        #expect(result.errors.map { "\($0.sheet)!\($0.cell)" } == ["Summary!B4", "Summary!B5"])
        let finding = try #require(result.errors.first)
        #expect(finding.expected == 1000)
        #expect(result.errors.last?.isDerived == true)
        #expect(result.netOverpayment == 200)
        let notes = result.mappingNotes.joined(separator: "\n")
        #expect(notes.contains("sheet 'Summary': summary, a row per period and a column per rep, header row 2"))
    }

    /// Quotas by quarter, a table by quarter whose columns are no reps, and one whose columns are
    /// figures: none is compared.
    @Test(arguments: [
        ("Quota by quarter", ["Quarter", "Ana Lima", "Ben Okafor"]), ("Pipeline", ["Quarter", "Deals", "Amount"]),
        ("By quarter", ["Quarter", "Commission", "Bonus"]),
    ])
    func aTableByPeriodThatIsNoSummaryIsNotCompared(_ title: String, _ header: [String]) throws {
        let result = try Self.reconcile(title: title, header: header, periods: ["Q1 2026", "Q2 2026"])
        #expect(result.errors.isEmpty)
        #expect(!result.mappingNotes.contains { $0.contains("'Summary': summary") })
    }
}
