import Foundation

/// A calendar date, date-time, time of day or elapsed duration, without a time zone.
///
/// Spreadsheets store these as serial day numbers (or, rarely, ISO 8601 text); this keeps the
/// calendar fields and, when it came from a number, the serial it was read from.
public struct DateTimeValue: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case date, dateTime = "datetime", time, duration
    }

    public var kind: Kind
    public var year: Int
    public var month: Int
    public var day: Int
    public var hour: Int
    public var minute: Int
    public var second: Int
    public var microsecond: Int
    /// For `.duration`: the whole length in milliseconds (hours do not wrap at 24).
    public var durationMilliseconds: Int64
    /// The serial number the value was stored as, when it was stored as a number.
    public var serial: Decimal?

    public init(
        kind: Kind, year: Int = 1899, month: Int = 12, day: Int = 30, hour: Int = 0, minute: Int = 0,
        second: Int = 0, microsecond: Int = 0, durationMilliseconds: Int64 = 0, serial: Decimal? = nil
    ) {
        self.kind = kind
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
        self.microsecond = microsecond
        self.durationMilliseconds = durationMilliseconds
        self.serial = serial
    }

    /// ISO 8601: `2024-01-31`, `2024-01-31T10:05:00`, `10:05:00.250`; durations as `H:MM:SS[.fff]`.
    public var iso8601: String {
        switch kind {
        case .date: return dateText
        case .dateTime: return dateText + "T" + timeText
        case .time: return timeText
        case .duration:
            let sign = durationMilliseconds < 0 ? "-" : ""
            let total = abs(durationMilliseconds)
            let seconds = total / 1000
            let millis = total % 1000
            var text = sign + "\(seconds / 3600):" + pad(Int(seconds / 60 % 60)) + ":" + pad(Int(seconds % 60))
            if millis != 0 { text += "." + pad(Int(millis), 3) }
            return text
        }
    }

    private var dateText: String { pad(year, 4) + "-" + pad(month) + "-" + pad(day) }

    private var timeText: String {
        var text = pad(hour) + ":" + pad(minute) + ":" + pad(second)
        if microsecond != 0 {
            text += microsecond % 1000 == 0 ? "." + pad(microsecond / 1000, 3) : "." + pad(microsecond, 6)
        }
        return text
    }

    /// Days since 1970-01-01 of the date part (proleptic Gregorian).
    public var daysSinceUnixEpoch: Int { CivilCalendar.days(year: year, month: month, day: day) }
}

private func pad(_ value: Int, _ width: Int = 2) -> String {
    let digits = String(abs(value))
    let padded = String(repeating: "0", count: max(0, width - digits.count)) + digits
    return value < 0 ? "-" + padded : padded
}
