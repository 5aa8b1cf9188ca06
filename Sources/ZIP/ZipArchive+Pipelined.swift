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
        try pullPipelined(entry, depth: depth) { next in
            while let chunk = try next() { try chunk.withUnsafeBytes(consume) }
        }
    }

    /// Inflates `entry` on a second thread while `body` pulls the chunks on this one: `next`
    /// returns the next inflated chunk, nil at the end, and throws what reading the entry threw
    /// (a limit, a damaged stream, a CRC mismatch).
    ///
    /// Chunks `body` leaves unread are drained after it returns, so the size and CRC checks of
    /// `read(_:into:)` always run. As with `readPipelined`, the inflating thread is joined before
    /// this returns or throws.
    public func pullPipelined<Result>(
        _ entry: ZipEntry, depth: Int = 8, _ body: (_ next: () throws -> [UInt8]?) throws -> Result
    ) throws -> Result {
        try pullPipelined(entry, depth: depth, transform: { Array($0) }, body)
    }

    /// Like `pullPipelined(_:depth:_:)`, with each inflated chunk turned by `transform` on the
    /// inflating thread (a check that throws stops the read there: the error comes out of `next`
    /// after the chunks before it).
    public func pullPipelined<Chunk: Sendable, Result>(
        _ entry: ZipEntry, depth: Int = 8, transform: @escaping (UnsafeRawBufferPointer) throws -> Chunk,
        _ body: (_ next: () throws -> Chunk?) throws -> Result
    ) throws -> Result {
        let queue = BoundedQueue<Chunk>(capacity: depth)
        let job = InflateJob(archive: self, entry: entry, queue: queue, transform: transform)
        startThread { job.run() }
        defer {
            queue.cancel()
            job.done.wait()
        }
        let result = try body { try queue.pop() }
        while try queue.pop() != nil {}
        return result
    }
}

/// The inflating side of `pullPipelined`: everything the second thread touches.
private final class InflateJob<Chunk: Sendable>: @unchecked Sendable {
    // @unchecked: `archive` is not thread-safe, nor need `transform` be; `pullPipelined` hands
    // them to this job and waits for `done` before the caller may use them again.
    let archive: ZipArchive
    let entry: ZipEntry
    let queue: BoundedQueue<Chunk>
    let transform: (UnsafeRawBufferPointer) throws -> Chunk
    let done = DispatchSemaphore(value: 0)

    init(
        archive: ZipArchive, entry: ZipEntry, queue: BoundedQueue<Chunk>,
        transform: @escaping (UnsafeRawBufferPointer) throws -> Chunk
    ) {
        self.archive = archive
        self.entry = entry
        self.queue = queue
        self.transform = transform
    }

    func run() {
        do {
            try archive.read(entry) { try queue.push(transform($0)) }
            queue.finish(nil)
        } catch {
            queue.finish(error)
        }
        done.signal()
    }
}
