/// Finds the first position of each key in a long sequence without holding the keys: an
/// open-addressed table of positions, 8 bytes a slot (about 16 bytes a key where a `[Key: Int]`
/// holds the whole key, and a `[Int: Int32]` of hashes ~25).
///
/// Positions are asked in increasing order; `first(of:at:keyAt:)` recomputes the key of an
/// earlier position (`keyAt`) only when the top half of its hash matches, to tell a repeat from
/// a collision. The table holds hashes and positions only, so it has no key type of its own: a
/// caller gives every position's key the same way (a whole key, or a hash and an equality).
public struct FirstPositions {
    /// Linear probing from the slot the hash's top bits name; each slot holds the top 32 bits of
    /// its key's hash (the tag) above the key's first position plus one, 0 when empty. The tag
    /// holds every bit that names a slot, so the table grows without asking for a key again.
    private var slots: [UInt64]
    /// log2 of the slot count.
    private var bits: Int
    private var used = 0

    /// `capacity`: how many distinct keys to expect.
    public init(capacity: Int) {
        var bits = 4
        while Self.room(bits: bits) < capacity { bits += 1 }
        self.bits = bits
        slots = [UInt64](repeating: 0, count: 1 << bits)
    }

    /// The keys a table of `1 << bits` slots holds before it grows: three quarters.
    private static func room(bits: Int) -> Int { (1 << bits) - (1 << bits) / 4 }

    /// The first position before `position` that had a key equal to `key`; nil when there is
    /// none, and `position` is then recorded as `key`'s first. `keyAt` gives the key of an
    /// earlier position. Positions must fit in 32 bits.
    public mutating func first<Key: Hashable>(of key: Key, at position: Int, keyAt: (Int) -> Key) -> Int? {
        first(ofHash: key.hashValue, at: position) { keyAt($0) == key }
    }

    /// As `first(of:at:keyAt:)` for a key given by its hash (equal keys must hash alike) and
    /// `isEqual`, which tells whether an earlier position's key is this one: for keys whose hash
    /// is cheaper to work out than the key itself.
    public mutating func first(ofHash hash: Int, at position: Int, isEqual: (Int) -> Bool) -> Int? {
        probe(tag: Self.tag(of: hash), at: position, entry: 0, isEqual: isEqual)
    }

    /// `first(ofHash:at:isEqual:)` for each position of `positions` in turn, its hash given by
    /// `hash` (nil: the position is neither asked nor recorded); `found` hears each position whose
    /// key an earlier position had, with the first such position. `isEqual` tells whether the key
    /// of an earlier position (its first argument) is that of the position asked (its second).
    ///
    /// The same answers, in the same order, as asking one position at a time, sooner in a table
    /// larger than the processor's caches: there each probe's first slot comes from memory, and a
    /// probe asked alone waits for it before the next begins. Here the positions are taken a
    /// group at a time, and the group's first slots are read before any of its probes: reads that
    /// wait on nothing are made together.
    public mutating func firsts(
        in positions: Range<Int>, hash: (Int) -> Int?, isEqual: (_ earlier: Int, _ position: Int) -> Bool,
        found: (_ position: Int, _ first: Int) -> Void
    ) {
        withUnsafeTemporaryAllocation(of: (position: Int, tag: UInt64, entry: UInt64).self, capacity: Self.group) {
            group in
            var next = positions.lowerBound
            while next < positions.upperBound {
                var count = 0
                while count < Self.group, next < positions.upperBound {
                    if let hash = hash(next) {
                        group[count] = (next, Self.tag(of: hash), 0)
                        count += 1
                    }
                    next += 1
                }
                let bitsRead = bits
                for index in 0..<count { group[index].entry = slots[Int(group[index].tag >> (32 - bits))] }
                for index in 0..<count {
                    let position = group[index].position
                    // A slot once filled keeps its entry until the table grows; an empty one may
                    // have been filled by an earlier probe of the group, and is read again.
                    let entry = bits == bitsRead ? group[index].entry : 0
                    let first = probe(tag: group[index].tag, at: position, entry: entry) { isEqual($0, position) }
                    if let first { found(position, first) }
                }
            }
        }
    }

    /// `firsts(in:hash:isEqual:found:)` in a table of its own: the same answers, in the same order.
    ///
    /// From `filteringFrom` positions on, the table holds only the positions whose hash shares
    /// its top bits with another position's: `hash` is asked for every position twice, first to
    /// mark which of those bits' values are met more than once (two bits for each of 8 to 16
    /// values a position), then to ask and record only the positions of such values. A position
    /// alone in its value has no earlier equal and is no later one's first. Ten million distinct
    /// keys then take ~32 MB of marks and a table for the ~7% that share, where a table for all
    /// of them takes 128 MB.
    public static func firsts(
        in positions: Range<Int>, filteringFrom threshold: Int = 1 << 21, hash: (Int) -> Int?,
        isEqual: (_ earlier: Int, _ position: Int) -> Bool, found: (_ position: Int, _ first: Int) -> Void
    ) {
        guard positions.count >= threshold else {
            var table = FirstPositions(capacity: positions.count)
            table.firsts(in: positions, hash: hash, isEqual: isEqual, found: found)
            return
        }
        var valueBits = 1
        while 1 << valueBits < positions.count * 8 { valueBits += 1 }
        let shift = 64 - valueBits
        let shared = SharedValues(positions, valueBits: valueBits) { hash($0).map { UInt(bitPattern: $0) >> shift } }
        var table = FirstPositions(capacity: positions.count / 16)
        table.firsts(in: positions) { position in
            guard let hash = hash(position), shared.contains(UInt(bitPattern: hash) >> shift) else { return nil }
            return hash
        } isEqual: {
            isEqual($0, $1)
        } found: {
            found($0, $1)
        }
    }

    /// The values (of `valueBits` bits) that more than one position has.
    private struct SharedValues {
        private var shared: [UInt64]

        init(_ positions: Range<Int>, valueBits: Int, value: (Int) -> UInt?) {
            let words = max(1, (1 << valueBits) / 64)
            var met = [UInt64](repeating: 0, count: words)
            shared = [UInt64](repeating: 0, count: words)
            for position in positions {
                guard let value = value(position) else { continue }
                let (word, bit) = (Int(value >> 6), UInt64(1) << (value & 63))
                if met[word] & bit != 0 { shared[word] |= bit } else { met[word] |= bit }
            }
        }

        func contains(_ value: UInt) -> Bool { shared[Int(value >> 6)] & (UInt64(1) << (value & 63)) != 0 }
    }

    /// How many positions `firsts(in:hash:isEqual:found:)` takes at a time: enough reads at once to
    /// keep the memory busy, few enough to stay in the processor's reach.
    private static let group = 32

    /// The top 32 bits of `hash`: what a slot keeps of it, and whose top bits name its first slot.
    private static func tag(of hash: Int) -> UInt64 { UInt64(UInt(bitPattern: hash)) >> 32 }

    /// The probe for `tag` at `position`, from the slot its top bits name; `entry`, when not 0, is
    /// that slot's entry, already read.
    private mutating func probe(tag: UInt64, at position: Int, entry known: UInt64, isEqual: (Int) -> Bool) -> Int? {
        precondition(position >= 0 && position < Int(UInt32.max), "position \(position) does not fit in 32 bits")
        let mask = slots.count - 1
        var slot = Int(tag >> (32 - bits))
        var entry = known != 0 ? known : slots[slot]
        while entry != 0 {
            if entry >> 32 == tag {
                let earlier = Int(entry & 0xFFFF_FFFF) - 1
                if isEqual(earlier) { return earlier }
            }
            slot = (slot + 1) & mask
            entry = slots[slot]
        }
        slots[slot] = tag << 32 | UInt64(position + 1)
        used += 1
        if used > Self.room(bits: bits) { grow() }
        return nil
    }

    /// Twice the slots, each entry moved to the slot its tag names.
    private mutating func grow() {
        precondition(bits < 32, "more keys than 32 bits of hash can place")
        let old = slots
        bits += 1
        slots = [UInt64](repeating: 0, count: 1 << bits)
        let mask = slots.count - 1
        for entry in old where entry != 0 {
            var slot = Int((entry >> 32) >> (32 - bits))
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = entry
        }
    }
}
