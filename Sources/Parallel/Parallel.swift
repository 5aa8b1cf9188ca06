import Foundation

/// Runs `work` for each of `count` chunks on all cores and returns the results in chunk order.
///
/// The results are the same whatever the scheduling: each chunk's value lands in its own slot
/// and the slots are read only after every chunk has finished. `work` must not share mutable
/// state between chunks.
public func inParallel<Value>(chunks count: Int, _ work: @Sendable (Int) -> Value) -> [Value] {
    guard count > 1 else { return count == 1 ? [work(0)] : [] }
    let slots = Slots<Value>(count: count)
    DispatchQueue.concurrentPerform(iterations: count) { chunk in slots.store(chunk, work(chunk)) }
    return (0..<count).map { slots.take($0) }
}

/// How many chunks to split `items` into: one per core (times `perCore`) once there are at
/// least `minimum` items, else one.
public func chunkCount(items: Int, minimum: Int, perCore: Int = 1) -> Int {
    items >= minimum ? max(1, ProcessInfo.processInfo.activeProcessorCount * perCore) : 1
}

/// The `chunk`-th of `count` near-equal ranges over `0..<total`.
public func chunkRange(_ chunk: Int, of count: Int, total: Int) -> Range<Int> {
    let size = (total + count - 1) / max(count, 1)
    return min(total, chunk * size)..<min(total, (chunk + 1) * size)
}

/// Consecutive windows over `0..<count`, each closed as soon as the sizes of its items add up
/// to `limit` or more (so an item larger than `limit` stands alone and a window is never empty);
/// the last window holds what is left. For working through items a bounded amount at a time.
public func windows(over count: Int, holding limit: Int, size: (Int) -> Int) -> [Range<Int>] {
    var windows: [Range<Int>] = []
    var start = 0
    var held = 0
    for item in 0..<count {
        held += size(item)
        if held >= limit {
            windows.append(start..<item + 1)
            (start, held) = (item + 1, 0)
        }
    }
    if start < count { windows.append(start..<count) }
    return windows
}

/// One slot per chunk, each written by exactly one worker, read after all have finished.
private final class Slots<Value>: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<Value?>

    init(count: Int) {
        storage = .allocate(capacity: count)
        storage.initialize(repeating: nil)
    }

    deinit {
        storage.deinitialize()
        storage.deallocate()
    }

    func store(_ index: Int, _ value: Value) { storage[index] = value }

    func take(_ index: Int) -> Value {
        defer { storage[index] = nil }
        return storage[index]!
    }
}
