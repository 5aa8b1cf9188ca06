import Foundation
import GRDB

/// An open ledger file: an SQLite database whose schema only `LedgerSchema`'s migrations make.
///
/// Every change runs in one immediate write transaction, so a process killed at any point
/// leaves the file as it was before the change or as it is after it (the next writer rolls back
/// the journal such a process leaves). A second writer waits up to `busyTimeout` for the first,
/// then fails with one line naming the file. A ledger opened to read is opened read-only.
public final class LedgerFile: Sendable {
    /// What a command does with the ledger it opens.
    public enum Access: Sendable {
        /// Reads only (`ledger`, `ledger verify`, `--ledger`): the database is opened read-only,
        /// and never created, migrated or rolled back. One a writer left mid-change (its rollback
        /// journal or write-ahead log beside it) is refused, and left as it is.
        case read
        /// Reads and records (`reopen`): the ledger must exist.
        case write
        /// Reads and records, creating the ledger when it is missing (`close`).
        case create
    }

    public let path: String
    let queue: DatabaseQueue

    /// How long a command waits for another one writing the same ledger.
    public static let busyTimeout: TimeInterval = 10

    /// Opens `path` to record in it, creating it when `creating` (a close).
    public convenience init(path: String, creating: Bool) throws {
        try self.init(path: path, access: creating ? .create : .write)
    }

    /// Opens `path` for `access`, refusing a file that is not a ledger or that a newer trueup wrote.
    public init(path: String, access: Access) throws {
        self.path = path
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
        if isFolder.boolValue { throw LedgerError("\(path): is a folder, not a ledger") }
        if !exists && access != .create { throw LedgerError("\(path): no such ledger") }
        if access == .read { try Self.refuseWriteAheadLog(path) }
        var configuration = Configuration()
        configuration.busyMode = .timeout(Self.busyTimeout)
        configuration.label = "ledger"
        configuration.readonly = access == .read
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            throw Self.failure(error, path: path)
        }
        // Two trueups creating one new ledger race through its first migration; the loser finds
        // the schema half made for a moment, and tries again once the winner has committed.
        for attempt in 0... {
            do {
                try prepare(access)
                return
            } catch let refusal as LedgerError {
                throw refusal
            } catch let error as DatabaseError where Self.isInterruptedWrite(error) {
                throw Self.failure(error, path: path)
            } catch {
                if attempt == 40 { throw Self.failure(error, path: path) }
                Thread.sleep(forTimeInterval: 0.05)
            }
        }
    }

    /// Refuses a ledger in write-ahead-log mode with its log beside it. trueup never writes one
    /// (its ledgers keep a rollback journal), so another program did, perhaps stopping mid-change;
    /// SQLite would read the log through a shared-memory file it creates beside the ledger, even
    /// for a read-only connection. (A log beside a ledger in rollback mode is not read at all.)
    private static func refuseWriteAheadLog(_ path: String) throws {
        guard FileManager.default.fileExists(atPath: path + "-wal"),
            let handle = FileHandle(forReadingAtPath: path),
            let header = try? handle.read(upToCount: 20), header.count == 20,
            header[header.startIndex + 18] == 2 || header[header.startIndex + 19] == 2
        else { return }
        throw LedgerError(
            "\(path): a write-ahead log (\(path)-wal) is beside the ledger: a program that changed it may have stopped mid-change, and a command that only reads the ledger leaves both as they are; `trueup ledger recover \(path)` applies it"
        )
    }

    /// Whether `error` says the ledger must be recovered from an interrupted write first, which a
    /// read-only connection may not do (SQLite's hot journal, or a write-ahead log to recover).
    private static func isInterruptedWrite(_ error: DatabaseError) -> Bool {
        error.extendedResultCode == .SQLITE_READONLY_ROLLBACK || error.extendedResultCode == .SQLITE_READONLY_RECOVERY
    }

    /// Refuses a foreign or newer file, and an empty one unless creating (a read-only command
    /// would otherwise make a ledger of any empty file it is given), then brings an older
    /// ledger's schema up to date (refused instead when only reading).
    private func prepare(_ access: Access) throws {
        let creating = access == .create
        let migrator = LedgerSchema.migrator
        try queue.read { db in
            // GRDB creates its migrations table before the first migration: a ledger another
            // trueup is creating at this moment holds that table alone.
            let tables =
                try Int.fetchOne(
                    db,
                    sql: """
                        SELECT count(*) FROM sqlite_master
                        WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != 'grdb_migrations'
                        """) ?? 0
            let application = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
            let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
            if tables > 0 && application != LedgerSchema.applicationID {
                throw LedgerError("\(path): not a trueup ledger (an SQLite database of something else)")
            }
            if tables == 0 && !creating {
                // A ledger another trueup is creating holds GRDB's table alone for a moment: retried.
                if try db.tableExists("grdb_migrations") { throw LedgerBeingCreated() }
                throw LedgerError("\(path): not a ledger (an empty file); `trueup close` creates a ledger")
            }
            // trueup makes tables and indexes only: a view or a trigger was added by hand, and can
            // rewrite what is recorded or read without end (a recursive view in place of `line`).
            if let altered = try String.fetchOne(
                db,
                sql: "SELECT type || ' ' || quote(name) FROM sqlite_master WHERE type IN ('view', 'trigger') LIMIT 1")
            {
                throw LedgerError(
                    "\(path): not a ledger trueup wrote as it is: it holds a \(altered), which trueup never makes")
            }
            let superseded = tables > 0 ? try migrator.hasBeenSuperseded(db) : false
            if version > LedgerSchema.version || superseded {
                throw LedgerError(
                    "\(path): written by a newer trueup (ledger schema \(version), this trueup knows up to \(LedgerSchema.version)); upgrade trueup to read it"
                )
            }
        }
        if try !queue.read({ try migrator.hasCompletedMigrations($0) }) {
            guard access != .read else {
                throw LedgerError(
                    "\(path): the ledger's schema is older than this trueup's, and a command that only reads it does not update it; the next `trueup close` or `reopen` does"
                )
            }
            try migrator.migrate(queue)
        }
        // GRDB's cache of the schema does not hear of tables another process made: one this
        // connection looked at while the other was creating the ledger would lack them.
        queue.inDatabase { $0.clearSchemaCache() }
    }

    /// Rolls back a change a writer left unfinished (its rollback journal beside the ledger), or
    /// applies what a write-ahead log left beside it holds, as the next close would first; true
    /// when there was such a file and it is gone.
    public static func recover(path: String) throws -> Bool {
        let leftovers = [path + "-journal", path + "-wal"].filter { FileManager.default.fileExists(atPath: $0) }
        // Opening to write reads the ledger, and SQLite rolls a hot journal back before that first
        // read; a write-ahead log is applied and removed by going back to a rollback journal, the
        // mode trueup's ledgers keep.
        let file = try LedgerFile(path: path, access: .write)
        do {
            try file.queue.writeWithoutTransaction { try $0.execute(sql: "PRAGMA journal_mode = DELETE") }
        } catch {
            throw failure(error, path: path)
        }
        return !leftovers.isEmpty && !leftovers.contains { FileManager.default.fileExists(atPath: $0) }
    }

    /// Runs `body` in a read transaction.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try queue.read(body) } catch { throw Self.failure(error, path: path) }
    }

    /// Runs `body` in one immediate write transaction: all of it is committed, or none.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try queue.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                return result!
            }
        } catch {
            throw Self.failure(error, path: path)
        }
    }

    /// Any error as one line naming the file.
    static func failure(_ error: any Error, path: String) -> LedgerError {
        if let error = error as? LedgerError { return error }
        if let error = error as? DatabaseError {
            if isInterruptedWrite(error) {
                return LedgerError(
                    "\(path): a change to the ledger was interrupted (its rollback journal \(path)-journal is beside it); a command that only reads the ledger leaves both as they are: `trueup ledger recover \(path)` rolls the change back"
                )
            }
            switch error.resultCode {
            case .SQLITE_BUSY, .SQLITE_LOCKED:
                return LedgerError(
                    "\(path): the ledger is busy (another trueup has been writing it for over \(Int(busyTimeout)) s); try again"
                )
            case .SQLITE_NOTADB: return LedgerError("\(path): not a trueup ledger (not an SQLite database)")
            case .SQLITE_CORRUPT: return LedgerError("\(path): the ledger file is damaged (SQLite reports corruption)")
            case .SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_PERM:
                return LedgerError("\(path): cannot be opened for writing (\(error.message ?? "permission denied"))")
            default: return LedgerError("\(path): \(error.message ?? "SQLite error \(error.resultCode.rawValue)")")
            }
        }
        return LedgerError("\(path): \(error)")
    }
}

/// A ledger whose first migration another trueup is running: opening it is tried again.
private struct LedgerBeingCreated: Error {}
