import Foundation
import Parallel

/// A run's lines priced again under other readings of its plan (reconcile's plan readings), for
/// the amounts of a few rows: its per-line facts are not worked out again, and only the lines
/// those rows' amounts depend on are priced.
extension Run {
    /// Which lines a row's commission depends on, besides the row's own.
    package enum Reach: Sendable {
        /// None: each line is priced by itself.
        case line
        /// The other lines of the rep-periods the row's lines are in.
        case period
        /// Every line of the row's reps.
        case rep
    }

    /// The same lines priced under other commission rules and rounding, for the amounts only:
    /// the lines' explanations are left empty. The per-line facts (reps, periods, eligibility,
    /// credits, split totals) depend on none of these, so they are this run's, not computed again.
    package func repriced(commission: CommissionRules, rounding: RoundingRule) -> Run {
        var run = self
        run.plan.commission = commission
        run.plan.rounding = rounding
        run.overrides = Self.prepared(commission.overrides)
        run.explains = false
        return run
    }

    /// The same lines with every split ignored, each line's credit its whole amount, as a sheet
    /// paying split deals in full figures them: under tiers over a running credit a deal's full
    /// credit moves the band, so the sheet's figure is no plain multiple of the plan's (reconcile's
    /// `split_not_applied`). The other per-line facts are this run's; price it with `rowAmounts`.
    package func ignoringSplits() -> Run {
        var run = self
        run.credits = LineCredits(wholeAmountsOf: lines)
        return run
    }

    /// How many lines rep `rep` (an index into `book.reps`) has in the run.
    package func lineCount(ofRep rep: Int) -> Int { linesOfRep[rep].count }

    /// Which lines a row's commission depends on when this run's lines are priced under
    /// `commission` instead of the plan's (plan-format.md section 3), for a run whose `statement()`
    /// succeeded. Only the rules couple lines: the running credit (`period` and `ytd` bases), the
    /// gate and the per-period cap read a rep-period's lines, `ytd` reads the fiscal year's and its
    /// true-ups; without a roster a rep-period's quota is read from its rows. Overrides, the
    /// per-deal cap and rounding read the line alone; clawbacks and bonuses are lines of their own.
    ///
    /// A rep-period where the rules fail (a quota missing) is never left out: the rules fail only
    /// where the plan's own run would have, which succeeded, except when they read the quota
    /// another way than the plan (a `ytd` plan's annual quota, the other readings the period's);
    /// then the whole rep is priced.
    package func reach(of commission: CommissionRules) -> Reach {
        let tiers = commission.tiers
        guard tiers.basis != .ytd else { return .rep }
        if plan.commission.tiers.basis == .ytd && tiers.metric == .attainment { return .rep }
        guard tiers.basis == .perDeal, commission.gate == nil, commission.capPerPeriod == nil else { return .period }
        let hasAttainmentBonus = plan.bonuses.contains { if case .atAttainment = $0.kind { true } else { false } }
        // A quota the deals' Quota column gives is read from the period's rows.
        let quotasFromRows = book.reps.contains { !book.quotaFromRoster($0, plan.period) }
        if quotasFromRows && (tiers.metric == .attainment || hasAttainmentBonus) { return .period }
        return .line
    }

    /// The amounts of the source rows in `rows` as `statement()` pays them, without building
    /// the statement: each rep's lines are reduced to these as soon as it is computed. A row's
    /// commission lines give their amounts and its bonus lines 0 (so that a row with only a bonus
    /// is there); in roster order, each rep's in its lines' order. Fails as `statement()` does.
    package func rowAmounts(of rows: Set<Int>) throws(EngineError) -> [(row: Int, amount: Decimal)] {
        guard let span else { return [] }
        return try amounts(of: rows, reps: Array(linesOfRep.indices), span: span)
    }

    /// The rows a caller asks the amounts of, under one reading of the plan or several, and the
    /// reps to price: what every reading's pricing needs of them, worked out once (`asking`).
    package struct AskedRows: Sendable {
        let rows: Set<Int>
        let reps: Set<Int>
        /// The reps, in roster order.
        let kept: [Int]
        /// The span a run of only these reps' lines has: their periods and clawback periods.
        let span: ClosedRange<Period>?
        /// The indices of the rows' lines, ascending.
        let lines: [Int]
    }

    /// `rows` (source rows) asked of the lines of `reps` (indices into `book.reps`), for
    /// `rowAmounts(of:pricedUnder:rounding:)`.
    package func asking(_ rows: Set<Int>, reps: Set<Int>) -> AskedRows {
        let kept = reps.sorted()
        var found = PeriodSpan()
        for rep in kept {
            for index in linesOfRep[rep] {
                found.include(periodOfLine[index])
                if clawbackStatus[index], let period = plan.clawbackPeriod(of: lines[index]) { found.include(period) }
            }
        }
        let asked = lines.withUnsafeBufferPointer { lines in
            lines.indices.filter { rows.contains(lines[$0].row) }
        }
        return AskedRows(rows: rows, reps: reps, kept: kept, span: found.range, lines: asked)
    }

    /// The amounts of the source rows in `rows` when the lines of `reps` (indices into
    /// `book.reps`) are priced under `commission` and `rounding`: row by row, what a run of only
    /// those reps' lines under the plan so read gives through `rowAmounts(of:)`, failing where that
    /// run fails; rows of other reps are left out. Only the lines the rows' amounts depend on are
    /// priced (`reach(of:)`), which takes this run's `statement()` to have succeeded.
    package func rowAmounts(
        of rows: Set<Int>, reps: Set<Int>, pricedUnder commission: CommissionRules, rounding: RoundingRule
    ) throws(EngineError) -> [(row: Int, amount: Decimal)] {
        try rowAmounts(of: asking(rows, reps: reps), pricedUnder: commission, rounding: rounding)
    }

    /// As `rowAmounts(of:reps:pricedUnder:rounding:)`, for rows and reps `asking` has worked out
    /// (the same for every reading).
    package func rowAmounts(
        of asked: AskedRows, pricedUnder commission: CommissionRules, rounding: RoundingRule
    ) throws(EngineError) -> [(row: Int, amount: Decimal)] {
        guard let span = asked.span else { return [] }
        let (rows, reps, kept) = (asked.rows, asked.reps, asked.kept)
        var run = repriced(commission: commission, rounding: rounding)
        let reach = reach(of: commission)
        guard reach != .rep else { return try run.amounts(of: rows, reps: kept, span: span) }
        // Each rep's lines to price, in the plan's order: the asked rows' own, or their periods'.
        var askedOfRep = [[Int]](repeating: [], count: linesOfRep.count)
        for index in asked.lines where reps.contains(book.repOfLine[index]) {
            askedOfRep[book.repOfLine[index]].append(index)
        }
        var selected = [LineIndices](repeating: LineIndices(), count: linesOfRep.count)
        var priced: [Int] = []
        for rep in kept where !askedOfRep[rep].isEmpty {
            selected[rep] =
                reach == .line
                // The rows' own lines put in the plan's order (a stable sort, as the rep's whole
                // list was), not picked out of all the rep's lines.
                ? LineIndices(RepCalculation.order(askedOfRep[rep], of: lines))
                : linesOfPeriods(of: askedOfRep[rep], rep: rep)
            priced.append(rep)
        }
        run.orderedLinesOfRep = selected
        // A period's other lines are read for its credit alone when no line's amount depends on
        // another's (a gate or a per-period cap reads them; a year-to-date basis reaches `.rep`):
        // they need not be priced.
        if reach == .period && commission.gate == nil && commission.capPerPeriod == nil {
            var pricedLines = [Bool](repeating: false, count: lines.count)
            for index in asked.lines { pricedLines[index] = true }
            run.pricedLines = pricedLines
        }
        return try run.amounts(of: rows, reps: priced, span: span)
    }

    /// The lines of `rep`, in the plan's order, in the periods of its lines `asked`: the rep's
    /// own list when they are in every one of its periods (shared, not copied: a reading asked
    /// about every rep-period would otherwise hold a second list of every line).
    private func linesOfPeriods(of asked: [Int], rep: Int) -> LineIndices {
        let periods = Set(asked.map { periodOfLine[$0] })
        let ordered = orderedLinesOfRep?[rep] ?? LineIndices(RepCalculation.order(linesOfRep[rep], of: lines))
        var selected = LineIndices()
        // A period's lines stand together in the plan's order (by date): each run of them is
        // looked up once.
        var last: (period: Period, isAsked: Bool)?
        for index in ordered {
            let period = periodOfLine[index]
            if last?.period != period { last = (period, periods.contains(period)) }
            if last!.isAsked { selected.append(index) }
        }
        return selected.count == ordered.count ? ordered : selected
    }

    /// What settling a rep's periods costs in `amounts`, in lines priced.
    private static let repWeight = 32

    /// The amounts of the rows in `rows` among the lines of `reps` (in roster order), each rep
    /// computed over `span`.
    private func amounts(
        of rows: Set<Int>, reps: [Int], span: ClosedRange<Period>
    ) throws(EngineError) -> [(row: Int, amount: Decimal)] {
        let run = self
        let lineCount = reps.reduce(0) { $0 + (orderedLinesOfRep?[$1].count ?? linesOfRep[$1].count) }
        // Each rep's calculation settles every period of the span, however few of its lines are
        // priced (a reading asks about a rep's few wrong rows): about the work of `repWeight` lines.
        let work = lineCount + Self.repWeight * reps.count
        let chunks = min(reps.count, chunkCount(items: work, minimum: 20_000, perCore: 1))
        let results = inParallel(chunks: chunks) { chunk in
            chunkRange(chunk, of: chunks, total: reps.count).map { position in
                Result { () throws(EngineError) -> [(row: Int, amount: Decimal)] in
                    var found: [(row: Int, amount: Decimal)] = []
                    for line in try RepCalculation(run: run, repIndex: reps[position], span: span).compute().lines {
                        guard let row = line.row, rows.contains(row) else { continue }
                        switch line.kind {
                        case .commission: found.append((row, line.amount))
                        case .bonus: found.append((row, 0))
                        case .trueUp, .clawback: break
                        }
                    }
                    return found
                }
            }
        }
        var found: [(row: Int, amount: Decimal)] = []
        for result in results.joined() { found += try result.get() }
        return found
    }
}
