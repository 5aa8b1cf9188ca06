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

    /// Periods read back in order, joined from parts whose distinct periods differ, and held whole
    /// once more distinct ones are met than 16 bits number.
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
        var many = LinePeriods()
        // Years of months through year 7461: more than 65,536 distinct periods.
        let numbers = Array(0..<66_000) + [5, 65_999]
        for number in numbers { many.append(month(number)) }
        #expect(many.count == numbers.count && many[5] == month(5) && many[66_001] == month(65_999))
        var after = LinePeriods()
        after.append(month(1))
        after.append(contentsOf: many)
        #expect(after.count == numbers.count + 1 && after[0] == month(1) && after[66_002] == month(65_999))
    }
}
