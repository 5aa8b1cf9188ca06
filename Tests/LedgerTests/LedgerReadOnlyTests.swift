import Foundation
import GRDB
import Ledger
import Testing

/// A ledger opened to read is opened read-only: never created, changed, migrated or recovered.
/// One a writer left mid-change is refused, its files left as they are, until `recover` (or the
/// next writer) rolls the change back.
@Suite struct LedgerReadOnlyTests {
    /// Each file of `folder` by name: its bytes and modification time.
    static func files(in folder: TemporaryFolder) throws -> [String: FileState] {
        var result: [String: FileState] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.url.path) {
            let path = folder.path(name)
            let modified = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
            result[name] = FileState(bytes: try Data(contentsOf: URL(fileURLWithPath: path)), modified: modified)
        }
        return result
    }

    struct FileState: Equatable {
        var bytes: Data
        var modified: Date?
    }

    /// A ledger with Q1 closed in `folder`, and a copy of it and of its `sidecar` file (`-journal`
    /// or `-wal`) named `name`, taken while a connection to the ledger has run `statements`; its
    /// path. A change left open is rolled back once the copy is taken.
    static func copy(
        named name: String, with sidecar: String, after statements: [String], in folder: TemporaryFolder
    ) throws -> String {
        let sample = try LedgerMechanicsTests.Sample()
        let (path, _) = try LedgerMechanicsTests.ledger(closing: ["2026-Q1"], of: sample, in: folder)
        let copy = folder.path(name)
        let writer = try DatabaseQueue(path: path)
        try writer.writeWithoutTransaction { db in
            for statement in statements { try db.execute(sql: statement) }
            try FileManager.default.copyItem(atPath: path, toPath: copy)
            try FileManager.default.copyItem(atPath: path + sidecar, toPath: copy + sidecar)
            if db.isInsideTransaction { try db.execute(sql: "ROLLBACK") }
        }
        try writer.close()
        return copy
    }

    /// A copy taken in the middle of a change that has already written some of its pages to the
    /// file (a cache of two pages spills them, its rollback journal synced first): what a writer
    /// killed mid-change leaves, a hot journal SQLite rolls back before the next read.
    static func ledgerLeftMidChange(in folder: TemporaryFolder) throws -> String {
        try copy(
            named: "crashed.sqlite", with: "-journal",
            after: [
                "PRAGMA cache_size = 2", "BEGIN IMMEDIATE", "UPDATE entry SET note = 'half made'",
                "UPDATE line SET explanation = explanation || ' (half made)'",
            ], in: folder)
    }

    @Test func aHotJournalIsRefusedAndLeftAsItIsUntilRecovered() throws {
        let folder = try TemporaryFolder()
        let path = try Self.ledgerLeftMidChange(in: folder)
        let before = try Self.files(in: folder)
        #expect(before[URL(fileURLWithPath: path).lastPathComponent + "-journal"] != nil)
        let refusal = #expect(throws: LedgerError.self) { try LedgerFile(path: path, access: .read) }
        #expect(refusal?.description.hasPrefix("\(path): a change to the ledger was interrupted") == true)
        #expect(try Self.files(in: folder) == before)

        #expect(try LedgerFile.recover(path: path))
        #expect(!FileManager.default.fileExists(atPath: path + "-journal"))
        let ledger = try LedgerFile(path: path, access: .read)
        #expect(try ledger.entries().map(\.note) == ["approved"])
        #expect(try ledger.verify().isIntact)
        #expect(try !LedgerFile.recover(path: path))
    }

    /// A copy of a ledger switched to write-ahead-log mode, taken after a committed change that
    /// is still in the log (its shared-memory index not copied): what a program stopped before
    /// its checkpoint leaves.
    @Test func aWriteAheadLogIsRefusedAndNothingIsCreatedBesideItUntilRecovered() throws {
        let folder = try TemporaryFolder()
        let copy = try Self.copy(
            named: "logged.sqlite", with: "-wal",
            after: ["PRAGMA journal_mode = WAL", "UPDATE entry SET note = 'logged'"],
            in: folder)
        let before = try Self.files(in: folder)
        let refusal = #expect(throws: LedgerError.self) { try LedgerFile(path: copy, access: .read) }
        #expect(refusal?.description.hasPrefix("\(copy): a write-ahead log (\(copy)-wal) is beside the ledger") == true)
        #expect(try Self.files(in: folder) == before)

        #expect(try LedgerFile.recover(path: copy))
        #expect(!FileManager.default.fileExists(atPath: copy + "-wal"))
        #expect(try LedgerFile(path: copy, access: .read).entries().map(\.note) == ["logged"])
    }

    @Test func readingNeitherCreatesNorChangesAnything() throws {
        let folder = try TemporaryFolder()
        let sample = try LedgerMechanicsTests.Sample()
        let (path, _) = try LedgerMechanicsTests.ledger(closing: ["2026-Q1", "2026-Q2"], of: sample, in: folder)
        let before = try Self.files(in: folder)
        let ledger = try LedgerFile(path: path, access: .read)
        #expect(try ledger.periodStatuses().map(\.period) == ["2026-Q1", "2026-Q2"])
        #expect(try ledger.verify().isIntact)
        #expect(throws: LedgerError.self) {
            try ledger.close(sample.figures("2026-Q3"), periods: sample.periods, by: LedgerMechanicsTests.signature)
        }
        #expect(try Self.files(in: folder) == before)
        #expect(throws: LedgerError.self) { try LedgerFile(path: folder.path("missing.sqlite"), access: .read) }
        #expect(!FileManager.default.fileExists(atPath: folder.path("missing.sqlite")))
    }
}
