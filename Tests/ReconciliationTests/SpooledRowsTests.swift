import Commission
import Foundation
import Ingest
import PlanFile
import Reconciliation
import Reports
import Spreadsheet
import Testing
import XLSX

/// A workbook's deal rows set aside in a spool while its formulas are evaluated
/// (`HandKeptWorkbook.read`'s `rowBudget`, `TRUEUP_RECONCILE_BUDGET`): the workbook read and the
/// findings are those of the read that holds them, byte for byte, whether the spool stays in
/// memory or goes to disk.
@Suite struct SpooledRowsTests {
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("samples")

    /// Budgets that put every record on disk, some in memory and some on disk (chunks of 64
    /// bytes), and all in memory.
    static let budgets = [0, 4_096, 1 << 30]

    /// Every scenario's hand-kept workbook, and the samples' workbooks: name, path, plan, roster, pins.
    static func inputs() throws -> [(String, String, Plan, [RosterEntry], [String: String])] {
        var inputs = try ScenarioReconciliationTests.cases.map { name in
            let (workbook, plan, roster) = try ScenarioReconciliationTests.inputs(name)
            return (name, workbook, plan, roster, plan.columns)
        }
        let plan = try PlanFile.load(path: samples.appendingPathComponent("q3-plan.yaml").path)
        let roster = try RosterReader.read(TableFile.open(samples.appendingPathComponent("roster.csv").path))
        for name in ["q3-commissions.xlsx", "q3-by-rep.xlsx"] {
            inputs.append((name, samples.appendingPathComponent(name).path, plan, roster, plan.columns))
        }
        return inputs
    }

    /// The findings document `trueup reconcile --format json` writes, as JSON.
    static func json(_ result: Reconciliation, plan: Plan) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(
            FindingsDocument(result, plan: plan, workbook: .init(file: "manual.xlsx", sha256: "")))
    }

    @Test func everyScenarioAndSampleReconcilesTheSameWithItsRowsSetAside() throws {
        let inputs = try Self.inputs()
        try #require(inputs.count >= 10)
        for (name, workbook, plan, roster, pins) in inputs {
            let held = try HandKeptWorkbook.read(TableFile.open(workbook), plan: plan, roster: roster, pins: pins)
            let expected = try Self.json(
                Reconciler.reconcile(workbook: workbook, plan: plan, roster: roster, pins: pins), plan: plan)
            for budget in Self.budgets {
                let spooled = try HandKeptWorkbook.read(
                    TableFile.open(workbook), plan: plan, roster: roster, pins: pins, rowBudget: budget)
                #expect(spooled.deals.lines == held.deals.lines, "\(name), budget \(budget)")
                #expect(spooled.deals.manual == held.deals.manual, "\(name), budget \(budget)")
                // The manual cells are read in their file, not brought back into memory.
                #expect(spooled.deals.manual.isSetAside || held.deals.manual.isEmpty, "\(name), budget \(budget)")
                let json = try Self.json(
                    Reconciler.reconcile(workbook: workbook, plan: plan, roster: roster, pins: pins, rowBudget: budget),
                    plan: plan)
                #expect(json == expected, "\(name), budget \(budget)")
            }
        }
    }

    /// Without `TRUEUP_RECONCILE_BUDGET`, a workbook file past 128 MB (millions of rows) has its
    /// rows set aside with 64 MB of them in memory; a smaller one holds them as read.
    @Test func aLargeWorkbookSetsItsRowsAsideByItself() {
        #expect(HandKeptWorkbook.rowBudget(forWorkbookOf: 0) == nil)
        #expect(HandKeptWorkbook.rowBudget(forWorkbookOf: 64 << 20) == nil)
        #expect(HandKeptWorkbook.rowBudget(forWorkbookOf: 128 << 20) == nil)
        #expect(HandKeptWorkbook.rowBudget(forWorkbookOf: (128 << 20) + 1) == 64 << 20)
        #expect(HandKeptWorkbook.rowBudget(forWorkbookOf: 700 << 20) == 64 << 20)
    }

    /// Sheets set aside out of their order (a tab whose text dates do not tell their order is
    /// read again after the tab that tells it), rows keyed by sheet, and manual cells no word
    /// holds (a commission written as text, a formula's text): read back in the sheets' order,
    /// each as it was read.
    @Test func sheetsSetAsideOutOfOrderComeBackInTheirOrder() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try LayoutReadingTests.workbook(
            [
                (
                    "Ben Okafor",
                    [DateOrderTests.header(rep: false)]
                        + (0..<40).map { DateOrderTests.row("B\($0)", nil, "03/04/2026") }
                ),
                (
                    "Ana Lima",
                    [DateOrderTests.header(rep: false), DateOrderTests.row("A1", nil, "13/04/2026")]
                        + [[.text("A2"), .text("14/04/2026"), .number(100), .empty, .text("5,00")]]
                ),
            ], in: folder)
        let plan = try PlanFile.parse(CauseTests.planText, file: "plan.yaml")
        let roster = DateOrderTests.reps.map { RosterEntry(id: $0) }
        let held = try HandKeptWorkbook.read(TableFile.open(path), plan: plan, roster: roster)
        // The first tab's dates read day-first, as the second tab's show: it was read again after it.
        try #require(held.deals.lines.first?.dealID == "B0")
        try #require(held.deals.lines.first?.date == LocalDate(iso: "2026-04-03"))
        try #require(held.deals.manual.contains { $0.commission?.value == .text("5,00") })
        for budget in Self.budgets {
            let spooled = try HandKeptWorkbook.read(TableFile.open(path), plan: plan, roster: roster, rowBudget: budget)
            #expect(spooled.deals.lines == held.deals.lines)
            #expect(spooled.deals.manual == held.deals.manual)
            #expect(spooled.deals.manual.map(\.commission) == held.deals.manual.map(\.commission))
        }
    }
}
