import Commission
import Foundation
import Ingest
import Spreadsheet
import Testing

@testable import Reconciliation

/// The first pass over a workbook's rows (`RowFindings.Triage`) runs in pieces on all cores at a
/// million rows: joined in order, the pieces are what one pass finds, on every scenario's
/// hand-kept workbook (its wrong figures, figures stored as text and rows without a figure).
@Suite struct RowTriageTests {
    @Test(arguments: ScenarioReconciliationTests.cases)
    func piecesJoinedAreOnePass(_ name: String) throws {
        let (path, plan, roster) = try ScenarioReconciliationTests.inputs(name)
        var workbook = try HandKeptWorkbook.read(TableFile.open(path), plan: plan, roster: roster, pins: plan.columns)
        let deals = workbook.takeDeals()
        let entries = roster.isEmpty ? plan.reps : roster
        let run = try CommissionEngine.run(plan: plan, roster: entries, lines: deals.lines)
        let (statement, amounts) = try EngineAmounts.calculate(run, rows: deals.lines, keepingLines: false)
        let context = RowContext(
            plan: plan, roster: entries, deals: deals, statement: statement, amounts: amounts, copies: [])
        let whole = RowFindings.Triage(context, lines: 0..<deals.lines.count)
        #expect(whole.figures.values.reduce(0) { $0 + $1.all } > 0)
        for pieces in [2, 3, 7] {
            let joined = RowFindings.Triage.of(context, pieces: pieces)
            #expect(joined.differing == whole.differing)
            #expect(joined.asked == whole.asked)
            #expect(joined.inexact == whole.inexact)
            #expect(joined.rightTexts == whole.rightTexts)
            #expect(joined.figures.mapValues { [$0.all, $0.texts] } == whole.figures.mapValues { [$0.all, $0.texts] })
        }
    }
}
