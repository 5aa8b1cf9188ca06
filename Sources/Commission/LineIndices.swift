/// Indices into a run's lines or reps, held in 32 bits and read as `Int`: a run's per-line lists
/// (each line's rep, each rep's lines) take 4 bytes a line, not 8 (40 MB of ten million lines).
/// A run holds fewer than 2^31 lines.
package struct LineIndices: RandomAccessCollection, Sendable {
    private var storage: [Int32]

    package init() { storage = [] }

    package init(_ indices: some Sequence<Int>) {
        storage = indices.map(Self.narrow)
    }

    package var startIndex: Int { 0 }
    package var endIndex: Int { storage.count }

    package subscript(position: Int) -> Int { Int(storage[position]) }

    package mutating func append(_ index: Int) { storage.append(Self.narrow(index)) }

    package mutating func reserveCapacity(_ count: Int) { storage.reserveCapacity(count) }

    private static func narrow(_ index: Int) -> Int32 {
        guard let narrow = Int32(exactly: index) else { preconditionFailure("a run holds fewer than 2^31 lines") }
        return narrow
    }
}

/// Each of a run's lines' period, held as a 16-bit index into the distinct periods met (2 bytes
/// a line, not 8). A run's dates lie within `DateWindow` (a century: 1,200 months at most), far
/// from the 65,536 periods 16 bits number.
package struct LinePeriods: RandomAccessCollection, Sendable {
    private var distinct: [Period] = []
    private var positions: [Period: UInt16] = [:]
    private var indices16: [UInt16] = []

    package init() {}

    package var startIndex: Int { 0 }
    package var endIndex: Int { indices16.count }

    package subscript(position: Int) -> Period { distinct[Int(indices16[position])] }

    package mutating func append(_ period: Period) {
        if let last = indices16.last, distinct[Int(last)] == period {
            // Lines in date order come a period at a time.
            indices16.append(last)
        } else {
            indices16.append(position(of: period))
        }
    }

    /// Appends `periods`, whose distinct periods are looked up once each, not once a line.
    package mutating func append(contentsOf periods: LinePeriods) {
        let mapped = periods.distinct.map { position(of: $0) }
        indices16.reserveCapacity(indices16.count + periods.count)
        for index in periods.indices16 { indices16.append(mapped[Int(index)]) }
    }

    /// `period`'s index among the distinct periods, added if new.
    private mutating func position(of period: Period) -> UInt16 {
        if let known = positions[period] { return known }
        precondition(distinct.count <= Int(UInt16.max), "a run's dates span a century of periods at most")
        let position = UInt16(distinct.count)
        positions[period] = position
        distinct.append(period)
        return position
    }
}

/// A yes or no for each of a run's lines, a bit each (a million lines' in 125 KB, not 1 MB).
package struct LineBits: RandomAccessCollection, Sendable {
    private var words: [UInt64] = []
    package private(set) var endIndex = 0

    package init() {}

    package init(_ bits: some Sequence<Bool>) {
        words.reserveCapacity(bits.underestimatedCount / 64 + 1)
        for bit in bits { append(bit) }
    }

    package var startIndex: Int { 0 }

    package subscript(position: Int) -> Bool { words[position >> 6] & (1 << UInt64(position & 63)) != 0 }

    package mutating func append(_ bit: Bool) {
        if endIndex & 63 == 0 { words.append(0) }
        if bit { words[endIndex >> 6] |= 1 << UInt64(endIndex & 63) }
        endIndex += 1
    }
}
