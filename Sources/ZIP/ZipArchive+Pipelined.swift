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

/// A bounded, blocking queue of byte chunks between one producer and one consumer.
private final class ChunkQueue: @unchecked Sendable {
    private let condition = NSCondition()
    private let capacity: Int
    private var chunks: [[UInt8]] = []
    private var head = 0
    private var finished = false
    private var failure: (any Error)?
    private var cancelled = false

    struct Cancelled: Error {}

    init(capacity: Int) { self.capacity = max(1, capacity) }

    func push(_ chunk: [UInt8]) throws {
        condition.lock()
        defer { condition.unlock() }
        while chunks.count - head >= capacity && !cancelled { condition.wait() }
        if cancelled { throw Cancelled() }
        chunks.append(chunk)
        condition.signal()
    }

    func pop() throws -> [UInt8]? {
        condition.lock()
        defer { condition.unlock() }
        while chunks.count == head && !finished { condition.wait() }
        if chunks.count > head {
            let chunk = chunks[head]
            head += 1
            if head > 64 {
                chunks.removeFirst(head)
                head = 0
            }
            condition.signal()
            return chunk
        }
        if let failure { throw failure }
        return nil
    }

    func finish(_ error: (any Error)?) {
        condition.lock()
        finished = true
        if !(error is Cancelled) { failure = error }
        condition.broadcast()
        condition.unlock()
    }

    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }
}
