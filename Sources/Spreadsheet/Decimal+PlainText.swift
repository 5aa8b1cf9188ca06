import Foundation

extension Decimal {
    /// The number in plain positional notation with a `.` separator, no grouping and no exponent:
    /// `-1234.5`, `0.0015`, `100000000000000000000`. Trailing fractional zeros are dropped.
    ///
    /// Converting and exporting millions of cells makes this hot, and `description` divides the
    /// 128-bit mantissa by ten once per digit. So for mantissas of up to 64 bits this reads
    /// Decimal's storage directly (the NSDecimal layout: exponent, length and sign, then eight
    /// 16-bit words), after checking once that the layout is the one expected; otherwise, and for
    /// larger mantissas, it formats through Foundation.
    public var plainString: String {
        if Self.storageLayoutIsKnown, let (negative, exponent, mantissa) = smallParts {
            return Self.format(negative: negative, exponent: exponent, mantissa: mantissa)
        }
        return foundationPlainString
    }

    /// Sign, exponent and mantissa read from storage, when the mantissa fits 64 bits.
    private var smallParts: (Bool, Int, UInt64)? {
        withUnsafeBytes(of: self) { raw -> (Bool, Int, UInt64)? in
            let length = Int(raw[1] >> 4)
            guard length <= 4 else { return nil }
            var mantissa: UInt64 = 0
            for word in stride(from: length - 1, through: 0, by: -1) {
                mantissa = mantissa << 16 | UInt64(raw[4 + 2 * word]) | UInt64(raw[5 + 2 * word]) << 8
            }
            return (raw[1] & 0x08 != 0, Int(Int8(bitPattern: raw[0])), mantissa)
        }
    }

    private static let storageLayoutIsKnown: Bool = {
        let samples: [(String, Bool, Int, UInt64)] = [
            ("-123.45", true, -2, 12345), ("65536", false, 0, 65536), ("4294967296.5", false, -1, 42_949_672_965),
            ("0", false, 0, 0),
        ]
        return samples.allSatisfy { text, negative, exponent, mantissa in
            guard let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")),
                let parts = value.smallParts
            else { return false }
            let scaled = format(negative: parts.0, exponent: parts.1, mantissa: parts.2)
            return scaled == value.foundationPlainString
                && (parts.0 == negative && parts.1 == exponent && parts.2 == mantissa || text == "0")
        }
    }()

    private var foundationPlainString: String {
        let text = description
        guard text.utf8.contains(UInt8(ascii: "e")) || text.utf8.contains(UInt8(ascii: "E")) else { return text }
        return NSDecimalNumber(decimal: self).description(withLocale: Locale(identifier: "en_US_POSIX"))
    }

    private static func format(negative: Bool, exponent: Int, mantissa: UInt64) -> String {
        if mantissa == 0 { return "0" }
        var digits: [UInt8] = []
        digits.reserveCapacity(24)
        var rest = mantissa
        while rest > 0 {
            digits.append(UInt8(48 + rest % 10))
            rest /= 10
        }
        digits.reverse()
        var scale = -exponent
        while scale > 0 && digits.last == 48 {
            digits.removeLast()
            scale -= 1
        }
        var out: [UInt8] = negative ? [UInt8(ascii: "-")] : []
        if scale <= 0 {
            out += digits
            out += repeatElement(UInt8(ascii: "0"), count: -scale)
        } else if scale >= digits.count {
            out += [UInt8(ascii: "0"), UInt8(ascii: ".")]
            out += repeatElement(UInt8(ascii: "0"), count: scale - digits.count)
            out += digits
        } else {
            out += digits[..<(digits.count - scale)]
            out.append(UInt8(ascii: "."))
            out += digits[(digits.count - scale)...]
        }
        return String(decoding: out, as: UTF8.self)
    }
}
