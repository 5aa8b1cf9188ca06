import Foundation

extension Decimal {
    /// The number in plain positional notation with a `.` separator, no grouping and no exponent:
    /// `-1234.5`, `0.0015`, `100000000000000000000`. Trailing fractional zeros are dropped.
    ///
    /// Converting and exporting millions of cells makes this hot, and `description` divides the
    /// 128-bit mantissa by ten once per digit. So for mantissas of up to 64 bits this writes the
    /// digits of `SmallDecimal`'s parts; otherwise it formats through Foundation.
    public var plainString: String { plainString(minimumDecimals: 0, grouped: false) }

    /// `plainString` with zeros added up to `minimumDecimals` decimals (`1250` → `1250.00` for
    /// two) and, when `grouped`, a comma between each three whole digits (`1,250.00`).
    public func plainString(minimumDecimals: Int, grouped: Bool) -> String {
        guard let parts = SmallDecimal(self) else {
            return Self.styled(foundationPlainString, minimumDecimals: minimumDecimals, grouped: grouped)
        }
        return PlainDigits.withText(of: parts, minimumDecimals: minimumDecimals, grouped: grouped) {
            String(decoding: $0, as: UTF8.self)
        }
    }

    private var foundationPlainString: String {
        let text = description
        guard text.utf8.contains(UInt8(ascii: "e")) || text.utf8.contains(UInt8(ascii: "E")) else { return text }
        return NSDecimalNumber(decimal: self).description(withLocale: Locale(identifier: "en_US_POSIX"))
    }

    /// Plain text (`-1234.5`) with the decimals and grouping asked for, for the numbers too large
    /// for `SmallDecimal` (rare, so through strings).
    private static func styled(_ plain: String, minimumDecimals: Int, grouped: Bool) -> String {
        let negative = plain.hasPrefix("-")
        let body = negative ? plain.dropFirst() : Substring(plain)
        let whole = body.prefix { $0 != "." }
        var fraction = body.dropFirst(whole.count + 1)
        if fraction.count < minimumDecimals {
            fraction += String(repeating: "0", count: minimumDecimals - fraction.count)
        }
        var groupedWhole = ""
        for (offset, digit) in whole.enumerated() {
            if grouped && offset > 0 && (whole.count - offset) % 3 == 0 { groupedWhole.append(",") }
            groupedWhole.append(digit)
        }
        return (negative ? "-" : "") + groupedWhole + (fraction.isEmpty ? "" : "." + fraction)
    }
}

extension TextBuffer {
    /// Appends `value.plainString(minimumDecimals:grouped:)`'s bytes, written straight from the
    /// digits when its mantissa fits 64 bits: what a writer of millions of amounts wants.
    public mutating func append(_ value: Decimal, minimumDecimals: Int = 0, grouped: Bool = false) {
        guard let parts = SmallDecimal(value) else {
            append(utf8: value.plainString(minimumDecimals: minimumDecimals, grouped: grouped))
            return
        }
        append(upTo: PlainDigits.maximumCount(of: parts, minimumDecimals: minimumDecimals)) {
            PlainDigits.write(parts, minimumDecimals: minimumDecimals, grouped: grouped, into: $0)
        }
    }
}

/// The digits of a `SmallDecimal` written as plain text.
enum PlainDigits {
    /// Calls `body` with the plain text of `parts` (see `Decimal.plainString(minimumDecimals:grouped:)`)
    /// as UTF-8 bytes on the stack, valid only during the call.
    static func withText<Result>(
        of parts: SmallDecimal, minimumDecimals: Int, grouped: Bool, _ body: (UnsafeRawBufferPointer) -> Result
    ) -> Result {
        let capacity = maximumCount(of: parts, minimumDecimals: minimumDecimals)
        return withUnsafeTemporaryAllocation(byteCount: capacity, alignment: 1) { buffer in
            let count = write(parts, minimumDecimals: minimumDecimals, grouped: grouped, into: buffer)
            return body(UnsafeRawBufferPointer(rebasing: buffer[..<count]))
        }
    }

    /// The most bytes `write` takes: the sign, up to 20 digits and as many zeros as the exponent
    /// adds, a comma for each three of those, the point and the decimals asked for.
    static func maximumCount(of parts: SmallDecimal, minimumDecimals: Int) -> Int {
        let digits = 20 + abs(parts.exponent)
        return 2 + digits + digits / 3 + max(0, minimumDecimals)
    }

    /// Writes the text into `out`, which has room for `maximumCount` bytes; returns how many it took.
    /// The text is written from its end: the decimals, the point, then the whole digits (a comma
    /// before each three), then the sign.
    static func write(
        _ parts: SmallDecimal, minimumDecimals: Int, grouped: Bool, into out: UnsafeMutableRawBufferPointer
    ) -> Int {
        var mantissa = parts.mantissa
        // Decimals after the point, less trailing zeros: negative for whole numbers with zeros to add.
        var scale = mantissa == 0 ? 0 : -parts.exponent
        while scale > 0 && mantissa % 10 == 0 {
            mantissa /= 10
            scale -= 1
        }
        var digits = 1
        while let power = SmallDecimal.tenToThe(digits), mantissa >= power { digits += 1 }
        let decimals = max(0, scale)
        let shownDecimals = max(decimals, minimumDecimals)
        // Whole digits: the mantissa's above the point and the zeros the exponent adds, or a 0.
        let wholeDigits = scale >= digits ? 1 : digits - scale
        let negative = parts.negative && mantissa != 0
        let count =
            (negative ? 1 : 0) + wholeDigits + (grouped ? (wholeDigits - 1) / 3 : 0)
            + (shownDecimals > 0 ? 1 + shownDecimals : 0)
        var at = count
        func put(_ byte: UInt8) {
            at -= 1
            out[at] = byte
        }
        var rest = mantissa
        func putDigit() {
            put(UInt8(ascii: "0") + UInt8(rest % 10))
            rest /= 10
        }
        for _ in decimals..<shownDecimals { put(UInt8(ascii: "0")) }
        // The mantissa's digits below the point, then zeros up to it once they run out.
        for _ in 0..<decimals { putDigit() }
        if shownDecimals > 0 { put(UInt8(ascii: ".")) }
        for written in 0..<wholeDigits {
            if grouped && written > 0 && written % 3 == 0 { put(UInt8(ascii: ",")) }
            if written < -scale { put(UInt8(ascii: "0")) } else { putDigit() }
        }
        if negative { put(UInt8(ascii: "-")) }
        return count
    }
}

extension Decimal {
    /// The number as Excel shows and computes with it: rounded to 15 significant digits.
    ///
    /// XLSX number cells hold binary doubles written with up to 17 digits, so `69934.49` is
    /// stored as `69934.49000000001`; Excel's own precision is 15 digits. Readers that turn cells
    /// into money use this to get back the value the sheet's author typed.
    public var excelPrecision: Decimal {
        // Most cells have at most 15 digits already (zero among them): counted from storage,
        // without arithmetic, before any comparison.
        if let parts = SmallDecimal(self), parts.mantissa < 1_000_000_000_000_000 { return self }
        guard self != 0, !isNaN else { return self }
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
