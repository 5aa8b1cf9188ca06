import Foundation
import Reconciliation
import Spreadsheet
import Testing
import XLSX

/// Per-rep totals kept on the deals sheet itself, below the deals after a blank row (a `Payout
/// summary` block: a rep's name and `=SUMIF(…)` in the deals' own columns): read as the period's
/// per-rep totals and compared (plan-format.md §6), never as deal rows that could not be read.
@Suite struct RepTotalsBlockTests {
    /// A deals sheet of one quarter (Ana Lima 500.00 and 200.00, Ben Okafor 500.00 at 5%), a blank
    /// row, a `Payout summary` title, `Rep | Total payout` and a row per rep adding its
    /// commissions over rows 2 to `anaLast` (Ana's) and 2 to 4 (Ben's).
    static func reconcile(anaLast: Int, header: Bool = true) throws -> Reconciliation {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let deals: [(String, String, String, Decimal)] = [
            ("D1", "Ana Lima", "2026-01-15", 10000), ("D2", "Ben Okafor", "2026-02-10", 10000),
            ("D3", "Ana Lima", "2026-03-01", 4000),
        ]
        var rows: [[WriteCell]] = [["Deal ID", "Rep", "Close Date", "Amount", "Rate", "Commission"].map { .text($0) }]
        for (index, deal) in deals.enumerated() {
            let row = index + 2
            rows.append([
                .text(deal.0), .text(deal.1), LayoutReadingTests.date(deal.2), .number(deal.3),
                CauseTests.rate("0.05"), CauseTests.formula("\(deal.3 / 20)", "ROUND(D\(row)*E\(row),2)"),
            ])
        }
        rows.append([])
        rows.append([.text("Payout summary")])
        if header { rows.append([.empty, .text("Rep"), .empty, .empty, .empty, .text("Total payout")]) }
        let first = rows.count + 1
        let ana: Decimal = anaLast >= 4 ? 700 : 500
        rows.append([
            .empty, .text("Ana Lima"), .empty, .empty, .empty,
            CauseTests.formula("\(ana)", "SUMIF(B$2:B$\(anaLast),B\(first),F$2:F$\(anaLast))"),
        ])
        rows.append([
            .empty, .text("Ben Okafor"), .empty, .empty, .empty,
            CauseTests.formula("500", "SUMIF(B$2:B$4,B\(first + 1),F$2:F$4)"),
        ])
        let path = try LayoutReadingTests.workbook([("Deals", rows)], in: folder)
        return try LayoutReadingTests.reconcile(path, in: folder)
    }

    @Test(arguments: [true, false])
    func aBlockOfTotalsBelowTheDealsIsComparedAsTheRepsTotals(_ header: Bool) throws {
        let result = try Self.reconcile(anaLast: 3, header: header)
        // Ana's SUMIF stops a row short of her D3; no row of the block is a deal row.
        let first = header ? 8 : 7
        #expect(result.findings.map { "\($0.sheet)!\($0.cell)" } == ["Deals!F\(first)"])
        let finding = try #require(result.findings.first)
        #expect(finding.cause == .sumRange)
        #expect(finding.manual == 500)
        #expect(finding.expected == 700)
        #expect(finding.repairedFormula == "SUMIF(B$2:B$4,B\(first),F$2:F$4)")
        #expect(result.sheetTotals.count == 2)
        #expect(result.mappingNotes.contains { $0.contains("sheet 'Deals': per-rep totals below the deals") })
    }

    @Test func aRightBlockOfTotalsGivesNoFinding() throws {
        let result = try Self.reconcile(anaLast: 4)
        #expect(result.findings.isEmpty)
        #expect(result.sheetTotals.count == 2)
    }
}
