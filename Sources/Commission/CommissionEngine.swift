import Foundation

/// The calculation of plan-format.md section 3: plan, roster and credit lines in, statement out.
///
/// A pure function of its inputs: no files, no clocks, no formats. It refuses (`EngineError`)
/// only where a figure would be undefined (an unknown rep, a missing or contradictory quota);
/// conditions in the data that still leave every figure defined (`not_eligible`, `split_total`,
/// `clawback_window_passed`, `cancel_before_close`) are reported in `Statement.issues`.
public enum CommissionEngine {
    /// Computes every line and rep-period. `roster` wins over the plan's `reps:` when not empty.
    public static func calculate(plan: Plan, roster: [RosterEntry] = [], lines: [CreditLine]) throws(EngineError)
        -> Statement
    {
        let run = try Run(plan: plan, roster: roster.isEmpty ? plan.reps : roster, lines: lines)
        return try run.statement()
    }
}

/// One run's shared facts, computed once: rep of each line, eligibility, periods.
struct Run {
    let plan: Plan
    let lines: [CreditLine]
    let book: RepBook
    let eligible: [Bool]
    let clawbackStatus: [Bool]
    let periodOfLine: [Period]
    /// Source-line indices per rep, each list in the plan's order (close date, deal id, row).
    let linesOfRep: [[Int]]
    let splitFlagged: Set<Int>
    /// Each line's product, type and status in compared form.
    let keys: [MatchKeys]
    let overrides: [(condition: NormalizedCondition, override: Override)]
    let perDealBonuses: [(condition: NormalizedCondition, bonus: Bonus, amount: Decimal)]
    var issues: [StatementIssue] = []

    init(plan: Plan, roster: [RosterEntry], lines: [CreditLine]) throws(EngineError) {
        self.plan = plan
        self.lines = lines
        book = try RepBook(roster: roster, lines: lines)

        let eligibleSet = plan.eligibleStatuses.map { Set($0.map(\.normalizedKey)) }
        let clawbackSet = Set((plan.clawback?.statuses ?? []).map(\.normalizedKey))
        var memo = KeyMemo()
        let keys = lines.map { MatchKeys($0, memo: &memo) }
        self.keys = keys
        overrides = plan.commission.overrides.map { ($0.when.normalized, $0) }
        perDealBonuses = plan.bonuses.compactMap { bonus in
            guard case .perDeal(let amount, let when) = bonus.kind else { return nil }
            return (when.normalized, bonus, amount)
        }
        let clawbacks = keys.map { key in key.status.map { clawbackSet.contains($0) } ?? false }
        clawbackStatus = clawbacks
        eligible = lines.indices.map { i in
            guard let eligibleSet else { return true }
            return keys[i].status.map { eligibleSet.contains($0) } ?? false || clawbacks[i]
        }
        periodOfLine = lines.map {
            Period(containing: $0.date, kind: plan.period, fiscalYearStart: plan.fiscalYearStart)
        }
        var grouped = [[Int]](repeating: [], count: book.reps.count)
        for (index, rep) in book.repOfLine.enumerated() { grouped[rep].append(index) }
        linesOfRep = grouped.map { indices in
            indices.sorted { a, b in
                let (x, y) = (lines[a], lines[b])
                return (x.date, x.dealID, x.row) < (y.date, y.dealID, y.row)
            }
        }
        var flagged = Set<Int>()
        var notes: [StatementIssue] = []
        let eligibleLines = eligible
        let book = self.book
        for (index, line) in lines.enumerated() where !eligibleLines[index] {
            let status = line.status ?? "none"
            notes.append(
                StatementIssue(
                    code: "not_eligible", rows: [line.row], dealID: line.dealID,
                    rep: book.reps[book.repOfLine[index]].id,
                    message: "status '\(status)' is not eligible: the line earns nothing", details: [("status", status)]
                ))
        }
        var byDeal: [String: [Int]] = [:]
        var dealOrder: [String] = []
        for (index, line) in lines.enumerated() {
            if byDeal[line.dealID] == nil { dealOrder.append(line.dealID) }
            byDeal[line.dealID, default: []].append(index)
        }
        for deal in dealOrder {
            let members = byDeal[deal]!
            let total = members.reduce(Decimal(0)) { $0 + lines[$1].split }
            guard total != 1 else { continue }
            flagged.formUnion(members)
            notes.append(
                StatementIssue(
                    code: "split_total", rows: members.map { lines[$0].row }, dealID: deal, rep: nil,
                    message: "the splits of deal \(deal) add up to \(total.percentText), not 100%",
                    details: [("total", total.plainText)]))
        }
        splitFlagged = flagged
        issues = notes
    }

    /// The first and last period present in the data, clawback periods included.
    var span: ClosedRange<Period>? {
        var periods = periodOfLine
        for (index, line) in lines.enumerated() where clawbackStatus[index] {
            if let cancel = line.cancelDate, cancel >= line.date {
                periods.append(Period(containing: cancel, kind: plan.period, fiscalYearStart: plan.fiscalYearStart))
            }
        }
        guard let first = periods.min(), let last = periods.max() else { return nil }
        return first...last
    }

    /// Computes every rep, in parallel when there are many (reps are independent), and joins
    /// the results in roster order, so the statement is the same whatever the scheduling.
    func statement() throws(EngineError) -> Statement {
        var lines: [StatementLine] = []
        var totals: [RepPeriodTotal] = []
        var issues = self.issues
        if let span {
            let results = RepResults(count: book.reps.count)
            let run = self
            let workers =
                self.lines.count > 20_000 || book.reps.count >= 64 ? ProcessInfo.processInfo.activeProcessorCount : 1
            let chunk = (book.reps.count + workers - 1) / max(workers, 1)
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                let range = (worker * chunk)..<min(book.reps.count, (worker + 1) * chunk)
                for repIndex in range {
                    results.store(
                        repIndex,
                        Result { () throws(EngineError) in
                            try RepCalculation(run: run, repIndex: repIndex, span: span).compute()
                        })
                }
            }
            lines.reserveCapacity(results.lineCount)
            for index in book.reps.indices {
                // Taking a rep's result frees its slot, so the lines are never held twice.
                let result = try results.take(index).get()
                lines += result.lines
                totals += result.totals
                issues += result.issues
            }
        }
        return Statement(plan: plan.name, currency: plan.currency, lines: lines, reps: totals, issues: issues)
    }
}

/// One slot per rep, written by exactly one worker each, read after all have finished.
private final class RepResults: @unchecked Sendable {
    typealias Output = (lines: [StatementLine], totals: [RepPeriodTotal], issues: [StatementIssue])
    private let slots: UnsafeMutableBufferPointer<Result<Output, EngineError>?>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    func store(_ index: Int, _ result: Result<Output, EngineError>) { slots[index] = result }

    /// Moves a rep's result out of its slot.
    func take(_ index: Int) -> Result<Output, EngineError> {
        defer { slots[index] = nil }
        return slots[index]!
    }

    /// Lines across all stored results.
    var lineCount: Int {
        slots.reduce(0) { total, slot in total + ((try? slot?.get())?.lines.count ?? 0) }
    }
}

/// Remembers the compared form of texts that repeat across lines (statuses, products, reps).
struct KeyMemo {
    private var known: [String: String] = [:]

    mutating func key(_ text: String) -> String {
        if let found = known[text] { return found }
        let key = text.normalizedKey
        if known.count < 100_000 { known[text] = key }
        return key
    }
}
