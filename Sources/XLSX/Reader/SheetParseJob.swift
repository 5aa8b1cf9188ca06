import Foundation
import Spreadsheet
import XMLStream
import ZIP

/// One worksheet part parsed on a thread of its own, its raw rows handed back in batches.
///
/// The caller's thread takes the batches from `queue`, reads their values (`RowBuilder`) and runs
/// its row handler while this thread parses on (and a third inflates, `ZipArchive.pullPipelined`),
/// so the XML, the values and whatever the caller does with the rows overlap. At most `depth`
/// batches wait in the queue, so memory stays flat. Errors come out of the caller's last `pop`,
/// already located; the raw rows parsed before an error, and the cells of the row it stopped in,
/// are delivered first, so a bad value before it is reported first, as when parsing on the
/// caller's thread.
final class SheetParseJob: @unchecked Sendable {
    // @unchecked: `archive` is not thread-safe. The caller hands it over for the parse and does
    // not read from it until `done` is signalled (`XLSXWorkbook.readRows` waits for that).

    struct Batch: Sendable {
        var rows: RawRows
        /// Bytes of the part parsed when the batch was sent, for progress.
        var parsed: Int64
        /// What follows the rows; set on the last batch only.
        var tail: XLSXWorkbook.SheetTail?
    }

    static let rowsPerBatch = 256
    /// 8,192 rows: enough for the parse to run on while the caller's thread waits on what it hands
    /// its rows to (with 4, reconcile at 1M left a core idle more often; docs/performance.md session 47).
    static let depth = 32

    let queue = BoundedQueue<Batch>(capacity: depth)
    let done = DispatchSemaphore(value: 0)
    private let archive: ZipArchive
    private let entry: ZipEntry
    private let location: Location
    private let sheetName: String

    init(archive: ZipArchive, entry: ZipEntry, path: String, sheetName: String) {
        self.archive = archive
        self.entry = entry
        location = Location(file: path, sheet: sheetName)
        self.sheetName = sheetName
    }

    func start() {
        startThread { self.run() }
    }

    private func run() {
        defer { done.signal() }
        var parsed: Int64 = 0
        let parser = WorksheetParser(file: location.file, sheet: sheetName) { pending in
            if pending.rows.count == Self.rowsPerBatch {
                try self.queue.push(Batch(rows: pending, parsed: parsed))
                pending = RawRows(capacityOf: pending)
            }
        }
        do {
            let xml = XMLPushParser(handler: parser, documentName: entry.name)
            try PackageReader.translatingErrors(location: location, part: entry.name) {
                // The attribute limit is checked on the inflating thread, the parse thread's spare.
                var check = AttributeCheck()
                try archive.pullPipelined(entry, transform: { try check.checked($0) }) { next in
                    try xml.parse(pullingChecked: {
                        let chunk = try next()
                        parsed += Int64(chunk?.bytes.count ?? 0)
                        return chunk
                    })
                }
            }
            let tail = XLSXWorkbook.SheetTail(mergedRanges: parser.mergedRanges, hiddenRows: parser.hiddenRows)
            try queue.push(Batch(rows: parser.pending, parsed: parsed, tail: tail))
            queue.finish(nil)
        } catch {
            if !(error is BoundedQueue<Batch>.Cancelled) && !parser.pending.cells.isEmpty {
                try? queue.push(Batch(rows: parser.pending, parsed: parsed))
            }
            queue.finish(error)
        }
    }
}
