import Foundation
import Reconciliation
import Spreadsheet
import Testing
import XLSX

/// The readings round 30 (`scripts/make-layouts30`: the oracle's plans in more of the teams'
/// layouts) asked for, one at a time on small workbooks: a commission statement's results under
/// the deals of a tab per rep and period, a year-to-date summary's `Due this period`, and a
/// right summary figure stored as text among numbers. The plan is `CauseTests.planText`'s:
/// quarters, 5% up to 50,000 of a rep's quarter.
@Suite struct Round30ReadingsTests {
    typealias Round29 = Round29ReadingsTests

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
}
