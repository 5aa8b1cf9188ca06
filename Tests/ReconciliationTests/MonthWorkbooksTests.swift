import Commission
import Foundation
import Ingest
import PlanFile
import Reconciliation
import Spreadsheet
import Testing
import XLSX

/// A workbook per month under a quarterly plan: the quarter's cumulative credit, its tiers, runs
/// across the files as it runs across a workbook's tabs (plan-format.md §3, step 5).
@Suite struct MonthWorkbooksTests {
    static let plan = """
        plan: Month workbooks
        period: quarter
        commission:
          tiers:
            metric: attainment
            basis: period
            mode: marginal
            table:
              - { from: 0%, rate: 4% }
              - { from: 50%, rate: 7% }
              - { from: 100%, rate: 10% }
        reps:
          - { id: E1041, name: Priya Nair, quota: 90000 }
        """

    /// Each month's deals, with the commission the quarter's marginal tiers pay them, the
    /// cumulative credit running on from the months before: 40,000 in January (all at 4%: 1,600),
    /// 30,000 in February (5,000 at 4% and 25,000 at 7%: 1,950) and 30,000 in March (20,000 at 7%
    /// and 10,000 at 10%: 2,400).
    static let months: [(name: String, date: String, amount: String, commission: String)] = [
        ("Jan 2026", "2026-01-15", "40000", "1600"), ("Feb 2026", "2026-02-12", "30000", "1950"),
        ("Mar 2026", "2026-03-10", "30000", "2400"),
    ]

    static func workbooks(in folder: URL) throws -> [HandKeptWorkbook] {
        let plan = try PlanFile.parse(Self.plan, file: "plan.yaml")
        return try months.enumerated().map { number, month in
            let header: [WriteCell] = ["Deal ID", "Rep", "Close Date", "Amount", "Commission"].map { .text($0) }
            let row: [WriteCell] = [
                .text("D\(number + 1)"), .text("Priya Nair"), LayoutReadingTests.date(month.date),
                HeldOutWorkbookTests.number(month.amount), HeldOutWorkbookTests.number(month.commission),
            ]
            let path = try LayoutReadingTests.workbook(
                [(month.name, [header, row])], in: folder, name: "m\(number).xlsx")
            return try HandKeptWorkbook.read(TableFile.open(path), plan: plan, roster: [])
        }
    }

    @Test func aQuartersTiersRunAcrossItsMonthsWorkbooks() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let plan = try PlanFile.parse(Self.plan, file: "plan.yaml")
        let read = try Self.workbooks(in: folder)
        let lines = read.map { Reconciler.engineLines(of: $0, plan: plan, roster: []) }
        for (number, workbook) in read.enumerated() {
            let others = lines.indices.filter { $0 != number }.map { lines[$0] }
            let result = try Reconciler.reconcile(workbook, plan: plan, roster: [], otherWorkbooks: others)
            #expect(result.errors.map { "\($0.sheet)!\($0.cell)" } == [], "\(Self.months[number].name)")
            // The statement keeps the workbook's own rep-periods, their totals over every file.
            #expect(result.statement.reps.map(\.period.description) == ["2026-Q1"])
            #expect(result.statement.reps.first?.earned == 5950)
        }
        // Alone, February's deal is priced as if the quarter began with it.
        let alone = try Reconciler.reconcile(read[1], plan: plan, roster: [])
        #expect(alone.errors.map { "\($0.sheet)!\($0.cell)" } == ["Feb 2026!E2"])
    }
}
