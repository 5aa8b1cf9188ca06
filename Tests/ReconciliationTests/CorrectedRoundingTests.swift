import Correction
import Foundation
import Reconciliation
import Spreadsheet
import Testing
import XLSX

/// A sheet whose rows round down (`=ROUNDDOWN(…,2)`) rather than as the plan does: each row is
/// within the tolerance, but the summary adding them up is a few cents off (`rounding_mode`).
/// Its corrected copy rounds those rows as the plan does, so that the summary, which keeps its
/// formula, gives the plan's total and the copy reconciles clean.
@Suite struct CorrectedRoundingTests {
    @Test func rowsRoundedDownUnderAWrongTotalAreRoundedAsThePlanRounds() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let header: [WriteCell] = ["Deal ID", "Rep", "Close Date", "Amount", "Rate", "Commission"].map { .text($0) }
        // At 5% each of Ana's rows falls on half a cent: ROUND gives a cent more than ROUNDDOWN.
        let deals: [(String, String, Decimal, String)] = [
            ("D1", "Ana Lima", Decimal(string: "10000.30")!, "500.01"),
            ("D2", "Ana Lima", Decimal(string: "12000.50")!, "600.02"),
            ("D3", "Ana Lima", Decimal(string: "8000.10")!, "400.00"),
            ("D4", "Ben Okafor", 10000, "500"),
        ]
        var rows: [[WriteCell]] = [header]
        for (index, deal) in deals.enumerated() {
            let row = index + 2
            rows.append([
                .text(deal.0), .text(deal.1), LayoutReadingTests.date("2026-01-15"), .number(deal.2),
                .number(Decimal(string: "0.05")!), CauseTests.formula(deal.3, "ROUNDDOWN(D\(row)*E\(row),2)"),
            ])
        }
        let summary: [[WriteCell]] = [
            ["Rep", "Period", "Commission"].map { .text($0) },
            [
                .text("Ana Lima"), .text("2026-Q1"),
                CauseTests.formula("1500.03", "SUMIFS(Deals!F$2:F$5,Deals!B$2:B$5,A2)"),
            ],
            [
                .text("Ben Okafor"), .text("2026-Q1"),
                CauseTests.formula("500", "SUMIFS(Deals!F$2:F$5,Deals!B$2:B$5,A3)"),
            ],
        ]
        let path = try LayoutReadingTests.workbook([("Deals", rows), ("Summary", summary)], in: folder)
        let result = try LayoutReadingTests.reconcile(path, in: folder)
        #expect(result.errors.map { "\($0.sheet)!\($0.cell) \($0.cause)" } == ["Summary!C2 rounding_mode"])

        let (output, cells) = try CorrectedColumnFormulaTests.corrected(path, result, in: folder, column: 6)
        #expect(cells["F2"]?.formula == "ROUND(D2*E2,2)" && cells["F2"]?.value == .number(Decimal(string: "500.02")!))
        #expect(cells["F4"]?.formula == "ROUND(D4*E4,2)" && cells["F4"]?.value == .number(Decimal(string: "400.01")!))
        // A row the plan's rounding gives as it is stays as it was.
        #expect(cells["F5"]?.formula == "ROUNDDOWN(D5*E5,2)")
        let again = try LayoutReadingTests.reconcile(output.path, in: folder)
        #expect(again.errors.isEmpty, "\(again.errors.map { "\($0.sheet)!\($0.cell) \($0.cause)" })")
    }

    /// Under `level: period` the plan rounds each rep-period's total once (plan-format.md §3, step
    /// 7): a summary within the tolerance of that total rounded is the plan's, though the exact sum
    /// of its lines is a little further (1,500.03 for lines adding up to 1,500.0444, paid 1,500.04).
    @Test func aTotalWithinTheToleranceOfThePeriodsRoundedTotalIsThePlans() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let header: [WriteCell] = ["Deal ID", "Rep", "Close Date", "Amount", "Rate", "Commission"].map { .text($0) }
        // At 5%: 500.0199 and 1,000.0245, rounded down to 500.01 and 1,000.02 (each within the tolerance).
        let deals: [(String, Decimal, String)] = [
            ("D1", Decimal(string: "10000.398")!, "500.01"), ("D2", Decimal(string: "20000.49")!, "1000.02"),
        ]
        var rows: [[WriteCell]] = [header]
        for (index, deal) in deals.enumerated() {
            let row = index + 2
            rows.append([
                .text(deal.0), .text("R1"), LayoutReadingTests.date("2026-01-15"), .number(deal.1),
                .number(Decimal(string: "0.05")!), CauseTests.formula(deal.2, "ROUNDDOWN(D\(row)*E\(row),2)"),
            ])
        }
        let summary: [[WriteCell]] = [
            ["Rep", "Period", "Commission"].map { .text($0) },
            [.text("R1"), .text("2026-Q1"), CauseTests.formula("1500.03", "SUMIFS(Deals!F$2:F$3,Deals!B$2:B$3,A2)")],
        ]
        let path = try LayoutReadingTests.workbook([("Deals", rows), ("Summary", summary)], in: folder)
        let plan = CauseTests.planText + "\nrounding:\n  places: 2\n  mode: half_up\n  level: period\n"
        let result = try CauseTests.reconcile(path, plan: plan)
        #expect(result.errors.isEmpty, "\(result.errors.map { "\($0.sheet)!\($0.cell) \($0.cause)" })")
    }
}
