/// Bytes a SAX handler gathers across callbacks (a cell's value, a shared string's text), in
/// storage it alone owns.
///
/// An `Array` checks its buffer's uniqueness and capacity on every append and is reference
/// counted when read; this is a pointer, a count and a capacity, emptied by setting the count.
/// Two million appends on a 100k-row sheet make the difference worth a type.
struct ScratchBytes: ~Copyable {
    private var start: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int = 64) {
        start = .allocate(capacity: capacity)
        self.capacity = capacity
    }

    deinit { start.deallocate() }

    var isEmpty: Bool { count == 0 }

    /// The bytes gathered, valid until the next change.
    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: start, count: count) }

    mutating func append(_ more: UnsafeBufferPointer<UInt8>) {
        guard let source = more.baseAddress else { return }
        let needed = count + more.count
        if needed > capacity { grow(to: needed) }
        (start + count).initialize(from: source, count: more.count)
        count = needed
    }

    mutating func removeAll() { count = 0 }

    private mutating func grow(to needed: Int) {
        let larger = max(needed, 2 * capacity)
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
        moved.initialize(from: start, count: count)
        start.deallocate()
        start = moved
        capacity = larger
    }
}
