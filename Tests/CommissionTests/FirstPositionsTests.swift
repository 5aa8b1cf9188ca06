import Commission
import Foundation
import Primitives
import Testing

/// `FirstPositions` gives each key's first position as a dictionary of whole keys would, hash
/// collisions included; `SplitCheck` built on it finds the deals a reference count finds.
@Suite struct FirstPositionsTests {
    /// A key whose hash keeps only its value modulo `buckets`: most different keys collide.
    struct Crowded: Hashable {
        let value: Int
        static let buckets = 7
        static func == (a: Crowded, b: Crowded) -> Bool { a.value == b.value }
        func hash(into hasher: inout Hasher) { hasher.combine(value % Self.buckets) }
    }

    @Test func collidingKeysGetTheirOwnFirstPositions() {
        var random = SystemRandomNumberGenerator()
        let keys = (0..<5_000).map { _ in Crowded(value: Int.random(in: 0..<400, using: &random)) }
        var table = FirstPositions(capacity: keys.count)
        var reference: [Crowded: Int] = [:]
        for (position, key) in keys.enumerated() {
            let found = table.first(of: key, at: position, keyAt: { keys[$0] })
            #expect(found == reference[key], "position \(position), key \(key.value)")
            if reference[key] == nil { reference[key] = position }
        }
        #expect(reference.count > Crowded.buckets)  // the test did meet collisions
    }

    /// A table given room for few keys grows, and still gives every key's first position.
    @Test func aTableGivenLittleRoomGrows() {
        var random = SystemRandomNumberGenerator()
        let keys = (0..<20_000).map { _ in "D-\(Int.random(in: 0..<6_000, using: &random))" }
        var table = FirstPositions(capacity: 1)
        var reference: [String: Int] = [:]
        for (position, key) in keys.enumerated() {
            #expect(table.first(of: key, at: position, keyAt: { keys[$0] }) == reference[key])
            if reference[key] == nil { reference[key] = position }
        }
        #expect(reference.count > 1_000)
    }

    /// A table of hashes alone (no key type named): equal keys found by their hash and an
    /// equality, as the duplicate rows are, colliding hashes told apart by it.
    @Test func aTableOfHashesNeedsNoKeyType() {
        let keys = (0..<3_000).map { ($0 * 7919) % 500 }
        var table = FirstPositions(capacity: 16)
        var reference: [Int: Int] = [:]
        for (position, key) in keys.enumerated() {
            // Every key's hash falls in one of three: most keys collide.
            let found = table.first(ofHash: key % 3, at: position) { keys[$0] == key }
            #expect(found == reference[key], "position \(position), key \(key)")
            if reference[key] == nil { reference[key] = position }
        }
        #expect(reference.count == 500)
    }

    /// Positions asked a group at a time give what asking them one at a time gives, in the same
    /// order: with colliding hashes, positions left out, and a table that grows within a group
    /// (whose first slots, read before it grew, are read again).
    @Test(arguments: [1, 16, 5_000]) func positionsAskedInGroupsFindWhatOneAtATimeFinds(capacity: Int) {
        var random = SystemRandomNumberGenerator()
        let keys = (0..<5_000).map { _ in Int.random(in: 0..<900, using: &random) }
        let skipped = Set((0..<500).map { _ in Int.random(in: 0..<keys.count, using: &random) })
        // Every key's hash is one of 40: most keys collide.
        func hash(_ position: Int) -> Int? {
            skipped.contains(position) ? nil : (keys[position] % 40) &* 0x1E37_79B9_7F4A_7C15
        }
        var single = FirstPositions(capacity: capacity)
        var expected: [(Int, Int)] = []
        for position in keys.indices {
            guard let hash = hash(position) else { continue }
            if let first = single.first(ofHash: hash, at: position, isEqual: { keys[$0] == keys[position] }) {
                expected.append((position, first))
            }
        }
        var grouped = FirstPositions(capacity: capacity)
        var found: [(Int, Int)] = []
        grouped.firsts(in: keys.indices, hash: hash) { earlier, position in
            keys[earlier] == keys[position]
        } found: { position, first in
            found.append((position, first))
        }
        #expect(found.map(\.0) == expected.map(\.0))
        #expect(found.map(\.1) == expected.map(\.1))
        #expect(found.count > 3_000)
        #expect(found.allSatisfy { !skipped.contains($0.0) && !skipped.contains($0.1) && $0.1 < $0.0 })
    }

    /// The table that holds only positions whose hash's top bits another position shares gives
    /// what a table of every position gives, in the same order: with keys mostly met once (most
    /// positions left out of the table), keys repeated, colliding hashes and positions not asked.
    @Test(arguments: [0, 100_000]) func aFilteredTableFindsWhatATableOfEveryPositionFinds(threshold: Int) {
        var random = SystemRandomNumberGenerator()
        let keys = (0..<12_000).map { position in
            position % 7 == 0 ? "D-\(Int.random(in: 0..<800, using: &random))" : "U-\(position)"
        }
        let skipped = Set((0..<400).map { _ in Int.random(in: 0..<keys.count, using: &random) })
        func hash(_ position: Int) -> Int? {
            guard !skipped.contains(position) else { return nil }
            // One key in fifty hashes like every other such key: collisions that are not repeats.
            return keys[position].hasSuffix("3") ? 0x5151 : keys[position].hashValue
        }
        var table = FirstPositions(capacity: keys.count)
        var expected: [(Int, Int)] = []
        table.firsts(in: keys.indices, hash: hash) {
            keys[$0] == keys[$1]
        } found: {
            expected.append(($0, $1))
        }
        var found: [(Int, Int)] = []
        FirstPositions.firsts(in: keys.indices, filteringFrom: threshold, hash: hash) {
            keys[$0] == keys[$1]
        } found: {
            found.append(($0, $1))
        }
        #expect(found.map(\.0) == expected.map(\.0))
        #expect(found.map(\.1) == expected.map(\.1))
        #expect(expected.count > 600)
    }

    /// Positions from the middle of a sequence, and none at all.
    @Test func groupsBeginWhereThePositionsDo() {
        let keys = (0..<200).map { $0 % 30 }
        var table = FirstPositions(capacity: 8)
        var found: [Int: Int] = [:]
        table.firsts(in: 100..<100) { _ in
            0
        } isEqual: { _, _ in
            true
        } found: {
            found[$0] = $1
        }
        #expect(found.isEmpty)
        table.firsts(in: 70..<200) {
            keys[$0].hashValue
        } isEqual: {
            keys[$0] == keys[$1]
        } found: {
            found[$0] = $1
        }
        #expect(found.count == 130 - 30)
        #expect(found[100] == 70)
        #expect(found[199] == 79)
    }

    /// The deals whose splits do not total 1, counted the plain way.
    static func referenceOffDeals(_ ids: [String], _ splits: [Decimal]) -> [(String, Decimal, [Int])] {
        var order: [String] = []
        var totals: [String: Decimal] = [:]
        var members: [String: [Int]] = [:]
        for (position, id) in ids.enumerated() {
            if totals[id] == nil { order.append(id) }
            totals[id, default: 0] += splits[position]
            members[id, default: []].append(position)
        }
        return order.filter { totals[$0] != 1 }.map { ($0, totals[$0]!, members[$0]!) }
    }

    @Test func splitCheckFindsTheDealsAPlainCountFinds() {
        var random = SystemRandomNumberGenerator()
        let shares: [Decimal] = [1, 1, 1, Decimal(string: "0.5")!, Decimal(string: "0.25")!, Decimal(string: "0.3")!]
        for _ in 0..<20 {
            let count = Int.random(in: 0..<600, using: &random)
            let ids = (0..<count).map { _ in "D-\(Int.random(in: 0..<250, using: &random))" }
            let splits = (0..<count).map { _ in shares.randomElement(using: &random)! }
            let found = SplitCheck.offDeals(count: count, dealID: { ids[$0] }, split: { splits[$0] })
            let expected = Self.referenceOffDeals(ids, splits)
            #expect(found.map(\.dealID) == expected.map(\.0))
            #expect(found.map(\.total) == expected.map(\.1))
            #expect(found.map(\.members) == expected.map(\.2))
        }
    }

    /// Splits a sheet keeps as doubles add up to 100% to within their binary noise: three `=1/3`
    /// read to fifteen digits (0.333333333333333) or to seventeen, two thirds and a third, seven
    /// sevenths are each one whole deal; thirds typed as `33.33%` (99.99%) and a share left out are not.
    @Test func sharesKeptAsDoublesAddUpToTheWholeDeal() {
        let third15 = Decimal(string: "0.333333333333333")!, third17 = Decimal(string: "0.33333333333333331")!
        let seventh = Decimal(string: "0.142857142857143")!
        let typed = Decimal(string: "0.3333")!
        let deals: [(String, Decimal)] =
            [("A", third15), ("A", third15), ("A", third15), ("B", third17), ("B", third17), ("B", third17)]
            + [("C", Decimal(string: "0.666666666666667")!), ("C", third15)] + (0..<7).map { _ in ("D", seventh) }
            + [("E", typed), ("E", typed), ("E", typed), ("F", third15), ("F", third15)]
        let found = SplitCheck.offDeals(count: deals.count, dealID: { deals[$0].0 }, split: { deals[$0].1 })
        #expect(found.map(\.dealID) == ["E", "F"])
        #expect(found.map(\.total) == [Decimal(string: "0.9999")!, Decimal(string: "0.666666666666666")!])
        #expect(Decimal(1).isWholeShare && !Decimal(string: "0.999999999")!.isWholeShare)
    }
}
