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
        case .excel1904: return CivilCalendar.date(days: n + CivilCalendar.days(year: 1904, month: 1, day: 1))
        case .excel1900:
            if n == 0 { return (1900, 1, 0) }
            if n == 60 { return (1900, 2, 29) }
            return CivilCalendar.date(days: n + CivilCalendar.days(year: 1899, month: 12, day: n < 60 ? 31 : 30))
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
