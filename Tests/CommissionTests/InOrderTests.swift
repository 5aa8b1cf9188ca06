import Foundation
import Parallel
import Testing

/// `inOrder` hands results on in item order whatever order they finish in, keeps at most `ahead`
/// items begun past the one being consumed, and stops beginning items once `consume` throws.
@Suite struct InOrderTests {
    /// How many items have been begun, read from the workers and the consuming thread.
    final class Begun: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        func add() { lock.withLock { count += 1 } }
        var value: Int { lock.withLock { count } }
    }

    struct Stop: Error {}

    @Test func resultsComeInItemOrderThoughTheFirstFinishLast() {
        var seen: [(Int, Int)] = []
        // The earlier an item, the longer it takes.
        inOrder(
            count: 12, workers: 3, ahead: 6,
            { item in
                usleep(UInt32(12 - item) * 2_000)
                return item * item
            }
        ) { item, value in seen.append((item, value)) }
        #expect(seen.map(\.0) == Array(0..<12))
        #expect(seen.map(\.1) == (0..<12).map { $0 * $0 })
    }

    @Test func noMoreThanAheadItemsAreBegunPastTheOneConsumed() {
        let begun = Begun()
        var mostAhead = 0
        inOrder(
            count: 40, workers: 4, ahead: 3,
            { item in
                begun.add()
                usleep(500)
                return item
            }
        ) { item, _ in
            // Items 0...item are taken; the others begun are ahead of it.
            mostAhead = max(mostAhead, begun.value - item - 1)
            usleep(1_000)
        }
        #expect(mostAhead <= 3)
        #expect(mostAhead >= 1)
        #expect(begun.value == 40)
    }

    @Test func aThrowingConsumerStopsTheItemsNotYetBegun() {
        let begun = Begun()
        var consumed: [Int] = []
        #expect(throws: Stop.self) {
            try inOrder(
                count: 1_000, workers: 2, ahead: 4,
                { item in
                    begun.add()
                    return item
                }
            ) { item, _ in
                consumed.append(item)
                if item == 5 { throw Stop() }
            }
        }
        #expect(consumed == Array(0...5))
        // Every worker has stopped when the error comes out: nothing is begun after it.
        let after = begun.value
        usleep(20_000)
        #expect(begun.value == after)
        #expect(after <= 6 + 4)
    }

    @Test func aBackgroundValueIsWaitedForAndItsErrorRethrown() throws {
        let value = Background { () throws in
            usleep(5_000)
            return 42
        }
        #expect(try value.result() == 42)
        #expect(try value.result() == 42)
        let failing = Background { () throws -> Int in throw Stop() }
        #expect(throws: Stop.self) { try failing.result() }
    }
}
