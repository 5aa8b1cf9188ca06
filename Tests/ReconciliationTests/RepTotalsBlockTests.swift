import Foundation
import Reconciliation
import Spreadsheet
import Testing
import XLSX

/// Per-rep totals kept on the deals sheet itself, below the deals after a blank row (a `Payout
/// summary` block: a rep's name and `=SUMIF(…)` in the deals' own columns), beside them or above
/// their header: read as the period's per-rep totals and compared (plan-format.md §6), never as
/// deal rows that could not be read.
@Suite struct RepTotalsBlockTests {
    /// A deals sheet of one quarter (Ana Lima 500.00 and 200.00, Ben Okafor 500.00 at 5%), a blank
    /// row, a `Payout summary` title, `Rep | Total payout` and a row per rep adding its
    /// commissions over rows 2 to `anaLast` (Ana's) and 2 to 4 (Ben's).
    static func reconcile(anaLast: Int, header: Bool = true) throws -> Reconciliation {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var rows: [[WriteCell]] =
            [["Deal ID", "Rep", "Close Date", "Amount", "Rate", "Commission"].map { .text($0) }] + dealRows(from: 2)
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
        #expect(result.mappingNotes.contains { $0.contains("sheet 'Deals': per-rep totals kept with its deals, rows") })
    }

    /// The deal rows of `reconcile(anaLast:header:)` from sheet row `first`, each cell after those
    /// of `beside` (the cells right of the deals, by row).
    static func dealRows(from first: Int, beside: [[WriteCell]] = []) -> [[WriteCell]] {
        let deals: [(String, String, String, Decimal)] = [
            ("D1", "Ana Lima", "2026-01-15", 10000), ("D2", "Ben Okafor", "2026-02-10", 10000),
            ("D3", "Ana Lima", "2026-03-01", 4000),
        ]
        return deals.enumerated().map { index, deal in
            let row = first + index
            return [
                .text(deal.0), .text(deal.1), LayoutReadingTests.date(deal.2), .number(deal.3),
                CauseTests.rate("0.05"), CauseTests.formula("\(deal.3 / 20)", "ROUND(D\(row)*E\(row),2)"),
            ] + (index < beside.count ? beside[index] : [])
        }
    }

    /// Totals beside the deals (`Rep | Commission total` right of them, on the header's row, Ana's
    /// typed 800.00 for the plan's 700.00), and a quota table beside those that is no total.
    @Test func aBlockOfTotalsBesideTheDealsIsCompared() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let header = ["Deal ID", "Rep", "Close Date", "Amount", "Rate", "Commission", "", "Rep", "Commission total"]
        let beside: [[WriteCell]] = [
            [.empty, .text("Ana Lima"), Self.money("800"), .empty, .text("Ana Lima"), Self.money("50000")],
            [
                .empty, .text("Ben Okafor"), CauseTests.formula("500", "SUMIF(B$2:B$4,H3,F$2:F$4)"), .empty,
                .text("Ben Okafor"), Self.money("50000"),
            ],
        ]
        let rows =
            [header.map { $0.isEmpty ? .empty : .text($0) } + [.empty, .text("Rep"), .text("Quota")]]
            + Self.dealRows(from: 2, beside: beside)
        let path = try LayoutReadingTests.workbook([("Deals", rows)], in: folder)
        let result = try LayoutReadingTests.reconcile(path, in: folder)
        #expect(result.findings.map { "\($0.sheet)!\($0.cell)" } == ["Deals!I2"])
        #expect(result.findings.first?.expected == 700)
        #expect(result.sheetTotals.count == 2)
    }

    /// Totals above the deals' header (`Rep | Commission` under a title, Ben's typed 450.00 for the
    /// plan's 500.00), the figure's header written in other words and languages too.
    @Test(arguments: ["Commission", "Total payout", "Provision gesamt", "Comisión total", "Zu zahlen"])
    func aBlockOfTotalsAboveTheDealsIsCompared(figure: String) throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let rows: [[WriteCell]] =
            [
                [.text("Q1 2026 commission by rep")], [.text("Rep"), .text(figure)],
                [.text("Ana Lima"), CauseTests.formula("700", "SUMIF(B$7:B$9,A3,F$7:F$9)")],
                [.text("Ben Okafor"), Self.money("450")], [],
                ["Deal ID", "Rep", "Close Date", "Amount", "Rate", "Commission"].map { .text($0) },
            ] + Self.dealRows(from: 7)
        let path = try LayoutReadingTests.workbook([("Deals", rows)], in: folder)
        let result = try LayoutReadingTests.reconcile(path, in: folder)
        #expect(result.findings.map { "\($0.sheet)!\($0.cell)" } == ["Deals!B4"])
        #expect(result.findings.first?.expected == 500)
    }

    /// A table of quotas or bookings by rep above the deals is no per-rep total, in any language.
    @Test(arguments: ["Quota", "Cuota", "Bookings", "Umsatz", "Total"])
    func aTableOfWhatIsNoPayAboveTheDealsIsNotCompared(figure: String) throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let rows: [[WriteCell]] =
            [
                [.text("Rep"), .text(figure)], [.text("Ana Lima"), Self.money("50000")],
                [.text("Ben Okafor"), Self.money("40000")], [],
                ["Deal ID", "Rep", "Close Date", "Amount", "Rate", "Commission"].map { .text($0) },
            ] + Self.dealRows(from: 6)
        let path = try LayoutReadingTests.workbook([("Deals", rows)], in: folder)
        let result = try LayoutReadingTests.reconcile(path, in: folder)
        #expect(result.findings.isEmpty)
        #expect(result.sheetTotals.isEmpty)
    }

    /// A rep's tab whose statement box over the deals (`Commission | =SUM(E6:E7)`, `Payable | …`)
    /// writes her payable 1,100.00 for the plan's 1,000.00.
    @Test func aStatementBoxOverARepsTabIsCompared() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let box = [WriteCell](repeating: .empty, count: 6)
        let rows: [[WriteCell]] = [
            [.text("Commission statement")], box + [.text("Commission"), CauseTests.formula("1000", "SUM(E6:E7)")],
            box + [.text("Payable"), Self.money("1100")], [],
            ["Deal ID", "Close Date", "Amount", "Rate", "Commission"].map { .text($0) },
            LayoutReadingTests.tabRow("D1", 6), LayoutReadingTests.tabRow("D2", 7),
        ]
        let path = try LayoutReadingTests.workbook([("Ana Lima", rows)], in: folder)
        let result = try LayoutReadingTests.reconcile(path, in: folder)
        #expect(result.findings.map { "\($0.sheet)!\($0.cell)" } == ["Ana Lima!H3"])
        #expect(result.findings.first?.expected == 1000)
    }

    static func money(_ text: String) -> WriteCell { .number(Decimal(string: text)!) }

    /// tester3's `rep_totals_block_in_A_B`: the block below the deals in columns of its own (A:B,
    /// under the deals' id and rep; C:D, under the date and amount), its header `Rep |
    /// Commission`, Ana's SUMIF stopping a row short of her D3: read as the reps' totals wherever
    /// its columns are, and no row of it an unreadable deal.
    @Test(arguments: [0, 2])
    func aBlockOfTotalsBelowTheDealsInColumnsOfItsOwnIsCompared(_ offset: Int) throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let columns = ["A", "B", "C", "D"]
        let (repColumn, figureColumn) = (columns[offset], columns[offset + 1])
        let lead = [WriteCell](repeating: .empty, count: offset)
        var rows: [[WriteCell]] =
            [["Deal ID", "Rep", "Close Date", "Amount", "Rate", "Commission"].map { .text($0) }]
            + Self.dealRows(from: 2)
        rows.append([.text("Total"), .empty, .empty, .empty, .empty, CauseTests.formula("1200", "SUM(F2:F4)")])
        rows.append([])
        rows.append(lead + [.text("Rep"), .text("Commission")])
        rows.append(lead + [.text("Ana Lima"), CauseTests.formula("500", "SUMIF($B$2:$B$3,\(repColumn)8,$F$2:$F$3)")])
        rows.append(
            lead + [.text("Ben Okafor"), CauseTests.formula("500", "SUMIF($B$2:$B$4,\(repColumn)9,$F$2:$F$4)")])
        let path = try LayoutReadingTests.workbook([("Deals", rows)], in: folder)
        let result = try LayoutReadingTests.reconcile(path, in: folder)
        #expect(result.findings.map { "\($0.sheet)!\($0.cell)" } == ["Deals!\(figureColumn)8"])
        let finding = try #require(result.findings.first)
        #expect(finding.cause == .sumRange)
        #expect(finding.expected == 700)
        #expect(finding.repairedFormula == "SUMIF($B$2:$B$4,\(repColumn)8,$F$2:$F$4)")
        #expect(result.sheetTotals.count == 2)
        #expect(result.skippedRows.isEmpty)
        #expect(
            result.mappingNotes.contains { $0.contains("sheet 'Deals': per-rep totals kept with its deals, rows 8–9") })
    }

    /// A summary kept under the deals (`Rep | Period | Commission` past a blank row, in A:C or
    /// under the deals' rep, date and amount), a row per rep and period: each row is compared as
    /// the period its own cell names (Ana's Q2 typed 600.00 for the plan's 500.00), and no row of
    /// it is an unreadable deal.
    @Test(arguments: [0, 1])
    func aSummaryOfRepsAndPeriodsBelowTheDealsIsCompared(_ offset: Int) throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let lead = [WriteCell](repeating: .empty, count: offset)
        var rows: [[WriteCell]] =
            [["Deal ID", "Rep", "Close Date", "Amount", "Rate", "Commission"].map { .text($0) }]
            + Self.dealRows(from: 2)
        rows.append([
            .text("D4"), .text("Ana Lima"), LayoutReadingTests.date("2026-04-20"), .number(10000),
            CauseTests.rate("0.05"), CauseTests.formula("500", "ROUND(D5*E5,2)"),
        ])
        rows += [[], lead + ["Rep", "Period", "Commission"].map { .text($0) }]
        rows.append(lead + [.text("Ana Lima"), .text("2026-Q1"), Self.money("700")])
        rows.append(lead + [.text("Ana Lima"), .text("2026-Q2"), Self.money("600")])
        rows.append(lead + [.text("Ben Okafor"), .text("2026-Q1"), Self.money("500")])
        let path = try LayoutReadingTests.workbook([("Deals", rows)], in: folder)
        let result = try LayoutReadingTests.reconcile(path, in: folder)
        let figure = ["C", "D"][offset]
        #expect(result.findings.map { "\($0.sheet)!\($0.cell)" } == ["Deals!\(figure)9"])
        #expect(result.findings.first?.expected == 500)
        #expect(result.sheetTotals.count == 3)
        #expect(result.skippedRows.isEmpty)
    }

    @Test func aRightBlockOfTotalsGivesNoFinding() throws {
        let result = try Self.reconcile(anaLast: 4)
        #expect(result.findings.isEmpty)
        #expect(result.sheetTotals.count == 2)
    }
}
