import Foundation
import Spreadsheet

/// Serial day numbers and calendar dates as Excel converts them, phantom 1900-02-29 included.
enum ExcelCalendar {
    /// Year, month and day of a serial (its whole part); nil for negative serials or past 9999.
    static func date(_ serial: Decimal, system: DateSystem) -> (year: Int, month: Int, day: Int)? {
        let whole = serial.rounded(0, .down)
        guard whole >= 0, whole < 2_958_466 else { return nil }
        let n = NSDecimalNumber(decimal: whole).intValue
        switch system {
        case .excel1904: return civil(days: n + daysFrom1970(1904, 1, 1))
        case .excel1900:
            if n == 0 { return (1900, 1, 0) }
            if n == 60 { return (1900, 2, 29) }
            return civil(days: n + daysFrom1970(1899, 12, n < 60 ? 31 : 30))
        }
    }

    /// Excel's DATE: years 0–1899 count from 1900, months and days roll over; nil when the date
    /// falls before the system's first day or past 9999-12-31.
    static func serial(year: Int, month: Int, day: Int, system: DateSystem) -> Int? {
        var y = year < 1900 ? year + 1900 : year
        var m = month - 1
        y += m >= 0 ? m / 12 : (m - 11) / 12
        m = ((m % 12) + 12) % 12
        guard (1900...9999).contains(y) else { return nil }
        let first = system.serial(year: y, month: m + 1, day: 1)
        let value = first + day - 1
        guard value >= 0, value < 2_958_466 else { return nil }
        return value
    }

    /// Days in `month` of `year`.
    static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private static func daysFrom1970(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    private static func civil(days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

/// Dates typed as text, as DATEVALUE and coercion read them (ISO, US month/day/year, `15-Jan-2026`).
enum DateText {
    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    static func serial(_ text: String, system: DateSystem) -> Decimal? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.split(whereSeparator: { $0 == "-" || $0 == "/" || $0 == " " }).map(String.init)
        guard parts.count == 3 else { return nil }
        var year: Int?
        var month: Int?
        var day: Int?
        if parts[0].count == 4, let y = Int(parts[0]) {
            year = y
            month = Int(parts[1]) ?? monthNumber(parts[1])
            day = Int(parts[2])
        } else if let m = monthNumber(parts[1]) {
            day = Int(parts[0])
            month = m
            year = Int(parts[2])
        } else if let m = monthNumber(parts[0]) {
            month = m
            day = Int(parts[1].trimmingCharacters(in: CharacterSet(charactersIn: ",")))
            year = Int(parts[2])
        } else {
            month = Int(parts[0])
            day = Int(parts[1])
            year = Int(parts[2])
        }
        guard var y = year, let m = month, let d = day, (1...12).contains(m), d >= 1,
            d <= (y == 1900 && m == 2 ? 29 : ExcelCalendar.daysIn(year: y, month: m))
        else { return nil }
        if y < 100 { y += y < 30 ? 2000 : 1900 }
        return ExcelCalendar.serial(year: y, month: m, day: d, system: system).map { Decimal($0) }
    }

    private static func monthNumber(_ text: String) -> Int? {
        let lower = text.lowercased()
        guard lower.count >= 3 else { return nil }
        return months.firstIndex { lower.hasPrefix($0) }.map { $0 + 1 }
    }
}
