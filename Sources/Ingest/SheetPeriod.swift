import Commission
import Spreadsheet

/// The month a tab per period is about, for a deals sheet without a date column: its name
/// (`July`, `Jul 2026`, `2026-07`, `Julio`, read by `Commission.PeriodLabel`) names the month
/// every row closed in, and each row is dated its first day.
///
/// A name without a year takes it from the rest of the workbook: the dates of the deals on the
/// other sheets and the years the other sheets' names write. When those give no year, or more
/// than one, the sheet is an error naming it, never a guess. Quarters and years are not read this
/// way: which months a quarter holds depends on the plan's fiscal year.
enum SheetPeriod {
    /// The month `sheet`'s name names, if it names one (with or without a year).
    static func month(named sheet: String) -> PeriodLabel? {
        guard let label = PeriodLabel(sheet), label.month != nil, label.quarter == nil else { return nil }
        return label
    }

    /// The first day of the month `label` names on `sheet`; `years` are the years the rest of the
    /// workbook holds (its deals' dates, its other sheets' names).
    static func firstDay(of label: PeriodLabel, sheet: String, years: Set<Int>, file: String) throws -> LocalDate {
        guard let month = label.month else {
            throw SpreadsheetError(Location(file: file, sheet: sheet), "the sheet's name names no month")
        }
        let year: Int
        if let written = label.year {
            year = written
        } else if years.count == 1, let only = years.first {
            year = only
        } else {
            let found =
                years.isEmpty
                ? "no other sheet has a dated deal or a year in its name"
                : "the workbook holds \(years.sorted().map(String.init).joined(separator: " and "))"
            throw SpreadsheetError(
                Location(file: file, sheet: sheet),
                "the sheet has no date column and its name '\(sheet)' gives no year, and \(found); write the year in the sheet's name (e.g. '\(sheet) \(years.sorted().last ?? 2026)') or add a date column"
            )
        }
        guard let date = LocalDate(year: year, month: month, day: 1) else {
            throw SpreadsheetError(Location(file: file, sheet: sheet), "the sheet's name names no month")
        }
        return date
    }

    /// The years the workbook's sheets write in their names (`Jun 2026`, `Q2 2026`).
    static func yearsNamed(in sheets: [String?]) -> Set<Int> {
        Set(sheets.compactMap { $0.flatMap(PeriodLabel.init)?.year })
    }
}
