import Foundation

/// A `Decimal` whose mantissa fits 64 bits, as sign, exponent and mantissa: what nearly every
/// amount, rate and count in a workbook is.
///
/// Foundation works on Decimal's 128-bit mantissa through arrays, many times slower than integer
/// arithmetic. Code on hot paths (formatting, rounding, the formula evaluator's `*` and `+`) reads
/// the parts here, works on integers, and writes the result back with `decimal`; anything that
/// does not fit goes through Foundation. The parts are read from Decimal's storage (the NSDecimal
/// layout: exponent, length and sign, then eight 16-bit words), after checking once that the
/// layout is the one expected.
public struct SmallDecimal: Equatable, Sendable {
    public var negative: Bool
    public var exponent: Int
    public var mantissa: UInt64

    /// The parts of `value`; nil when its mantissa needs more than 64 bits, it is NaN, or the
    /// storage layout is not the one expected.
    @inlinable
    public init?(_ value: Decimal) {
        guard Self.layoutIsKnown, let parts = Self.read(value) else { return nil }
        self = parts
    }

    @inlinable
    public init(negative: Bool, exponent: Int, mantissa: UInt64) {
        self.negative = negative
        self.exponent = exponent
        self.mantissa = mantissa
    }

    /// The value as a Decimal, compacted (no trailing zeros in the mantissa) as Foundation's
    /// results are; nil when the exponent is outside Decimal's range.
    @inlinable
    public var decimal: Decimal? {
        var mantissa = mantissa
        var exponent = exponent
        if mantissa == 0 { return Decimal() }
        while mantissa % 10 == 0 {
            mantissa /= 10
            exponent += 1
        }
        guard exponent >= -128, exponent <= 127 else { return nil }
        return Self.write(negative: negative, exponent: exponent, mantissa: mantissa)
    }

    // MARK: Storage

    /// Reads Decimal's storage: exponent, then length (high four bits), sign and compact flags,
    /// then eight 16-bit mantissa words, least significant first.
    @inlinable
    static func read(_ value: Decimal) -> SmallDecimal? {
        let storage = Decimal.StorageWords(value)
        let flags = UInt8(truncatingIfNeeded: storage.head >> 8)
        let length = Int(flags >> 4)
        let negative = flags & 0x08 != 0
        guard length <= 4, !(length == 0 && negative) else { return nil }
        // The first four words, least significant first, are the 64 bits' little-endian bytes,
        // less the words past `length`.
        let words = storage.low
        let mantissa = length == 4 ? words : words & ((1 << (16 * UInt64(length))) - 1)
        return SmallDecimal(
            negative: negative, exponent: Int(Int8(truncatingIfNeeded: storage.head)), mantissa: mantissa)
    }

    /// Writes a compact, non-zero Decimal's storage (the layout `read` reads).
    @inlinable
    static func write(negative: Bool, exponent: Int, mantissa: UInt64) -> Decimal {
        let length: UInt32 = mantissa >> 48 != 0 ? 4 : mantissa >> 32 != 0 ? 3 : mantissa >> 16 != 0 ? 2 : 1
        let head = UInt32(UInt8(bitPattern: Int8(exponent))) | (length << 4 | (negative ? 0x08 : 0) | 0x04) << 8
        // The first four 16-bit words, least significant first, are the 64 bits' little-endian bytes.
        return Decimal.StorageWords(head: head, low: mantissa).decimal
    }

    /// Whether Decimal's storage is the layout `read` and `write` assume, checked once against
    /// Foundation's own parsing and arithmetic (`decimal` writes it without asking).
    public static let layoutIsKnown: Bool = {
        let samples: [(String, Bool, Int, UInt64)] = [
            ("-123.45", true, -2, 12345), ("65536", false, 0, 65536), ("4294967296.5", false, -1, 42_949_672_965),
            ("0.125", false, -3, 125), ("281474976710656", false, 0, 281_474_976_710_656),
        ]
        let zeroIsKnown = Decimal(string: "0").flatMap(read) == SmallDecimal(negative: false, exponent: 0, mantissa: 0)
        return zeroIsKnown
            && samples.allSatisfy { text, negative, exponent, mantissa in
                guard let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")),
                    let parts = read(value)
                else { return false }
                let written = write(negative: negative, exponent: exponent, mantissa: mantissa)
                return parts == SmallDecimal(negative: negative, exponent: exponent, mantissa: mantissa)
                    && written == value && read(written) == parts && written * 3 == value * 3
            }
    }()
}
