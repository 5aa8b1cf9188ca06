import Foundation
import Primitives

/// How a plan rounds: to `places` decimals, half-up (away from zero, like Excel's ROUND) or
/// half-even (banker's), on every line or once per rep-period total.
public struct RoundingRule: Sendable, Hashable {
    public enum Mode: String, Sendable, Hashable {
        case halfUp = "half_up"
        case halfEven = "half_even"
    }

    public enum Level: String, Sendable, Hashable {
        case line, period
    }

    /// The places a plan may round to (plan-format.md, `rounding.places`).
    public static let placesRange = 0...10

    public var places: Int
    public var mode: Mode
    public var level: Level

    public init(places: Int = 2, mode: Mode = .halfUp, level: Level = .line) {
        self.places = places
        self.mode = mode
        self.level = level
    }

    /// `value` rounded to this rule's places and mode.
    public func round(_ value: Decimal) -> Decimal { value.rounded(places: places, mode: mode) }
}

extension Decimal {
    /// Rounds to `places` decimals; `.halfUp` rounds halves away from zero (Excel's ROUND).
    ///
    /// Any `Int` places: past ±200 they are ±200, which rounds every `Decimal` as they would
    /// (none has a digit past 10⁻¹²⁸ or reaches 10¹⁹⁹), and Foundation's `NSDecimalRound`
    /// traps on places near `Int.min`.
    public func rounded(places: Int, mode: RoundingRule.Mode) -> Decimal {
        let places = Swift.min(Swift.max(places, -200), 200)
        if let small = SmallDecimal(self), let result = small.rounded(places, mode == .halfUp ? .plain : .bankers) {
            return result
        }
        var source = self
        var result = Decimal()
        if mode == .halfUp && self < 0 {
            // Rounding the magnitude makes "half away from zero" explicit for negative amounts
            // (credit notes, clawbacks), whatever a Foundation's .plain does with them.
            var magnitude = -self
            NSDecimalRound(&result, &magnitude, places, .plain)
            return -result
        }
        NSDecimalRound(&result, &source, places, mode == .halfUp ? .plain : .bankers)
        return result
    }

    /// Rounded to cents, half-up: how quotas are rounded whatever the plan's places.
    public var roundedToCents: Decimal { rounded(places: 2, mode: .halfUp) }

    /// Plain text with at least two decimals, more when the value has them: `100.00`, `338.7802`.
    public var moneyText: String { plainString(minimumDecimals: 2, grouped: false) }

    /// Plain positional text without an exponent or grouping.
    public var plainText: String { plainString }

    /// Money for people: thousands grouped, at least two decimals: `19,692.272`, `-1,250.00`.
    /// Written straight from the digits (every explained line has one or more).
    public var groupedMoneyText: String { plainString(minimumDecimals: 2, grouped: true) }

    /// A ratio (attainment, a share of a target) as every report gives it: half-up to six places.
    public var ratioRounded: Decimal { rounded(places: 6, mode: .halfUp) }

    /// `ratioRounded` as plain text with at least two decimals, as the contract's documents write
    /// attainment: `1.25`, `1.10`, `0.00`, `0.953318`.
    public var ratioText: String { ratioRounded.plainString(minimumDecimals: 2, grouped: false) }

    /// A rate as a percentage for people: `0.08` → `8%`, `0.125` → `12.5%`; to ten places of a
    /// percent, so a rate a sheet computed in binary (`0.07000000000000001`) reads `7%`.
    public var percentText: String {
        Decimal.product(self, 100).rounded(places: 10, mode: .halfUp).plainText + "%"
    }
}

extension TextBuffer {
    /// Appends `value.moneyText`'s bytes, without making the string.
    public mutating func append(money value: Decimal) { append(value, minimumDecimals: 2) }

    /// Appends `value.groupedMoneyText`'s bytes, without making the string.
    public mutating func append(groupedMoney value: Decimal) { append(value, minimumDecimals: 2, grouped: true) }
}
