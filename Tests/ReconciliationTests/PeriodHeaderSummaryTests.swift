import Foundation
import Reconciliation
import Spreadsheet
import Testing
import XLSX

/// A summary whose figure headers carry their period (`Sales Rep | Q1 Commission | Q2
/// Commission`, `Comisión 1T 2026`, `Q2 Payout`): a row per rep, compared per rep and period.
@Suite struct PeriodHeaderSummaryTests {
    /// `SummaryLayoutTests.deals()` (Ana Lima 500.00 in Q1, 1,000.00 in Q2; Ben Okafor 500.00 in
    /// Q1) and a summary under a title row, with Ana's Q2 figures written 1,200.00.
    static func reconcile(_ header: [String], ana: [String], ben: [String]) throws -> Reconciliation {
        let title: [WriteCell] = [.text("Commission summary 2026")]
        let names: [WriteCell] = (["Sales Rep"] + header).map { .text($0) }
        let anaRow: [WriteCell] = [.text("Ana Lima")] + ana.map { SummaryLayoutTests.money($0) }
        let benRow: [WriteCell] = [.text("Ben Okafor")] + ben.map { $0.isEmpty ? .empty : SummaryLayoutTests.money($0) }
        return try SummaryLayoutTests.reconcile([("Sheet2", [title, names, anaRow, benRow])])
    }

    @Test(arguments: [
        ["Q1 Commission", "Q2 Commission"], ["Commission Q1 2026", "Commission Q2 2026"],
        ["Comisión 1T 2026", "Comisión 2T 2026"], ["Q1 Payout", "Q2 Payout"], ["Commission (Q1)", "Commission (Q2)"],
    ])
    func aFigureHeadedWithItsPeriodIsCompared(_ header: [String]) throws {
        let result = try Self.reconcile(header, ana: ["500", "1200"], ben: ["500", ""])
        let finding = try #require(CauseTests.onlyError(result))
        #expect(finding.sheet == "Sheet2")
        #expect(finding.cell == CellAddress("C3"))
        #expect(finding.expected == 1000)
        #expect(result.mappingNotes.contains { $0.hasPrefix("sheet 'Sheet2': summary, header row 2") })
    }

    /// Several figures per period: a wrong total is derived from the same row's wrong commission.
    @Test func aPeriodsFiguresAreComparedTogether() throws {
        let result = try Self.reconcile(
            ["Q1 Commission", "Q1 Total", "Q2 Commission", "Q2 Total"], ana: ["500", "500", "1200", "1200"],
            ben: ["500", "500", "", ""])
        #expect(result.errors.map(\.cell) == [CellAddress("D3"), CellAddress("E3")])
        #expect(result.errors.map(\.isDerived) == [false, true])
    }

    /// A header that is a figure and a year, or no figure beside a period, is no such summary.
    @Test func headersThatAreNoPeriodAndFigureAreNoSummary() throws {
        for header in [["Commission 2026", "Bonus 2026"], ["Q1 Deals", "Q2 Deals"], ["Q1 Total", "Q2 Total"]] {
            let result = try Self.reconcile(header, ana: ["500", "1200"], ben: ["500", ""])
            #expect(result.errors.isEmpty, "\(header)")
            #expect(!result.mappingNotes.contains { $0.contains("'Sheet2': summary") }, "\(header)")
        }
    }
}
