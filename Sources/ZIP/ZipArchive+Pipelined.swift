import Foundation

extension ZipArchive {
    /// Like `read(_:into:)`, but inflates on a second thread while `consume` works on this one.
    ///
    /// Inflate and CRC then overlap with parsing, on the second core. At most `depth` chunks wait
    /// between the threads, so memory stays flat. The inflating thread is joined before this
    /// returns or throws, so the archive is never used by two threads once the call is over.
    public func readPipelined(
        _ entry: ZipEntry, depth: Int = 8, into consume: (UnsafeRawBufferPointer) throws -> Void
    ) throws {
        let queue = ChunkQueue(capacity: depth)
        let job = InflateJob(archive: self, entry: entry, queue: queue)
        let thread = Thread { job.run() }
        thread.stackSize = 1 << 20
        thread.start()
        defer {
            queue.cancel()
            job.done.wait()
        }
        while let chunk = try queue.pop() {
            try chunk.withUnsafeBytes(consume)
        }
    }
}

/// The inflating side of `readPipelined`: everything the second thread touches.
private final class InflateJob: @unchecked Sendable {
    let archive: ZipArchive
    let entry: ZipEntry
    let queue: ChunkQueue
    let done = DispatchSemaphore(value: 0)

    init(archive: ZipArchive, entry: ZipEntry, queue: ChunkQueue) {
        self.archive = archive
        self.entry = entry
        self.queue = queue
    }

    func run() {
        do {
            try archive.read(entry) { try queue.push(Array($0)) }
            queue.finish(nil)
        } catch {
            queue.finish(error)
        }
        done.signal()
    }
}
