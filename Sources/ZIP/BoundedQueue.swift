import Foundation

/// A bounded, blocking queue between one producing thread and one consuming thread.
///
/// `push` waits while `capacity` elements are waiting, so memory stays flat however far the
/// producer runs ahead. The producer ends with `finish` (an error, if any, comes out of the
/// consumer's last `pop`); a consumer that stops early calls `cancel`, which makes the
/// producer's next `push` throw `Cancelled`. Shared by the package's readers and writers that
/// overlap two stages on the machine's two cores.
package final class BoundedQueue<Element: Sendable>: @unchecked Sendable {
    // @unchecked: every stored property is read and written with `condition` locked.
    private let condition = NSCondition()
    private let capacity: Int
    /// Waiting elements from `head` on; a taken slot is emptied at once, so the consumer alone
    /// owns what it popped (a batch of rows is freed as soon as the consumer drops it).
    private var elements: [Element?] = []
    private var head = 0
    private var finished = false
    private var failure: (any Error)?
    private var cancelled = false

    /// Thrown by `push` once the consumer has cancelled.
    package struct Cancelled: Error {}

    package init(capacity: Int) { self.capacity = max(1, capacity) }

    package func push(_ element: Element) throws {
        condition.lock()
        defer { condition.unlock() }
        while elements.count - head >= capacity && !cancelled { condition.wait() }
        if cancelled { throw Cancelled() }
        elements.append(element)
        condition.signal()
    }

    /// The next element, or nil once the producer has finished and all were taken; rethrows the
    /// producer's failure at that point.
    package func pop() throws -> Element? {
        condition.lock()
        defer { condition.unlock() }
        while elements.count == head && !finished { condition.wait() }
        if elements.count > head {
            let element = elements[head]
            elements[head] = nil
            head += 1
            if head > 64 {
                elements.removeFirst(head)
                head = 0
            }
            condition.signal()
            return element
        }
        if let failure { throw failure }
        return nil
    }

    package func finish(_ error: (any Error)?) {
        condition.lock()
        finished = true
        if !(error is Cancelled) { failure = error }
        condition.broadcast()
        condition.unlock()
    }

    package func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }
}

/// Runs `body` on a new thread with a 1 MiB stack (the stages that feed or drain a
/// `BoundedQueue` need little), returning at once.
package func startThread(_ body: @escaping @Sendable () -> Void) {
    let thread = Thread(block: body)
    thread.stackSize = 1 << 20
    thread.start()
}
