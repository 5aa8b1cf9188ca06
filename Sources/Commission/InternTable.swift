import Synchronization

/// A key a table interns (`InternTable`), with the bytes of text it holds, which the table's
/// budget counts.
protocol InternedKey: Hashable, Sendable {
    var byteCount: Int { get }
}

/// Every distinct key given in this process, each at an index that never changes, with the entry
/// made from it once: appended under a lock, read without one. Lines hold the index, a number,
/// where they would hold the texts (and a reference to count for each text that is not small).
///
/// An entry is written before the count that covers it is published (a releasing store), and a
/// reader loads the count (acquiring) before it reads an entry below it, so reads never race the
/// writes. The entries live in blocks that never move, reached through a fixed array of block
/// addresses, and are never changed or removed while the table lives (the shared tables live as
/// long as the process). It holds at most `capacity` entries and `textBudget` bytes of text: a
/// process that meets more keys than that (a server that runs for months) holds the others with
/// their lines.
final class InternTable<Key: InternedKey, Entry: Sendable>: @unchecked Sendable {
    private struct Index {
        var known: [Key: UInt32] = [:]
        var byteCount = 0
    }

    static var blockSize: Int { 1 << 10 }

    let capacity: Int
    let textBudget: Int
    private let makeEntry: @Sendable (Key) -> Entry
    private let index = Mutex(Index())
    private let published = Atomic<Int>(0)
    /// A block address per `blockSize` entries of `capacity`, each set once, under the lock.
    private let blocks: UnsafeMutablePointer<UnsafeMutablePointer<Entry>?>

    /// A table for `capacity` entries and `textBudget` bytes of text, whose entry for a key is
    /// `entry(key)`, made once, when the key is added.
    init(capacity: Int, textBudget: Int, entry: @escaping @Sendable (Key) -> Entry) {
        precondition(capacity < Int(UInt32.max), "an index is 32 bits, and UInt32.max is no index")
        self.capacity = capacity
        self.textBudget = textBudget
        makeEntry = entry
        let blockCount = (capacity + Self.blockSize - 1) / Self.blockSize
        blocks = .allocate(capacity: blockCount)
        blocks.initialize(repeating: nil, count: blockCount)
    }

    deinit {
        let count = published.load(ordering: .acquiring)
        for block in stride(from: 0, to: count, by: Self.blockSize) {
            let entries = blocks[block / Self.blockSize]!
            entries.deinitialize(count: min(Self.blockSize, count - block))
            entries.deallocate()
        }
        blocks.deallocate()
    }

    /// The index of `key`, added if new; nil when the table has no room for it.
    func index(of key: Key) -> UInt32? {
        index.withLock { index in
            if let known = index.known[key] { return known }
            let count = index.known.count
            guard count < capacity, index.byteCount + key.byteCount <= textBudget else { return nil }
            let (block, slot) = count.quotientAndRemainder(dividingBy: Self.blockSize)
            if slot == 0 { blocks[block] = .allocate(capacity: Self.blockSize) }
            (blocks[block]! + slot).initialize(to: makeEntry(key))
            published.store(count + 1, ordering: .releasing)
            index.known[key] = UInt32(count)
            index.byteCount += key.byteCount
            return UInt32(count)
        }
    }

    /// The entry at `index`, which `index(of:)` gave; it never moves or changes.
    func entry(at index: UInt32) -> UnsafePointer<Entry> {
        let index = Int(index)
        precondition(index < published.load(ordering: .acquiring), "an index the table did not give")
        return UnsafePointer(blocks[index / Self.blockSize]! + index % Self.blockSize)
    }
}
