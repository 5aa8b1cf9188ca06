import Commission
import Foundation
import Spreadsheet
import Testing
import XLSX

@testable import Reconciliation

/// A summary row whose rep the roster does not know (`Ana Lina` for Ana Lima) never drops out in
/// silence: a name one letter off the one rep it must be is hers and compared, and a name of no
/// one is a `wrong_rep` finding where it holds money or a rep the plan pays has no row; else a note.
@Suite struct SummaryRepNamesTests {
    /// `SummaryLayoutTests.deals()` (Ana Lima 500.00 in Q1 and 1,000.00 in Q2, Ben Okafor 500.00
    /// in Q1) and a summary of `quarter` under `Rep | Quarter | Commission`, each row a rep and its
    /// figure.
    static func reconcile(_ rows: [(String, WriteCell)], quarter: String = "Q1 2026") throws -> Reconciliation {
        try SummaryLayoutTests.reconcile([
            (
                "Summary",
                [["Rep", "Quarter", "Commission"].map { .text($0) }]
                    + rows.map { rep, figure in [.text(rep), .text(quarter), figure] }
            )
        ])
    }

    /// `=SUMIFS(…)` of the deals' commissions by the name in column A of `row`, caching `value`.
    static func sumifs(_ row: Int, _ value: String) -> WriteCell {
        CauseTests.formula(value, "SUMIFS(Deals!$F$2:$F$4,Deals!$B$2:$B$4,A\(row))")
    }

    @Test func aNameOneLetterOffIsTheRepItMisspellsAndIsCompared() throws {
        let result = try Self.reconcile([("Ana Lina", Self.sumifs(2, "0")), ("Ben Okafor", Self.sumifs(3, "500"))])
        #expect(result.errors.map { "\($0.sheet)!\($0.cell)" } == ["Summary!C2"])
        let finding = try #require(result.errors.first)
        #expect(finding.cause == .wrongRep)
        #expect(finding.manual == 0)
        #expect(finding.expected == 500)
        #expect(finding.explanation.contains("'Ana Lina' is Ana Lima (R1) misspelled"))
        #expect(result.sheetTotals.count == 2)
        #expect(
            result.mappingNotes.contains { $0.contains("rep 'Ana Lina' read as Ana Lima (R1), its name misspelled") })
    }

    @Test func aNameOfNoOneHoldingMoneyIsAWrongRep() throws {
        let result = try Self.reconcile([
            ("Ana Lima", SummaryLayoutTests.money("500")), ("Ben Okafor", SummaryLayoutTests.money("500")),
            ("Carla Diaz", SummaryLayoutTests.money("750")),
        ])
        #expect(result.errors.map { "\($0.sheet)!\($0.cell)" } == ["Summary!C4"])
        #expect(result.errors.first?.cause == .wrongRep)
        #expect(result.errors.first?.expected == 0)
        #expect(result.errors.first?.difference == 750)
    }

    /// `Anna Lena` is two letters off Ana Lima: no one; at 0.00, where Ana is owed 500.00 and has
    /// no row, it is the finding that says so.
    @Test func aNameOfNoOneWhereARepIsOwedAndHasNoRowIsAWrongRep() throws {
        let result = try Self.reconcile([("Anna Lena", .number(0)), ("Ben Okafor", SummaryLayoutTests.money("500"))])
        #expect(result.errors.map { "\($0.sheet)!\($0.cell)" } == ["Summary!C2"])
        let finding = try #require(result.errors.first)
        #expect(finding.cause == .wrongRep)
        #expect(finding.explanation.contains("the sheet has no row for Ana Lima (R1), whom the plan pays 500.00"))
    }

    /// A misspelling of a rep who has her own row is not hers; at 0.00 with every rep on the sheet,
    /// the note says it.
    @Test func aMisspellingOfARepWithHerOwnRowIsNoOnesAndANoteAtZero() throws {
        let result = try Self.reconcile([
            ("Ana Lima", SummaryLayoutTests.money("500")), ("Ana Lina", .number(0)),
            ("Ben Okafor", SummaryLayoutTests.money("500")),
        ])
        #expect(result.errors.isEmpty)
        #expect(result.mappingNotes.contains { $0.contains("row 3 names 'Ana Lina', no one on the roster") })
    }

    /// At 300.00 the misspelling is no money of Ana's, who has her row: a `wrong_rep`, naming her.
    @Test func aMisspellingOfARepWithHerOwnRowHoldingMoneyIsAWrongRep() throws {
        let result = try Self.reconcile([
            ("Ana Lima", SummaryLayoutTests.money("500")), ("Ana Lina", SummaryLayoutTests.money("300")),
            ("Ben Okafor", SummaryLayoutTests.money("500")),
        ])
        #expect(result.errors.map { "\($0.sheet)!\($0.cell) \($0.cause)" } == ["Summary!C3 wrong_rep"])
        #expect(
            result.errors.first?.explanation.contains(
                "(Ana Lima (R1), whose name it is nearest, has a row of its own)") == true)
    }

    /// A team's row (`West`, the roster's team of Ana) is no rep's: the note says it is not compared.
    @Test func aTeamsRowIsSaidAndNotCompared() throws {
        let summary: [[WriteCell]] =
            SummaryFirstNameTests.rows.prefix(1)
            + [
                [.text("Ana Lima"), .text("2026-Q1"), .number(500)],
                [.text("Ben Okafor"), .text("2026-Q1"), .number(1000)],
                [.text("West"), .text("2026-Q1"), .number(500)],
            ]
        let result = try SummaryFirstNameTests.reconcile(
            summary: summary, roster: "id,name,team\nR1,Ana Lima,West\nR2,Ben Okafor,East\n")
        #expect(result.errors.isEmpty)
        #expect(result.mappingNotes.contains { $0.contains("row 4 is team 'West', not compared") })
    }

    /// A rep the plan pays that the summary leaves out, without a row naming no one to stand for
    /// her, is said in the note.
    @Test func aRepLeftOutOfTheSummaryIsSaid() throws {
        let result = try Self.reconcile([("Ben Okafor", SummaryLayoutTests.money("500"))])
        #expect(result.errors.isEmpty)
        #expect(
            result.mappingNotes.contains {
                $0.contains("no row for Ana Lima (R1), whom the plan pays 500.00 (commission) in 2026-Q1")
            })
    }

    /// A rep of the roster whom the plan pays nothing in the period is compared with 0.
    @Test func aRepThePlanPaysNothingInThePeriodIsComparedWithZero() throws {
        let result = try Self.reconcile(
            [("Ana Lima", SummaryLayoutTests.money("1000")), ("Ben Okafor", SummaryLayoutTests.money("300"))],
            quarter: "Q2 2026")
        #expect(result.errors.map { "\($0.sheet)!\($0.cell) \($0.expected)" } == ["Summary!C3 0"])
    }

    @Test(arguments: [
        ("Ana Lina", "R1"), ("Ben Okafr", "R2"), ("Lmia, Ana", "R1"), ("Ana Limaa", "R1"), ("Ben Okafor", nil),
        ("Bob Okafor", nil), ("Ana", nil),
    ])
    func oneSlipOfTheKeyboardAwayFromOneRep(_ written: String, _ id: String?) {
        let roster = [RosterEntry(id: "R1", name: "Ana Lima"), RosterEntry(id: "R2", name: "Ben Okafor")]
        #expect(RepIdentity.misspelled(written, roster: roster)?.id == id)
    }

    @Test func aSlipAsNearTwoRepsIsNoOnes() {
        let roster = [RosterEntry(id: "R1", name: "Ana Lima"), RosterEntry(id: "R2", name: "Ana Lime")]
        #expect(RepIdentity.misspelled("Ana Lim", roster: roster) == nil)
    }
}
