import Commission
import Foundation
import GRDB

/// A period's figures as paid: the close entry that recorded them, its rep totals and lines.
public struct PaidPeriod: Sendable {
    public var entry: LedgerEntry
    public var totals: [PaidTotal]
    public var lines: [PaidLine]
}

/// One period of the ledger and where it stands: closed (with the close that holds its
/// figures) or reopened (with the reopen's reason, and the close it undid).
public struct PeriodStatus: Sendable {
    public var period: String
    public var isClosed: Bool
    /// The latest close of the period.
    public var close: LedgerEntry
    /// The reopen after it, when the period is open again.
    public var reopen: LedgerEntry?
    /// The period's latest reopen, open again or closed since: who reopened it and why stay in
    /// view after the period is closed again.
    public var lastReopen: LedgerEntry?
}

extension LedgerFile {
    /// Every entry, oldest first.
    public func entries() throws -> [LedgerEntry] {
        try read { db in try LedgerEntry.order(Column("id")).fetchAll(db) }
    }

    /// Each period the ledger has closed at least once, in period order.
    public func periodStatuses() throws -> [PeriodStatus] {
        let entries = try entries()
        var byPeriod: [String: PeriodStatus] = [:]
        var order: [String] = []
        for entry in entries {
            switch entry.action {
            case .close:
                if byPeriod[entry.period] == nil { order.append(entry.period) }
                byPeriod[entry.period] = PeriodStatus(
                    period: entry.period, isClosed: true, close: entry, reopen: nil,
                    lastReopen: byPeriod[entry.period]?.lastReopen)
            case .reopen:
                byPeriod[entry.period]?.isClosed = false
                byPeriod[entry.period]?.reopen = entry
                byPeriod[entry.period]?.lastReopen = entry
            }
        }
        guard let first = entries.first, let kind = PeriodKind(rawValue: first.periodKind) else { return [] }
        let periods = LedgerPeriods(kind: kind, fiscalYearStart: first.fiscalYearStart)
        func start(_ label: String) -> Int { periods.period(label)?.start.dayNumber ?? Int.max }
        return order.sorted { (start($0), $0) < (start($1), $1) }.compactMap { byPeriod[$0] }
    }

    /// The figures of `period`'s latest close (nil when it was never closed).
    public func paidPeriod(_ period: String) throws -> PaidPeriod? {
        try read { db in
            guard
                let entry = try LedgerEntry.filter(Column("period") == period && Column("action") == "close")
                    .order(Column("id").desc).fetchOne(db)
            else { return nil }
            return try PaidPeriod(
                entry: entry, totals: Self.totals(db, entry: entry.id!), lines: Self.lines(db, entry: entry.id!))
        }
    }

    /// Every period closed at least once, each with its latest close's rep totals (what the ledger
    /// records as paid) and whether it has been reopened since. Refuses a ledger whose chain does
    /// not hold (`requireIntact`).
    public func paidPeriods() throws -> [(entry: LedgerEntry, totals: [PaidTotal], reopened: Bool)] {
        try read { db in
            try requireIntact(db)
            let statuses = try Self.statuses(db)
            let closes = try LedgerEntry.fetchAll(
                db,
                sql:
                    "SELECT * FROM entry WHERE id IN (SELECT max(id) FROM entry WHERE action = 'close' GROUP BY period)"
            )
            return try closes.sorted { $0.id! < $1.id! }.map { entry in
                (entry, try Self.totals(db, entry: entry.id!), statuses[entry.period]?.action == .reopen)
            }
        }
    }

    /// One rep's lines of a close entry, in their recorded order.
    public func lines(entry: Int64, rep: String) throws -> [PaidLine] {
        try read { db in
            try PaidLine.filter(Column("entryID") == entry && Column("rep") == rep).order(Column("position"))
                .fetchAll(db)
        }
    }

    static func totals(_ db: Database, entry: Int64) throws -> [PaidTotal] {
        try PaidTotal.filter(Column("entryID") == entry).order(Column("position")).fetchAll(db)
    }

    static func lines(_ db: Database, entry: Int64) throws -> [PaidLine] {
        try PaidLine.filter(Column("entryID") == entry).order(Column("position")).fetchAll(db)
    }
}
