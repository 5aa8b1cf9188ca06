import Foundation
import Ingest
import Testing

/// An amount column whose every separator is a dot before three digits groups thousands with it
/// (`1.000`, `12.500`: whole euros), unless it shows it does not: a value starting `0.` groups
/// nothing, and more whole values of four digits or more written without a separator (`50000`)
/// than grouped ones say the column does not group; one such value among grouped ones is a slip.
@Suite struct ThreeDecimalAmountTests {
    static func amounts(_ texts: [String]) throws -> [Decimal] {
        let rows = texts.enumerated().map { ["D\($0.offset)", "R1", "2026-01-10", $0.element] }
        return try LooseHeaderTests.read(["Deal ID", "Rep", "Close Date", "Amount"], rows: rows).lines.map(\.amount)
    }

    @Test func aLeadingZeroIsNeverThousands() throws {
        #expect(try Self.amounts(["0.125"]) == [Decimal(string: "0.125")!])
        #expect(try Self.amounts(["0.125", "2.500"]) == [Decimal(string: "0.125")!, Decimal(string: "2.5")!])
    }

    @Test func threeDecimalsAmongUngroupedWholeValuesAreDecimals() throws {
        #expect(
            try Self.amounts(["50000", "120000", "812.375"]) == [50000, 120_000, Decimal(string: "812.375")!])
    }

    @Test func wholeEurosGroupedByADotStayThousands() throws {
        #expect(try Self.amounts(["1.000", "12.500", "250.000"]) == [1000, 12500, 250_000])
        #expect(try Self.amounts(["1.000", "12.500", "250"]) == [1000, 12500, 250])
    }

    /// One whole value typed without its dot among grouped ones is a slip, not the column's style.
    @Test func oneUngroupedValueAmongGroupedOnesLeavesThemThousands() throws {
        #expect(try Self.amounts(["1.000", "12.500", "1500"]) == [1000, 12500, 1500])
        let rows = ["1.000", "12.500", "1500"].enumerated().map { ["D\($0.offset)", "R1", "2026-01-10", $0.element] }
        let table = try LooseHeaderTests.read(["Deal ID", "Rep", "Close Date", "Amount"], rows: rows)
        #expect(table.diagnostics.contains { "\($0)".contains("'1.000' read as thousands, as most of the column") })
    }
}
