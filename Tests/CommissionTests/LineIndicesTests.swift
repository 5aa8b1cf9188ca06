import Foundation
import Testing

@testable import Commission

/// A run's per-line lists held small (`LineIndices`, `LinePeriods`) read back as given.
@Suite struct LineIndicesTests {
    @Test func indicesReadBackAsInts() {
        var indices = LineIndices([0, 7, 2_000_000_000])
        indices.append(42)
        #expect(Array(indices) == [0, 7, 2_000_000_000, 42])
        #expect(indices.count == 4 && indices[3] == 42)
    }

    /// Periods read back in order, joined from parts whose distinct periods differ.
    @Test func periodsReadBackAsGiven() {
        func month(_ number: Int) -> Period {
            Period(
                containing: LocalDate(year: 2000 + number / 12, month: number % 12 + 1, day: 1)!, kind: .month,
                fiscalYearStart: 1)
        }
        let first = [3, 3, 1, 4, 1, 1].map(month)
        let second = [4, 9, 9, 2].map(month)
        var part = LinePeriods()
        for period in second { part.append(period) }
        var joined = LinePeriods()
        for period in first { joined.append(period) }
        joined.append(contentsOf: part)
        #expect(Array(joined) == first + second)
        // A century of months, each twice, in and out of order.
        let numbers = Array(0..<1_200) + Array((0..<1_200).reversed())
        var century = LinePeriods()
        for number in numbers { century.append(month(number)) }
        #expect(Array(century) == numbers.map(month))
    }
}
