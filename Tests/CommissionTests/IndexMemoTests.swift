import Primitives
import Testing

/// `IndexMemo` gives back what was kept at each index, as a dictionary of the same values would.
@Suite struct IndexMemoTests {
    @Test func givesWhatADictionaryGives() {
        var memo = IndexMemo()
        var reference: [Int: Int32] = [:]
        for (step, index) in [5, 0, 5, 1_000, 0, 3, 1_000, 5, 64, 2].enumerated() {
            #expect(memo[index] == reference[index], "index \(index)")
            if step % 3 != 2 {
                memo[index] = Int32(step)
                reference[index] = Int32(step)
            } else {
                memo[index] = nil
                reference[index] = nil
            }
        }
        for index in 0...1_001 { #expect(memo[index] == reference[index], "index \(index)") }
    }
}
