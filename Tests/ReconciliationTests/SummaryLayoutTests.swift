import Foundation
import Reconciliation
import Spreadsheet
import Testing
import XLSX

/// Summary sheets as people lay them out: periods labelled as they write them, dates for periods,
/// and a cross-tab with a row per rep and a column per period.
@Suite struct SummaryLayoutTests {
    /// Deals of a quarterly plan (5% to 50,000): Ana Lima 500.00 in Q1 and 1,000.00 in Q2, Ben
    /// Okafor 500.00 in Q1.
    static func deals() -> (String, [[WriteCell]]) {
        let header: [WriteCell] = ["Deal ID", "Rep", "Close Date", "Amount", "Rate", "Commission"].map { .text($0) }
        let rows: [(String, String, String, Decimal)] = [
            ("D1", "Ana Lima", "2026-01-15", 10000), ("D2", "Ana Lima", "2026-04-20", 20000),
            ("D3", "Ben Okafor", "2026-02-10", 10000),
        ]
        return (
            "Deals",
            [header]
                + rows.enumerated().map { index, deal in
                    let row = index + 2
                    let commission = deal.3 * Decimal(string: "0.05")!
                    return [
                        .text(deal.0), .text(deal.1), LayoutReadingTests.date(deal.2), .number(deal.3),
                        .number(Decimal(string: "0.05")!),
                        WriteCell(.number(commission), formula: "ROUND(D\(row)*E\(row),2)"),
                    ]
                }
        )
    }

    /// `merged`: each sheet's merged ranges.
    static func reconcile(_ sheets: [(String, [[WriteCell]])], merged: [String: [String]] = [:]) throws
        -> Reconciliation
    {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try LayoutReadingTests.workbook([deals()] + sheets, in: folder, merged: merged)
        return try LayoutReadingTests.reconcile(path, in: folder)
    }

    static func money(_ text: String) -> WriteCell { .number(Decimal(string: text)!) }

    @Test func aCrossTabOfRepsByPeriodIsComparedCellByCell() throws {
        let result = try Self.reconcile([
            // Quotas by quarter are laid out the same way and are no summary.
            (
                "Quotas",
                [["Rep", "Q1 2026", "Q2 2026"].map { .text($0) }]
                    + [[.text("Ana Lima"), Self.money("50000"), Self.money("50000")]]
            ),
            (
                "Summary",
                [[.text("Commission by quarter")], ["Rep", "Q1 2026", "Q2 2026", "Total"].map { .text($0) }]
                    + [
                        [.text("Ana Lima"), Self.money("500"), Self.money("1200"), Self.money("1700")],
                        [.text("Ben Okafor"), Self.money("500"), .empty, Self.money("500")],
                    ]
            ),
        ])
        // Ana's typed total is wrong through her Q2 figure: a total reported with it.
        #expect(result.errors.map { "\($0.sheet)!\($0.cell)" } == ["Summary!C3", "Summary!D3"])
        #expect(result.errors.first?.difference == 200)
        #expect(result.errors.last?.isDerived == true)
        let notes = result.mappingNotes.joined(separator: "\n")
        #expect(notes.contains("sheet 'Summary': summary, a row per rep and a column per period, header row 2"))
        // Earned and commission are the same here; the title settles it.
        #expect(notes.contains("figures read as commission (2 of 3 agree)"))
        #expect(notes.contains("sheet 'Quotas': ignored"))
    }

    /// A pivot table's dates grouped by years and quarters: the year over the first of its quarters
    /// (`Row Labels | 2026 | | 2026 Total | Grand Total` over `| Qtr1 | Qtr2 |`), each quarter read in
    /// its year (a number, as the pivot writes it); the year's and the grand totals are totals, not periods.
    @Test func aPivotOfYearsOverTheirQuartersIsComparedCellByCell() throws {
        let money = Self.money
        let result = try Self.reconcile([
            (
                "Pivot",
                [
                    [], [.text("Sum of Commission"), .text("Column Labels")],
                    [.text("Row Labels"), .number(2026), .empty, .text("2026 Total"), .text("Grand Total")],
                    ["", "Qtr1", "Qtr2"].map { .text($0) },
                    [.text("Ana Lima"), money("500"), money("1200"), money("1700"), money("1700")],
                    [.text("Ben Okafor"), money("500"), .empty, money("500"), money("500")],
                    [.text("Grand Total"), money("1000"), money("1200"), money("2200"), money("2200")],
                ]
            )
        ])
        // Ana's Q2 is wrong by 200; the totals holding it are reported with it.
        #expect(result.errors.first.map { "\($0.sheet)!\($0.cell)" } == "Pivot!C5")
        #expect(result.errors.first?.difference == 200)
        #expect(result.errors.dropFirst().allSatisfy { $0.isDerived })
        #expect(result.mappingNotes.joined().contains("sheet 'Pivot': summary, a row per rep and a column per period"))
    }

    /// tester7 failure 4: a cross-tab whose period headers hold a word for the period column
    /// (`1er trimestre 2026`, `1. Quartal 2026`, `Trimestre 1 2026`) is a cross-tab of that
    /// period, not a table with a period column of figures.
    @Test func aCrossTabHeadedByQuartersInWordsIsComparedCellByCell() throws {
        for (rep, quarter) in [
            ("Commercial", "1er trimestre 2026"), ("Rep", "1. Quartal 2026"), ("Rep", "Trimestre 1 2026"),
        ] {
            let result = try Self.reconcile([
                (
                    "Synthèse",
                    [[rep, quarter, "Total"].map { .text($0) }]
                        + [
                            [.text("Ana Lima"), Self.money("900"), Self.money("900")],
                            [.text("Ben Okafor"), Self.money("500"), Self.money("500")],
                        ]
                )
            ])
            #expect(
                result.errors.map { "\($0.sheet)!\($0.cell)" }.sorted() == ["Synthèse!B2", "Synthèse!C2"],
                "\(quarter): \(result.mappingNotes)")
            #expect(result.errors.first { $0.cell.description == "B2" }?.difference == 400, "\(quarter)")
        }
    }

    @Test func aTableOfRepsByPeriodWhoseFiguresAreNoTotalIsIgnored() throws {
        let result = try Self.reconcile([
            (
                "Sheet2",
                [["Rep", "Q1 2026", "Q2 2026"].map { .text($0) }]
                    + [[.text("Ana Lima"), Self.money("50000"), Self.money("60000")]]
            )
        ])
        #expect(result.errors.isEmpty)
        #expect(result.mappingNotes.contains { $0.hasPrefix("sheet 'Sheet2': ignored (a rep × period table") })
    }

    @Test func periodsWrittenAsPeopleWriteThemAndAsDatesAreCompared() throws {
        let result = try Self.reconcile([
            (
                "Summary",
                [["Rep", "Period", "Earned"].map { .text($0) }]
                    + [
                        [.text("Ana Lima"), .text("Q1 2026"), Self.money("500")],
                        [.text("Ana Lima"), LayoutReadingTests.date("2026-04-01"), Self.money("1100")],
                        [.text("Ben Okafor"), .text("1st quarter"), Self.money("900")],
                    ]
            )
        ])
        #expect(result.errors.map { "\($0.sheet)!\($0.cell)" } == ["Summary!C3"])
        let notes = result.mappingNotes.joined(separator: "\n")
        #expect(notes.contains("1 figure not compared, their period '1st quarter' names no quarter of this run"))
    }
}
