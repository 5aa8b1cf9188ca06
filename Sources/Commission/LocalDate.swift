import Foundation
import Primitives

/// A calendar date without a time or zone, as commission plans count days.
public struct LocalDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Days since 1970-01-01.
    public let dayNumber: Int

    public init(dayNumber: Int) { self.dayNumber = dayNumber }

    public init?(year: Int, month: Int, day: Int) {
        guard CivilCalendar.isValid(year: year, month: month, day: day) else { return nil }
        dayNumber = CivilCalendar.days(year: year, month: month, day: day)
    }

    /// Parses `YYYY-MM-DD` (an optional time after `T` or a space is ignored).
    public init?(iso text: some StringProtocol) {
        if let fast = Self.parseCompact(String(text)) {
            self = fast
            return
        }
        let datePart = text.prefix { $0 != "T" && $0 != " " }
        let fields = datePart.split(separator: "-", omittingEmptySubsequences: false)
        guard fields.count == 3, fields[0].count == 4, fields[1].count <= 2, fields[2].count <= 2,
            let y = Int(fields[0]), let m = Int(fields[1]), let d = Int(fields[2])
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Exactly `YYYY-MM-DD`, read byte by byte: the common case, without splitting strings.
    private static func parseCompact(_ text: String) -> LocalDate? {
        var text = text
        guard let fields = text.withUTF8({ CivilCalendar.isoFields($0) }) else { return nil }
        return LocalDate(year: fields.year, month: fields.month, day: fields.day)
    }

    public var components: (year: Int, month: Int, day: Int) { CivilCalendar.date(days: dayNumber) }
    public var year: Int { components.year }
    public var month: Int { components.month }

    public func adding(days: Int) -> LocalDate { LocalDate(dayNumber: dayNumber + days) }

    /// Days from `self` to `other` (positive when `other` is later).
    public func days(to other: LocalDate) -> Int { other.dayNumber - dayNumber }

    public var description: String {
        let (y, m, d) = components
        return String(format: "%04d-%02d-%02d", y, m, d)
    }

    public static func < (a: LocalDate, b: LocalDate) -> Bool { a.dayNumber < b.dayNumber }
}
