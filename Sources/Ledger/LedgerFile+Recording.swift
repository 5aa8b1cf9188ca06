import Commission
import Foundation
import GRDB

extension LedgerFile {
    /// Who recorded an entry, when, and why.
    public struct Signature: Sendable {
        public var actor: String
        public var note: String?
        public var at: Date

        public init(actor: String, note: String?, at: Date = Date()) {
            self.actor = actor
            self.note = note
            self.at = at
        }
    }

    /// Records `figures` as the period paid, in one transaction: the entry, its rep totals and
    /// its lines all, or nothing. Refuses a ledger whose chain does not hold, a period already
    /// closed, one before the ledger's first closed period, one after a period still open, and
    /// figures in another currency than the ledger's.
    @discardableResult
    public func close(_ figures: ClosingFigures, periods: LedgerPeriods, by signature: Signature) throws
        -> LedgerEntry
    {
        try write { db in
            try requireIntact(db)
            let statuses = try Self.statuses(db)
            try checkCanClose(figures.period, statuses: statuses, periods: periods, currency: figures.currency)
            var entry = LedgerEntry(
                id: nil, action: .close, period: figures.period.description, periodKind: periods.kind.rawValue,
                fiscalYearStart: periods.fiscalYearStart, source: figures.source,
                recordedAt: Self.timestamp(signature.at), actor: signature.actor, note: signature.note,
                planName: figures.planName, currency: figures.currency, planText: figures.planText,
                planSHA256: figures.inputs.plan, dealsSHA256: figures.inputs.deals, rosterSHA256: figures.inputs.roster,
                workbookSHA256: figures.inputs.workbook, totalPayable: figures.totalPayable.plainText,
                lineCount: figures.lines.count, repCount: figures.totals.count,
                contentSHA256: HashChain.contentDigest(totals: figures.totals, lines: figures.lines),
                previousSHA256: try Self.lastDigest(db), sha256: "")
            entry.sha256 = HashChain.entryDigest(entry)
            try entry.insert(db)
            let id = entry.id!
            for var total in figures.totals {
                total.entryID = id
                try total.insert(db)
            }
            try Self.insert(figures.lines, entry: id, db)
            return entry
        }
    }

    /// Inserts lines through one prepared statement: a period of 100,000 lines is written in a
    /// fraction of the time record by record encoding takes.
    private static func insert(_ lines: [PaidLine], entry: Int64, _ db: Database) throws {
        let statement = try db.makeStatement(
            sql: """
                INSERT INTO line (entryID, position, rep, period, kind, dealID, row, credit, amount, bonus, flags, explanation)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        for line in lines {
            statement.setUncheckedArguments([
                entry, line.position, line.rep, line.period, line.kind, line.dealID, line.row, line.credit, line.amount,
                line.bonus, line.flags, line.explanation,
            ])
            try statement.execute()
        }
    }

    /// Reopens a closed period, recording who asked and why; the period's figures stay in the
    /// log, and closing it again appends a new entry.
    @discardableResult
    public func reopen(_ period: Period, periods: LedgerPeriods, by signature: Signature) throws -> LedgerEntry {
        try write { db in
            try requireIntact(db)
            let statuses = try Self.statuses(db)
            try checkKind(statuses, periods: periods)
            guard let last = statuses[period.description], last.action == .close else {
                throw LedgerError("\(path): \(period) is not closed; nothing to reopen")
            }
            var entry = LedgerEntry(
                id: nil, action: .reopen, period: period.description, periodKind: periods.kind.rawValue,
                fiscalYearStart: periods.fiscalYearStart, source: nil, recordedAt: Self.timestamp(signature.at),
                actor: signature.actor, note: signature.note, planName: last.planName, currency: last.currency,
                planText: nil, planSHA256: nil, dealsSHA256: nil, rosterSHA256: nil, workbookSHA256: nil,
                totalPayable: "0", lineCount: 0, repCount: 0,
                contentSHA256: HashChain.contentDigest(totals: [], lines: []), previousSHA256: try Self.lastDigest(db),
                sha256: "")
            entry.sha256 = HashChain.entryDigest(entry)
            try entry.insert(db)
            return entry
        }
    }

    /// The checks of `close`, without writing: for refusing early, before the statement is built.
    /// `currency` is the plan's.
    public func checkCanClose(_ period: Period, periods: LedgerPeriods, currency: String) throws {
        try read { db in
            try requireIntact(db)
            try checkCanClose(period, statuses: Self.statuses(db), periods: periods, currency: currency)
        }
    }

    private func checkCanClose(
        _ period: Period, statuses: [String: LedgerEntry], periods: LedgerPeriods, currency: String
    ) throws {
        try checkKind(statuses, periods: periods)
        if let any = statuses.values.first { try checkCurrency(any, plan: currency) }
        if let last = statuses[period.description], last.action == .close {
            throw LedgerError(
                "\(path): \(period) is already closed (by \(last.actor) at \(last.recordedAt)); reopen it first to change it"
            )
        }
        // The ledger starts at the first period it ever closed; from there on every period closes in turn.
        guard let first = statuses.keys.compactMap(periods.period).min() else { return }
        if period < first {
            throw LedgerError("\(path): \(period) is before \(first), the ledger's first closed period")
        }
        let closedSet = Set(statuses.values.filter { $0.action == .close }.compactMap { periods.period($0.period) })
        var step = first
        while step < period {
            if !closedSet.contains(step) {
                throw LedgerError(
                    "\(path): \(step) is still open; periods close in order, so close it before \(period)")
            }
            step = step.next
        }
    }

    private func checkKind(_ statuses: [String: LedgerEntry], periods: LedgerPeriods) throws {
        guard let any = statuses.values.first else { return }
        if any.periodKind != periods.kind.rawValue || any.fiscalYearStart != periods.fiscalYearStart {
            throw LedgerError(
                "\(path): the ledger's periods are \(any.periodKind)s with the fiscal year starting in month \(any.fiscalYearStart); the plan's are \(periods.kind.rawValue)s starting in month \(periods.fiscalYearStart)"
            )
        }
    }

    /// Refuses a plan paying in another currency than the ledger's entries record: a payable in
    /// euros is neither closed onto nor trued-up against a ledger paid in dollars.
    func checkCurrency(_ entry: LedgerEntry, plan currency: String) throws {
        guard entry.currency != currency else { return }
        func named(_ code: String) -> String { code.isEmpty ? "no currency" : code }
        throw LedgerError(
            "\(path): the ledger pays in \(named(entry.currency)) (\(entry.period) was closed in it); the plan pays in \(named(currency)): a ledger keeps one currency, so use a ledger of \(named(currency)) or the plan the ledger was closed with"
        )
    }

    /// The latest entry of each period, by label: its action is the period's status.
    static func statuses(_ db: Database) throws -> [String: LedgerEntry] {
        let latest = try LedgerEntry.fetchAll(
            db, sql: "SELECT * FROM entry WHERE id IN (SELECT max(id) FROM entry GROUP BY period)")
        return Dictionary(latest.map { ($0.period, $0) }, uniquingKeysWith: { a, _ in a })
    }

    private static func lastDigest(_ db: Database) throws -> String {
        try String.fetchOne(db, sql: "SELECT sha256 FROM entry ORDER BY id DESC LIMIT 1") ?? HashChain.genesis
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
