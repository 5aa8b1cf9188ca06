import Commission
import Foundation
import Ingest
import Testing

@testable import Reconciliation

/// The amounts a reconcile gathers from the engine's lines as they are computed (so that it need
/// not keep them) are the lines' own: every row's commission, bonus and commission line, and
/// every rep-period's sums by kind, the same whether the lines are kept or let go a window at a time.
@Suite struct EngineAmountsTests {
    /// Each scenario's deals (with clawbacks, bonuses, splits and true-ups among them): the gathered
    /// amounts against amounts worked out here from the kept statement's lines, with slots for
    /// every other row only (the rest are held apart), in windows of 7 lines and in one.
    @Test(arguments: ScenarioReconciliationTests.cases)
    func gatheredAmountsAreTheLinesOwn(_ name: String) throws {
        let (_, plan, roster) = try ScenarioReconciliationTests.inputs(name)
        let deals = ScenarioReconciliationTests.folder.appendingPathComponent(name).appendingPathComponent("deals.csv")
        let lines = try DealsReader.read(TableFile.open(deals.path)).lines
        let run = try CommissionEngine.run(plan: plan, roster: roster, lines: lines)
        let slotted = lines.enumerated().filter { $0.offset % 2 == 0 }.map(\.element)
        let (statement, kept) = try EngineAmounts.calculate(run, rows: slotted, keepingLines: true)
        let (bare, windowed) = try EngineAmounts.calculate(run, rows: slotted, keepingLines: false, windowLines: 7)
        #expect(bare.lineGroups.isEmpty && !statement.lineGroups.isEmpty)
        #expect(bare.reps == statement.reps)

        var rows: [Int: RowAmounts] = [:]
        var sums: [RepPeriod: LineSums] = [:]
        for line in statement.lineGroups.joined() {
            let key = RepPeriod(rep: line.rep.normalizedKey, period: line.period)
            switch line.kind {
            case .commission:
                sums[key, default: LineSums()].commission += line.amount
                sums[key, default: LineSums()].commissionAndTrueUp += line.amount
            case .trueUp:
                sums[key, default: LineSums()].trueUp += line.amount
                sums[key, default: LineSums()].commissionAndTrueUp += line.amount
            case .bonus:
                sums[key, default: LineSums()].bonus += line.amount
                if line.row != nil { sums[key, default: LineSums()].rowBonus += line.amount }
            case .clawback:
                sums[key, default: LineSums()].clawback += line.amount
                if let row = line.row, line.amount != 0 { sums[key, default: LineSums()].clawedBackRows.append(row) }
            }
            guard let row = line.row else { continue }
            if line.kind == .commission {
                rows[row, default: RowAmounts()].commission += line.amount
                rows[row, default: RowAmounts()].line = LineReference(line)
                #expect(rows[row]?.line?.rates == line.rates)
            } else if line.kind == .bonus {
                rows[row, default: RowAmounts()].bonus += line.amount
            }
        }
        #expect(!rows.isEmpty)
        for amounts in [kept, windowed] {
            for line in lines {
                #expect(amounts.rows[line.row] == rows[line.row], "\(name) row \(line.row)")
            }
            #expect(amounts.rows[-7] == nil)
            #expect(amounts.repPeriods == sums, "\(name)")
        }
        // The rows of each rep-period's commission lines, as the summary's range checks read them.
        let positions = kept.rows.commissionLines(of: lines)
        for (index, line) in lines.enumerated() {
            guard let reference = rows[line.row]?.line else { continue }
            let key = RepPeriod(rep: reference.rep.normalizedKey, period: reference.period)
            #expect(positions[key]?.contains(Int32(index)) == true, "\(name) row \(line.row)")
        }
        #expect(positions.values.reduce(0) { $0 + $1.count } == rows.values.filter { $0.line != nil }.count)
    }
}
