/// Which records of a file a column set aside reads, and in which order (`ManualColumn`): all of
/// them in the order written, all but some left out (4 bytes for each left out), or any others
/// listed (4 bytes a row). Rows taken out of millions (copies, rows of reps on no roster) leave a
/// few thousand positions, not a list of every row kept.
struct KeptRecords: Sendable {
    private enum Form: Sendable {
        case all
        /// The records left out, ascending; the others are read in the order written.
        case leavingOut([UInt32])
        /// The records read, in this order.
        case listed([UInt32])
    }

    private var form: Form
    /// The rows read.
    let count: Int

    /// Every one of `count` records, in the order written.
    init(all count: Int) {
        form = .all
        self.count = count
    }

    /// The records at `positions`, in that order.
    init(listed positions: [UInt32]) {
        form = .listed(positions)
        count = positions.count
    }

    /// The record row `index` reads.
    subscript(index: Int) -> Int {
        switch form {
        case .all: return index
        case .listed(let positions): return Int(positions[index])
        case .leavingOut(let left):
            // The kept record `index` is `index` plus the records left out before it: those at
            // `j` with `left[j] - j <= index` (a count that never falls as `j` grows).
            var (low, high) = (0, left.count)
            while low < high {
                let middle = (low + high) / 2
                if Int(left[middle]) - middle <= index { low = middle + 1 } else { high = middle }
            }
            return index + low
        }
    }

    /// Every row but those at `indices` (rows of this selection, ascending), in this order: rows
    /// taken out of a selection in the order written add their records to those left out.
    func leavingOut(_ indices: [Int]) -> KeptRecords {
        guard !indices.isEmpty else { return self }
        let leftBefore: [UInt32]
        switch form {
        case .all: leftBefore = []
        case .leavingOut(let left): leftBefore = left
        case .listed(var positions):
            positions.removeSubranges(RangeSet(indices, within: positions))
            return KeptRecords(listed: positions)
        }
        // Both ascending: a selection in the order written reads its records in their order.
        var left: [UInt32] = []
        left.reserveCapacity(leftBefore.count + indices.count)
        var before = leftBefore.makeIterator()
        var nextBefore = before.next()
        for index in indices {
            let record = self[index]
            while let earlier = nextBefore, Int(earlier) < record {
                left.append(earlier)
                nextBefore = before.next()
            }
            left.append(UInt32(record))
        }
        while let earlier = nextBefore {
            left.append(earlier)
            nextBefore = before.next()
        }
        var result = KeptRecords(all: count - indices.count)
        result.form = .leavingOut(left)
        return result
    }

    /// The rows at `indices` (rows of this selection, in the order given) and no other. Rows kept
    /// in their order from a selection in the order written stay one: the records left out are
    /// held when they are no more than those kept.
    func keeping(_ indices: [Int]) -> KeptRecords {
        let inOrder = zip(indices, indices.dropFirst()).allSatisfy { $0 < $1 }
        guard inOrder else { return KeptRecords(listed: indices.map { UInt32(self[$0]) }) }
        let leftBefore: [UInt32]
        switch form {
        case .all: leftBefore = []
        case .leavingOut(let left): leftBefore = left
        case .listed: return KeptRecords(listed: indices.map { UInt32(self[$0]) })
        }
        let leftNow = count - indices.count
        guard leftBefore.count + leftNow <= indices.count else {
            return KeptRecords(listed: indices.map { UInt32(self[$0]) })
        }
        // The records of the rows not kept, merged into those left out before (both ascending).
        var left: [UInt32] = []
        left.reserveCapacity(leftBefore.count + leftNow)
        var before = leftBefore.makeIterator()
        var nextBefore = before.next()
        func leave(_ record: Int) {
            while let earlier = nextBefore, Int(earlier) < record {
                left.append(earlier)
                nextBefore = before.next()
            }
            left.append(UInt32(record))
        }
        var kept = indices.makeIterator()
        var nextKept = kept.next()
        for index in 0..<count {
            if index == nextKept {
                nextKept = kept.next()
            } else {
                leave(self[index])
            }
        }
        while let earlier = nextBefore {
            left.append(earlier)
            nextBefore = before.next()
        }
        var result = KeptRecords(all: indices.count)
        if !left.isEmpty { result.form = .leavingOut(left) }
        return result
    }
}
