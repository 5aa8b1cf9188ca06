import Commission
import Foundation
import Ingest
import Spreadsheet

/// Row-level findings: each row's manual commission (and bonus) against the engine's.
enum RowFindings {
    static func compute(_ context: RowContext) -> [Finding] {
        let engine = context.amounts(in: context.statement)
        let hasBonusColumn = context.deals.mapping.columns[.bonus] != nil
        let commissionColumn = context.deals.manual.compactMap { manual in manual.commission.map { (manual.row, $0) } }
        let pattern = FormulaForensics.ColumnPattern(commissionColumn.map { (row: $0.0, cell: $0.1) })
        let differing = Set(
            context.deals.lines.indices.filter { index in
                guard let cell = context.deals.manual[index].commission,
                    let value = Decimal.fromCell(cell.value).number
                else { return true }
                let row = context.deals.lines[index].row
                var expected = engine[row]?.commission ?? 0
                if !hasBonusColumn { expected += engine[row]?.bonus ?? 0 }
                return !context.matches(value, expected)
            }.map { context.deals.lines[$0].row })
        let alternatives = Alternatives(context: context, rows: differing)
        var findings: [Finding] = []
        for (index, line) in context.deals.lines.enumerated() {
            let manual = context.deals.manual[index]
            guard let cell = manual.commission, let column = context.deals.mapping.columns[.commission] else {
                continue
            }
            let address = CellAddress(row: manual.row, column: column)
            let found = engine[line.row]
            // A copied row has no line of its own; its rep and period are the original's.
            let reference = found?.line ?? context.duplicates[index].flatMap { engine[$0]?.line }
            var expected = found?.commission ?? 0
            if !hasBonusColumn { expected += found?.bonus ?? 0 }
            if context.duplicates[index] != nil { expected = 0 }
            let (value, isText) = Decimal.fromCell(cell.value)
            let period =
                reference?.period.description
                ?? Period(
                    containing: line.date, kind: context.plan.period, fiscalYearStart: context.plan.fiscalYearStart
                ).description
            var finding = Finding(
                sheet: context.sheetName, cell: address, dealID: line.dealID, rep: reference?.rep ?? line.rep,
                period: period,
                manual: value, manualText: isText || value == nil ? cell.value.plainText : nil, expected: expected,
                causes: [],
                explanation: "", isDerived: false)
            if let value, !isText, context.matches(value, expected) {
                guard value != expected else { continue }
                finding.causes = ["rounding"]
                finding.explanation = "within the plan's tolerance of \(context.plan.tolerance.moneyText)"
                findings.append(finding)
                continue
            }
            let reasons = RowCauses(
                context: context, alternatives: alternatives, index: index, engine: found, pattern: pattern)
            (finding.causes, finding.explanation) = reasons.explain(
                manual: value, isText: isText, cell: cell, expected: expected)
            findings.append(finding)
        }
        return findings
    }
}

/// The engine re-run under the readings a sheet's author may have used instead of the plan's.
final class Alternatives {
    enum Reading: Hashable {
        case flippedMode, perDealOrCumulative, noCaps, noGate, noOverrides, otherRoundingMode
    }

    private let context: RowContext
    private var cache: [Reading: [Int: (commission: Decimal, bonus: Decimal, line: StatementLine?)]] = [:]
    /// The lines of the reps whose rows need a re-run: a rep's tiers depend on all its lines.
    private let lines: [CreditLine]

    /// Re-runs cover only the reps of `rows` (source rows with a difference to explain).
    init(context: RowContext, rows: Set<Int>) {
        self.context = context
        let reps = Set(context.kept.filter { rows.contains($0.row) }.map(\.rep.normalizedKey))
        lines = context.kept.filter { reps.contains($0.rep.normalizedKey) }
    }

    /// The row's commission under `reading`, or nil when the reading is the plan's own or fails.
    func commission(row: Int, under reading: Reading) -> Decimal? {
        if cache[reading] == nil {
            var plan = context.plan
            switch reading {
            case .flippedMode:
                plan.commission.tiers.mode = plan.commission.tiers.mode == .marginal ? .retroactive : .marginal
            case .perDealOrCumulative:
                plan.commission.tiers.basis = plan.commission.tiers.basis == .perDeal ? .period : .perDeal
            case .noCaps:
                guard plan.commission.capPerDeal != nil || plan.commission.capPerPeriod != nil else { return nil }
                plan.commission.capPerDeal = nil
                plan.commission.capPerPeriod = nil
            case .noGate:
                guard plan.commission.gate != nil else { return nil }
                plan.commission.gate = nil
            case .noOverrides:
                guard !plan.commission.overrides.isEmpty else { return nil }
                plan.commission.overrides = []
            case .otherRoundingMode: plan.rounding.mode = plan.rounding.mode == .halfUp ? .halfEven : .halfUp
            }
            guard
                let statement = try? CommissionEngine.calculate(plan: plan, roster: context.roster, lines: context.kept)
            else { return nil }
            cache[reading] = context.amounts(in: statement)
        }
        return cache[reading]?[row]?.commission
    }
}
