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
            let entry: LabelEntry

            init(_ entry: LabelEntry) { self.entry = entry }
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
        static func held(_ texts: LabelTexts) -> Labels { Labels(.held(Held(LabelEntry(texts)))) }

        /// The labels at the table index `interned` gave, for a line read back from a spool this
        /// process wrote. Traps on an index the table has not given.
        package init(interned index: UInt32) {
            _ = LabelTable.shared.entry(at: index)
            self.init(.interned(index))
        }

        /// The labels at `tableIndex`, an index the process's table gave (`interned`).
        init(tableIndex: UInt32) { self.init(.interned(tableIndex)) }

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

extension LabelTexts: InternedKey {}

/// Every distinct product, type and status triple lines were given in this process, each at an
/// index that never changes, with the texts' compared forms (`InternTable`).
typealias LabelTable = InternTable<LabelTexts, LabelEntry>

/// Product, type and status texts and their compared forms, as their table holds them.
struct LabelEntry: Sendable {
    let texts: LabelTexts
    let keys: MatchKeys

    init(_ texts: LabelTexts) {
        self.texts = texts
        keys = MatchKeys(
            product: texts.product?.normalizedKey, type: texts.type?.normalizedKey,
            status: texts.status?.normalizedKey)
    }
}

/// The table lines' labels index.
private let sharedLabelTable = LabelTable(capacity: 1 << 16, textBudget: 8 << 20)

extension InternTable where Key == LabelTexts, Entry == LabelEntry {
    static var shared: LabelTable { sharedLabelTable }

    convenience init(capacity: Int, textBudget: Int) {
        self.init(capacity: capacity, textBudget: textBudget, entry: LabelEntry.init)
    }
}
