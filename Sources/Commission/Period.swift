import Foundation

/// A plan's period length.
public enum PeriodKind: String, Sendable, Hashable, CaseIterable {
    case month, quarter, year

    public var periodsPerYear: Int {
        switch self {
        case .month: 12
        case .quarter: 4
        case .year: 1
        }
    }

    var months: Int { 12 / periodsPerYear }
}

/// One commission period: a month, a fiscal quarter or a fiscal year.
///
/// Periods are numbered within the fiscal year that starts in month `fiscalYearStart`; the fiscal
/// year is labelled by the calendar year it starts in. Labels: `2026-07` (months are calendar
/// months), `2026-Q3`, `2026`.
public struct Period: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let kind: PeriodKind
    // Stored small: every statement line holds a period, and a million lines hold a million.
    private let storedFiscalYearStart: UInt8
    private let storedIndex: UInt8
    private let storedFiscalYear: Int32

    /// The calendar month (1...12) the fiscal year starts in.
    public var fiscalYearStart: Int { Int(storedFiscalYearStart) }
    /// The calendar year the period's fiscal year starts in.
    public var fiscalYear: Int { Int(storedFiscalYear) }
    /// 0-based position within the fiscal year.
    public var index: Int { Int(storedIndex) }

    /// The period containing `date`.
    public init(containing date: LocalDate, kind: PeriodKind, fiscalYearStart: Int) {
        let (year, month, _) = date.components
        let monthInYear = (month - fiscalYearStart + 12) % 12
        self.init(
            kind: kind, fiscalYearStart: fiscalYearStart, fiscalYear: month >= fiscalYearStart ? year : year - 1,
            index: monthInYear / kind.months)
    }

    private init(kind: PeriodKind, fiscalYearStart: Int, fiscalYear: Int, index: Int) {
        self.kind = kind
        storedFiscalYearStart = UInt8(fiscalYearStart)
        storedFiscalYear = Int32(fiscalYear)
        storedIndex = UInt8(index)
    }

    /// The period a label names (`2026-07`, `2026-Q3`, `2026`, as `description` writes them) in a
    /// plan's calendar; nil when the label is not one of that kind.
    public init?(label: String, kind: PeriodKind, fiscalYearStart: Int) {
        let parts = label.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...12).contains(fiscalYearStart), let year = Int(parts[0]), parts[0].count == 4 else { return nil }
        switch (kind, parts.count) {
        case (.year, 1):
            self.init(kind: kind, fiscalYearStart: fiscalYearStart, fiscalYear: year, index: 0)
        case (.quarter, 2):
            guard parts[1].count == 2, parts[1].first == "Q", let quarter = Int(parts[1].dropFirst()),
                (1...4).contains(quarter)
            else { return nil }
            self.init(kind: kind, fiscalYearStart: fiscalYearStart, fiscalYear: year, index: quarter - 1)
        case (.month, 2):
            guard parts[1].count == 2, let month = Int(parts[1]),
                let first = LocalDate(year: year, month: month, day: 1)
            else { return nil }
            self.init(containing: first, kind: kind, fiscalYearStart: fiscalYearStart)
        default:
            return nil
        }
    }

    /// The first day of the period.
    public var start: LocalDate {
        let monthOffset = fiscalYearStart - 1 + index * kind.months
        return LocalDate(year: fiscalYear + monthOffset / 12, month: monthOffset % 12 + 1, day: 1)!
    }

    /// The last day of the period.
    public var end: LocalDate { next.start.adding(days: -1) }

    public var days: Int { start.days(to: end) + 1 }

    public var next: Period {
        index + 1 < kind.periodsPerYear
            ? Period(kind: kind, fiscalYearStart: fiscalYearStart, fiscalYear: fiscalYear, index: index + 1)
            : Period(kind: kind, fiscalYearStart: fiscalYearStart, fiscalYear: fiscalYear + 1, index: 0)
    }

    /// The first and last day of the period's fiscal year.
    public var fiscalYearRange: ClosedRange<LocalDate> {
        let first = LocalDate(year: fiscalYear, month: fiscalYearStart, day: 1)!
        let last = LocalDate(year: fiscalYear + 1, month: fiscalYearStart, day: 1)!.adding(days: -1)
        return first...last
    }

    public func contains(_ date: LocalDate) -> Bool { (start...end).contains(date) }

    /// Whether `other` lies wholly within this period: itself, or a quarter or month of this
    /// year (a year's figure adds up its quarters').
    public func contains(_ other: Period) -> Bool { start <= other.start && other.end <= end }

    public var description: String {
        switch kind {
        case .year: return String(fiscalYear)
        case .quarter: return "\(fiscalYear)-Q\(index + 1)"
        case .month:
            let (y, m, _) = start.components
            return "\(y)-" + (m < 10 ? "0" : "") + String(m)
        }
    }

    public static func < (a: Period, b: Period) -> Bool {
        (a.storedFiscalYear, a.storedIndex) < (b.storedFiscalYear, b.storedIndex)
    }
}
