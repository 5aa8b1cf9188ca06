import Commission
import Foundation
import TestSupport
import Testing

@testable import Ingest

/// Deals read in batches (converted on another thread while the next rows are read) come out as
/// the whole table does: the same lines in row order, the same unreadable rows and totals; and a
/// receiver that fails stops the reading with its own error.
@Suite struct DealsInBatchesTests {
    /// A CSV file of `rows` deal rows (several batches), with an unreadable amount and a
    /// total row here and there.
    static func dealsFile(rows: Int) throws -> URL {
        var text = "Deal ID,Rep,Close Date,Amount,Split\n"
        for row in 0..<rows {
            if row % 9_000 == 4_321 {
                text += "Total,,,\(row),\n"
            } else {
                let amount = row % 7_919 == 100 ? "n/a" : "\(row % 5_000).\(row % 100)"
                let date = "2026-\(Self.twoDigits(row % 12 + 1))-\(Self.twoDigits(row % 28 + 1))"
                text += "D\(row / 2),R\(row % 37),\(date),\(amount),50%\n"
            }
        }
        let folder = Scratch.folder.appendingPathComponent("trueup-batches-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("deals.csv")
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    static func twoDigits(_ number: Int) -> String { number < 10 ? "0\(number)" : "\(number)" }

    /// A batch's table is kept to the end of the read (its counts and diagnostics): the lines it
    /// hands on must leave no room behind, or ten million streamed lines are held as room (1.8 GB).
    @Test func linesHandedOnLeaveNoRoomBehind() throws {
        let mapping = ColumnMapping<Field>(headerRow: 1, columns: [.dealID: 0], headers: [.dealID: "Deal ID"])
        var part = DealsTable(lines: [], diagnostics: [], rowsRead: 0, mapping: mapping, file: "deals.csv", sheet: nil)
        part.lines = (0..<8_192).map {
            CreditLine(
                row: $0 + 2, dealID: "D\($0)", rep: "R1", date: LocalDate(year: 2026, month: 1, day: 5)!,
                amount: 100)
        }
        var received = 0
        try DealsReader.handOn(&part, to: { received += $0.count })
        #expect(received == 8_192)
        #expect(part.lines.isEmpty)
        #expect(part.lines.capacity == 0)
    }

    /// The lines kept (not handed on) go into room sized from the first batch's share of the file,
    /// and the batches past the room are joined at the end: every row comes out once, in order,
    /// with its cells. (A CSV file's reader counts a whole 1 MiB chunk read before its rows are
    /// taken, so for these small files the room runs out in both cases and the join is what is
    /// checked; the room itself is measured on the 1M workbook, docs/performance.md.)
    @Test(arguments: [false, true]) func linesKeptFillTheirRoomThenJoinTheRest(longFirstRows: Bool) throws {
        var text = "Deal ID,Rep,Close Date,Amount,Split,Commission\n"
        for row in 0..<40_000 {
            let id = longFirstRows && row < 9_000 ? "D\(row)-" + String(repeating: "x", count: 400) : "D\(row)"
            text += "\(id),R\(row % 37),2026-0\(row % 9 + 1)-15,\(row % 5_000).5,1,\(row % 400)\n"
        }
        let folder = Scratch.folder.appendingPathComponent("trueup-room-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("deals.csv")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let table = try DealsReader.read(TableFile.open(file.path), manualCells: .values)
        #expect(table.lines.count == 40_000)
        #expect(table.manual.count == 40_000)
        #expect(table.lines.map(\.row) == Array(2...40_001))
        #expect(table.manual.map(\.row) == Array(2...40_001))
        #expect(table.lines[9_500].dealID == "D9500")
        #expect(table.lines[5].dealID.hasPrefix(longFirstRows ? "D5-x" : "D5"))
        #expect(table.manual[123].commission?.value == .text("123"))
        #expect(table.rowsRead == 40_000)
    }

    @Test func theRoomIsTheFirstBatchsShareAndATenthMore() {
        #expect(DealsReader.expectedRows(8_192, of: (1_000, 10_000)) == 8_192 * 11 + 8_192)
        #expect(DealsReader.expectedRows(8_192, of: (0, 10_000)) == nil)
        #expect(DealsReader.expectedRows(8_192, of: (10, 1 << 40)) == 2_097_152)
    }

    @Test func linesHandedOnInBatchesAreTheWholeTablesLines() throws {
        let file = try Self.dealsFile(rows: 40_000)
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let whole = try DealsReader.read(TableFile.open(file.path))
        var batches: [[CreditLine]] = []
        let streamed = try DealsReader.read(TableFile.open(file.path), passingLinesTo: { batches.append($0) })
        #expect(batches.count >= 3)
        #expect(Array(batches.joined()) == whole.lines)
        #expect(streamed.lines.isEmpty)
        // 40,000 rows less 4 total rows and 6 unreadable amounts, in row order.
        #expect(whole.lines.count == 39_990)
        #expect(zip(whole.lines, whole.lines.dropFirst()).allSatisfy { $0.row < $1.row })
        #expect(streamed.textNumbers == whole.textNumbers)
        #expect(streamed.skipped == whole.skipped)
        #expect(streamed.skipped.count == 6)
        #expect(streamed.diagnostics.map(\.description) == whole.diagnostics.map(\.description))
        #expect(streamed.totals == whole.totals)
        #expect(streamed.totals.count == 4)
        #expect(streamed.rowsRead == whole.rowsRead)
    }

    /// A table's batches start small and double up to the full size, so that a small table (a tab
    /// per rep) is converted while it is read: the first holds `firstBatchSize` rows but the one
    /// kept back (it may be continued by the row under it), each next twice as many.
    @Test func batchesGrowFromTheFirstSizeToTheFull() throws {
        var text = "Deal ID,Rep,Close Date,Amount\n"
        for row in 0..<30_000 { text += "D\(row),R\(row % 7),2026-03-15,\(row % 900).25\n" }
        let folder = Scratch.folder.appendingPathComponent("trueup-growth-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("deals.csv")
        try text.write(to: file, atomically: true, encoding: .utf8)
        // Each batch is handed on in parts (a part a core), so its end is where the parts' sum
        // reaches it.
        var ends: [Int] = []
        _ = try DealsReader.read(
            TableFile.open(file.path), passingLinesTo: { ends.append((ends.last ?? 0) + $0.count) })
        let first = DealsReader.firstBatchSize
        let full = DealsReader.batchSize
        var batchEnds: [Int] = []
        var size = first
        while (batchEnds.last ?? 0) + size - 1 < 30_000 {
            batchEnds.append((batchEnds.last ?? 0) + size - 1)
            size = min(2 * size, full)
        }
        #expect(batchEnds.prefix(5) == [1_023, 3_070, 7_165, 15_356, 23_547])
        #expect(batchEnds.allSatisfy(ends.contains), "\(ends)")
        #expect(ends.first! <= first - 1)
        #expect(ends.last == 30_000)
    }

    struct Full: Error {}

    @Test func aReceiverThatFailsStopsTheReadingWithItsError() throws {
        let file = try Self.dealsFile(rows: 60_000)
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        var calls = 0
        #expect(throws: Full.self) {
            try DealsReader.read(
                TableFile.open(file.path),
                passingLinesTo: { _ in
                    calls += 1
                    if calls == 2 { throw Full() }
                })
        }
        #expect(calls == 2)
    }
}
