import Foundation
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

    @Test func onlyHeadersThatTotalThePeriodsAreTotalColumns() {
        for header in ["Total", "Q1 Total", "Total 2026", "YTD Total", "Gesamt", "Grand total"] {
            #expect(SummaryTotals.isTotalHeader(header), "\(header)")
        }
        for header in ["Total Quota", "Total Deals", "Attainment", "Notes"] {
            #expect(!SummaryTotals.isTotalHeader(header), "\(header)")
        }
    }
}
