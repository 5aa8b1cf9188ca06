import Foundation
import Ingest
import PlanFile
import Reconciliation
import Spreadsheet
import Testing
import XLSX

/// The readings round 29 (`scripts/make-layouts29`: the oracle's plans in the teams' layouts)
/// asked for, one at a time on small workbooks: a rep's figures by period under the deals of the
/// rep's own tab, a summary and a bonus column kept as text throughout, a wide summary of an
/// `Earned` block and a `Payable` block over the same periods, and a summary of a block per
/// quarter under the quarter's title. The plan is `CauseTests.planText`'s: quarters, 5% up to
/// 50,000 of a rep's quarter.
@Suite struct Round29ReadingsTests {
    typealias Reading = LayoutReadingTests

    /// Deal rows from sheet row `first`: deal, rep, close date, amount, rate, commission (5%).
    static func deals(_ rows: [(String, String, String, Decimal)], from first: Int) -> [[WriteCell]] {
        rows.enumerated().map { index, deal in
            let row = first + index
            return [
                .text(deal.0), .text(deal.1), Reading.date(deal.2), .number(deal.3), CauseTests.rate("0.05"),
                CauseTests.formula("\(deal.3 / 20)", "ROUND(D\(row)*E\(row),2)"),
            ]
        }
    }

    static let header: [WriteCell] = ["Deal ID", "Rep", "Close Date", "Amount", "Rate", "Commission"].map { .text($0) }

    /// Ana Lima 1,000.00 in 2026-Q1 and 500.00 in 2026-Q2; Ben Okafor 500.00 in 2026-Q1.
    static let quarters: [(String, String, String, Decimal)] = [
        ("D1", "Ana Lima", "2026-01-15", 10000), ("D2", "Ben Okafor", "2026-02-10", 10000),
        ("D3", "Ana Lima", "2026-03-01", 10000), ("D4", "Ana Lima", "2026-05-04", 10000),
    ]

    static func reconcile(_ sheets: [(String, [[WriteCell]])]) throws -> Reconciliation {
        let folder = try Reading.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        return try Reading.reconcile(Reading.workbook(sheets, in: folder), in: folder)
    }

    /// `sheets` reconciled under `CauseTests.planText` (paid by the year when `yearly`) and the
    /// lines of `more` after it.
    static func reconcile(
        _ sheets: [(String, [[WriteCell]])], planning more: String = "", yearly: Bool = false
    ) throws -> Reconciliation {
        let folder = try Reading.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try Reading.workbook(sheets, in: folder)
        let rosterPath = folder.appendingPathComponent("roster.csv").path
        try Reading.roster.write(toFile: rosterPath, atomically: true, encoding: .utf8)
        let planText = CauseTests.planText.replacingOccurrences(
            of: "period: quarter", with: yearly ? "period: year" : "period: quarter")
        let plan = try PlanFile.parse(planText + "\n" + more, file: "plan.yaml")
        return try Reconciler.reconcile(
            workbook: path, plan: plan, roster: RosterReader.read(TableFile.open(rosterPath)))
    }

    /// A SPIFF of 100.00 a deal through 2026, as a plan's lines.
    static let spiff = """
        bonuses:
          - name: SPIFF
            per_deal: 100
            when: { from: 2026-01-01, to: 2026-12-31 }
        """

    static func places(_ result: Reconciliation) -> Set<String> {
        Set(result.findings.filter { $0.cause != .rounding }.map { "\($0.sheet)!\($0.cell)" })
    }

    /// A tab per rep, the rep's figures by period under its deals after a blank row and a title
    /// (`Period | Commission | Earned`, a row per quarter): compared as the rep's, never deal rows
    /// that could not be read; with the rep column on the tab (named by the rep) or without it.
    @Test(arguments: [false, true])
    func aRepsFiguresByPeriodUnderTheDealsOfTheRepsTabAreCompared(repColumn: Bool) throws {
        func tab(_ rep: String, _ deals: [(String, String, String, Decimal)], figures: [(String, Decimal)])
            -> (String, [[WriteCell]])
        {
            let drop = { (cells: [WriteCell]) in repColumn ? cells : [cells[0]] + cells.dropFirst(2) }
            var rows = [drop(Self.header)] + Self.deals(deals, from: 2).map(drop)
            rows += [[], [.text("Summary – \(rep)")], ["Period", "Commission", "Earned"].map { .text($0) }]
            rows += figures.map { [.text($0.0), .number($0.1), .number($0.1)] }
            return (rep, rows)
        }
        let result = try Self.reconcile([
            tab(
                "Ana Lima", Array(Self.quarters.filter { $0.1 == "Ana Lima" }),
                figures: [("2026-Q1", 1000), ("2026-Q2", 500)]),
            // Ben's quarter typed 600.00 where the plan pays 500.00.
            tab("Ben Okafor", Array(Self.quarters.filter { $0.1 == "Ben Okafor" }), figures: [("2026-Q1", 600)]),
        ])
        #expect(Self.places(result) == ["Ben Okafor!B6", "Ben Okafor!C6"])
        #expect(!result.findings.contains { $0.cause == .unreadable })
        #expect(result.findings.first { $0.cell.description == "B6" }?.expected == 500)
    }

    /// Under a yearly plan, a rep's figures by year under the deals of the rep's tab, each year typed
    /// as a number (`2026`): compared as the rep's, its header never a deal row that could not be
    /// read; a number that is no year (`7`) opens no such block.
    @Test(arguments: [true, false])
    func aRepsFiguresByYearTypedAsNumbersAreCompared(yearLabels: Bool) throws {
        let deals = Array(Self.quarters.filter { $0.1 == "Ana Lima" })
        let drop = { (cells: [WriteCell]) in [cells[0]] + cells.dropFirst(2) }
        var rows = [drop(Self.header)] + Self.deals(deals, from: 2).map(drop)
        rows += [[], [.text("Summary – Ana Lima")], ["Period", "Commission", "Earned"].map { .text($0) }]
        // 1,500.00 in 2026 typed 1,600.00.
        rows += [[.number(yearLabels ? 2026 : 7), .number(1600), .number(1600)]]
        let result = try Self.reconcile([("Ana Lima", rows)], yearly: true)
        if yearLabels {
            #expect(Self.places(result) == ["Ana Lima!B8", "Ana Lima!C8"])
            #expect(!result.findings.contains { $0.cause == .unreadable })
            #expect(result.findings.first { $0.cell.description == "B8" }?.expected == 1500)
        } else {
            #expect(result.findings.contains { $0.cause == .unreadable })
        }
    }

    /// A rep's figures by period under the deals of the rep's tab, where the figures fall under the
    /// deals' status column (`Deal ID | Amount | Status | Rate | Commission | Close Date`, then
    /// `Period | Commission | Earned` in A:C) under a plan that pays `Won` only: a figure in the
    /// status column is no status, so its row is never read as an open deal the plan does not pay,
    /// and the block is compared as the rep's.
    @Test func aRepsFiguresUnderTheStatusColumnAreNoUnpaidDeals() throws {
        func tab(_ rep: String, _ deals: [(String, String, String, Decimal)], figures: [(String, Decimal)])
            -> (String, [[WriteCell]])
        {
            var rows: [[WriteCell]] = [
                ["Deal ID", "Amount", "Status", "Rate", "Commission", "Close Date"].map { .text($0) }
            ]
            for (index, deal) in deals.enumerated() {
                rows.append([
                    .text(deal.0), .number(deal.3), .text("Won"), CauseTests.rate("0.05"),
                    CauseTests.formula("\(deal.3 / 20)", "ROUND(B\(index + 2)*D\(index + 2),2)"),
                    Reading.date(deal.2),
                ])
            }
            rows += [[], [.text("Summary – \(rep)")], ["Period", "Commission", "Earned"].map { .text($0) }]
            rows += figures.map { [.text($0.0), .number($0.1), .number($0.1)] }
            return (rep, rows)
        }
        let result = try Self.reconcile(
            [
                tab(
                    "Ana Lima", Array(Self.quarters.filter { $0.1 == "Ana Lima" }),
                    figures: [("2026-Q1", 1000), ("2026-Q2", 500)]),
                // Ben's quarter typed 600.00 where the plan pays 500.00.
                tab("Ben Okafor", Array(Self.quarters.filter { $0.1 == "Ben Okafor" }), figures: [("2026-Q1", 600)]),
            ], planning: "eligible:\n  status: [Won]")
        #expect(Self.places(result) == ["Ben Okafor!B6", "Ben Okafor!C6"])
        #expect(!result.findings.contains { $0.cause == .unreadable })
        #expect(result.findings.first { $0.cell.description == "C6" }?.expected == 500)
    }

    /// Under a recoverable draw of 800.00 a quarter, Ana's 2026-Q2 deal paid at 4% (400.00 where
    /// the plan pays 500.00): her Q2 earned is wrong through it, her Q2 balance (400.00, the plan
    /// 300.00) through the earned, and her Q3 payable (1,100.00, the plan 1,200.00) through the
    /// balance it recovers: each named for the wrong rate, none unexplained. Without a balance
    /// column, the Q3 payable is wrong through the balance the sheet's earned figures carry.
    @Test(arguments: [true, false])
    func aBalanceAndTheNextPayableUnderARecoverableDrawAreNamedForTheWrongEarned(balanceColumn: Bool) throws {
        var deals = Self.deals(
            Self.quarters.filter { $0.1 == "Ana Lima" } + [("D6", "Ana Lima", "2026-08-03", 30000)], from: 2)
        deals[2][4] = CauseTests.rate("0.04")
        deals[2][5] = CauseTests.formula("400", "ROUND(D4*E4,2)")
        let figures: [(String, String, Decimal, Decimal, Decimal)] = [
            ("Ana Lima", "2026-Q1", 1000, 1000, 0), ("Ana Lima", "2026-Q2", 400, 800, 400),
            ("Ana Lima", "2026-Q3", 1500, 1100, 0), ("Ben Okafor", "2026-Q1", 0, 800, 800),
            ("Ben Okafor", "2026-Q2", 0, 800, 1600), ("Ben Okafor", "2026-Q3", 0, 800, 2400),
        ]
        let summary =
            [["Rep", "Period", "Earned", "Draw", "Payable", "Balance"].map { WriteCell.text($0) }]
            + figures.map { [.text($0.0), .text($0.1), .number($0.2), .number(800), .number($0.3), .number($0.4)] }
        let kept = balanceColumn ? summary : summary.map { Array($0.dropLast()) }
        let result = try Self.reconcile(
            [("Deals", [Self.header] + deals), ("Summary", kept)],
            planning: "draw:\n  amount: 800\n  recoverable: true")
        #expect(
            Self.places(result)
                == Set(["Deals!F4", "Summary!C3", "Summary!E4"] + (balanceColumn ? ["Summary!F3"] : [])))
        #expect(result.findings.allSatisfy { $0.cause == .wrongRate }, "\(result.findings.map(\.causes))")
    }

    /// A summary whose figures are all stored as text (`1000.00` typed as text in every cell) is
    /// read at its values: a right figure there is no finding, a wrong one is found; one text
    /// figure among numbers is still found.
    @Test(arguments: [true, false])
    func aSummaryKeptAsTextThroughoutIsReadAtItsValues(allText: Bool) throws {
        let figure: (String) -> WriteCell = { allText ? .text($0) : .number(Decimal(string: $0)!) }
        let summary: [[WriteCell]] = [
            ["Rep", "Period", "Commission"].map { .text($0) },
            [.text("Ana Lima"), .text("2026-Q1"), .text("1000.00")],
            [.text("Ana Lima"), .text("2026-Q2"), figure("500.00")],
            [.text("Ben Okafor"), .text("2026-Q1"), figure("600.00")],
        ]
        let result = try Self.reconcile([
            ("Deals", [Self.header] + Self.deals(Self.quarters, from: 2)), ("Summary", summary),
        ])
        if allText {
            #expect(Self.places(result) == ["Summary!C4"])
            #expect(result.findings.first?.cause != .textNumber)
        } else {
            #expect(Self.places(result) == ["Summary!C2", "Summary!C4"])
        }
    }

    /// A wide summary beside the deals: reps down, an `Earned` block and a `Payable` block over the
    /// same quarters (each title once, above its block's first quarter): each cell compared as its
    /// block's figure, Ana's Q2 payable typed 400.00 the one wrong.
    @Test func aWideSummaryOfFigureBlocksOverTheSamePeriodsIsReadBlockByBlock() throws {
        let summary: [[WriteCell]] = [
            [.empty, .text("Earned"), .empty, .empty, .text("Payable")],
            ["Sales Rep", "2026-Q1", "2026-Q2", "", "2026-Q1", "2026-Q2"].map { $0.isEmpty ? .empty : .text($0) },
            [.text("Ana Lima"), .number(1000), .number(500), .empty, .number(1000), .number(400)],
            [.text("Ben Okafor"), .number(500), .number(0), .empty, .number(500), .number(0)],
        ]
        let result = try Self.reconcile([
            ("Deals", [Self.header] + Self.deals(Self.quarters, from: 2)), ("Summary", summary),
        ])
        #expect(Self.places(result) == ["Summary!F3"])
        #expect(result.findings.first?.expected == 500)
        #expect(result.findings.first?.explanation.hasPrefix("payable") == true)
    }

    /// A summary of a block per quarter: the quarter alone on a row, then `Rep | Commission` and a
    /// row per rep, the header written again over the next quarter's block. Each row is its
    /// block's quarter; the header written again is no rep's row.
    @Test func aSummaryOfABlockPerQuarterReadsEachRowAsItsBlocksQuarter() throws {
        let summary: [[WriteCell]] = [
            [.text("Commission by quarter")], [], [.text("2026-Q1")], [.text("Rep"), .text("Commission")],
            [.text("Ana Lima"), .number(1000)], [.text("Ben Okafor"), .number(500)], [], [.text("2026-Q2")],
            [.text("Rep"), .text("Commission")], [.text("Ana Lima"), .number(450)], [.text("Ben Okafor"), .number(0)],
        ]
        let result = try Self.reconcile([
            ("Deals", [Self.header] + Self.deals(Self.quarters, from: 2)), ("Summary", summary),
        ])
        #expect(Self.places(result) == ["Summary!B10"])
        #expect(result.findings.first?.expected == 500)
        #expect(!result.mappingNotes.joined().contains("names 'Rep'"))
    }

    /// A per-deal bonus column stored as text throughout (`100.00` typed as text in every row): a
    /// right bonus is no finding, one left out (`0.00`) is `bonus_missing`, not a number stored as
    /// text.
    @Test func aBonusColumnKeptAsTextThroughoutIsReadAtItsValues() throws {
        let rows = Self.deals(Self.quarters, from: 2).enumerated().map { index, cells in
            cells + [.text(index == 2 ? "0.00" : "100.00")]
        }
        let result = try Self.reconcile(
            [("Deals", [Self.header + [.text("Bonus")]] + rows)],
            planning: Self.spiff)
        #expect(Self.places(result) == ["Deals!G4"])
        #expect(result.findings.first?.cause == .bonusMissing)
    }

    /// Commission and bonus columns kept as text throughout: a copied row is `duplicate_line` in
    /// both, and a wrong commission is named first for what made it wrong, not for its text.
    @Test func aCopiedRowInColumnsKeptAsTextIsADuplicateLine() throws {
        var rows = Self.deals(Self.quarters, from: 2).map { cells in
            Array(cells.dropLast()) + [.text("500.00"), .text("100.00")]
        }
        rows[2][5] = .text("600.00")
        rows.append(rows[1])
        let result = try Self.reconcile(
            [("Deals", [Self.header + [.text("Bonus")]] + rows)],
            planning: Self.spiff)
        #expect(Self.places(result) == ["Deals!F4", "Deals!F6", "Deals!G6"])
        #expect(result.findings.filter { $0.cell.row == 6 }.allSatisfy { $0.cause == .duplicateLine })
        #expect(!result.findings.contains { $0.cause == .textNumber })
    }

    /// A summary of a column per year, each headed by the figure and its year (`Sales Rep | Earned
    /// 2026 | Earned 2027`) under a yearly plan: each column compared as its year's, Ben's 2027
    /// typed 600.00 where the plan pays 500.00 the one wrong. One such column alone stays the
    /// figure's column (`Commission 2026`), as before.
    @Test func aSummaryOfAColumnPerYearHeadedByTheFigureIsReadByYear() throws {
        let deals = Self.quarters + [("D5", "Ben Okafor", "2027-02-01", 10000)]
        let summary: [[WriteCell]] = [
            ["Sales Rep", "Earned 2026", "Earned 2027"].map { .text($0) },
            [.text("Ana Lima"), .number(1500), .number(0)],
            [.text("Ben Okafor"), .number(500), .number(600)],
        ]
        let result = try Self.reconcile(
            [("Deals", [Self.header] + Self.deals(deals, from: 2)), ("Summary", summary)], yearly: true)
        #expect(Self.places(result) == ["Summary!C3"])
        #expect(result.findings.first?.expected == 500)
    }

    /// A payable that applies the plan's draw to a wrong earned figure (`=MAX(C3,D3)`: Ben's 600.00
    /// earned at a wrong rate, over his draw of 550.00, where the plan pays the draw): wrong through
    /// the earned cell alone, named for it, though the two differences are not the same.
    @Test func aPayableOfTheDrawAppliedToAWrongEarnedFigureIsNamedForIt() throws {
        var deals = Self.deals(Self.quarters, from: 2)
        deals[1][4] = CauseTests.rate("0.06")
        deals[1][5] = CauseTests.formula("600", "ROUND(D3*E3,2)")
        let summary: [[WriteCell]] = [
            ["Rep", "Period", "Earned", "Draw", "Payable"].map { .text($0) },
            [
                .text("Ana Lima"), .text("2026-Q1"), .number(1000), .number(550),
                CauseTests.formula("1000", "MAX(C2,D2)"),
            ],
            [
                .text("Ben Okafor"), .text("2026-Q1"), .number(600), .number(550),
                CauseTests.formula("600", "MAX(C3,D3)"),
            ],
        ]
        let result = try Self.reconcile(
            [("Deals", [Self.header] + deals), ("Summary", summary)],
            planning: """
                draw:
                  amount: 550
                  recoverable: false
                """)
        let payable = try #require(result.findings.first { $0.sheet == "Summary" && $0.cell.description == "E3" })
        #expect(payable.expected == 550)
        #expect(payable.cause == .wrongRate)
        #expect(payable.isDerived)
    }

    /// A summary kept as German text (`1.000,00`): a figure whose one separator could be either
    /// alone (`500,000`, three decimals or a thousands' group) is read in the style its column's
    /// other texts show, 500.00 here; in a column that shows no style it is still unread.
    @Test(arguments: [true, false])
    func aTextFigureIsReadInTheStyleItsColumnShows(columnShowsIt: Bool) throws {
        let summary: [[WriteCell]] = [
            ["Vertriebsmitarbeiter", "Zeitraum", "Provision"].map { .text($0) },
            [.text("Ana Lima"), .text("2026-Q1"), .text(columnShowsIt ? "1.000,00" : "1000")],
            [.text("Ana Lima"), .text("2026-Q2"), .text(columnShowsIt ? "500,00" : "500")],
            [.text("Ben Okafor"), .text("2026-Q1"), .text("500,000")],
        ]
        let result = try Self.reconcile([
            ("Deals", [Self.header] + Self.deals(Self.quarters, from: 2)), ("Übersicht", summary),
        ])
        #expect(Self.places(result) == (columnShowsIt ? [] : ["Übersicht!C4"]))
    }
}
