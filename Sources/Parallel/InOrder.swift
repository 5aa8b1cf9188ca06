import Foundation

/// Runs `work` for each of `count` items on `workers` background threads and hands the results
/// to `consume` on the calling thread, in item order, each as soon as it and those before it are
/// done: for independent items whose results must be used in order (windows of reps computed on
/// every core while the calling thread writes the ones before them).
///
/// At most `ahead` items are begun past the one being consumed, so about `ahead` results are held
/// at once. The results are the same whatever the scheduling. When `consume` throws, no further
/// item is begun, those under way finish, and the error is rethrown once every worker has stopped.
public func inOrder<Value>(
    count: Int, workers: Int = ProcessInfo.processInfo.activeProcessorCount,
    ahead: Int = ProcessInfo.processInfo.activeProcessorCount * 2,
    _ work: @escaping @Sendable (Int) -> Value, consume: (Int, Value) throws -> Void
) rethrows {
    guard count > 0 else { return }
    let line = OrderedResults<Value>(count: count, ahead: max(1, ahead))
    let group = DispatchGroup()
    for _ in 0..<max(1, min(workers, count)) {
        DispatchQueue.global().async(group: group) {
            while let item = line.nextItem() { line.store(item, work(item)) }
        }
    }
    defer {
        line.stop()
        group.wait()
    }
    for item in 0..<count { try consume(item, line.take(item)) }
}

/// The results of `inOrder`'s items, each stored by the worker that computed it and taken once by
/// the consuming thread.
private final class OrderedResults<Value>: @unchecked Sendable {
    // @unchecked: every stored property is read and written with `condition` locked.
    private let condition = NSCondition()
    private var slots: [Value?]
    private let ahead: Int
    /// The next item to begin, and how many have been taken.
    private var next = 0
    private var taken = 0
    private var stopped = false

    init(count: Int, ahead: Int) {
        slots = [Value?](repeating: nil, count: count)
        self.ahead = ahead
    }

    /// The item a worker begins next, waiting while `ahead` are begun and not taken; nil when
    /// every item is begun or the consumer stopped.
    func nextItem() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        while !stopped && next < slots.count && next - taken >= ahead { condition.wait() }
        guard !stopped && next < slots.count else { return nil }
        next += 1
        return next - 1
    }

    func store(_ item: Int, _ value: Value) {
        condition.lock()
        slots[item] = value
        condition.broadcast()
        condition.unlock()
    }

    /// Item `item`'s result, waiting until it is stored; the slot is emptied.
    func take(_ item: Int) -> Value {
        condition.lock()
        defer { condition.unlock() }
        while slots[item] == nil { condition.wait() }
        let value = slots[item].take()!
        taken = item + 1
        condition.broadcast()
        return value
    }

    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }
}

/// A value computed on another thread while the caller goes on with other work.
public final class Background<Value>: @unchecked Sendable {
    // @unchecked: `outcome` is written once, before `done` is signalled, and read only after.
    private let done = DispatchSemaphore(value: 0)
    private var outcome: Result<Value, any Error>?

    /// Begins `work` at once on another thread.
    public init(_ work: @escaping @Sendable () throws -> Value) {
        DispatchQueue.global().async {
            self.outcome = Result { try work() }
            self.done.signal()
        }
    }

    /// The value, or the error `work` threw, once it has finished (waiting for it).
    public func result() throws -> Value {
        done.wait()
        done.signal()
        return try outcome!.get()
    }
}
