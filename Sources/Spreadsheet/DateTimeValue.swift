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
        if kind == .duration {
            let sign = durationMilliseconds < 0 ? "-" : ""
            let total = abs(durationMilliseconds)
            let seconds = total / 1000
            let millis = total % 1000
            var text = sign + "\(seconds / 3600):" + pad(Int(seconds / 60 % 60)) + ":" + pad(Int(seconds % 60))
            if millis != 0 { text += "." + pad(Int(millis), 3) }
            return text
        }
        // Written digit by digit into a stack buffer: this runs for every date cell of a sheet.
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 256) { buffer in
            var text = ASCIIText(base: buffer.baseAddress!)
            if kind != .time {
                text.append(year, width: 4, month, day, separator: "-")
            }
            if kind == .dateTime { text.append(UInt8(ascii: "T")) }
            if kind != .date {
                text.append(hour, width: 2, minute, second, separator: ":")
                if microsecond != 0 {
                    text.append(UInt8(ascii: "."))
                    if microsecond % 1000 == 0 {
                        text.append(microsecond / 1000, width: 3)
                    } else {
                        text.append(microsecond, width: 6)
                    }
                }
            }
            return String(decoding: UnsafeBufferPointer(start: buffer.baseAddress, count: text.count), as: UTF8.self)
        }
    }

    /// Days since 1970-01-01 of the date part (proleptic Gregorian).
    public var daysSinceUnixEpoch: Int { CivilCalendar.days(year: year, month: month, day: day) }
}

private func pad(_ value: Int, _ width: Int = 2) -> String {
    let digits = String(abs(value))
    let padded = String(repeating: "0", count: max(0, width - digits.count)) + digits
    return value < 0 ? "-" + padded : padded
}

/// ASCII written into a buffer large enough for it.
private struct ASCIIText {
    let base: UnsafeMutablePointer<UInt8>
    var count = 0

    mutating func append(_ byte: UInt8) {
        base[count] = byte
        count += 1
    }

    /// `value`'s digits, zero-padded to `width`, after a minus sign when negative (as `pad`).
    mutating func append(_ value: Int, width: Int) {
        if value < 0 { append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits = 1
        while magnitude >= 10 {
            magnitude /= 10
            digits += 1
        }
        for _ in digits..<max(digits, width) { append(UInt8(ascii: "0")) }
        magnitude = value.magnitude
        for index in stride(from: count + digits - 1, through: count, by: -1) {
            base[index] = UInt8(ascii: "0") + UInt8(magnitude % 10)
            magnitude /= 10
        }
        count += digits
    }

    /// `first` zero-padded to `width`, then `second` and `third` two digits each, joined by
    /// `separator` (`2026-07-01`, `09:05:00`).
    mutating func append(_ first: Int, width: Int, _ second: Int, _ third: Int, separator: Unicode.Scalar) {
        append(first, width: width)
        append(UInt8(ascii: separator))
        append(second, width: 2)
        append(UInt8(ascii: separator))
        append(third, width: 2)
    }
}
