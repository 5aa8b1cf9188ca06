/// Indices into a run's lines or reps, held in 32 bits and read as `Int`: a run's per-line lists
/// (each line's rep, each rep's lines) take 4 bytes a line, not 8 (40 MB of ten million lines).
/// A run holds fewer than 2^31 lines.
package struct LineIndices: RandomAccessCollection, Sendable, Equatable {
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
/// a line, not 8): a run's dates span a few hundred periods at most. Past 65,535 distinct ones,
/// each line's is held whole.
package struct LinePeriods: RandomAccessCollection, Sendable {
    private var distinct: [Period] = []
    private var positions: [Period: UInt16] = [:]
    private var indices16: [UInt16] = []
    /// Every line's period, once more than 65,535 distinct ones are met (`indices16` then empty).
    private var whole: [Period]?

    package init() {}

    package var startIndex: Int { 0 }
    package var endIndex: Int { whole?.count ?? indices16.count }

    package subscript(position: Int) -> Period {
        if let whole { return whole[position] }
        return distinct[Int(indices16[position])]
    }

    package mutating func append(_ period: Period) {
        if whole != nil {
            whole!.append(period)
        } else if let last = indices16.last, distinct[Int(last)] == period {
            // Lines in date order come a period at a time.
            indices16.append(last)
        } else if let known = positions[period] {
            indices16.append(known)
        } else if distinct.count <= Int(UInt16.max) {
            positions[period] = UInt16(distinct.count)
            indices16.append(UInt16(distinct.count))
            distinct.append(period)
        } else {
            whole = Array(self) + [period]
            (distinct, positions, indices16) = ([], [:], [])
        }
    }

    /// Appends `periods`, whose distinct periods are looked up once each, not once a line.
    package mutating func append(contentsOf periods: LinePeriods) {
        guard whole == nil, periods.whole == nil, distinct.count + periods.distinct.count <= Int(UInt16.max) + 1
        else {
            for period in periods { append(period) }
            return
        }
        let mapped = periods.distinct.map { period in
            if let known = positions[period] { return known }
            positions[period] = UInt16(distinct.count)
            distinct.append(period)
            return UInt16(distinct.count - 1)
        }
        indices16.reserveCapacity(indices16.count + periods.count)
        for index in periods.indices16 { indices16.append(mapped[Int(index)]) }
    }
}
