import Commission
import Foundation
import Testing

/// Draw balances carried in from closed periods: a run starts each rep at the latest balance
/// recorded before its first period.
@Suite struct CarriedBalancesTests {
    static func month(_ label: String) throws -> Period {
        try #require(Period(label: label, kind: .month, fiscalYearStart: 1))
    }

    @Test func aRepCarriesTheLatestBalanceRecordedBeforeThePeriod() throws {
        var carried = CarriedBalances.none
        // Recorded out of order: March, then January, then February replaced.
        carried.record(300, of: "R-1", atEndOf: try Self.month("2026-03"))
        carried.record(100, of: "R-1", atEndOf: try Self.month("2026-01"))
        carried.record(250, of: "R-1", atEndOf: try Self.month("2026-02"))
        carried.record(200, of: "R-1", atEndOf: try Self.month("2026-02"))
        carried.record(-40, of: "R-2", atEndOf: try Self.month("2026-01"))
        #expect(carried.balance(of: "R-1", before: try Self.month("2026-01")) == 0)
        #expect(carried.balance(of: "R-1", before: try Self.month("2026-02")) == 100)
        #expect(carried.balance(of: "R-1", before: try Self.month("2026-03")) == 200)
        #expect(carried.balance(of: "R-1", before: try Self.month("2026-07")) == 300)
        #expect(carried.balance(of: "R-2", before: try Self.month("2026-07")) == -40)
        #expect(carried.balance(of: "R-3", before: try Self.month("2026-07")) == 0)
        #expect(CarriedBalances.none.balance(of: "R-1", before: try Self.month("2026-07")) == 0)
    }
}
