import Foundation
import PlanFile
import Spreadsheet
import Testing
import XLSX

@testable import Reconciliation

/// Causes an independent audit of the contract found named otherwise (session 47): a row two
/// readings of the plan reproduce, a summary formula reading another row's rep among rows that
/// differ by their dates, and a clawback cell left blank (and, in `BonusTotalTests`, a summary's
/// bonus leaving out the quota club beside the SPIFFs).
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

    /// Each row's SUMIFS carries its own quarter's dates, so no two read alike in full; Ben's row
    /// reads row 4's rep (Ana) where the others read their own: `inconsistent_formula`.
    @Test func aSummaryFormulaReadingAnotherRowsRepAmongRowsOfTheirOwnDatesIsInconsistent() throws {
        func sumifs(_ repRow: Int, _ from: String, _ to: String) -> String {
            "SUMIFS(Deals!$F$2:$F$6,Deals!$B$2:$B$6,A\(repRow),Deals!$C$2:$C$6,\">=\"&DATE(\(from)),"
                + "Deals!$C$2:$C$6,\"<=\"&DATE(\(to)))"
        }
        let summary: [[WriteCell]] =
            [["Rep", "Period", "Commission"].map { .text($0) }]
            + [
                [.text("Ana Lima"), .text("Q1 2026"), CauseTests.formula("2200", sumifs(2, "2026,1,1", "2026,3,31"))],
                [
                    .text("Ben Okafor"), .text("Q1 2026"),
                    CauseTests.formula("2200", sumifs(4, "2026,1,1", "2026,3,31")),
                ],
                [.text("Ana Lima"), .text("Q2 2026"), CauseTests.formula("0", sumifs(4, "2026,4,1", "2026,6,30"))],
            ]
        let result = try SummaryClawbackTests.reconcile(summary)
        let finding = try #require(CauseTests.onlyError(result))
        #expect("\(finding.sheet)!\(finding.cell)" == "Summary!C3" && finding.cause == .inconsistentFormula)
        #expect(finding.expected == 500)
        #expect(
            FormulaForensics.constantsMasked(FormulaForensics.relativeForm(sumifs(4, "2026,4,1", "2026,6,30"), row: 4))
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
}
