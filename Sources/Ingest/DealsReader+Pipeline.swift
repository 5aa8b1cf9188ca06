import Commission
import Foundation
import Spreadsheet

extension DealsReader {
    /// Turns batches of rows into lines and hands them on, on a thread of its own and in the order
    /// the batches came, while the caller reads the next rows: reading the file and converting
    /// its rows overlap on the cores. At most four batches wait, so memory stays flat: with two, the
    /// reading thread waited on the converter often enough to leave a core idle (reconcile at 1M
    /// ~5% slower, docs/performance.md session 47).
    final class BatchConverter: @unchecked Sendable {
        // @unchecked: `converted`, `parts` and `receive` are used only by the jobs on `queue`, one after
        // another, and by the caller after `finish` has waited for them; `failure` under `lock`.
        private let queue = DispatchQueue(label: "trueup.deals.convert")
        private let room = DispatchSemaphore(value: 4)
        private let lock = NSLock()
        private let mapping: ColumnMapping<Field>
        private let manualCells: ManualCells.Keeping
        private let receive: (([CreditLine]) throws -> Void)?
        private var converted: DealsTable
        /// Each batch's table, joined into `converted` at the end at its final size: a table grown
        /// batch by batch would hold up to twice its lines in spare capacity.
        private var parts: [DealsTable] = []
        /// Each batch's total rows, joined at the end at their final size too: grown batch by
        /// batch, a sheet with a subtotal every 30 rows of ten million held 333,333 of them in
        /// room for twice as many (~120 MB more).
        private var totalBatches: [[TotalRow]] = []
        private var failure: (any Error)?

        /// Converts under `mapping` what `read` would, into a table for `file`; `receive`, when
        /// given, gets the lines of each batch and the table keeps none.
        init(
            mapping: ColumnMapping<Field>, file: String, manualCells: ManualCells.Keeping,
            receive: (([CreditLine]) throws -> Void)?
        ) {
            self.mapping = mapping
            self.manualCells = manualCells
            self.receive = receive
            converted = DealsTable(lines: [], diagnostics: [], rowsRead: 0, mapping: mapping, file: file, sheet: nil)
        }

        /// Queues `batch` to be converted with `styles` after the batches before it, waiting while
        /// two are queued. Throws what converting or handing on an earlier batch threw.
        func add(_ batch: [(Row, RowPlace)], styles: ColumnStyles) throws {
            room.wait()
            if let failure = failed() {
                room.signal()
                throw failure
            }
            queue.async {
                defer { self.room.signal() }
                guard self.failed() == nil else { return }
                let parts = convert(
                    batch, mapping: self.mapping, styles: styles, manualCells: self.manualCells,
                    file: self.converted.file)
                do {
                    for var part in parts {
                        try handOn(&part, to: self.receive)
                        self.keep(part)
                    }
                } catch {
                    self.lock.withLock { self.failure = error }
                }
            }
        }

        /// Gives the table room for `rows` lines (and their manual cells), so that each batch is
        /// copied into it as it is converted and let go: joined at the end instead, the batches and
        /// the joined table would hold every line twice for a moment. The batches converted before
        /// go into the room first. Room never touched is address space, not memory. Past the room,
        /// the batches are joined at the end.
        func reserve(rows: Int) {
            queue.async {
                self.converted.lines.reserveCapacity(rows)
                if self.manualCells != .nothing { self.converted.manual.reserveCapacity(rows) }
                self.converted.append(joining: &self.parts)
            }
        }

        /// Adds a converted batch: copied into the room reserved when all of it fits and no batch
        /// waits to be joined, else kept to be joined at the end.
        private func keep(_ part: DealsTable) {
            var part = part
            if !part.totals.isEmpty {
                totalBatches.append(part.totals)
                part.totals = []
            }
            let fits =
                parts.isEmpty && converted.lines.capacity - converted.lines.count >= part.lines.count
                && converted.manual.capacity - converted.manual.count >= part.manual.count
            if fits { converted.append(part) } else { parts.append(part) }
        }

        /// What the batches read (the lines too, unless handed on), once every one is converted;
        /// throws what converting or handing on one of them threw.
        func finish() throws -> DealsTable {
            try drain()
            converted.totals.reserveCapacity(converted.totals.count + totalBatches.reduce(0) { $0 + $1.count })
            for index in totalBatches.indices {
                converted.totals += totalBatches[index]
                totalBatches[index] = []
            }
            totalBatches = []
            converted.append(joining: &parts)
            return converted
        }

        /// Waits for every queued batch; throws what converting or handing on one of them threw.
        func drain() throws {
            queue.sync {}
            if let failure = failed() { throw failure }
        }

        private func failed() -> (any Error)? { lock.withLock { failure } }
    }
}
