import Synchronization

extension CreditLine {
    /// A line's product, type and status in one word: the index of the three texts in a table
    /// the whole process shares (`LabelTable`), so that copying a line copies a number, with no
    /// reference to count. Lines with the same texts share an index. Texts the table has no room
    /// for are held in an object of their own.
    package struct Labels: Sendable, Hashable {
        private enum Storage: Sendable {
            case interned(UInt32)
            case held(Held)
        }

        private final class Held: Sendable {
            let entry: LabelTable.Entry

            init(_ entry: LabelTable.Entry) { self.entry = entry }
        }

        private let storage: Storage

        private init(_ storage: Storage) { self.storage = storage }

        /// The labels, nil when all three texts are: a line without labels holds none.
        package static func of(product: String?, type: String?, status: String?) -> Labels? {
            guard product != nil || type != nil || status != nil else { return nil }
            let texts = LabelTexts(product: product, type: type, status: status)
            if let index = LabelTable.shared.index(of: texts) { return Labels(.interned(index)) }
            return held(texts)
        }

        /// The labels held apart from the table, as `of` gives them once the table is full.
        static func held(_ texts: LabelTexts) -> Labels { Labels(.held(Held(LabelTable.Entry(texts)))) }

        /// The labels at the table index `interned` gave, for a line read back from a spool this
        /// process wrote. Traps on an index the table has not given.
        package init(interned index: UInt32) {
            _ = LabelTable.shared.entry(at: index)
            self.init(.interned(index))
        }

        /// The index in the process's table (for writing the labels as a number), nil when the
        /// labels are held apart.
        package var interned: UInt32? {
            if case .interned(let index) = storage { index } else { nil }
        }

        package var texts: LabelTexts {
            switch storage {
            case .interned(let index): LabelTable.shared.entry(at: index).pointee.texts
            case .held(let held): held.entry.texts
            }
        }

        // Each text read on its own from where it is held, without copying the other two.
        package var product: String? {
            switch storage {
            case .interned(let index): LabelTable.shared.entry(at: index).pointee.texts.product
            case .held(let held): held.entry.texts.product
            }
        }

        package var type: String? {
            switch storage {
            case .interned(let index): LabelTable.shared.entry(at: index).pointee.texts.type
            case .held(let held): held.entry.texts.type
            }
        }

        package var status: String? {
            switch storage {
            case .interned(let index): LabelTable.shared.entry(at: index).pointee.texts.status
            case .held(let held): held.entry.texts.status
            }
        }

        /// The three texts in compared form (`String.normalizedKey`), worked out once per entry.
        var keys: MatchKeys {
            switch storage {
            case .interned(let index): LabelTable.shared.entry(at: index).pointee.keys
            case .held(let held): held.entry.keys
            }
        }

        /// The status in compared form (`String.normalizedKey`).
        package var statusKey: String? { keys.status }

        package static func == (a: Labels, b: Labels) -> Bool {
            if let first = a.interned, let second = b.interned { return first == second }
            return a.texts == b.texts
        }

        package func hash(into hasher: inout Hasher) { hasher.combine(texts) }
    }
}

/// A line's product, type and status as texts.
package struct LabelTexts: Sendable, Hashable {
    package let product: String?
    package let type: String?
    package let status: String?

    package init(product: String?, type: String?, status: String?) {
        self.product = product
        self.type = type
        self.status = status
    }

    /// The UTF-8 bytes of the three.
    var byteCount: Int { (product?.utf8.count ?? 0) + (type?.utf8.count ?? 0) + (status?.utf8.count ?? 0) }
}

/// Every distinct product, type and status triple lines were given in this process, each at an
/// index that never changes: appended under a lock, read without one.
///
/// An entry is written before the count that covers it is published (a releasing store), and a
/// reader loads the count (acquiring) before it reads an entry below it, so reads never race the
/// writes. The entries live in blocks that never move, reached through a fixed array of block
/// addresses, and are never changed or removed while the table lives (`shared` lives as long as
/// the process). It holds at most `capacity` entries and `textBudget` bytes of text: a process
/// that meets more labels than that (a server that runs for months) holds the others with their
/// lines.
final class LabelTable: @unchecked Sendable {
    /// The texts and their compared forms.
    struct Entry: Sendable {
        let texts: LabelTexts
        let keys: MatchKeys

        init(_ texts: LabelTexts) {
            self.texts = texts
            keys = MatchKeys(
                product: texts.product?.normalizedKey, type: texts.type?.normalizedKey,
                status: texts.status?.normalizedKey)
        }
    }

    private struct Index {
        var known: [LabelTexts: UInt32] = [:]
        var byteCount = 0
    }

    static let shared = LabelTable(capacity: 1 << 16, textBudget: 8 << 20)
    static let blockSize = 1 << 10

    let capacity: Int
    let textBudget: Int
    private let index = Mutex(Index())
    private let published = Atomic<Int>(0)
    /// A block address per `blockSize` entries of `capacity`, each set once, under the lock.
    private let blocks: UnsafeMutablePointer<UnsafeMutablePointer<Entry>?>

    /// A table for `capacity` entries and `textBudget` bytes of text (the process shares
    /// `shared`, which lines' labels index).
    init(capacity: Int, textBudget: Int) {
        self.capacity = capacity
        self.textBudget = textBudget
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

    /// The index of `texts`, added if new; nil when the table has no room for them.
    func index(of texts: LabelTexts) -> UInt32? {
        index.withLock { index in
            if let known = index.known[texts] { return known }
            let count = index.known.count
            guard count < capacity, index.byteCount + texts.byteCount <= textBudget else { return nil }
            let (block, slot) = count.quotientAndRemainder(dividingBy: Self.blockSize)
            if slot == 0 { blocks[block] = .allocate(capacity: Self.blockSize) }
            (blocks[block]! + slot).initialize(to: Entry(texts))
            published.store(count + 1, ordering: .releasing)
            index.known[texts] = UInt32(count)
            index.byteCount += texts.byteCount
            return UInt32(count)
        }
    }

    /// The entry at `index`, which `index(of:)` gave; it never moves or changes.
    func entry(at index: UInt32) -> UnsafePointer<Entry> {
        let index = Int(index)
        precondition(index < published.load(ordering: .acquiring), "a label index the table did not give")
        return UnsafePointer(blocks[index / Self.blockSize]! + index % Self.blockSize)
    }
}
