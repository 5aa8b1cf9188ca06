import Foundation
import Primitives

/// The outcome of reading a number written in a file.
public enum ParsedNumber: Sendable, Hashable {
    case value(Decimal)
    /// A well-formed number that Decimal cannot hold (beyond about 1e±128).
    case outOfRange
    case invalid
}

extension Decimal {
    private static let posix = Locale(identifier: "en_US_POSIX")

    /// Reads `[+-]digits[.digits][(e|E)[+-]digits]` from ASCII bytes, exactly, with no locale.
    ///
    /// Surrounding ASCII spaces are ignored. This is the hot path for spreadsheet numbers: up to
    /// 19 significant digits are read without allocating; longer ones fall back to Foundation.
    public static func parse(ascii bytes: UnsafeBufferPointer<UInt8>) -> ParsedNumber {
        var start = 0
        var end = bytes.count
        while start < end && bytes[start] == 32 { start += 1 }
        while end > start && bytes[end - 1] == 32 { end -= 1 }
        guard start < end else { return .invalid }
        var i = start
        var negative = false
        if bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") {
            negative = bytes[i] == UInt8(ascii: "-")
            i += 1
        }
        var significand: UInt64 = 0
        var digits = 0
        var significantDigits = 0
        var scale = 0
        var seenPoint = false
        while i < end {
            let byte = bytes[i]
            if byte >= 48 && byte <= 57 {
                digits += 1
                if significand == 0 && byte == 48 {
                    if seenPoint { scale -= 1 }
                } else {
                    significantDigits += 1
                    if significantDigits > 19 { return fallback(bytes, start, end) }
                    significand = significand * 10 + UInt64(byte - 48)
                    if seenPoint { scale -= 1 }
                }
            } else if byte == UInt8(ascii: ".") && !seenPoint {
                seenPoint = true
            } else {
                break
            }
            i += 1
        }
        guard digits > 0 else { return .invalid }
        if i < end {
            guard bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") else { return .invalid }
            i += 1
            var exponentNegative = false
            if i < end && (bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+")) {
                exponentNegative = bytes[i] == UInt8(ascii: "-")
                i += 1
            }
            var exponent = 0
            let exponentStart = i
            while i < end, bytes[i] >= 48, bytes[i] <= 57 {
                exponent = min(exponent * 10 + Int(bytes[i] - 48), 100_000)
                i += 1
            }
            guard i == end, i > exponentStart else { return .invalid }
            scale += exponentNegative ? -exponent : exponent
        }
        if significand == 0 { return .value(0) }
        // Decimal holds exponents in -128...127; trailing zeros can move some values into range.
        while scale > 127 && significand <= UInt64.max / 10 {
            significand *= 10
            scale -= 1
        }
        guard (-128...127).contains(scale) else { return .outOfRange }
        // Written as Foundation writes it (compacted), without its arithmetic.
        if SmallDecimal.layoutIsKnown,
            let value = SmallDecimal(negative: negative, exponent: scale, mantissa: significand).decimal
        {
            return .value(value)
        }
        return .value(Decimal(sign: negative ? .minus : .plus, exponent: scale, significand: Decimal(significand)))
    }

    private static func fallback(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> ParsedNumber {
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        guard let value = Decimal(string: text, locale: posix), !value.isNaN else { return .outOfRange }
        return .value(value)
    }

    /// Reads a number from text with the same rules as `parse(ascii:)`.
    public static func parse(_ text: String) -> ParsedNumber {
        var text = text
        return text.withUTF8 { parse(ascii: $0) }
    }
}
