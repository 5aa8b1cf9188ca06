import Commission
import FileAccess
import Foundation
import Parallel

/// The engine's calculation (`CommissionEngine.calculate(…passingLinesTo:)`) over more lines than
/// memory should hold: lines are added in batches as they are read, kept in a compact form (moved
/// to temporary files beyond a memory budget) and computed a window of reps at a time.
///
/// Memory stays near the budget whatever the number of lines: the per-run facts kept in memory
/// are one count per rep, one issue per ineligible line, and the run's totals; the deals' split
/// totals are checked a hash bucket of deals at a time. The statement and the lines handed on
/// are those `CommissionEngine` computes from the same lines. A rep's own lines are held at once
/// while it is computed, as the calculation needs them all.
public final class SpooledCalculation {
    /// Why the run stopped: the engine refused, or the temporary files failed.
    public enum Failure: Error, CustomStringConvertible {
        case engine(EngineError)
        case spool(ByteSpool.Failure)

        public var description: String {
            switch self {
            case .engine(let error): error.description
            case .spool(let failure): failure.description
            }
        }
    }

    private let plan: Plan
    private let carried: CarriedBalances
    // What `add` changes for every line, used from one thread and never from the closures the
    // calculation calls: without the run-time exclusivity checks (six a line).
    @exclusivity(unchecked) private var resolver: RepBook.Resolver
    private let rule: StatusRule
    @exclusivity(unchecked) private var span = PeriodSpan()
    @exclusivity(unchecked) private var dates = DateWindow.Survey()
    /// Lines per rep, by rep index.
    @exclusivity(unchecked) private var lineCounts: [Int] = []
    @exclusivity(unchecked) private var notEligible: [StatementIssue] = []
    private let lines: ByteSpool
    private let deals: [ByteSpool]
    /// The spools' chunk size.
    private let chunk: Int
    /// Whether the lines have moved to a temporary file.
    public var spilled: Bool { lines.spilled }
    /// Lines added so far: the next line's index.
    @exclusivity(unchecked) public private(set) var count = 0
    /// The first line the engine refused, thrown by `calculate`.
    private var refusal: EngineError?

    /// How many buckets the deals' split totals are checked in.
    static let dealBuckets = 64

    /// `memoryBudget`: about how many bytes of lines and deals to hold before spilling to disk.
    public init(
        plan: Plan, roster: [RosterEntry] = [], carried: CarriedBalances = .none, memoryBudget: Int = 128 << 20
    ) throws(Failure) {
        self.plan = plan
        self.carried = carried
        do {
            resolver = try RepBook.Resolver(roster: roster.isEmpty ? plan.reps : roster)
        } catch {
            throw .engine(error)
        }
        lineCounts = [Int](repeating: 0, count: resolver.reps.count)
        rule = StatusRule(plan)
        // A small budget holds small chunks too (a budget of 0 spills all but a few records).
        let chunk = min(1 << 20, max(64, memoryBudget / 64))
        self.chunk = chunk
        lines = ByteSpool(memoryLimit: memoryBudget / 2, chunkSize: chunk)
        deals = (0..<Self.dealBuckets).map { _ in
            ByteSpool(memoryLimit: memoryBudget / 2 / Self.dealBuckets, chunkSize: min(chunk, 1 << 16))
        }
    }

    /// Adds lines, in the order they come (the order the engine's sorting falls back on). A line
    /// the engine refuses (its rep is not on the roster) is kept to be thrown by `calculate`, so
    /// that the caller may first finish reading and report what it must; the lines after it are
    /// not kept. Throws only when the temporary files fail.
    public func add(_ batch: [CreditLine]) throws(Failure) {
        guard refusal == nil else { return }
        do {
            for line in batch { try add(line) }
        } catch let error as EngineError {
            refusal = error
        } catch let failure as ByteSpool.Failure {
            throw .spool(failure)
        } catch {
            fatalError("unexpected \(error)")
        }
    }

    private func add(_ line: CreditLine) throws {
        let index = count
        let rep = try resolver.index(of: line)
        if rep == lineCounts.count { lineCounts.append(0) }
        lineCounts[rep] += 1
        dates.include(line)
        span.include(Period(containing: line.date, kind: plan.period, fiscalYearStart: plan.fiscalYearStart))
        let status = line.labels?.statusKey
        if rule.isClawback(status), let period = plan.clawbackPeriod(of: line) { span.include(period) }
        if !rule.isEligible(status) { notEligible.append(.notEligible(line, rep: resolver.reps[rep].id)) }
        try lines.append { SpooledLine(index: index, rep: rep, line: line).write(to: &$0) }
        try deals[Self.bucket(of: line.dealID)].append { record in
            record.text(line.dealID)
            record.raw(line.split)
            record.int(index)
            record.int(line.row)
        }
        count += 1
    }

    /// Computes every rep, handing each window's line groups (one per rep, in roster order) to
    /// `receive`, and returns the statement's totals and issues (without lines), as
    /// `CommissionEngine.calculate(…passingLinesTo:)` does. `explaining`: false leaves the lines'
    /// explanations empty, for outputs that write none.
    public func calculate(
        windowLines: Int = 20_000, explaining: Bool = true, passingLinesTo receive: ([[StatementLine]]) -> Void
    ) throws(Failure) -> Statement {
        try calculate(windowLines: windowLines, explaining: explaining, turningLinesInto: { $0 }, passingTo: receive)
    }

    /// Computes as `calculate(…passingLinesTo:)` does, but each window's line groups are turned
    /// into `Part` (rendered as text, say) on the thread that computed them, and the parts are
    /// handed to `receive` in roster order. The windows are computed on every core, so `part`
    /// must be safe to run on several threads at once; `receive` runs on the calling thread, and
    /// must not add lines to this calculation.
    public func calculate<Part>(
        windowLines: Int = 20_000, explaining: Bool = true,
        turningLinesInto part: @escaping @Sendable ([[StatementLine]]) -> Part, passingTo receive: (Part) -> Void
    ) throws(Failure) -> Statement {
        do {
            return try statement(windowLines: max(1, windowLines), explaining: explaining, part: part, receive: receive)
        } catch let error as EngineError {
            throw .engine(error)
        } catch let failure as ByteSpool.Failure {
            throw .spool(failure)
        } catch {
            fatalError("unexpected \(error)")
        }
    }

    private func statement<Part>(
        windowLines: Int, explaining: Bool, part: @escaping @Sendable ([[StatementLine]]) -> Part,
        receive: (Part) -> Void
    ) throws -> Statement {
        if let refusal { throw refusal }
        if dates.tooWide {
            var closeDays: [Int] = []
            try lines.forEach { closeDays.append(SpooledLine(reading: &$0).line.date.dayNumber) }
            var outside = DateWindow.Outside(window: DateWindow.window(closeDays: closeDays))
            try lines.forEach { outside.include(SpooledLine(reading: &$0).line) }
            try outside.check()
        }
        let windows = RepWindows.split(lineCounts: lineCounts, lines: windowLines)
        // The deals' split totals are checked on another thread while the lines go to their windows.
        let deals = Unshared(self.deals)
        let splitCheck = Background { () throws in try Self.checkSplits(deals.value) }
        let parts: [ByteSpool]
        do {
            parts = try distribute(into: windows)
        } catch {
            _ = try? splitCheck.result()
            throw error
        }
        let (splitIssues, flagged) = try splitCheck.result()
        var issues = notEligible + splitIssues.map(\.issue)
        var totals: [RepPeriodTotal] = []
        let work = WindowWork(
            parts: Unshared(parts), windows: windows, flagged: flagged, reps: resolver.reps,
            hasRoster: resolver.hasRoster, plan: plan, span: span.range, carried: carried, explaining: explaining)
        // The windows are computed on every core, each whole on one, and taken in roster order;
        // one more than the workers are begun ahead of the one being written, so that the windows
        // held (each near the memory budget's share) do not grow with the cores.
        let workers = ProcessInfo.processInfo.activeProcessorCount
        let computing = { @Sendable (number: Int) in
            Result { () throws in
                let computed = try work.compute(number)
                return (totals: computed.totals, issues: computed.issues, part: part(computed.lines))
            }
        }
        try inOrder(count: windows.count, workers: workers, ahead: workers + 1, computing) { _, result in
            let computed = try result.get()
            totals += computed.totals
            issues += computed.issues
            receive(computed.part)
        }
        return Statement(plan: plan.name, currency: plan.currency, lineGroups: [], reps: totals, issues: issues)
    }

    /// The lines moved to a spool per window (on disk when the lines are), each in line order.
    private func distribute(into windows: [Range<Int>]) throws -> [ByteSpool] {
        var windowOfRep = [Int](repeating: 0, count: lineCounts.count)
        for (number, window) in windows.enumerated() {
            for rep in window { windowOfRep[rep] = number }
        }
        let spilled = lines.spilled
        let parts = windows.map { _ in
            ByteSpool(memoryLimit: spilled ? 0 : .max, chunkSize: spilled ? min(chunk, 1 << 16) : chunk)
        }
        try lines.forEach(releasing: true) { record in
            // Copied as it is: only its rep is read.
            let rep = SpooledLine.rep(of: record)
            try parts[windowOfRep[rep]].append { $0.copy(of: record) }
        }
        return parts
    }

    /// The `split_total` issues, in the order each deal first appears, and the indices of the
    /// lines of those deals; a bucket of deals at a time.
    private static func checkSplits(_ deals: [ByteSpool]) throws -> (
        issues: [(first: Int, issue: StatementIssue)], flagged: Set<Int>
    ) {
        var found: [(first: Int, issue: StatementIssue)] = []
        var flagged = Set<Int>()
        for bucket in deals {
            var ids: [String] = []
            var splits: [Decimal] = []
            var places: [(index: Int, row: Int)] = []
            try bucket.forEach(releasing: true) { record in
                ids.append(record.text())
                splits.append(record.raw(Decimal.self))
                places.append((record.int(), record.int()))
            }
            for deal in SplitCheck.offDeals(count: ids.count, dealID: { ids[$0] }, split: { splits[$0] }) {
                flagged.formUnion(deal.members.map { places[$0].index })
                found.append(
                    (places[deal.members[0]].index, .splitTotal(deal, rows: deal.members.map { places[$0].row })))
            }
        }
        found.sort { $0.first < $1.first }
        return (found, flagged)
    }

    /// A deal's bucket: FNV-1a of its id's bytes, the same in every run.
    static func bucket(of dealID: String) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in dealID.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return Int(hash % UInt64(dealBuckets))
    }
}
