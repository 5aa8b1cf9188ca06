import Commission
import Formula
import Foundation
import Primitives

/// Which months a summary's year (`2026`, `FY2026`, `2026 YTD`) spans beside a plan of quarters
/// or months, whose figures for it add up the plan's periods of that year.
///
/// The contract labels a fiscal year by the calendar year it starts in; a sheet may label it by
/// the year it ends in, or keep calendar years (a monthly plan's months are calendar months, and
/// a quarterly plan's quarters make up calendar years when the fiscal year starts in January,
/// April, July or October). With a fiscal year that starts in January the three are one.
enum YearReading: Sendable, Hashable {
    case fiscalByStart, fiscalByEnd, calendar

    /// The readings `plan` allows, the contract's first; none for a plan paid by the year.
    static func readings(of plan: Plan) -> [YearReading] {
        guard plan.period != .year else { return [] }
        guard plan.fiscalYearStart != 1 else { return [.fiscalByStart] }
        let calendarFits = plan.period == .month || (plan.fiscalYearStart - 1) % 3 == 0
        return [.fiscalByStart, .fiscalByEnd] + (calendarFits ? [.calendar] : [])
    }

    /// The year `period` names under this reading, as a period a year long; nil when it names
    /// something other than a year alone, or a fiscal year (`FY2026`) read as a calendar one.
    func year(_ period: SummaryPeriod, plan: Plan) -> Period? {
        guard case .label(let text) = period, let label = PeriodLabel(text), label.namesYearOnly,
            let year = label.year
        else { return nil }
        switch self {
        case .fiscalByStart: return Period(label: String(year), kind: .year, fiscalYearStart: plan.fiscalYearStart)
        case .fiscalByEnd: return Period(label: String(year - 1), kind: .year, fiscalYearStart: plan.fiscalYearStart)
        case .calendar: return label.isFiscal ? nil : Period(label: String(year), kind: .year, fiscalYearStart: 1)
        }
    }

    /// Of `readings`, the one the formulas of the year `rows`' figures name by the dates they add
    /// up from (`named(by:for:among:plan:)`), else the one most of their figures agree with
    /// (`agreeing`, how many under a reading); the first, the contract's, on a tie.
    static func chosen(
        among readings: [YearReading], rows: [SummaryRow], plan: Plan, agreeing: (YearReading) -> Int
    ) -> YearReading? {
        var named: [YearReading: Int] = [:]
        for row in rows {
            guard let formula = SummaryField.figures.lazy.compactMap({ row.cells[$0]?.formula }).first else {
                continue
            }
            for reading in Self.named(by: formula, for: row.period, among: readings, plan: plan) {
                named[reading, default: 0] += 1
            }
        }
        let counts = named.isEmpty ? readings.map(agreeing) : readings.map { named[$0] ?? 0 }
        return counts.max().flatMap { best in counts.firstIndex(of: best).map { readings[$0] } }
    }

    /// The readings under which the year `period` names starts on the earliest date `formula`
    /// names (`SUMIFS(…, Deals!C:C, ">="&DATE(2026,1,1), …)`): a figure adding up the year's rows
    /// by their dates says which year it means. None for a formula naming no date.
    static func named(by formula: String, for period: SummaryPeriod, among readings: [YearReading], plan: Plan)
        -> [YearReading]
    {
        guard let first = firstDate(in: formula) else { return [] }
        return readings.filter { $0.year(period, plan: plan)?.start == first }
    }

    /// The earliest date `formula` names with `DATE(y,m,d)`, or nil.
    static func firstDate(in formula: String) -> LocalDate? {
        guard formula.uppercased().contains("DATE("), let tree = try? Parser.parse(formula) else { return nil }
        var dates: [LocalDate] = []
        tree.visit { node in
            guard case .call("DATE", let arguments) = node, arguments.count == 3 else { return }
            let parts = arguments.compactMap { argument -> Int? in
                guard case .number(let number) = argument, number == number.rounded(places: 0, mode: .halfUp) else {
                    return nil
                }
                return Int(truncating: NSDecimalNumber(decimal: number))
            }
            if parts.count == 3, let date = LocalDate(year: parts[0], month: parts[1], day: parts[2]) {
                dates.append(date)
            }
        }
        return dates.min()
    }

    /// How the report says the years were read.
    func text(_ plan: Plan) -> String {
        let month = CivilCalendar.monthNames[plan.fiscalYearStart - 1]
        switch self {
        case .fiscalByStart:
            return plan.fiscalYearStart == 1
                ? "calendar years" : "fiscal years from \(month), by the year they start in"
        case .fiscalByEnd: return "fiscal years from \(month), by the year they end in"
        case .calendar: return "calendar years"
        }
    }
}
