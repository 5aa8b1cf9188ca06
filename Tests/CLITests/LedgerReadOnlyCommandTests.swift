import Foundation
import Testing

/// The commands that only read a ledger (`ledger`, `ledger verify`, `--ledger`) open it read-only:
/// a ledger a writer left mid-change is refused in one line with status 2, every file beside it
/// left as it was (bytes and times), until `ledger recover` rolls the change back.
@Suite struct LedgerReadOnlyCommandTests {
    struct FileState: Equatable {
        var bytes: Data
        var modified: Date?
    }

    static func files(in folder: URL) throws -> [String: FileState] {
        var result: [String: FileState] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            let url = folder.appendingPathComponent(name)
            let modified = try FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as? Date
            result[name] = FileState(bytes: try Data(contentsOf: url), modified: modified)
        }
        return result
    }

    /// A ledger with the samples' 2026-Q1 closed, in `folder`.
    static func ledger(in folder: URL) throws -> String {
        let samples = LedgerCommandTests.samples
        let ledger = folder.appendingPathComponent("ledger.sqlite").path
        let closed = try CommandLineTests.run([
            "close", "2026-Q1", "--plan", samples.appendingPathComponent("plan.yaml").path, "--deals",
            samples.appendingPathComponent("deals-2026.csv").path, "--roster",
            samples.appendingPathComponent("roster.csv").path, "--ledger", ledger,
        ])
        #expect(closed.status == 0, "\(closed.stderr)")
        return ledger
    }

    static func readers(_ ledger: String) -> [[String]] {
        let samples = LedgerCommandTests.samples
        return [
            ["ledger", ledger], ["ledger", "verify", ledger], ["ledger", ledger, "--period", "2026-Q1"],
            [
                "calculate", "--plan", samples.appendingPathComponent("plan.yaml").path, "--deals",
                samples.appendingPathComponent("deals-2026.csv").path, "--roster",
                samples.appendingPathComponent("roster.csv").path, "--ledger", ledger,
            ],
        ]
    }

    /// A rollback journal as SQLite writes one when a change begins (its header: the magic number,
    /// no record count yet, the database's page count, sector and page size), beside `ledger`:
    /// what a close killed before it committed leaves, which SQLite calls hot.
    static func leaveHotJournal(beside ledger: String) throws {
        let database = try Data(contentsOf: URL(fileURLWithPath: ledger))
        let pageSize = Int(database[16]) << 8 | Int(database[17])
        func bigEndian(_ value: Int) -> [UInt8] { (0..<4).reversed().map { UInt8(value >> (8 * $0) & 0xFF) } }
        var header: [UInt8] = [0xD9, 0xD5, 0x05, 0xF9, 0x20, 0xA1, 0x63, 0xD7]
        header += bigEndian(0) + bigEndian(0x1234_5678) + bigEndian(database.count / pageSize) + bigEndian(512)
        header += bigEndian(pageSize)
        header += [UInt8](repeating: 0, count: 512 - header.count)
        try Data(header).write(to: URL(fileURLWithPath: ledger + "-journal"))
    }

    @Test func readingLeavesEveryFileAsItWas() throws {
        let folder = try CommandLineTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let ledger = try Self.ledger(in: folder)
        let before = try Self.files(in: folder)
        for arguments in Self.readers(ledger) {
            let result = try CommandLineTests.run(arguments)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }
        #expect(try Self.files(in: folder) == before)
    }

    @Test(arguments: ["journal", "wal"])
    func aLedgerLeftMidChangeIsRefusedUntouchedUntilRecovered(leftover: String) throws {
        let folder = try CommandLineTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let ledger = try Self.ledger(in: folder)
        if leftover == "journal" {
            try Self.leaveHotJournal(beside: ledger)
        } else {
            // What `PRAGMA journal_mode = WAL` makes of the header (file format versions 2), and
            // its log, left when the program that wrote it stopped.
            var database = try Data(contentsOf: URL(fileURLWithPath: ledger))
            database[18] = 2
            database[19] = 2
            try database.write(to: URL(fileURLWithPath: ledger))
            FileManager.default.createFile(atPath: ledger + "-wal", contents: Data())
        }
        let before = try Self.files(in: folder)
        let said =
            leftover == "journal"
            ? "\(ledger): a change to the ledger was interrupted (its rollback journal \(ledger)-journal is beside it)"
            : "\(ledger): a write-ahead log (\(ledger)-wal) is beside the ledger"
        for arguments in Self.readers(ledger) {
            let result = try CommandLineTests.run(arguments)
            #expect(result.status == 2, "\(arguments): \(result.stderr)")
            #expect(result.stderr.hasPrefix("trueup: error: \(said)"), "\(arguments): \(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1)
        }
        #expect(try Self.files(in: folder) == before)

        let recovered = try CommandLineTests.run(["ledger", "recover", ledger])
        #expect(recovered.status == 0, "\(recovered.stderr)")
        #expect(recovered.stdout.contains("an unfinished change was rolled back"))
        #expect(!FileManager.default.fileExists(atPath: ledger + "-" + leftover))
        let verified = try CommandLineTests.run(["ledger", "verify", ledger])
        #expect(verified.status == 0, "\(verified.stdout)\(verified.stderr)")
    }
}
