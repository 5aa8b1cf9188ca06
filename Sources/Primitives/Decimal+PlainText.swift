import Foundation

extension Decimal {
    /// The number in plain positional notation with a `.` separator, no grouping and no exponent:
    /// `-1234.5`, `0.0015`, `100000000000000000000`. Trailing fractional zeros are dropped.
    ///
    /// Converting and exporting millions of cells makes this hot, and `description` divides the
    /// 128-bit mantissa by ten once per digit. So for mantissas of up to 64 bits this writes the
    /// digits of `SmallDecimal`'s parts; otherwise it formats through Foundation.
    public var plainString: String {
        if let parts = SmallDecimal(self) {
            return Self.format(negative: parts.negative, exponent: parts.exponent, mantissa: parts.mantissa)
        }
        return foundationPlainString
    }

    private var foundationPlainString: String {
        let text = description
        guard text.utf8.contains(UInt8(ascii: "e")) || text.utf8.contains(UInt8(ascii: "E")) else { return text }
        return NSDecimalNumber(decimal: self).description(withLocale: Locale(identifier: "en_US_POSIX"))
    }

    /// Writes the digits into a stack buffer: no allocation beyond the resulting String.
    private static func format(negative: Bool, exponent: Int, mantissa: UInt64) -> String {
        if mantissa == 0 { return "0" }
        // Up to 20 digits, least significant first.
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20 + 2 + 256) { buffer in
            let digitArea = UnsafeMutableBufferPointer(rebasing: buffer[0..<20])
            var count = 0
            var rest = mantissa
            while rest > 0 {
                digitArea[count] = UInt8(48 + rest % 10)
                rest /= 10
                count += 1
            }
            var low = 0
            var scale = -exponent
            while scale > 0 && digitArea[low] == 48 {
                low += 1
                scale -= 1
            }
            var n = 20
            func put(_ byte: UInt8) {
                buffer[n] = byte
                n += 1
            }
            if negative { put(UInt8(ascii: "-")) }
            let significant = count - low
            if scale <= 0 {
                for i in stride(from: count - 1, through: low, by: -1) { put(digitArea[i]) }
                for _ in 0..<(-scale) { put(UInt8(ascii: "0")) }
            } else if scale >= significant {
                put(UInt8(ascii: "0"))
                put(UInt8(ascii: "."))
                for _ in 0..<(scale - significant) { put(UInt8(ascii: "0")) }
                for i in stride(from: count - 1, through: low, by: -1) { put(digitArea[i]) }
            } else {
                for i in stride(from: count - 1, through: low, by: -1) {
                    put(digitArea[i])
                    if i - low == scale { put(UInt8(ascii: ".")) }
                }
            }
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[20..<n]), as: UTF8.self)
        }
    }
}

extension Decimal {
    /// The number as Excel shows and computes with it: rounded to 15 significant digits.
    ///
    /// XLSX number cells hold binary doubles written with up to 17 digits, so `69934.49` is
    /// stored as `69934.49000000001`; Excel's own precision is 15 digits. Readers that turn cells
    /// into money use this to get back the value the sheet's author typed.
    public var excelPrecision: Decimal {
        guard self != 0, !isNaN else { return self }
        // Most cells have at most 15 digits already: count them from storage, without arithmetic.
        if let parts = SmallDecimal(self), parts.mantissa < 1_000_000_000_000_000 { return self }
        let magnitude = self < 0 ? -self : self
        var integerDigits = 0
        var scaled = magnitude
        while scaled >= 1 {
            scaled /= 10
            integerDigits += 1
        }
        var leadingZeros = 0
        if integerDigits == 0 {
            var probe = magnitude
            while probe < Decimal(string: "0.1")! {
                probe *= 10
                leadingZeros += 1
            }
        }
        let places = integerDigits > 0 ? 15 - integerDigits : 15 + leadingZeros
        var source = self
        var result = Decimal()
        NSDecimalRound(&result, &source, places, .plain)
        return result
    }
}
