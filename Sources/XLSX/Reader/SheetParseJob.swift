import Foundation
import Spreadsheet
import XMLStream
import ZIP

/// One worksheet part parsed on a thread of its own, its rows handed back in batches.
///
/// The caller's thread takes the batches from `queue` and runs its row handler while this
/// thread parses on (and a third inflates, `ZipArchive.pullPipelined`), so whatever the caller
/// does with the rows overlaps with parsing them. At most `depth` batches wait in the queue, so
/// memory stays flat. Errors come out of the caller's last `pop`, already located; rows parsed
/// before an error are delivered first, as when parsing on the caller's thread.
final class SheetParseJob: @unchecked Sendable {
    // @unchecked: `archive` is not thread-safe. The caller hands it over for the parse and does
    // not read from it until `done` is signalled (`XLSXWorkbook.readRows` waits for that).

    struct Batch: Sendable {
        var rows: [Row]
        /// Bytes of the part parsed when the batch was sent, for progress.
        var parsed: Int64
        /// What follows the rows; set on the last batch only.
        var tail: XLSXWorkbook.SheetTail?
    }

    static let rowsPerBatch = 256
    static let depth = 4

    let queue = BoundedQueue<Batch>(capacity: depth)
    let done = DispatchSemaphore(value: 0)
    private let archive: ZipArchive
    private let entry: ZipEntry
    private let sharedStrings: [String]
    private let styles: Styles
    private let dateSystem: DateSystem
    private let location: Location
    private let sheetName: String

    init(
        archive: ZipArchive, entry: ZipEntry, sharedStrings: [String], styles: Styles, dateSystem: DateSystem,
        path: String, sheetName: String
    ) {
        self.archive = archive
        self.entry = entry
        self.sharedStrings = sharedStrings
        self.styles = styles
        self.dateSystem = dateSystem
        location = Location(file: path, sheet: sheetName)
        self.sheetName = sheetName
    }

    func start() {
        startThread { self.run() }
    }

    private func run() {
        defer { done.signal() }
        var rows: [Row] = []
        var parsed: Int64 = 0
        do {
            let parser = WorksheetParser(
                sharedStrings: sharedStrings, styles: styles, dateSystem: dateSystem, file: location.file,
                sheet: sheetName
            ) { row in
                rows.append(row)
                if rows.count == Self.rowsPerBatch {
                    try self.queue.push(Batch(rows: rows, parsed: parsed))
                    rows = []
                    rows.reserveCapacity(Self.rowsPerBatch)
                }
            }
            let xml = XMLPushParser(handler: parser, documentName: entry.name)
            try PackageReader.translatingErrors(location: location, part: entry.name) {
                try archive.pullPipelined(entry) { next in
                    try xml.parse(pulling: {
                        let chunk = try next()
                        parsed += Int64(chunk?.count ?? 0)
                        return chunk
                    })
                }
            }
            let tail = XLSXWorkbook.SheetTail(mergedRanges: parser.mergedRanges)
            try queue.push(Batch(rows: rows, parsed: parsed, tail: tail))
            queue.finish(nil)
        } catch {
            if !(error is BoundedQueue<Batch>.Cancelled) && !rows.isEmpty {
                try? queue.push(Batch(rows: rows, parsed: parsed))
            }
            queue.finish(error)
        }
    }
}
