import Commission
import Foundation
import Testing

/// Rounding to any `Int` places, through the integer path or Foundation's, never traps.
@Suite struct RoundingPlacesTests {
    static func number(_ text: String) -> Decimal { Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))! }

    /// Foundation's `NSDecimalRound` traps on places near `Int.min` (it adds them to the
    /// exponent); a value too wide for 64 bits reaches it.
    @Test(arguments: ["1000", "-0.005", "123456789012345678901234.5", "-123456789012345678901234.5"])
    func extremePlacesRoundWithoutATrap(_ text: String) {
        let value = Self.number(text)
        for mode in [RoundingRule.Mode.halfUp, .halfEven] {
            for places in [Int.max, Int.max - 1, 1 << 40, 300] {
                #expect(value.rounded(places: places, mode: mode) == value)
            }
            for places in [Int.min, Int.min + 1, -(1 << 40), -300] {
                #expect(value.rounded(places: places, mode: mode) == 0)
            }
        }
    }
}
