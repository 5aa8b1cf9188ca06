import Foundation
import Ingest
import Testing

/// An amount column whose every separator is a dot before three digits groups thousands with it
/// (`1.000`, `12.500`: whole euros), unless it shows it does not: a value starting `0.` groups
/// nothing, and a whole value of four digits or more written without a separator (`50000`) says
/// the column does not group.
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
}
