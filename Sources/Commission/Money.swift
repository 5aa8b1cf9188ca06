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
    public func rounded(places: Int, mode: RoundingRule.Mode) -> Decimal {
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
    public var moneyText: String {
        let plain = plainText
        guard let point = plain.utf8.firstIndex(of: UInt8(ascii: ".")) else { return plain + ".00" }
        let decimals = plain.utf8.distance(from: point, to: plain.utf8.endIndex) - 1
        return decimals >= 2 ? plain : plain + String(repeating: "0", count: 2 - decimals)
    }

    /// Plain positional text without an exponent or grouping.
    public var plainText: String { plainString }

    /// Money for people: thousands grouped, at least two decimals: `19,692.272`, `-1,250.00`.
    /// Written in one pass over the plain text's bytes (every explained line has one or more).
    public var groupedMoneyText: String {
        var plain = plainText
        return plain.withUTF8 { text in
            let negative = text.first == UInt8(ascii: "-")
            let body = UnsafeBufferPointer(rebasing: text[(negative ? 1 : 0)...])
            let wholeDigits = body.firstIndex(of: UInt8(ascii: ".")) ?? body.count
            let decimals = wholeDigits == body.count ? 0 : body.count - wholeDigits - 1
            return String(unsafeUninitializedCapacity: text.count + wholeDigits / 3 + 3) { out in
                var count = 0
                func put(_ byte: UInt8) {
                    out[count] = byte
                    count += 1
                }
                if negative { put(UInt8(ascii: "-")) }
                for (offset, byte) in body.enumerated() {
                    if offset > 0 && offset < wholeDigits && (wholeDigits - offset) % 3 == 0 { put(UInt8(ascii: ",")) }
                    put(byte)
                }
                if decimals == 0 { put(UInt8(ascii: ".")) }
                for _ in min(decimals, 2)..<2 { put(UInt8(ascii: "0")) }
                return count
            }
        }
    }

    /// A ratio (attainment, a share of a target) as every report gives it: half-up to six places.
    public var ratioRounded: Decimal { rounded(places: 6, mode: .halfUp) }

    /// `ratioRounded` as plain text: `1.25`, `0.953318`.
    public var ratioText: String { ratioRounded.plainText }

    /// A rate as a percentage for people: `0.08` → `8%`, `0.125` → `12.5%`.
    public var percentText: String { Decimal.product(self, 100).plainText + "%" }
}
