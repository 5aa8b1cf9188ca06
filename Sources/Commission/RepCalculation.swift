import Foundation

/// One rep's lines and totals across the run's periods (plan-format.md steps 4 to 10).
struct RepCalculation {
    let run: Run
    let repIndex: Int
    let span: ClosedRange<Period>
    /// The rep's lines in the plan's order: close date, deal id, row (step 3).
    let ordered: [Int]

    init(run: Run, repIndex: Int, span: ClosedRange<Period>) {
        self.run = run
        self.repIndex = repIndex
        self.span = span
        ordered =
            run.orderedLinesOfRep.map { Array($0[repIndex]) } ?? Self.order(run.linesOfRep[repIndex], of: run.lines)
    }

    /// `indices` into `lines` in the plan's order: close date, deal id, row.
    static func order(_ indices: some Sequence<Int>, of lines: [CreditLine]) -> [Int] {
        // The dates are read in a pass of their own (reads that wait on nothing else are made
        // together), and most comparisons need no more: lines are read again only where dates tie.
        let dated = indices.map { (date: lines[$0].date, index: $0) }
        return dated.sorted { a, b in
            if a.date != b.date { return a.date < b.date }
            let (x, y) = (lines[a.index], lines[b.index])
            if x.dealID != y.dealID { return x.dealID < y.dealID }
            return x.row < y.row
        }.map(\.index)
    }

    var plan: Plan { run.plan }
    var rep: RosterEntry { run.book.reps[repIndex] }

    /// A line under construction, with what later steps need to know about it.
    struct Entry {
        var line: StatementLine
        /// The source line it comes from.
        var source: Int?
        var isCommission: Bool { line.kind == .commission || line.kind == .trueUp }
        var countsTowardCap = false
    }

    /// Everything computed for one rep-period.
    struct Ledger {
        let period: Period
        var quota: Decimal?
        var ytdQuota: Decimal?
        var credit: Decimal = 0
        var entries: [Entry] = []
        var gated = false
        var attainment: Decimal? { quota.flatMap { $0 == 0 ? nil : credit / $0 } }
    }

    func compute() throws(EngineError) -> (lines: [StatementLine], totals: [RepPeriodTotal], issues: [StatementIssue]) {
        var ledgers = try priceCommission()
        var issues: [StatementIssue] = []
        for index in ledgers.indices {
            try applyGateCapsAndBonuses(&ledgers[index])
        }
        issues += applyClawbacks(&ledgers)
        let totals = settle(ledgers)
        return (ledgers.flatMap { $0.entries.map(\.line) }, totals, issues)
    }

    // MARK: Periods and quotas

    /// The periods this rep has a rep-period in: every period of the run's span in which the rep
    /// is on the plan, plus any period holding one of its lines or clawbacks. `linePeriods`: the
    /// periods of its lines (`ordered`), in order.
    func periods(ofLines linePeriods: [Period]) -> [Period] {
        var result: [Period] = []
        var period = span.lowerBound
        while period <= span.upperBound {
            if rep.activeDays(in: period.start...period.end) > 0 { result.append(period) }
            period = period.next
        }
        // Each run of one period (the lines stand in date order) hashed once.
        var extra = Set(
            linePeriods.indices.lazy.filter { $0 == 0 || linePeriods[$0] != linePeriods[$0 - 1] }.map {
                linePeriods[$0]
            })
        for index in ordered where run.clawbackStatus[index] {
            if let period = plan.clawbackPeriod(of: run.lines[index]) { extra.insert(period) }
        }
        extra.subtract(result)
        return (result + extra).sorted()
    }

    /// Whether the rep's quotas are the roster's, else its rows' (`RepBook.quotaFromRoster`).
    var quotaFromRoster: Bool { run.book.quotaFromRoster(rep, plan.period) }

    /// The rep-period's quota: the roster's per-period quota prorated, or the sheet's quota column.
    func quota(for period: Period, lines: [Int]) throws(EngineError) -> Decimal? {
        if quotaFromRoster {
            return rep.periodQuota(plan.period).map { rep.prorated($0, over: period.start...period.end) }
        }
        let quotas = lines.compactMap { run.lines[$0].quota }
        guard let first = quotas.first else { return nil }
        if quotas.contains(where: { $0 != first }) {
            let rows = lines.filter { run.lines[$0].quota != nil }.map { run.lines[$0].row }
            throw EngineError(rows: rows, "the Quota column disagrees for rep \(rep.id) in \(period)")
        }
        return first
    }

    /// A refusal's words for a quota of 0 in `period` (its fiscal year's when `year`): the
    /// roster's or the Quota column's, or one prorated to 0 over days the rep is not on the plan (a
    /// deal dated before the rep's start or after their end). `need`: what asks for an attainment.
    func zeroQuotaWords(period: Period, year: Bool, need: String) -> String {
        let range = year ? period.fiscalYearRange : period.start...period.end
        let time = year ? "the fiscal year of \(period)" : period.description
        let inactive = quotaFromRoster && rep.activeDays(in: range) == 0
        var why = quotaFromRoster ? "the roster gives it 0" : "the Quota column gives it 0"
        var fix = "give the rep a quota above 0"
        if inactive, let start = rep.start, start > range.upperBound {
            why =
                "the rep starts on \(start), after \(time), so the quota prorates to 0: a deal dated before the start?"
            fix = "correct the close dates or the rep's dates"
        } else if inactive, let end = rep.end, end < range.lowerBound {
            why = "the rep left on \(end), before \(time), so the quota prorates to 0: a deal dated after the end?"
            fix = "correct the close dates or the rep's dates"
        }
        return
            "rep \(rep.id)'s quota for \(time) is 0 (\(why)), \(need): attainment (credit ÷ quota) has no value; \(fix)"
    }

    /// The annual quota of `period`'s fiscal year, prorated over the rep's days in that year.
    func yearQuota(for period: Period, periodQuota: Decimal?) -> Decimal? {
        let annual =
            quotaFromRoster
            ? rep.yearQuota(plan.period) : periodQuota.map { $0 * Decimal(plan.period.periodsPerYear) }
        return annual.map { rep.prorated($0, over: period.fiscalYearRange) }
    }
}
