import Foundation
import Parallel
import Primitives

/// The calculation of plan-format.md section 3: plan, roster and credit lines in, statement out.
///
/// A pure function of its inputs: no files, no clocks, no formats. It refuses (`EngineError`)
/// only where a figure would be undefined (an unknown rep, a missing or contradictory quota);
/// conditions in the data that still leave every figure defined (`not_eligible`, `split_total`,
/// `clawback_window_passed`, `cancel_before_close`) are reported in `Statement.issues`.
public enum CommissionEngine {
    /// Computes every line and rep-period. `roster` wins over the plan's `reps:` when not empty;
    /// `carried` gives the draw balances reps bring from periods paid before the run.
    /// `explaining`: false leaves the lines' explanations empty, for callers that read none.
    public static func calculate(
        plan: Plan, roster: [RosterEntry] = [], lines: [CreditLine], carried: CarriedBalances = .none,
        explaining: Bool = true
    ) throws(EngineError) -> Statement {
        try run(
            plan: plan, roster: roster, lines: lines, carried: carried, explaining: explaining, keepingLineOrder: false
        ).statement()
    }

    /// The run `calculate` computes its statement from (`Run.statement()`), kept for pricing its
    /// lines again under other readings of the plan (`Run.rowAmounts(of:reps:pricedUnder:rounding:)`)
    /// without working out their per-line facts again: each rep's lines are put in the plan's order
    /// once, for all of them (`keepingLineOrder`: false for a run priced only once).
    /// `explaining`: as for `calculate`.
    package static func run(
        plan: Plan, roster: [RosterEntry] = [], lines: [CreditLine], carried: CarriedBalances = .none,
        explaining: Bool = true, keepingLineOrder: Bool = true
    ) throws(EngineError) -> Run {
        var run = try Run(plan: plan, roster: roster.isEmpty ? plan.reps : roster, lines: lines)
        run.carried = carried
        run.explains = explaining
        if keepingLineOrder { run.keepLineOrder() }
        return run
    }

    /// Computes as `calculate` does, but hands the lines to `receive` as they are computed
    /// instead of keeping them: a window of reps at a time (about `windowLines` source lines),
    /// each window's line groups (one per rep) in roster order. The statement returned holds the
    /// totals and issues and no lines. For outputs written as they go, so that a million lines
    /// are never held at once.
    /// `explaining`: false leaves the lines' explanations empty, for outputs that write none.
    public static func calculate(
        plan: Plan, roster: [RosterEntry] = [], lines: [CreditLine], carried: CarriedBalances = .none,
        windowLines: Int = 50_000, explaining: Bool = true, passingLinesTo receive: ([[StatementLine]]) -> Void
    ) throws(EngineError) -> Statement {
        try run(
            plan: plan, roster: roster, lines: lines, carried: carried, explaining: explaining, keepingLineOrder: false
        ).statement(windowLines: max(1, windowLines), receive: receive)
    }
}

/// One run's shared facts, computed once: rep of each line, eligibility, periods.
package struct Run {
    var plan: Plan
    let lines: [CreditLine]
    package let book: RepBook
    let eligible: LineBits
    let clawbackStatus: LineBits
    let periodOfLine: LinePeriods
    /// Source-line indices per rep, in source order, or once `keepLineOrder()` has put them in
    /// the plan's order, in that order (the same lists as `orderedLinesOfRep`, not a copy).
    private(set) var linesOfRep: [LineIndices]
    /// Lines of deals whose splits miss 100%.
    package var splitFlagged = Set<Int>()
    /// Each line's credit (amount × split; the amount alone in a run `ignoringSplits`).
    var credits: LineCredits
    /// The plan's overrides, in order.
    var overrides: [PreparedOverride]
    /// The plan's per-deal bonuses, each with its condition in compared form, its amount and the
    /// words that begin its lines' explanations (`SPIFF: 100.00 × `).
    let perDealBonuses: [(condition: NormalizedCondition, bonus: Bonus, amount: Decimal, words: String)]
    /// The first and last period present in the data, clawback periods included.
    let span: ClosedRange<Period>?
    var issues: [StatementIssue] = []
    /// Draw balances brought from periods paid before the run.
    package var carried = CarriedBalances.none
    /// Whether lines carry their explanation; a run that only needs amounts skips writing them
    /// (their explanations are left empty).
    package var explains = true
    /// Each rep's lines in the plan's order, when kept for a run priced several times (or, in a
    /// run made to price some lines again, the lines of each rep to price).
    var orderedLinesOfRep: [LineIndices]?
    /// In a run made to price some lines again, whether each line (by index) is one whose amounts
    /// are asked for; nil prices every line. The others of a rep-period still count in its credit
    /// and running total, but are not priced: only for rules under which no line's amount depends
    /// on another's (no gate, no per-period cap, no year-to-date true-up).
    var pricedLines: [Bool]?

    /// Line `index`'s product, type and status in compared form, for matching the conditions of
    /// overrides and per-deal bonuses: read from the line's labels, whose table holds them
    /// (kept for every line, a million lines' would be ~48 MB).
    func keys(ofLine index: Int) -> MatchKeys { MatchKeys(lines[index]) }

    /// Whether line `index` is in `splitFlagged`, without hashing it when no line is (most runs).
    func isSplitFlagged(_ index: Int) -> Bool { !splitFlagged.isEmpty && splitFlagged.contains(index) }

    /// A whole run: every line of every rep.
    package init(plan: Plan, roster: [RosterEntry], lines: [CreditLine]) throws(EngineError) {
        try DateWindow.check(lines)
        // The deals whose splits miss 100% are found from the lines alone, on another core while
        // the per-line facts are worked out on this one (a million lines' deal ids are hashed).
        let splitCheck = Background {
            SplitCheck.offDeals(count: lines.count, dealID: { lines[$0].dealID }, split: { lines[$0].split })
        }
        let reps: RepBook
        do {
            reps = try RepBook(roster: roster, lines: lines)
        } catch {
            // Not left running beside whatever the caller does next.
            _ = try? splitCheck.result()
            throw error
        }
        self.init(plan: plan, lines: lines, book: reps, span: nil)
        let eligibleLines = eligible
        issues = lines.indices.filter { !eligibleLines[$0] }.map { index in
            StatementIssue.notEligible(lines[index], rep: reps.reps[reps.repOfLine[index]].id)
        }
        let offDeals: [SplitCheck.OffDeal]
        do {
            offDeals = try splitCheck.result()
        } catch {
            preconditionFailure("the split check throws nothing: \(error)")
        }
        for deal in offDeals {
            splitFlagged.formUnion(deal.members)
            issues.append(.splitTotal(deal, rows: deal.members.map { lines[$0].row }))
        }
    }

    /// The per-line facts of `lines`, whose reps `book` has resolved; `span` is the run's when
    /// these are some of its lines (nil: the span of these lines). Issues and split flags are
    /// the caller's to add.
    package init(plan: Plan, lines: [CreditLine], book: RepBook, span: ClosedRange<Period>?) {
        self.plan = plan
        self.lines = lines
        self.book = book
        overrides = Self.prepared(plan.commission.overrides)
        perDealBonuses = plan.bonuses.compactMap { bonus in
            guard case .perDeal(let amount, let when) = bonus.kind else { return nil }
            return (when.normalized, bonus, amount, "\(bonus.name): \(amount.groupedMoneyText) × ")
        }
        let facts = LineFacts.compute(lines, plan: plan)
        credits = facts.credits
        let clawbacks = facts.clawback
        clawbackStatus = clawbacks
        eligible = facts.eligible
        periodOfLine = facts.periods
        var grouped = [LineIndices](repeating: LineIndices(), count: book.reps.count)
        for (index, rep) in book.repOfLine.enumerated() { grouped[rep].append(index) }
        // In source order here; each rep's calculation puts its own lines in the plan's order.
        linesOfRep = grouped
        if let span {
            self.span = span
        } else {
            var found = PeriodSpan()
            for period in facts.periods { found.include(period) }
            for (index, line) in lines.enumerated() where clawbacks[index] {
                plan.clawbackPeriod(of: line).map { found.include($0) }
            }
            self.span = found.range
        }
    }

    /// Puts each rep's lines in the plan's order once, for the runs `repriced` makes of this one
    /// (the order depends on the lines alone). `linesOfRep` then holds the ordered lists too:
    /// its readers take its lists in any order.
    package mutating func keepLineOrder() {
        let (lines, linesOfRep) = (self.lines, self.linesOfRep)
        let chunks = min(linesOfRep.count, chunkCount(items: lines.count, minimum: 50_000, perCore: 1))
        let ordered = Array(
            inParallel(chunks: chunks) { chunk in
                chunkRange(chunk, of: chunks, total: linesOfRep.count).map {
                    LineIndices(RepCalculation.order(linesOfRep[$0], of: lines))
                }
            }.joined())
        orderedLinesOfRep = ordered
        self.linesOfRep = ordered
    }

    /// Computes every rep, in parallel when there are many (reps are independent), and joins
    /// the results in roster order, so the statement is the same whatever the scheduling.
    package func statement() throws(EngineError) -> Statement {
        var groups: [[StatementLine]] = []
        var statement = try statement(windowLines: nil) { groups += $0 }
        statement.lineGroups = groups
        return statement
    }

    /// The statement's totals and issues, with the lines handed to `receive` instead of kept:
    /// reps are computed a window at a time and each window's line groups go to `receive` in
    /// roster order, on the calling thread. `windowLines`: about how many lines a window holds;
    /// nil computes every rep in one window, in parallel chunks.
    ///
    /// Windows are computed on every core, each in one piece on one thread, while the calling
    /// thread hands on the ones before them (a reconcile gathers their amounts meanwhile). As many
    /// windows as cores are begun ahead of the one handed on, or up to four times as many small
    /// ones holding no more lines (`linesBegunAheadPerCore`), so that the windows held do not raise
    /// the peak. A window that fails stops those after it, and its error (the first in roster
    /// order) is thrown once the others under way have finished.
    package func statement(windowLines: Int?, receive: ([[StatementLine]]) -> Void) throws(EngineError) -> Statement {
        var totals: [RepPeriodTotal] = []
        var issues = self.issues
        let windows = RepWindows.split(lineCounts: linesOfRep.map(\.count), lines: windowLines)
        func hand(_ computed: (lines: [[StatementLine]], totals: [RepPeriodTotal], issues: [StatementIssue])) {
            totals += computed.totals
            issues += computed.issues
            receive(computed.lines)
        }
        if windows.count == 1 {
            hand(try compute(reps: windows[0], perCore: 1))
        } else if windows.count > 1 {
            let run = self
            let workers = ProcessInfo.processInfo.activeProcessorCount
            // Small windows (a reconcile's amounts) are begun further ahead: a window slower than
            // the others to compute or to hand on then holds no worker idle.
            let largest = windows.map { $0.reduce(0) { $0 + linesOfRep[$1].count } }.max() ?? 1
            let ahead = max(workers, min(4 * workers, workers * Self.linesBegunAheadPerCore / max(1, largest)))
            var failure: EngineError?
            try? inOrder(count: windows.count, workers: workers, ahead: ahead) { number in
                Result { () throws(EngineError) in try run.compute(reps: windows[number], perCore: 0) }
            } consume: { _, result in
                switch result {
                case .success(let computed): hand(computed)
                case .failure(let error):
                    failure = error
                    throw error
                }
            }
            if let failure { throw failure }
        }
        return Statement(plan: plan.name, currency: plan.currency, lineGroups: [], reps: totals, issues: issues)
    }

    /// About how many lines, for each core, the windows begun past the one handed on may hold
    /// when they are small: as many as one of `calculate`'s windows (50,000 lines), which are begun
    /// one a core. Sized by the largest window, for a rep of many lines is a window of its own.
    private static let linesBegunAheadPerCore = 50_000

    /// Computes the reps of `window` (in parallel chunks, `perCore` per core, when they hold
    /// many lines; in one piece on this thread for a `perCore` of 0): their line groups in roster
    /// order, their rep-period totals and issues.
    package func compute(reps window: Range<Int>, perCore: Int) throws(EngineError) -> (
        lines: [[StatementLine]], totals: [RepPeriodTotal], issues: [StatementIssue]
    ) {
        guard let span else { return ([], [], []) }
        let run = self
        let count = window.count
        let lineCount = window.reduce(0) { $0 + linesOfRep[$1].count }
        let chunks = min(count, chunkCount(items: lineCount, minimum: 20_000, perCore: perCore))
        let results = inParallel(chunks: chunks) { chunk in
            chunkRange(chunk, of: chunks, total: count).map { offset in
                Result { () throws(EngineError) in
                    try RepCalculation(run: run, repIndex: window.lowerBound + offset, span: span).compute()
                }
            }
        }
        var groups: [[StatementLine]] = []
        groups.reserveCapacity(count)
        var totals: [RepPeriodTotal] = []
        var issues: [StatementIssue] = []
        for result in results.joined() {
            let rep = try result.get()
            groups.append(rep.lines)
            totals += rep.totals
            issues += rep.issues
        }
        return (groups, totals, issues)
    }
}

/// Consecutive ranges of reps in roster order, each holding about a given number of lines.
package enum RepWindows {
    /// The ranges over `lineCounts.indices` (each rep's line count), each with about `lines`
    /// lines (a rep with more stands alone); one range of every rep when `lines` is nil.
    package static func split(lineCounts: [Int], lines: Int?) -> [Range<Int>] {
        let count = lineCounts.count
        guard let lines else { return count == 0 ? [] : [0..<count] }
        return windows(over: count, holding: lines) { lineCounts[$0] }
    }
}

/// Remembers the compared form of texts that repeat across lines (reps).
package struct KeyMemo {
    private var known: [String: String] = [:]

    package init() {}

    package mutating func key(_ text: String) -> String {
        if let found = known[text] { return found }
        let key = text.normalizedKey
        if known.count < 100_000 { known[text] = key }
        return key
    }
}

/// Facts about each line that every later step reads, computed in parallel chunks.
struct LineFacts {
    let credits: LineCredits
    let periods: LinePeriods
    /// Whether the line's status earns, and whether it claws back (`StatusRule`).
    let eligible: LineBits
    let clawback: LineBits

    static func compute(_ lines: [CreditLine], plan: Plan) -> LineFacts {
        let chunks = chunkCount(items: lines.count, minimum: 50_000, perCore: 4)
        let rule = StatusRule(plan)
        let parts = inParallel(chunks: chunks) { chunk in
            let slice = lines[chunkRange(chunk, of: chunks, total: lines.count)]
            return (
                splitCredits: LineCredits.ofSplitLines(slice),
                periods: slice.reduce(into: LinePeriods()) {
                    $0.append(Period(containing: $1.date, kind: plan.period, fiscalYearStart: plan.fiscalYearStart))
                },
                eligible: slice.map { rule.isEligible($0.labels?.statusKey) },
                clawback: slice.map { rule.isClawback($0.labels?.statusKey) }
            )
        }
        return LineFacts(
            credits: LineCredits(lines, splitCredits: parts.map(\.splitCredits)),
            periods: parts.reduce(into: LinePeriods()) { $0.append(contentsOf: $1.periods) },
            eligible: LineBits(parts.lazy.flatMap(\.eligible)), clawback: LineBits(parts.lazy.flatMap(\.clawback)))
    }
}

/// Each line's credit (amount × split): a line not split credits its amount, read from the line
/// itself; only split lines' credits are computed and kept (a million lines' credits would be
/// ~20 MB), by line index, or every line's in a list when over half the lines are split (a
/// table entry costs about twice a list's).
struct LineCredits {
    private let lines: [CreditLine]
    /// By line index.
    private let ofSplitLines: [Int: Decimal]
    /// Every line's credit, when most lines are split; else empty.
    private let ofEveryLine: [Decimal]
    /// Whether every line credits its whole amount, its split ignored (`init(wholeAmountsOf:)`).
    private var wholeAmounts = false

    /// `splitCredits`: `ofSplitLines` of consecutive slices of `lines`.
    init(_ lines: [CreditLine], splitCredits: consuming [[Int: Decimal]]) {
        self.lines = lines
        let count = splitCredits.reduce(0) { $0 + $1.count }
        if count > lines.count / 2 {
            var every = lines.map(\.amount)
            for part in splitCredits {
                for (index, credit) in part { every[index] = credit }
            }
            ofEveryLine = every
            ofSplitLines = [:]
            return
        }
        // The largest part taken out and the others merged into it: the parts and a table made
        // beside them would hold the split lines' credits twice.
        var joined: [Int: Decimal] = [:]
        if let largest = splitCredits.indices.max(by: { splitCredits[$0].count < splitCredits[$1].count }) {
            swap(&joined, &splitCredits[largest])
            joined.reserveCapacity(count)
            for part in splitCredits { joined.merge(part) { first, _ in first } }
        }
        ofSplitLines = joined
        ofEveryLine = []
    }

    /// Every line's credit its whole amount, its split ignored (`Run.ignoringSplits`): read from
    /// the lines, nothing kept.
    init(wholeAmountsOf lines: [CreditLine]) {
        self.init(lines, splitCredits: [])
        wholeAmounts = true
    }

    /// The credits of the lines of `slice` whose split is not 1, by their index in the whole.
    static func ofSplitLines(_ slice: ArraySlice<CreditLine>) -> [Int: Decimal] {
        var credits: [Int: Decimal] = [:]
        for index in slice.indices where !Decimal.same(slice[index].split, 1) {
            credits[index] = Decimal.product(slice[index].amount, slice[index].split)
        }
        return credits
    }

    subscript(index: Int) -> Decimal {
        if wholeAmounts { return lines[index].amount }
        if !ofEveryLine.isEmpty { return ofEveryLine[index] }
        // Most lines are not split: a split stored as 1 is told without making a Decimal of it.
        if lines[index].isWholeShare { return lines[index].amount }
        return Decimal.same(lines[index].split, 1) ? lines[index].amount : ofSplitLines[index]!
    }
}
