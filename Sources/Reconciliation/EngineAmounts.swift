import Commission
import Foundation
import Ingest
import Primitives

/// A rep-period's line amounts by kind, added in the statement's order, as a summary sheet's
/// columns add them.
struct LineSums: Equatable {
    var commission: Decimal = 0
    var trueUp: Decimal = 0
    var bonus: Decimal = 0
    var clawback: Decimal = 0
    /// The rows whose clawback takes something back, in the statement's order.
    var clawedBackRows: [Int] = []
    /// Commission and true-up lines added together in the statement's order, once a true-up has
    /// come (until then it is `commission`, without adding each line twice).
    private var commissionThenTrueUps: Decimal?
    /// The bonuses of a row (per-deal), once a bonus of no row (attainment) has come (until
    /// then it is `bonus`).
    private var bonusesOfRows: Decimal?

    /// Commission and true-up lines together (a sheet without a true-up column counts true-ups
    /// as commission).
    var commissionAndTrueUp: Decimal { commissionThenTrueUps ?? commission }
    /// The bonuses of a row (per-deal), not the period's (attainment).
    var rowBonus: Decimal { bonusesOfRows ?? bonus }
    /// The period's bonuses (attainment: a quota club), of no row.
    var periodBonus: Decimal { bonus - rowBonus }
    /// Every line added up: the rep-period's earned before `level: period` rounds it.
    var earned: Decimal { commission + trueUp + bonus + clawback }

    mutating func add(_ kind: StatementLine.Kind, _ amount: Decimal, row: Int?) {
        switch kind {
        case .commission:
            commission = Decimal.sum(commission, amount)
            commissionThenTrueUps = commissionThenTrueUps.map { Decimal.sum($0, amount) }
        case .trueUp:
            trueUp = Decimal.sum(trueUp, amount)
            commissionThenTrueUps = Decimal.sum(commissionAndTrueUp, amount)
        case .bonus:
            if row != nil {
                bonusesOfRows = bonusesOfRows.map { Decimal.sum($0, amount) }
            } else if bonusesOfRows == nil {
                bonusesOfRows = bonus
            }
            bonus = Decimal.sum(bonus, amount)
        case .clawback:
            clawback = Decimal.sum(clawback, amount)
            if let row, amount != 0 { clawedBackRows.append(row) }
        }
    }
}

/// What the engine claws back of one row's line: the amount (negative), in which period, for
/// which rep (the roster's id).
struct ClawbackAmount: Equatable {
    var amount: Decimal
    var period: Period
    var rep: String
}

/// What the comparisons read of the engine's lines: each row's amounts and each rep-period's
/// sums, gathered as the lines are computed so that a reconcile need not keep them.
struct EngineAmounts {
    var rows: RowAmountsTable
    /// By rep (compared form) and period; the rep-period being added to is in `current` until
    /// the lines move to another (`finish()` puts it back).
    private(set) var repPeriods: [RepPeriod: LineSums] = [:]
    /// The clawbacks that take something back, by the source row of the line they reverse (few:
    /// hashed).
    private(set) var clawbacks: [Int: ClawbackAmount] = [:]
    private var current: (key: RepPeriod, sums: LineSums)?
    /// The last line's rep and its compared form.
    private var rep = ("", "")
    /// What `rows.fetch` read, kept so that its reads are made.
    private var fetched: UInt32 = 0
    /// Lines whose rows' amounts are fetched at once (`RowAmountsTable.fetch`).
    private static let fetchedTogether = 64

    /// Amounts with slots for the rows of `lines` (the lines the statement is computed from).
    init(rows lines: [CreditLine]) {
        rows = RowAmountsTable(rows: lines.lazy.map(\.row), count: lines.count)
    }

    /// Computes `run`'s statement, gathering its amounts for the rows of `lines` (the run's).
    /// `keepingLines`: whether the statement keeps its lines; without them reps are computed a
    /// window of about `windowLines` lines at a time and each window's lines let go once gathered.
    static func calculate(
        _ run: Run, rows lines: [CreditLine], keepingLines: Bool, windowLines: Int = 10_000
    ) throws(EngineError) -> (statement: Statement, amounts: EngineAmounts) {
        var amounts = EngineAmounts(rows: lines)
        var kept: [[StatementLine]] = []
        // 10,000 lines a window (~1.8 MB of lines): each is computed in one piece, up to four a
        // core begun ahead of the one gathered (`Run.statement(windowLines:receive:)`).
        var statement = try run.statement(windowLines: keepingLines ? nil : max(1, windowLines)) { groups in
            for group in groups { amounts.add(group) }
            if keepingLines { kept += groups }
        }
        amounts.finish()
        statement.lineGroups = kept
        return (statement, amounts)
    }

    /// Adds one rep's lines (a statement's line group). A rep's lines come together and mostly
    /// in period order, so each run of lines of one rep-period is looked up once.
    mutating func add(_ group: [StatementLine]) {
        // Through a buffer, so that reading a few fields does not copy (retain) whole lines.
        group.withUnsafeBufferPointer { group in
            for start in stride(from: 0, to: group.count, by: Self.fetchedTogether) {
                let lines = UnsafeBufferPointer(rebasing: group[start..<min(start + Self.fetchedTogether, group.count)])
                fetched ^= rows.fetch(lines)
                add(lines)
            }
        }
    }

    /// Adds a run of a group's lines, whose rows' amounts `rows.fetch` has read.
    private mutating func add(_ lines: UnsafeBufferPointer<StatementLine>) {
        for index in lines.indices {
            rows.add(lines.baseAddress! + index)
            if lines[index].rep != rep.0 { rep = (lines[index].rep, lines[index].rep.normalizedKey) }
            if current?.key.rep != rep.1 || current?.key.period != lines[index].period {
                finish()
                let key = RepPeriod(rep: rep.1, period: lines[index].period)
                current = (key, repPeriods.removeValue(forKey: key) ?? LineSums())
            }
            current!.sums.add(lines[index].kind, lines[index].amount, row: lines[index].row)
            if lines[index].kind == .clawback, let row = lines[index].row, lines[index].amount != 0 {
                let earlier = clawbacks[row]?.amount ?? 0
                clawbacks[row] = ClawbackAmount(
                    amount: earlier + lines[index].amount, period: lines[index].period, rep: lines[index].rep)
            }
        }
    }

    /// Puts the rep-period being added to back among the others: called once the last lines are added.
    mutating func finish() {
        if let current { repPeriods[current.key] = current.sums }
        current = nil
    }
}
