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
        try read { db in
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
            return LedgerVerification(
                entryCount: entries.count, head: previous, problems: problems, statementsRechecked: counts.rechecked,
                withoutRounding: counts.withoutRounding, totalsOnly: counts.totalsOnly)
        }
    }
}
