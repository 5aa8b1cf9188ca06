import Foundation
import Reconciliation
import Spreadsheet
import Testing
import XLSX

/// The readings round 30 (`scripts/make-layouts30`: the oracle's plans in more of the teams'
/// layouts) asked for, one at a time on small workbooks: a commission statement's results under
/// the deals of a tab per rep and period, a year-to-date summary's `Due this period`, a right
/// summary figure stored as text among numbers, and a clawback row's error beside a summary's
/// clawback column. The plan is `CauseTests.planText`'s: quarters, 5% up to 50,000 of a rep's
/// quarter.
@Suite struct Round30ReadingsTests {
    typealias Round29 = Round29ReadingsTests
    typealias Reading = LayoutReadingTests

    /// A statement tab: `Rep:` and `Period:` above the deals, the deals, then label and figure pairs
    /// down the commission column (the labels in the rate column) after a blank row.
    static func statement(
        _ rep: String, _ period: String, _ deals: [(String, String, String, Decimal)], figures: [(String, Decimal)]
    ) -> (String, [[WriteCell]]) {
        var rows: [[WriteCell]] = [
            [.text("Commission statement")], [], [.text("Rep:"), .text(rep)], [.text("Period:"), .text(period)], [],
            Round29.header,
        ]
        rows += Round29.deals(deals, from: rows.count + 1)
        rows.append([])
        rows += figures.map { [.empty, .empty, .empty, .empty, .text($0.0), .number($0.1)] }
        return ("\(rep) \(period)", rows)
    }

    /// The statement's results are compared as the rep's figures for the period (a wrong `Net
    /// payable` found there alone), never read as deal rows that could not be read, and `Total
    /// earned` not as the deals' total.
    @Test func aStatementsResultsUnderTheDealsAreTheRepsFiguresForThePeriod() throws {
        let ana = Round29.quarters.filter { $0.1 == "Ana Lima" }
        let result = try Round29.reconcile([
            Self.statement(
                "Ana Lima", "2026-Q1", ana.filter { $0.2 < "2026-04" },
                figures: [("Commission", 1000), ("Total earned", 1000), ("Net payable", 1000)]),
            Self.statement(
                "Ana Lima", "2026-Q2", ana.filter { $0.2 > "2026-04" },
                figures: [("Commission", 500), ("Total earned", 500), ("Net payable", 550)]),
            Self.statement(
                "Ben Okafor", "2026-Q1", Round29.quarters.filter { $0.1 == "Ben Okafor" },
                figures: [("Commission", 500), ("Total earned", 500), ("Net payable", 500)]),
        ])
        #expect(Round29.places(result) == ["Ana Lima 2026-Q2!F11"])
        #expect(result.findings.first { $0.cause != .rounding }?.expected == 500)
    }

    /// Labels under deals of two reps are no statement of one rep's period: its rows stay rows that
    /// could not be read.
    @Test func labelsUnderTwoRepsDealsAreNoStatement() throws {
        var rows = [Round29.header] + Round29.deals(Round29.quarters.filter { $0.2 < "2026-04" }, from: 2)
        rows.append([])
        rows += [("Commission", 1500), ("Net payable", 1500)].map {
            [.empty, .empty, .empty, .empty, .text($0.0), .number($0.1)]
        }
        let result = try Round29.reconcile([("Deals", rows)])
        #expect(result.findings.contains { $0.cause == .unreadable })
    }

    /// A summary's `Due this period` is its payable: a wrong one is found.
    @Test func aSummarysDueThisPeriodIsItsPayable() throws {
        let summary: [[WriteCell]] = [
            ["Rep", "Period", "Earned", "Due this period", "Paid to date"].map { .text($0) },
            [.text("Ana Lima"), .text("2026-Q1"), .number(1000), .number(1000), .number(0)],
            [.text("Ana Lima"), .text("2026-Q2"), .number(500), .number(400), .number(1000)],
            [.text("Ben Okafor"), .text("2026-Q1"), .number(500), .number(500), .number(0)],
        ]
        let result = try Round29.reconcile([
            ("Deals", [Round29.header] + Round29.deals(Round29.quarters, from: 2)), ("Summary", summary),
        ])
        #expect(Round29.places(result) == ["Summary!D3"])
        #expect(result.findings.first { $0.cause != .rounding }?.expected == 500)
    }

    /// A summary figure stored as text among numbers, the plan's figure all the same (a corrected
    /// copy's one text left in a column whose others were written as numbers): `text_number`, the
    /// one thing wrong with it, never `unexplained` for no difference.
    @Test func aRightFigureStoredAsTextAmongNumbersIsATextNumber() throws {
        let summary: [[WriteCell]] = [
            ["Rep", "Period", "Commission"].map { .text($0) },
            [.text("Ana Lima"), .text("2026-Q1"), .number(1000)],
            [.text("Ana Lima"), .text("2026-Q2"), .text("500,00 €")],
            [.text("Ben Okafor"), .text("2026-Q1"), .number(500)],
        ]
        let result = try Round29.reconcile([
            ("Deals", [Round29.header] + Round29.deals(Round29.quarters, from: 2)), ("Summary", summary),
        ])
        #expect(Round29.places(result) == ["Summary!C3"])
        #expect(result.findings.first { $0.cause != .rounding }?.causes == [.textNumber])
    }

    /// A summary with a clawback column beside deals that keep their clawbacks as rows: a commission
    /// total wrong through a deal row at a wrong rate is named for it, the clawback row taking back
    /// half of what its deal was paid no part of the commission (it is the clawback's).
    @Test func aClawbackRowsErrorIsNoPartOfTheCommissionTotalBesideAClawbackColumn() throws {
        let header = ["Deal ID", "Rep", "Close Date", "Amount", "Rate", "Commission", "Status", "Cancel Date"]
        func deal(_ id: String, _ date: String, rate: String, _ commission: Decimal, _ status: String, cancel: String?)
            -> [WriteCell]
        {
            [
                .text(id), .text("Ana Lima"), Reading.date(date), .number(10000), CauseTests.rate(rate),
                .number(commission), .text(status), cancel.map(Reading.date) ?? .empty,
            ]
        }
        let deals: [[WriteCell]] = [
            header.map { .text($0) }, deal("D1", "2026-01-15", rate: "0.05", 500, "Won", cancel: nil),
            deal("D2", "2026-02-10", rate: "0.06", 600, "Won", cancel: nil),
            deal("D3", "2026-01-20", rate: "0.05", 500, "Cancelled", cancel: "2026-03-01"),
            [
                .text("D3"), .text("Ana Lima"), Reading.date("2026-03-01"), .number(-10000), .empty, .number(-250),
                .text("Clawback"), .empty,
            ],
        ]
        let summary: [[WriteCell]] = [
            ["Rep", "Period", "Commission", "Clawback", "Earned"].map { .text($0) },
            [.text("Ana Lima"), .text("2026-Q1"), .number(1600), .number(-500), .number(1100)],
        ]
        let result = try Round29.reconcile(
            [("Deals", deals), ("Summary", summary)],
            planning: """
                clawback:
                  statuses: [Cancelled]
                  window_days: 90
                """)
        #expect(Round29.places(result) == ["Deals!F3", "Deals!F5", "Summary!C2", "Summary!E2"])
        #expect(result.findings.first { $0.cell.description == "C2" }?.cause == .wrongRate)
        #expect(result.findings.first { $0.cell.description == "F5" }?.cause == .clawbackMissed)
    }
}
