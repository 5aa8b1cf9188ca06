import Foundation
import Reconciliation
import Spreadsheet
import Testing
import XLSX

/// Cells merged in a summary sheet (formats.md: only the top-left cell holds the value): a period
/// merged down its reps' rows is every row's period.
@Suite struct MergedSummaryTests {
    static let money = SummaryLayoutTests.money

    /// `SummaryLayoutTests.deals()` (Ana Lima 500.00 in Q1 and 1,000.00 in Q2, Ben Okafor 500.00 in
    /// Q1) and a summary `Period | Rep | Commission` whose Q1 is merged over its two reps' rows (A2:A3),
    /// Ben's Q1, on the merge's second row, written 600.00.
    @Test func aPeriodMergedDownItsRepsIsEveryRowsPeriod() throws {
        let result = try SummaryLayoutTests.reconcile(
            [
                (
                    "Summary",
                    [["Period", "Rep", "Commission"].map { .text($0) }]
                        + [
                            [.text("Q1 2026"), .text("Ana Lima"), Self.money("500")],
                            [.empty, .text("Ben Okafor"), Self.money("600")],
                            [.text("Q2 2026"), .text("Ana Lima"), Self.money("1000")],
                        ]
                )
            ], merged: ["Summary": ["A2:A3"]])
        #expect(result.errors.map { "\($0.sheet)!\($0.cell)" } == ["Summary!C3"])
        #expect(result.errors.first?.expected == 500)
    }
}
