import Parallel
import Testing

/// Windows close once their items reach the limit: a large item stands alone, none is empty.
@Suite struct WindowTests {
    @Test func windowsCloseOnceTheyHoldTheLimit() {
        let sizes = [1, 2, 5, 0, 1]
        #expect(windows(over: sizes.count, holding: 3, size: { sizes[$0] }) == [0..<2, 2..<3, 3..<5])
        #expect(windows(over: 3, holding: 1, size: { _ in 0 }) == [0..<3])
        #expect(windows(over: 0, holding: 3, size: { _ in 1 }).isEmpty)
    }
}
