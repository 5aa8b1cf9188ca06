import Foundation
import Primitives
import TestSupport
import Testing

@testable import Formula

/// The integer fast paths give Foundation's own results: the same value, stored the same way.
@Suite struct SmallDecimalTests {
    /// Deterministic decimals of every size the fast paths accept and some they refuse.
    private static let samples: [Decimal] = {
        var generator = SeededGenerator(state: 20_261_201)
        var values: [Decimal] = ["0", "0.000", "1", "-1", "0.5", "-0.5", "2.5", "-2.5", "0.125", "1E+20", "1e-30"].map {
            Decimal(string: $0, locale: Locale(identifier: "en_US_POSIX"))!
        }
        for _ in 0..<400 {
            let digits = Int(generator.next() % 19) + 1
            var mantissa = generator.next() % 10_000_000_000_000_000_000
            mantissa %= (0..<digits).reduce(UInt64(1)) { product, _ in product * 10 }
            let exponent = Int(generator.next() % 24) - 14
            let sign: FloatingPointSign = generator.next() % 2 == 0 ? .plus : .minus
            values.append(Decimal(sign: sign, exponent: exponent, significand: Decimal(mantissa)))
        }
        values.append(Decimal(string: "123456789012345678901234567890")!)
        return values
    }()

    private static func same(_ a: Decimal, _ b: Decimal) -> Bool {
        guard a == b else { return false }
        // Zero is stored with any exponent; anything else must be stored identically.
        return a == 0 || withUnsafeBytes(of: a, Array.init) == withUnsafeBytes(of: b, Array.init)
    }

    @Test func productsAndSumsAreFoundations() {
        for (index, a) in Self.samples.enumerated() {
            for b in Self.samples[index...].prefix(60) {
                #expect(Self.same(Decimal.product(a, b), a * b), "\(a) × \(b)")
                #expect(Self.same(Decimal.sum(a, b), a + b), "\(a) + \(b)")
                #expect(Self.same(Decimal.difference(a, b), a - b), "\(a) − \(b)")
                #expect(Self.same(Decimal.difference(b, a), b - a), "\(b) − \(a)")
                let order = a == b ? ComparisonResult.orderedSame : (a < b ? .orderedAscending : .orderedDescending)
                #expect(Decimal.order(a, b) == order, "\(a) <> \(b)")
                #expect(Decimal.less(a, b) == (a < b) && Decimal.less(b, a) == (b < a), "\(a) < \(b)")
                #expect(Decimal.same(a, b) == (a == b), "\(a) = \(b)")
                // Alike storage is the same number; the converse need not hold.
                if Decimal.sameStorage(a, b) { #expect(a == b, "\(a) stored as \(b)") }
            }
        }
    }

    /// Alike storage says the same number (`productsAndSumsAreFoundations` checks it over the
    /// samples), and other numbers and not-a-number are never alike.
    @Test func sameStorageIsBitForBit() {
        let tenth = Decimal(string: "0.1")!
        #expect(Decimal.sameStorage(tenth, Decimal(string: "0.1")!))
        #expect(!Decimal.sameStorage(tenth, Decimal(string: "0.2")!))
        #expect(!Decimal.sameStorage(Decimal.nan, Decimal.nan))
    }

    @Test func roundingIsFoundations() {
        for value in Self.samples {
            for places in -3...6 {
                for mode in [NSDecimalNumber.RoundingMode.plain, .up, .down, .bankers] {
                    var source = value
                    var expected = Decimal()
                    NSDecimalRound(&expected, &source, places, mode)
                    #expect(Self.same(value.rounded(places, mode), expected), "\(value) to \(places) places, \(mode)")
                }
            }
        }
    }

    /// Any `Int` places round without a trap (tester5's `ROUND(1,9223372036854775807)` trapped
    /// in `plan infer`): more places than a value has leave it as it is; fewer than its digits
    /// reach make it zero, halves included, or nil where the result would not fit.
    @Test func extremePlacesRoundWithoutATrap() {
        let values = ["1000", "-1000", "0.5", "-0.005", "18446744073709551615", "1e-30", "0"].map {
            Decimal(string: $0, locale: Locale(identifier: "en_US_POSIX"))!
        }
        for value in values {
            let small = SmallDecimal(value)!
            for places in [Int.max, Int.max - 1, 1 << 40, Int(Int32.max), 200] {
                for mode in [NSDecimalNumber.RoundingMode.plain, .bankers, .up, .down] {
                    #expect(small.rounded(places, mode) == value, "\(value) to \(places) places")
                }
            }
            for places in [Int.min, Int.min + 1, -(1 << 40), -200, -40] {
                for mode in [NSDecimalNumber.RoundingMode.plain, .bankers] {
                    #expect(small.rounded(places, mode) == 0, "\(value) to \(places) places")
                }
                let away = small.rounded(places, value > 0 ? .up : .down)
                #expect(value == 0 ? away == 0 : away == nil, "\(value) to \(places) places, away from zero")
            }
        }
    }

    /// Sums and differences whose aligned mantissas overflow 64 bits, and halves that round.
    @Test func edgesAreFoundations() {
        let texts = [
            "9223372036854775807", "-9223372036854775807", "18446744073709551615", "0.0000000000000000001",
            "922337203685477580.7", "-1", "1", "0.5", "-0.5", "0.005", "-0.005", "0.015", "-0.025", "12345.675",
            "-12345.665", "99999999999999999.995", "1e40", "-1e-40",
        ]
        let values = texts.map { Decimal(string: $0, locale: Locale(identifier: "en_US_POSIX"))! }
        for a in values {
            for b in values {
                #expect(Self.same(Decimal.sum(a, b), a + b), "\(a) + \(b)")
                #expect(Self.same(Decimal.difference(a, b), a - b), "\(a) − \(b)")
                #expect(Self.same(Decimal.product(a, b), a * b), "\(a) × \(b)")
                #expect(Decimal.less(a, b) == (a < b), "\(a) < \(b)")
            }
            for places in 0...4 {
                for mode in [NSDecimalNumber.RoundingMode.plain, .bankers] {
                    var source = a
                    var expected = Decimal()
                    NSDecimalRound(&expected, &source, places, mode)
                    let small = SmallDecimal(a)?.rounded(places, mode)
                    #expect(small.map { Self.same($0, expected) } ?? true, "\(a) to \(places) places, \(mode)")
                }
            }
        }
    }

    @Test func totalsAreFoundations() {
        for start in stride(from: 0, to: Self.samples.count - 30, by: 7) {
            let values = Array(Self.samples[start..<start + 30])
            #expect(Decimal.total(values) == values.reduce(0, +))
        }
        let amounts = (1...20_000).map { Decimal($0) / 100 }
        #expect(Self.same(Decimal.total(amounts), amounts.reduce(0, +)))
    }

    @Test func wholeNumbers() {
        #expect(SmallDecimal(Decimal(2))?.integer == 2)
        #expect(SmallDecimal(Decimal(string: "-300")!)?.integer == -300)
        #expect(SmallDecimal(Decimal(string: "2.5")!)?.integer == nil)
        #expect(SmallDecimal(Decimal(string: "4.0")!)?.integer == 4)
    }
}
