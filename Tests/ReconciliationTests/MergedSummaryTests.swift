import Foundation
import Reconciliation
import Spreadsheet
import Testing
import XLSX

/// Cells merged in a summary sheet (formats.md: only the top-left cell holds the value): a period
/// merged down its reps' rows is every row's period, and periods merged over the figures below
/// them make a two-row header read as the deals sheet's is.
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

    /// A summary whose quarters are merged over `Bookings | Commission` (B1:C1, D1:E1) and a
    /// `Total` column under no quarter: each commission is its quarter's, Ana's Q2 written
    /// 1,200.00; the total stands alone, as the merges bound the groups.
    @Test func periodsMergedOverTheFiguresBelowThemAreATwoRowHeader() throws {
        let result = try SummaryLayoutTests.reconcile(
            [
                (
                    "Summary",
                    [
                        [.empty, .text("Q1 2026"), .empty, .text("Q2 2026"), .empty, .empty],
                        ["Rep", "Bookings", "Commission", "Bookings", "Commission", "Total"].map { .text($0) },
                        [
                            .text("Ana Lima"), Self.money("10000"), Self.money("500"), Self.money("20000"),
                            Self.money("1200"), Self.money("1700"),
                        ],
                        [
                            .text("Ben Okafor"), Self.money("10000"), Self.money("500"), .empty, .empty,
                            Self.money("500"),
                        ],
                    ]
                )
            ], merged: ["Summary": ["B1:C1", "D1:E1"]])
        #expect(result.errors.map { "\($0.sheet)!\($0.cell)" } == ["Summary!E3"])
        #expect(result.errors.first?.expected == 1000)
    }
}
