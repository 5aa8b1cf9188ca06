import Correction
import Foundation
import Reconciliation
import Spreadsheet
import Testing
import XLSX

/// Under `level: period` the plan rounds each rep-period's earned once, in its own mode
/// (plan-format.md §3, step 7). A summary's earned that is the same figures rounded the other way
/// (Excel's `ROUND` halves away from zero where the plan rounds half to even, or the reverse) or
/// not rounded at all differs only because the sheet rounds another way: `rounding_mode` (§7), not
/// `unexplained` (fuzz-reconcile seed 6846: 62.50 + 1,000.00 typed 1,063 under a half-even plan of
/// whole units, which pays 1,062).
@Suite struct PeriodTotalRoundingTests {
    /// Rows of 10,010 (500.50 at 5%) and three of 10,000: 2,000.50 before the period rounds it.
    static func rows() -> [CauseTests.Row] {
        var rows = CauseTests.goodRows()
        rows[0].amount = 10010
        rows[0].commission = CauseTests.formula("500.5", "ROUND(D2*E2*F2,2)")
        return rows
    }

    static func plan(_ mode: String) -> String {
        CauseTests.planText + "\nrounding: { places: 0, mode: \(mode), level: period }\n"
    }

    /// The earned cell `earned` of a summary over the rows, and the reconciliation under `mode`.
    static func reconciled(mode: String, earned: WriteCell) throws -> (path: String, result: Reconciliation) {
        let summary: [[WriteCell]] = [
            [.text("R1"), .text("2026-Q1"), CauseTests.formula("2000.5", "SUM(Deals!G2:G5)"), earned]
        ]
        let path = try CauseTests.workbook(
            rows(), summary: summary, summarySheet: ("Summary", ["Rep", "Period", "Commission", "Earned"]))
        return (path, try CauseTests.reconcile(path, plan: plan(mode)))
    }

    @Test(arguments: [
        ("half_even", CauseTests.formula("2001", "ROUND(C2,0)"), Decimal(2000)),
        ("half_even", .number(2001), Decimal(2000)),
        ("half_even", .number(Decimal(string: "2000.5")!), Decimal(2000)),
        ("half_up", .number(2000), Decimal(2001)),
    ])
    func anEarnedRoundedAnotherWayIsRoundingMode(mode: String, earned: WriteCell, expected: Decimal) throws {
        let (path, result) = try Self.reconciled(mode: mode, earned: earned)
        let finding = try #require(CauseTests.onlyError(result), "\(result.errors.map(\.explanation))")
        #expect(finding.sheet == "Summary" && finding.cell == CellAddress("D2") && finding.expected == expected)
        #expect(finding.causes == [.roundingMode], "\(finding.explanation)")

        // Its corrected copy holds the plan's figure and reconciles clean.
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        let output = folder.appendingPathComponent("corrected.xlsx")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        let handle = try FileHandle(forWritingTo: output)
        _ = try CorrectedWorkbook.write(source: path, input: CorrectionInput(result), to: handle)
        try handle.close()
        let again = try CauseTests.reconcile(output.path, plan: Self.plan(mode))
        #expect(again.errors.isEmpty, "\(again.errors.map { "\($0.sheet)!\($0.cell) \($0.cause)" })")
    }

    /// A summary total within the tolerance of the period's total rounded is the plan's
    /// (`CorrectedRoundingTests`), but a total left at 0 is no rounding: the lines it leaves out
    /// are. A deal of 0.25 at 5% pays 0.0125 (0.01 rounded); a commission total of 0 is a cent and
    /// a quarter short, more than the tolerance (fuzz-reconcile seed 19515: a clawback of −0.0125
    /// left out, the summary's 0 read as within a cent of −0.01).
    @Test(arguments: [("0", true), ("0.01", false), ("0.0125", false), ("0.02", false)])
    func aTotalLeftAtZeroIsNoRounding(typed: String, isError: Bool) throws {
        let rows = [
            CauseTests.Row(
                deal: "D2", amount: Decimal(string: "0.25")!, rate: CauseTests.rate("0.05"),
                commission: CauseTests.formula("0.01", "ROUND(D2*E2*F2,2)"))
        ]
        let summary: [[WriteCell]] = [[.text("R1"), .text("2026-Q1"), .number(Decimal(string: typed)!)]]
        let path = try CauseTests.workbook(rows, summary: summary)
        let plan = CauseTests.planText + "\nrounding: { places: 2, mode: half_up, level: period }\n"
        let errors = try CauseTests.reconcile(path, plan: plan).errors
        #expect(errors.map { "\($0.sheet)!\($0.cell)" } == (isError ? ["Summary!C2"] : []))
        #expect(errors.allSatisfy { $0.expected == Decimal(string: "0.0125")! })
    }

    /// A figure no rounding of the period's lines gives is no rounding difference.
    @Test func anEarnedNoRoundingGivesIsNotRoundingMode() throws {
        let finding = try #require(
            CauseTests.onlyError(Self.reconciled(mode: "half_even", earned: .number(2002)).result))
        #expect(finding.cell == CellAddress("D2") && !finding.causes.contains(.roundingMode))
    }
}
