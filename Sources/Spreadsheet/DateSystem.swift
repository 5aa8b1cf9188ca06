import Foundation

/// How a workbook counts days: from 1899-12-30 with Excel's phantom 1900-02-29, or from 1904-01-01.
public enum DateSystem: Sendable, Hashable {
    case excel1900
    case excel1904

    private static let millisecondsPerDay: Decimal = 86_400_000
    /// 1899-12-30 and 1904-01-01 as days since 1970-01-01.
    private static let epoch1900 = -25_569
    private static let epoch1904 = -24_107

    /// Converts a serial number to a date value of `kind` (`.duration` keeps the elapsed length).
    ///
    /// Rounds to the millisecond. In the 1900 system serials below 60 are shifted by the phantom
    /// 1900-02-29 the way Excel counts them. `.date` is returned as `.time` for serials in [0, 1)
    /// and as `.dateTime` when the serial has a time of day.
    public func value(serial: Decimal, duration: Bool) -> DateTimeValue? {
        var scaled = serial * Self.millisecondsPerDay
        var rounded = Decimal()
        NSDecimalRound(&rounded, &scaled, 0, .bankers)
        guard let totalMillis = Int64(exactly: NSDecimalNumber(decimal: rounded).int64Value),
            abs(totalMillis) < 3_000_000 * 86_400_000
        else { return nil }
        return value(
            totalMillis: totalMillis, serial: serial, nonNegative: serial >= 0,
            beforePhantomDay: serial > 0 && serial < 60, duration: duration)
    }

    /// `value(serial:duration:)` for a serial known to be the whole number `wholeSerial` (the
    /// common case of a date without a time), without decimal arithmetic; `serial` is kept.
    public func value(wholeSerial: Int, serial: Decimal, duration: Bool) -> DateTimeValue? {
        guard abs(wholeSerial) < 3_000_000 else { return nil }
        return value(
            totalMillis: Int64(wholeSerial) * 86_400_000, serial: serial, nonNegative: wholeSerial >= 0,
            beforePhantomDay: wholeSerial > 0 && wholeSerial < 60, duration: duration)
    }

    /// The value `totalMillis` milliseconds from the epoch, for a serial that is or is not
    /// negative and does or does not fall in (0, 60), before the phantom 1900-02-29.
    private func value(
        totalMillis: Int64, serial: Decimal, nonNegative: Bool, beforePhantomDay: Bool, duration: Bool
    ) -> DateTimeValue {
        if duration {
            return DateTimeValue(kind: .duration, durationMilliseconds: totalMillis, serial: serial)
        }
        var days = Int(totalMillis.floorDivided(by: 86_400_000))
        let millisOfDay = Int(totalMillis - Int64(days) * 86_400_000)
        let kind: DateTimeValue.Kind
        if nonNegative && days == 0 {
            kind = .time
        } else {
            kind = millisOfDay == 0 ? .date : .dateTime
        }
        if self == .excel1900 && beforePhantomDay { days += 1 }
        let (year, month, day) = CivilCalendar.date(days: days + (self == .excel1900 ? Self.epoch1900 : Self.epoch1904))
        return DateTimeValue(
            kind: kind, year: year, month: month, day: day, hour: millisOfDay / 3_600_000,
            minute: millisOfDay / 60_000 % 60, second: millisOfDay / 1000 % 60,
            microsecond: millisOfDay % 1000 * 1000, serial: serial)
    }

    /// The serial number Excel stores for a calendar date (no time of day).
    public func serial(year: Int, month: Int, day: Int) -> Int {
        let days = CivilCalendar.days(year: year, month: month, day: day)
        switch self {
        case .excel1904: return days - Self.epoch1904
        case .excel1900:
            let serial = days - Self.epoch1900
            return serial < 61 ? serial - 1 : serial
        }
    }
}

extension Int64 {
    func floorDivided(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
