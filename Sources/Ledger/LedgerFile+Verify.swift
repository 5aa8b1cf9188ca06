import Commission
import Foundation
import GRDB

/// What `ledger verify` found: nothing, or each entry that does not hold together.
public struct LedgerVerification: Sendable {
    public var entryCount: Int
    /// The last entry's digest: keep it to notice later that entries were cut off the end.
    public var head: String
    public var problems: [String]
    /// Closes from the engine whose statement arithmetic was recomputed from their lines.
    public var statementsRechecked = 0
    /// Closes from the engine whose plan text did not read: their arithmetic against the plan's
    /// rounding was not re-checked (payable = earned + draw paid − recovered still was).
    public var withoutRounding = 0
    /// Closes from a hand-kept workbook: rep totals only, no lines to recompute them from.
    public var totalsOnly = 0

    public var isIntact: Bool { problems.isEmpty }
}

extension LedgerFile {
    /// Re-checks the chain entry by entry: each entry's digest of its own fields, the digest of
    /// the one before it, its rep totals and lines against its content digest, its counts and
    /// total, and the plan text it keeps against the plan's digest. Rows that belong to no entry
    /// are reported too. Each close from the engine has its statement's arithmetic recomputed
    /// from its lines (`StatementCheck`); `rounding` reads the plan text it keeps (nil when it
    /// does not read).
    public func verify(rounding: (String) -> RoundingRule? = { _ in nil }) throws -> LedgerVerification {
        try read { db in try Self.verify(db, rounding: rounding) }
    }

    /// Refuses a ledger whose chain does not hold, naming the file and the first problem: every
    /// command that reads a ledger for money (a payroll, a true-up, a close, a reopen) runs this
    /// first, so an edited or truncated ledger is never paid from nor appended to in silence.
    func requireIntact(_ db: Database) throws {
        let result = try Self.verify(db, rounding: { _ in nil })
        guard let first = result.problems.first else { return }
        let more = result.problems.count - 1
        throw LedgerError(
            "\(path): the ledger does not hold together (\(first)\(more > 0 ? "; and \(more) more problem\(more == 1 ? "" : "s")" : "")); trueup will not use it: run `trueup ledger verify \(path)` to see every problem"
        )
    }

    /// Refuses a ledger whose chain does not hold (see `requireIntact(_:)`).
    public func requireIntact() throws {
        try read { db in try requireIntact(db) }
    }

    static func verify(_ db: Database, rounding: (String) -> RoundingRule?) throws -> LedgerVerification {
        let entries = try LedgerEntry.order(Column("id")).fetchAll(db)
        var problems: [String] = []
        var previous = HashChain.genesis
        var counts = (rechecked: 0, withoutRounding: 0, totalsOnly: 0)
        for entry in entries {
            let name = "entry \(entry.id!) (\(entry.action.rawValue) \(entry.period))"
            if entry.previousSHA256 != previous {
                problems.append(
                    "\(name): the digest of the entry before it does not match (an entry was changed, removed or inserted)"
                )
            }
            if HashChain.entryDigest(entry) != entry.sha256 {
                problems.append("\(name): its fields do not match its digest (the entry was changed)")
            }
            let totals = try Self.totals(db, entry: entry.id!)
            let lines = try Self.lines(db, entry: entry.id!)
            if HashChain.contentDigest(totals: totals, lines: lines) != entry.contentSHA256 {
                problems.append(
                    "\(name): its rep totals or lines do not match its content digest (a row was changed, added or removed)"
                )
            }
            if totals.count != entry.repCount || lines.count != entry.lineCount {
                problems.append(
                    "\(name): it records \(entry.repCount) rep totals and \(entry.lineCount) lines; the ledger holds \(totals.count) and \(lines.count)"
                )
            }
            let sum = totals.reduce(Decimal(0)) { $0 + $1.payableValue }
            if entry.action == .close && sum != LedgerMoney.decimal(entry.totalPayable) {
                problems.append(
                    "\(name): its rep totals add up to \(sum), not the \(entry.totalPayable) it records")
            }
            if let text = entry.planText, let digest = entry.planSHA256, Digest.sha256(text) != digest {
                problems.append("\(name): the plan text it keeps does not match the plan's digest")
            }
            if entry.action == .close && entry.source == .workbook {
                counts.totalsOnly += 1
            } else if entry.action == .close {
                let rule = entry.planText.flatMap(rounding)
                if rule == nil { counts.withoutRounding += 1 } else { counts.rechecked += 1 }
                problems += StatementCheck(rounding: rule).problems(totals: totals, lines: lines).map {
                    "\(name): \($0)"
                }
            }
            previous = entry.sha256
        }
        for table in [PaidTotal.databaseTableName, PaidLine.databaseTableName] {
            let orphans =
                try Int.fetchOne(
                    db, sql: "SELECT count(*) FROM \(table) WHERE entryID NOT IN (SELECT id FROM entry)") ?? 0
            if orphans > 0 { problems.append("\(orphans) \(table) rows belong to no entry") }
        }
        problems += try truncation(db, entries: entries)
        return LedgerVerification(
            entryCount: entries.count, head: previous, problems: problems, statementsRechecked: counts.rechecked,
            withoutRounding: counts.withoutRounding, totalsOnly: counts.totalsOnly)
    }

    /// Entries cut off the end leave the rest of the chain whole, so they are told by the
    /// numbering instead: trueup numbers entries 1, 2, 3… with SQLite's AUTOINCREMENT, which
    /// records the highest number ever given (`sqlite_sequence`) and never gives one twice. A
    /// gap, or a highest number above the last entry's, means entries were deleted. Someone who
    /// also rewrites `sqlite_sequence` hides a cut tail from this check: only a head digest kept
    /// outside the file (`ledger verify --head`) tells that.
    private static func truncation(_ db: Database, entries: [LedgerEntry]) throws -> [String] {
        var problems: [String] = []
        for (index, entry) in entries.enumerated() where entry.id != Int64(index + 1) {
            problems.append(
                "entries numbered \(index + 1)…\(entry.id! - 1) are missing before entry \(entry.id!) (\(entry.action.rawValue) \(entry.period)): they were deleted"
            )
            break
        }
        let highest =
            try Int64.fetchOne(
                db, sql: "SELECT seq FROM sqlite_sequence WHERE name = ?", arguments: [LedgerEntry.databaseTableName])
            ?? 0
        let last = entries.last?.id ?? 0
        if highest > last {
            let cut = highest - last
            problems.append(
                "the ledger once held entr\(highest == 1 ? "y" : "ies") up to number \(highest), but its last entry is number \(last): the last \(cut == 1 ? "entry was" : "\(cut) entries were") deleted"
            )
        }
        return problems
    }
}
