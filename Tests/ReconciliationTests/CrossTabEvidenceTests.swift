import Foundation
import Reconciliation
import Spreadsheet
import Testing
import XLSX

/// A rep × period cross-tab whose figures mostly disagree with the plan's is still a summary,
/// and compared, when more than that agreement tells it is one: its rows name the run's reps and
/// one figure agrees, or it adds up the workbook's own wrong rows; a table of what else is laid
/// out by rep and period (bookings, quotas) is still no summary.
@Suite struct CrossTabEvidenceTests {
    static func crossTab(_ ana: [WriteCell], _ ben: [WriteCell], title: String = "Rep") -> (String, [[WriteCell]]) {
        (
            "Summary",
            [[title, "Q1 2026", "Q2 2026"].map { .text($0) }, [.text("Ana Lima")] + ana, [.text("Ben Okafor")] + ben]
        )
    }

    /// `SummaryLayoutTests.deals()` gives Ana 500.00 and 1,000.00, Ben 500.00 and nothing: three of
    /// the four cells are wrong here.
    @Test func aSummaryWithMostOfItsCellsWrongIsCompared() throws {
        let money = SummaryLayoutTests.money
        let result = try SummaryLayoutTests.reconcile([
            Self.crossTab([money("500"), money("2100")], [money("5000"), money("300")])
        ])
        #expect(
            result.errors.map { "\($0.sheet)!\($0.cell)" }.sorted() == ["Summary!B3", "Summary!C2", "Summary!C3"])
        #expect(result.mappingNotes.contains { $0.contains("a summary all the same: each row a rep of the run") })
    }

    /// Formulas reading the deals sheet's commissions, three of the four adding up the wrong rows.
    @Test func aSummaryOfFormulasAddingUpTheDealsIsCompared() throws {
        let cell = { (value: String, formula: String) in CauseTests.formula(value, formula) }
        let result = try SummaryLayoutTests.reconcile([
            Self.crossTab(
                [cell("500", "Deals!F2"), cell("1500", "Deals!F3+Deals!F4")],
                [cell("1000", "Deals!F2+Deals!F4"), cell("500", "Deals!F4")])
        ])
        #expect(
            result.errors.map { "\($0.sheet)!\($0.cell)" }.sorted() == ["Summary!B3", "Summary!C2", "Summary!C3"])
        #expect(result.mappingNotes.contains { $0.contains("a summary all the same: 4 of 4 add up the deals") })
    }

    /// Every row paid at 6% for the plan's 5%: the summary adds up the rows as they are, so that
    /// none of its figures agrees with the plan, and it is compared (its differences come from the rows).
    @Test func aSummaryOfAWorkbookWithWrongRowsIsCompared() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (name, rows) = SummaryLayoutTests.deals()
        let money = SummaryLayoutTests.money
        let paid = zip(rows.dropFirst(), ["600", "1200", "600"]).map { row, commission in
            Array(row[..<4]) + [CauseTests.rate("0.06"), money(commission)]
        }
        let path = try LayoutReadingTests.workbook(
            [(name, [rows[0]] + paid), Self.crossTab([money("600"), money("1200")], [money("600"), .empty])],
            in: folder)
        let result = try LayoutReadingTests.reconcile(path, in: folder)
        let summary = result.errors.filter { $0.sheet == "Summary" }
        #expect(summary.count == 3)
        #expect(summary.allSatisfy { $0.isDerived })
        #expect(
            result.mappingNotes.contains {
                $0.contains(
                    "0 of 3 agree with the plan's; a summary all the same: 3 of 3 agree with the deals' own rows")
            })
    }

    /// A typed summary adds the numbers stored as text at their values: Ben's 600.00, wrong and
    /// text, makes his total wrong only through it (a formula's SUM would skip it), and Ana's
    /// 500.00, right but text, makes hers no wrong.
    @Test func aTypedTotalOverNumbersStoredAsTextIsWrongOnlyThroughTheWrongRows() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (name, rows) = SummaryLayoutTests.deals()
        let paid = zip(rows.dropFirst(), [WriteCell.text("500.00"), .number(1200), .text("600.00")]).map {
            row, commission in Array(row[..<5]) + [commission]
        }
        let money = SummaryLayoutTests.money
        let path = try LayoutReadingTests.workbook(
            [(name, [rows[0]] + paid), Self.crossTab([money("500"), money("1200")], [money("600"), .empty])],
            in: folder)
        let result = try LayoutReadingTests.reconcile(path, in: folder)
        let summary = result.errors.filter { $0.sheet == "Summary" }
        #expect(summary.map { "\($0.cell)" }.sorted() == ["B3", "C2"])
        #expect(summary.allSatisfy { $0.isDerived })
    }

    /// Bookings by rep and quarter (the deals' amounts) and quotas are laid out as a summary is, and
    /// are none.
    @Test(arguments: [["10000", "20000", "10000", "0"], ["50000", "50000", "50000", "50000"]])
    func aTableOfBookingsOrQuotasIsStillIgnored(_ cells: [String]) throws {
        let money = SummaryLayoutTests.money
        let result = try SummaryLayoutTests.reconcile([
            Self.crossTab([money(cells[0]), money(cells[1])], [money(cells[2]), money(cells[3])])
        ])
        #expect(result.errors.isEmpty)
        #expect(result.mappingNotes.contains { $0.hasPrefix("sheet 'Summary': ignored (a rep × period table") })
    }
}
