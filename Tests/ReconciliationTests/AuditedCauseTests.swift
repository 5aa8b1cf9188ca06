import Foundation
import PlanFile
import Spreadsheet
import Testing
import XLSX

@testable import Reconciliation

/// Causes an independent audit of the contract found named otherwise (session 47): a row two
/// readings of the plan reproduce, a summary formula reading another row's rep among rows that
/// differ by their dates, a clawback cell left blank, a SUMIFS keeping the quarter above's dates,
/// a summary paying the SPIFFs the rows leave out, and a clawback total leaving out the SPIFFs
/// (and, in `BonusTotalTests`, a summary's bonus leaving out the quota club beside the SPIFFs;
/// in `SourceTruthTests`, a wrong rep's totals).
@Suite struct AuditedCauseTests {
    /// A retroactive plan worked out deal by deal: 10,000 and 45,000 at 5%, 60,000 at 8%, where
    /// the quarter's 115,000 pays all three at 8%. The marginal reading reproduces the first row
    /// alone; the per-deal reading both wrong rows: the sheet follows it, and so does its first row.
    @Test func aRowTwoReadingsReproduceIsTheReadingTheSheetFollows() throws {
        let plan = CauseTests.planText.replacingOccurrences(of: "mode: marginal", with: "mode: retroactive")
        let rows = [("D2", 10000, "0.05"), ("D3", 45000, "0.05"), ("D4", 60000, "0.08")].enumerated().map {
            index, deal in
            let (id, amount, rate) = deal
            let row = index + 2
            return CauseTests.Row(
                deal: id, amount: Decimal(amount), rate: CauseTests.rate(rate),
                commission: CauseTests.formula(
                    "\(Decimal(amount) * Decimal(string: rate)!)", "ROUND(D\(row)*E\(row)*F\(row),2)"))
        }
        let result = try CauseTests.reconcile(CauseTests.workbook(rows), plan: plan)
        let causes = result.errors.map { "\($0.cell) \($0.cause.rawValue)" }.sorted()
        #expect(causes == ["G2 per_deal_vs_cumulative", "G3 per_deal_vs_cumulative"], "\(causes)")
    }

    /// A Summary SUMIFS of `SummaryClawbackTests`' deals: the commission of the rep named in
    /// column A of `repRow`, closed between the dates `from` and `to` (`DATE`'s arguments).
    static func sumifs(_ repRow: Int, _ from: String, _ to: String) -> String {
        "SUMIFS(Deals!$F$2:$F$6,Deals!$B$2:$B$6,A\(repRow),Deals!$C$2:$C$6,\">=\"&DATE(\(from)),"
            + "Deals!$C$2:$C$6,\"<=\"&DATE(\(to)))"
    }

    /// Each row's SUMIFS carries its own quarter's dates, so no two read alike in full; Ben's row
    /// reads row 4's rep (Ana) where the others read their own: `inconsistent_formula`.
    @Test func aSummaryFormulaReadingAnotherRowsRepAmongRowsOfTheirOwnDatesIsInconsistent() throws {
        let summary: [[WriteCell]] =
            [["Rep", "Period", "Commission"].map { .text($0) }]
            + [
                [
                    .text("Ana Lima"), .text("Q1 2026"),
                    CauseTests.formula("2200", Self.sumifs(2, "2026,1,1", "2026,3,31")),
                ],
                [
                    .text("Ben Okafor"), .text("Q1 2026"),
                    CauseTests.formula("2200", Self.sumifs(4, "2026,1,1", "2026,3,31")),
                ],
                [
                    .text("Ana Lima"), .text("Q2 2026"),
                    CauseTests.formula("0", Self.sumifs(4, "2026,4,1", "2026,6,30")),
                ],
            ]
        let result = try SummaryClawbackTests.reconcile(summary)
        let finding = try #require(CauseTests.onlyError(result))
        #expect("\(finding.sheet)!\(finding.cell)" == "Summary!C3" && finding.cause == .inconsistentFormula)
        #expect(finding.expected == 500)
        #expect(
            FormulaForensics.constantsMasked(
                FormulaForensics.relativeForm(Self.sumifs(4, "2026,4,1", "2026,6,30"), row: 4))
                == "SUMIFS(Deals!$F$2:$F$6,Deals!$B$2:$B$6,A[0],Deals!$C$2:$C$6,\">=\"&DATE(#,#,#),"
                + "Deals!$C$2:$C$6,\"<=\"&DATE(#,#,#))")
    }

    /// Ana's Q1 clawbacks (−1,300.00) owed in a Clawback column left blank on her row, the
    /// others filled: the blank cell is the figure left out, and the earned beside it
    /// (`=C2+D2`) is wrong through it.
    @Test func aBlankClawbackCellWhereOneIsOwedIsTheFigureLeftOut() throws {
        let summary: [[WriteCell]] =
            [["Rep", "Period", "Commission", "Clawback", "Earned"].map { .text($0) }]
            + [
                [.text("Ana Lima"), .text("Q1 2026"), .number(2200), .empty, CauseTests.formula("2200", "C2+D2")],
                [.text("Ana Lima"), .text("Q2 2026"), .number(0), .number(-400), CauseTests.formula("-400", "C3+D3")],
                [.text("Ben Okafor"), .text("Q1 2026"), .number(500), .number(0), CauseTests.formula("500", "C4+D4")],
            ]
        let result = try SummaryClawbackTests.reconcile(summary)
        let clawback = try #require(result.errors.first { $0.cell == CellAddress("D2") })
        #expect(clawback.cause == .clawbackMissed && clawback.manual == 0 && clawback.expected == -1300)
        let earned = try #require(result.errors.first { $0.cell == CellAddress("E2") })
        #expect(earned.isDerived && earned.cause == .clawbackMissed)
        #expect(result.wrongFigures.map { "\($0.sheet)!\($0.cell)" } == ["Summary!D2"])
    }

    /// Ana's Q2 row copies Q1's SUMIFS with its dates unchanged: it shows her Q1 commission
    /// (2,200.00) where Q2 has none. The criteria miss the period's rows (`sum_range`), and the
    /// repaired formula holds Q2's dates.
    @Test func aSumifsKeepingAnotherQuartersDatesIsSumRange() throws {
        let summary: [[WriteCell]] =
            [["Rep", "Period", "Commission"].map { .text($0) }]
            + [
                [
                    .text("Ana Lima"), .text("Q1 2026"),
                    CauseTests.formula("2200", Self.sumifs(2, "2026,1,1", "2026,3,31")),
                ],
                [
                    .text("Ana Lima"), .text("Q2 2026"),
                    CauseTests.formula("2200", Self.sumifs(3, "2026,1,1", "2026,3,31")),
                ],
                [
                    .text("Ben Okafor"), .text("Q1 2026"),
                    CauseTests.formula("500", Self.sumifs(4, "2026,1,1", "2026,3,31")),
                ],
            ]
        let result = try SummaryClawbackTests.reconcile(summary)
        let finding = try #require(CauseTests.onlyError(result))
        #expect("\(finding.sheet)!\(finding.cell)" == "Summary!C3" && finding.causes == [.sumRange])
        #expect(finding.expected == 0)
        #expect(finding.explanation.contains("its date criteria add up 2026-Q1"), "\(finding.explanation)")
        #expect(finding.repairedFormula == Self.sumifs(3, "2026,4,1", "2026,6,30"))
    }

    /// Four January deals (500.00 each, a 100.00 SPIFF each) on a deals sheet without a bonus
    /// column, their commission cells the commission alone. With a summary whose `Bonus` pays
    /// the SPIFFs (`=COUNT(…)*100`), the rows hold no bonus and nothing is wrong; without it, the
    /// rows are read as §6 reads them, commission and bonus together, and each leaves its SPIFF out.
    @Test func aSummaryPayingTheSpiffsTheRowsLeaveOutIsNoFinding() throws {
        func book(summaryBonus: Bool) throws -> String {
            try CauseTests.written { writer in
                try writer.beginSheet("Deals")
                try writer.writeRow(["Deal ID", "Rep", "Close Date", "Amount", "Commission"].map { .text($0) })
                for row in 2...5 {
                    try writer.writeRow([
                        .text("D\(row)"), .text("R1"),
                        WriteCell(.date(DateTimeValue(kind: .date, year: 2026, month: 1, day: 8 + row))),
                        .number(10000), CauseTests.formula("500", "ROUND(D\(row)*0.05,2)"),
                    ])
                }
                try writer.endSheet()
                try writer.beginSheet("Summary")
                let header = ["Rep", "Period", "Commission"] + (summaryBonus ? ["Bonus", "Earned"] : [])
                try writer.writeRow(header.map { .text($0) })
                try writer.writeRow(
                    [.text("R1"), .text("2026-Q1"), CauseTests.formula("2000", "SUM(Deals!E2:E5)")]
                        + (summaryBonus
                            ? [
                                CauseTests.formula("400", "COUNT(Deals!E2:E5)*100"),
                                CauseTests.formula("2400", "C2+D2"),
                            ]
                            : []))
                try writer.endSheet()
            }
        }
        #expect(try CauseTests.reconcile(book(summaryBonus: true), plan: BonusTotalTests.plan).errors.isEmpty)
        let errors = try CauseTests.reconcile(book(summaryBonus: false), plan: BonusTotalTests.plan).errors
        #expect(
            errors.map { "\($0.sheet)!\($0.cell) \($0.cause.rawValue)" }.sorted() == [
                "Deals!E2 bonus_missing", "Deals!E3 bonus_missing", "Deals!E4 bonus_missing", "Deals!E5 bonus_missing",
                "Summary!C2 bonus_missing",
            ], "\(errors.map(\.explanation))")
    }

    /// D5 (Ana's, 20 January) earns a January SPIFF of 100.00 and is cancelled in March: the
    /// clawback takes back its commission and the SPIFF (§7). Ana's Q1 clawback written as the
    /// cancelled deals' commission alone (−1,300.00 of −1,400.00) is `clawback_missed`.
    @Test func aClawbackTotalLeavingOutTheSpiffsIsClawbackMissed() throws {
        let plan =
            SummaryClawbackTests.planText + """

                bonuses:
                  - { name: January SPIFF, per_deal: 100, when: { from: 2026-01-01, to: 2026-01-31 } }
                """
        let summary: [[WriteCell]] =
            [["Rep", "Period", "Commission", "Bonus", "Clawback"].map { .text($0) }]
            + [
                [.text("Ana Lima"), .text("Q1 2026"), .number(2200), .number(200), .number(-1300)],
                [.text("Ana Lima"), .text("Q2 2026"), .number(0), .number(0), .number(-400)],
                [.text("Ben Okafor"), .text("Q1 2026"), .number(500), .number(0), .number(0)],
            ]
        let result = try SummaryClawbackTests.reconcile(summary, plan: plan)
        let finding = try #require(CauseTests.onlyError(result))
        #expect("\(finding.sheet)!\(finding.cell)" == "Summary!E2" && finding.causes == [.clawbackMissed])
        #expect(finding.manual == -1300 && finding.expected == -1400)
        #expect(finding.explanation.contains("not their per-deal bonuses of 100.00"), "\(finding.explanation)")
    }
}
