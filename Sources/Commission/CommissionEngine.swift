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
    var issues: [StatementIssue] = []

    init(plan: Plan, roster: [RosterEntry], lines: [CreditLine]) throws(EngineError) {
        self.plan = plan
        self.lines = lines
        book = try RepBook(roster: roster, lines: lines)
        let eligibleSet = plan.eligibleStatuses.map { Set($0.map(\.normalizedKey)) }
        let clawbackSet = Set((plan.clawback?.statuses ?? []).map(\.normalizedKey))
        let clawbacks = lines.map { line in line.status.map { clawbackSet.contains($0.normalizedKey) } ?? false }
        clawbackStatus = clawbacks
        eligible = lines.indices.map { i in
            guard let eligibleSet else { return true }
            return lines[i].status.map { eligibleSet.contains($0.normalizedKey) } ?? false || clawbacks[i]
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

    func statement() throws(EngineError) -> Statement {
        var run = self
        var lines: [StatementLine] = []
        var totals: [RepPeriodTotal] = []
        if let span {
            for repIndex in book.reps.indices {
                let result = try RepCalculation(run: run, repIndex: repIndex, span: span).compute()
                lines += result.lines
                totals += result.totals
                run.issues += result.issues
            }
        }
        return Statement(plan: plan.name, currency: plan.currency, lines: lines, reps: totals, issues: run.issues)
    }
}
