import Commission
import FileAccess
import Foundation

/// What computing a window of reps needs from a `SpooledCalculation`, read by the threads that
/// compute windows: each window's lines in a spool of its own, and the run's shared facts.
struct WindowWork: Sendable {
    /// One spool per window, read only by the thread computing that window.
    let parts: Unshared<[ByteSpool]>
    let windows: [Range<Int>]
    /// The indices of the lines of deals whose splits miss 100%.
    let flagged: Set<Int>
    let reps: [RosterEntry]
    let hasRoster: Bool
    let plan: Plan
    let span: ClosedRange<Period>?
    let carried: CarriedBalances
    let explaining: Bool

    /// Window `number`'s line groups (one per rep, in roster order), rep-period totals and issues;
    /// its spool is emptied.
    func compute(_ number: Int) throws -> (
        lines: [[StatementLine]], totals: [RepPeriodTotal], issues: [StatementIssue]
    ) {
        let part = parts.value[number]
        var lines: [CreditLine] = []
        var repOfLine = LineIndices()
        var flags = Set<Int>()
        lines.reserveCapacity(part.count)
        repOfLine.reserveCapacity(part.count)
        try part.forEach(releasing: true) { record in
            let spooled = SpooledLine(reading: &record)
            if flagged.contains(spooled.index) { flags.insert(lines.count) }
            lines.append(spooled.line)
            repOfLine.append(spooled.rep)
        }
        let book = RepBook(reps: reps, repOfLine: repOfLine, hasRoster: hasRoster)
        var run = Run(plan: plan, lines: lines, book: book, span: span)
        run.splitFlagged = flags
        run.carried = carried
        run.explains = explaining
        // Other windows are computed beside this one: its reps in no more chunks than cores.
        return try run.compute(reps: windows[number], perCore: 1)
    }
}

/// A value that is not `Sendable` handed to other threads that never use the same part of it at
/// once (a spool per thread, or one thread after another).
struct Unshared<Value>: @unchecked Sendable {
    let value: Value

    init(_ value: Value) { self.value = value }
}
