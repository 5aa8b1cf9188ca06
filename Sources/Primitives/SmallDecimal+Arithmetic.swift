import Foundation

/// `*`, `+`, comparison and rounding of two `SmallDecimal`s on integers.
///
/// Foundation's Decimal operators work on 128-bit mantissas through arrays and allocate on every
/// operation; a million `ROUND(D2*E2,2)`, or a million lines priced by the commission engine,
/// spend most of their time there. So these give exactly Foundation's result (the same value,
/// compacted as Foundation compacts it) on integers; anything that does not fit, or would round
/// in Foundation, returns nil and goes through Foundation.
extension SmallDecimal {
    /// The signed mantissa, when it fits `Int64`.
    private var signedMantissa: Int64? {
        guard mantissa <= UInt64(Int64.max) else { return nil }
        return negative ? -Int64(mantissa) : Int64(mantissa)
    }

    /// `10^power` for 0...19.
    public static func tenToThe(_ power: Int) -> UInt64? {
        guard power >= 0, power < powersOfTen.count else { return nil }
        return powersOfTen[power]
    }

    private static let powersOfTen: [UInt64] = (0...19).map { power in
        (0..<power).reduce(UInt64(1)) { product, _ in product * 10 }
    }

    /// `mantissa × 10^shift`, when it fits.
    private static func scaled(_ mantissa: Int64, by shift: Int) -> Int64? {
        guard shift > 0 else { return mantissa }
        guard let factor = tenToThe(shift), factor <= UInt64(Int64.max) else { return nil }
        let (result, overflow) = mantissa.multipliedReportingOverflow(by: Int64(factor))
        return overflow ? nil : result
    }

    // MARK: Operations

    public static func product(_ a: SmallDecimal, _ b: SmallDecimal) -> Decimal? {
        let (mantissa, overflow) = a.mantissa.multipliedReportingOverflow(by: b.mantissa)
        guard !overflow else { return nil }
        return SmallDecimal(negative: a.negative != b.negative, exponent: a.exponent + b.exponent, mantissa: mantissa)
            .decimal
    }

    /// `a + b`, exact; nil when the aligned mantissas do not fit `Int64`.
    public static func sum(_ a: SmallDecimal, _ b: SmallDecimal) -> SmallDecimal? {
        guard let x = a.signedMantissa, let y = b.signedMantissa else { return nil }
        let exponent = min(a.exponent, b.exponent)
        guard let p = scaled(x, by: a.exponent - exponent), let q = scaled(y, by: b.exponent - exponent) else {
            return nil
        }
        let (total, overflow) = p.addingReportingOverflow(q)
        guard !overflow else { return nil }
        return SmallDecimal(negative: total < 0, exponent: exponent, mantissa: total.magnitude)
    }

    /// How `a` compares with `b`; nil when aligning them would overflow.
    public static func compare(_ a: SmallDecimal, _ b: SmallDecimal) -> ComparisonResult? {
        guard let x = a.signedMantissa, let y = b.signedMantissa else { return nil }
        // Amounts of one currency mostly share an exponent: nothing to align.
        if a.exponent == b.exponent { return x == y ? .orderedSame : (x < y ? .orderedAscending : .orderedDescending) }
        let exponent = min(a.exponent, b.exponent)
        // A zero compares by sign alone, whatever its exponent.
        let p = x == 0 ? 0 : scaled(x, by: a.exponent - exponent)
        let q = y == 0 ? 0 : scaled(y, by: b.exponent - exponent)
        guard let p, let q else { return nil }
        return p == q ? .orderedSame : (p < q ? .orderedAscending : .orderedDescending)
    }

    /// Rounded to `places` decimals as `NSDecimalRound` rounds (`.plain` halves away from zero,
    /// `.bankers` halves to even, `.up` towards +∞, `.down` towards −∞); nil when it does not fit.
    ///
    /// Any `Int` places, without a trap: more than the value has leave it as it is; so few that
    /// every digit is dropped (20 or more, past a 64-bit mantissa) leave zero, or nil where `.up`
    /// or `.down` round away from zero to a power of ten.
    public func rounded(_ places: Int, _ mode: NSDecimalNumber.RoundingMode) -> Decimal? {
        // A huge `places` is the caller's (a formula's ROUND); the exponent is a Decimal's.
        let (dropped, overflow) = (-exponent).subtractingReportingOverflow(places)
        if overflow { return places > 0 ? decimal : Self.everyDigitDropped(mantissa, negative, mode) }
        guard dropped > 0 else { return decimal }
        guard let divisor = Self.tenToThe(dropped) else { return Self.everyDigitDropped(mantissa, negative, mode) }
        var kept = mantissa / divisor
        let rest = mantissa % divisor
        let awayFromZero: Bool
        switch mode {
        case .plain: awayFromZero = rest >= divisor - rest
        case .bankers: awayFromZero = rest > divisor - rest || (rest == divisor - rest && kept % 2 == 1)
        case .up: awayFromZero = rest > 0 && !negative
        case .down: awayFromZero = rest > 0 && negative
        @unknown default: return nil
        }
        if awayFromZero { kept += 1 }
        return SmallDecimal(negative: negative && kept != 0, exponent: exponent + dropped, mantissa: kept).decimal
    }

    /// `mantissa` rounded at a power of ten past 10¹⁹, which it is less than half of: zero, or nil
    /// for `.up` and `.down` away from zero (a power of ten, which may not fit).
    private static func everyDigitDropped(_ mantissa: UInt64, _ negative: Bool, _ mode: NSDecimalNumber.RoundingMode)
        -> Decimal?
    {
        switch mode {
        case .plain, .bankers: return 0
        case .up: return mantissa > 0 && !negative ? nil : 0
        case .down: return mantissa > 0 && negative ? nil : 0
        @unknown default: return nil
        }
    }

    /// The value as an `Int` when it is a whole number that fits.
    public var integer: Int? {
        guard let signed = signedMantissa else { return nil }
        if exponent >= 0 {
            guard let value = Self.scaled(signed, by: exponent) else { return nil }
            return Int(value)
        }
        guard let divisor = Self.tenToThe(-exponent), signed % Int64(divisor) == 0 else { return nil }
        return Int(signed / Int64(divisor))
    }
}

extension Decimal {
    /// `a * b`, on integers when both are small.
    public static func product(_ a: Decimal, _ b: Decimal) -> Decimal {
        if let x = SmallDecimal(a), let y = SmallDecimal(b), let result = SmallDecimal.product(x, y) { return result }
        return a * b
    }

    /// `a + b`, on integers when both are small.
    public static func sum(_ a: Decimal, _ b: Decimal) -> Decimal {
        if let x = SmallDecimal(a), let y = SmallDecimal(b), let result = SmallDecimal.sum(x, y)?.decimal {
            return result
        }
        return a + b
    }

    /// `a - b`, on integers when both are small.
    public static func difference(_ a: Decimal, _ b: Decimal) -> Decimal {
        if let x = SmallDecimal(a), var y = SmallDecimal(b) {
            y.negative = !y.negative && y.mantissa != 0
            if let result = SmallDecimal.sum(x, y)?.decimal { return result }
        }
        return a - b
    }

    /// The sum of `values`, exactly what adding them one by one with `+` gives: on integers
    /// while the running total stays small, else through Foundation from the start.
    public static func total(_ values: [Decimal]) -> Decimal {
        var running = SmallDecimal(negative: false, exponent: 0, mantissa: 0)
        for value in values {
            guard let next = SmallDecimal(value), let added = SmallDecimal.sum(running, next) else {
                return values.reduce(0, +)
            }
            running = added
        }
        return running.decimal ?? values.reduce(0, +)
    }

    /// How `a` compares with `b`, on integers when both are small.
    public static func order(_ a: Decimal, _ b: Decimal) -> ComparisonResult {
        if let x = SmallDecimal(a), let y = SmallDecimal(b), let result = SmallDecimal.compare(x, y) { return result }
        return a == b ? .orderedSame : (a < b ? .orderedAscending : .orderedDescending)
    }

    /// `a < b`, on integers when both are small.
    public static func less(_ a: Decimal, _ b: Decimal) -> Bool { order(a, b) == .orderedAscending }

    /// `a == b`, on integers when both are small.
    public static func same(_ a: Decimal, _ b: Decimal) -> Bool { order(a, b) == .orderedSame }
}
