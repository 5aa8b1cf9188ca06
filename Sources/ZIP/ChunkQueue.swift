import Foundation

/// A bounded, blocking queue of byte chunks between one producer and one consumer.
final class ChunkQueue: @unchecked Sendable {
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
