import Commission
import Spreadsheet

/// The period a tab per period is about, for a deals sheet without a date column: its name names
/// a month (`July`, `Jul 2026`, `2026-07`, `Julio`) or a quarter (`Q3`, `Q3 2026`, `2026-Q3`,
/// `FY26 Q3`), read by `Commission.PeriodLabel`, and each row is dated the period's first day.
///
/// A month is a calendar month. A quarter is numbered within the plan's fiscal year
/// (`fiscal_year_start`): `2026-Q3` is the third quarter of the fiscal year that starts in 2026.
/// When the fiscal year does not start in January, `Q3 2026` may mean the fiscal year that starts
/// or the one that ends in 2026; the rest of the workbook tells which.
///
/// A name without a year takes it from the rest of the workbook (`WorkbookYears`): the dates of
/// the deals on the other sheets and the years the other sheets' names write; a month's, when those
/// give none, from the plan's name (`FY2026 Enterprise Sales`; `planYears`). When they give no
/// year, or more than one, the sheet is an error naming it, never a guess.
enum SheetPeriod {
    /// The month or quarter `sheet`'s name names (with or without a year); a quarter only with a
    /// plan to number it in.
    /// A period among other words (`Aug 2026 (final)`, `Sep 2026 Commissions`, `Comisiones Julio
    /// 2026`, `Paid July`) is read without them (`SheetRep.tabWords`, `otherWords`), and a tab's own
    /// forms (`202601`, `M01`, `Jan 2026 (2)`, `Q1 Jan 2026`) as `reading` reads them.
    static func label(named sheet: String, plan: Plan?) -> PeriodLabel? {
        guard let label = reading(sheet, fiscalYearStart: plan?.fiscalYearStart ?? 1) else { return nil }
        if label.month != nil { return label }
        return label.quarter != nil && plan != nil ? label : nil
    }

    /// The period label a tab's name writes, whatever its kind (a year too), or nil: as
    /// `PeriodLabel` reads it, among other words (`withoutOtherWords`), and in the forms tabs take
    /// (`tabForm`: `202601`, `M01`; a copy's `(2)`, `Jan 2026 (2)`; a month beside its quarter,
    /// `Q1 Jan 2026`, when the month is in that quarter of a fiscal year starting in `fiscalYearStart`).
    static func reading(_ sheet: String, fiscalYearStart: Int = 1) -> PeriodLabel? {
        let name = withoutCopyNumber(sheet)
        for written in [name, withoutOtherWords(name)] {
            if let label = PeriodLabel(written) ?? PeriodLabel(tabForm(written))
                ?? monthBesideQuarter(written, fiscalYearStart: fiscalYearStart)
            {
                return label
            }
        }
        return nil
    }

    /// `sheet` without the number in brackets Excel gives a copied tab (`Jan 2026 (2)`).
    static func withoutCopyNumber(_ sheet: String) -> String {
        let trimmed = sheet.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasSuffix(")"), let open = trimmed.lastIndex(of: "(") else { return trimmed }
        let number = trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)]
        guard (1...2).contains(number.count), number.allSatisfy({ $0.isASCII && $0.isNumber }) else { return trimmed }
        return trimmed[..<open].trimmingCharacters(in: .whitespaces)
    }

    /// `name` with a tab's own forms of a month written as `PeriodLabel` reads them: a year and
    /// month run together (`202601`, years 1990 to 2100) as `2026-01`, a month's number after `M`
    /// (`M01`, `M1`: its year then from the rest of the workbook) as its name.
    static func tabForm(_ name: String) -> String {
        name.split(separator: " ").map { word -> String in
            let digits = word.allSatisfy({ $0.isASCII && $0.isNumber })
            if digits, word.count == 6, let year = Int(word.prefix(4)), (1990...2100).contains(year),
                let month = Int(word.suffix(2)), (1...12).contains(month)
            {
                return "\(year)-\(word.suffix(2))"
            }
            if word.count <= 3, word.first == "M" || word.first == "m", let month = Int(word.dropFirst()),
                word.dropFirst().allSatisfy({ $0.isASCII && $0.isNumber }), (1...12).contains(month)
            {
                return monthNames[month - 1]
            }
            return String(word)
        }
        .joined(separator: " ")
    }

    private static let monthNames = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ]

    /// A month written beside the quarter it falls in (`Q1 Jan 2026`, `Q3 - Jul 2026`): the month,
    /// when it is in that quarter of a fiscal year starting in `fiscalYearStart`; else nil.
    static func monthBesideQuarter(_ name: String, fiscalYearStart: Int) -> PeriodLabel? {
        let words = name.split(separator: " ")
        guard let index = words.firstIndex(where: { PeriodLabel(String($0))?.quarter != nil }),
            let quarter = PeriodLabel(String(words[index]))?.quarter
        else { return nil }
        var rest = words
        rest.remove(at: index)
        guard let label = PeriodLabel(rest.joined(separator: " ")), let month = label.month, label.quarter == nil,
            (month - fiscalYearStart + 12) % 12 / 3 + 1 == quarter
        else { return nil }
        return label
    }

    /// Words a tab per period may hold beside its period, besides what a tab is about
    /// (`SheetRep.tabWords`) and a version's or copy's mark (`isVersionMark`), accents folded: a
    /// paid mark (`HeaderSynonyms.paidWords`), a draft's or a closed period's.
    static let otherWords: Set<String> = HeaderSynonyms.paidWords.union([
        "final", "draft", "closed", "cerrado", "borrador", "abgeschlossen", "entwurf", "clos", "chiuso", "fechado",
    ])

    /// Words that mark a version or a copy of a tab (`v2`, `rev3`, `copy`, `old`, `Kopie`), accents
    /// folded: beside a period or a rep's name they name neither. A tab so marked is read as any
    /// other; when it repeats another tab's deals, the copy or the duplicates are said
    /// (`CopiedSheets`, `duplicate_line`), never paid twice in silence.
    static func isVersionMark(_ word: Substring) -> Bool {
        if versionWords.contains(String(word)) { return true }
        for prefix in ["v", "rev", "ver"] where word.hasPrefix(prefix) && word.count > prefix.count {
            if word.dropFirst(prefix.count).allSatisfy(\.isNumber) { return true }
        }
        return false
    }

    /// The copy words (`HeaderSynonyms.copyWords`) and a version's beside a period (`Jan 2026 v2 FINAL`).
    private static let versionWords: Set<String> = HeaderSynonyms.copyWords.union([
        "version", "rev", "new", "updated", "revised", "corrected", "latest", "neu",
    ])

    /// `sheet` without brackets and without the words beside its period (`SheetRep.isBesideAName`
    /// takes a period as one of them; here it is what is kept).
    static func withoutOtherWords(_ sheet: String) -> String {
        SheetRep.normalized(sheet.replacingOccurrences(of: "(", with: " ").replacingOccurrences(of: ")", with: " "))
            .split(separator: " ").filter {
                !SheetRep.tabWords.contains(String($0)) && !otherWords.contains(String($0)) && !isVersionMark($0)
            }
            .joined(separator: " ")
    }

    /// `label`, read from the name of `sheet` without a year (`January`, `Q1`), with the year the
    /// title rows above its header (`mapping`'s, among `rows`) write: `Commissions — January 2026`,
    /// `Sales 2026`, when they write one year and no other month or quarter. Else `label`, whose
    /// year the rest of the workbook gives (`firstDay`).
    static func withTitleYear(
        _ label: PeriodLabel, of sheet: String, rows: [Row], _ mapping: ColumnMapping<Field>
    ) -> PeriodLabel {
        guard label.year == nil else { return label }
        var years = Set<Int>()
        for row in rows where row.index < mapping.headerRow {
            for cell in row.cells {
                guard let text = ValueReading.text(cell.value),
                    let title = PeriodLabel(text) ?? PeriodLabel(withoutOtherWords(text)), let year = title.year,
                    title.month == nil || title.month == label.month,
                    title.quarter == nil || title.quarter == label.quarter
                else { continue }
                years.insert(year)
            }
        }
        guard years.count == 1, let year = years.first else { return label }
        return PeriodLabel("\(withoutOtherWords(sheet)) \(year)") ?? label
    }

    /// The first day of the period `label` names on `sheet`, a name read by `label(named:plan:)`.
    static func firstDay(
        of label: PeriodLabel, sheet: String, years: WorkbookYears, plan: Plan?, file: String
    ) throws -> LocalDate {
        let place = Location(file: file, sheet: sheet)
        if let month = label.month {
            let known = years.calendarYears
            let year =
                try label.year
                ?? only(
                    known.isEmpty ? planYears(plan) : known, sheet: sheet, place: place, example: { "\(sheet) \($0)" })
            guard let date = LocalDate(year: year, month: month, day: 1) else {
                throw SpreadsheetError(place, "the sheet's name names no month")
            }
            return date
        }
        guard let plan, let quarter = label.quarter else {
            throw SpreadsheetError(place, "the sheet's name names no month or quarter")
        }
        guard plan.period != .month else {
            throw SpreadsheetError(
                place,
                "the sheet has no date column and its name '\(sheet)' names a quarter, but the plan pays by month; add a date column"
            )
        }
        return try fiscalQuarter(label, quarter, sheet: sheet, years: years, plan: plan, place: place).start
    }

    /// The years the plan's name writes (`FY2026 Enterprise Sales`, `2026 Mid-Market AEs`,
    /// `FY26 AEs`), for a month's tab named without one (`M01`, `July`) in a workbook whose other
    /// sheets give none: only for a fiscal year starting in January, where the plan's year is the
    /// months' calendar year (otherwise `FY2026` may be the year starting or ending in 2026).
    static func planYears(_ plan: Plan?) -> Set<Int> {
        guard let plan, plan.fiscalYearStart == 1 else { return [] }
        var found: Set<Int> = []
        for word in plan.name.split(whereSeparator: { !$0.isLetter && !$0.isNumber }) {
            let lower = word.lowercased()
            let digits = lower.hasPrefix("fy") ? lower.dropFirst(2) : lower[...]
            guard digits.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(digits) else { continue }
            if digits.count == 4, (1990...2100).contains(value) {
                found.insert(value)
            } else if digits.count == 2, lower.hasPrefix("fy") {
                found.insert(2000 + value)
            }
        }
        return found
    }

    /// The fiscal quarter `label` names: in the year it writes (`2026-Q3`; `Q3 2026` when the
    /// fiscal year starts in January, else the fiscal year starting or ending in 2026 that the
    /// workbook's other fiscal years single out), or without a year, in the workbook's one fiscal year.
    private static func fiscalQuarter(
        _ label: PeriodLabel, _ quarter: Int, sheet: String, years: WorkbookYears, plan: Plan, place: Location
    ) throws -> Period {
        let start = plan.fiscalYearStart
        let known = years.fiscalYears(startingIn: start)
        let readings = periods(label, start: start, fiscalYears: label.year.map { [$0, $0 - 1] } ?? Array(known))
        let supported = readings.filter { known.contains($0.fiscalYear) }
        if let period = label.period(kind: .quarter, fiscalYearStart: start, among: readings)
            ?? label.period(kind: .quarter, fiscalYearStart: start, among: supported)
        {
            return period
        }
        guard let written = label.year else {
            // Without a year, the quarter failed only because the workbook holds no fiscal year or several.
            _ = try only(known, sheet: sheet, place: place, example: { "\($0)-Q\(quarter)" })
            throw SpreadsheetError(place, "the sheet's name '\(sheet)' names no quarter of the plan")
        }
        let starts = [written - 1, written].map { LocalDate(year: $0, month: start, day: 1)!.description }
        throw SpreadsheetError(
            place,
            "the sheet has no date column and its name '\(sheet)' may name the quarter of the fiscal year starting \(starts[0]) or of the one starting \(starts[1]) (fiscal_year_start: \(start)), and the rest of the workbook does not tell which; name the sheet '\(written)-Q\(quarter)' (the fiscal year starting in \(written)) or add a date column"
        )
    }

    /// The quarters (or, for a label naming no quarter, the years) of `fiscalYears` that `label`
    /// may name, in a fiscal year starting in month `start`.
    static func periods(_ label: PeriodLabel, start: Int, fiscalYears: [Int]) -> Set<Period> {
        Set(
            fiscalYears.compactMap { year in
                label.quarter.map { Period(label: "\(year)-Q\($0)", kind: .quarter, fiscalYearStart: start) }
                    ?? Period(label: "\(year)", kind: .year, fiscalYearStart: start)
            })
    }

    /// The one year of `years`, else an error naming the sheet that needs it.
    /// `example` writes the sheet's name with a year.
    private static func only(
        _ years: Set<Int>, sheet: String, place: Location, example: (Int) -> String
    ) throws -> Int {
        if years.count == 1, let only = years.first { return only }
        let found =
            years.isEmpty
            ? "no other sheet has a dated deal or a year in its name"
            : "the workbook holds \(years.sorted().map(String.init).joined(separator: " and "))"
        throw SpreadsheetError(
            place,
            "the sheet has no date column and its name '\(sheet)' gives no year, and \(found); write the year in the sheet's name (e.g. '\(example(years.sorted().last ?? 2026))') or add a date column"
        )
    }
}

/// What a workbook says about the year of a sheet named without one: the months its dated deals
/// closed in, and the periods its sheets' names write.
struct WorkbookYears {
    /// The calendar months (`year × 12 + month − 1`) the deals read from dated sheets closed in.
    var months: Set<Int> = []
    /// The workbook's sheet names.
    var sheetNames: [String?] = []

    /// The calendar years of the deals' dates and of the sheets' names (`Jun 2026`, `Q2 2026`).
    var calendarYears: Set<Int> {
        Set(months.map { $0 / 12 }).union(sheetNames.compactMap { $0.flatMap { SheetPeriod.reading($0) }?.year })
    }

    /// The fiscal years (each by the calendar year it starts in) that the deals' dates and the
    /// sheets' names fall in, for a fiscal year starting in month `start`; a name whose year could
    /// be either of two fiscal years' (`Q2 2026`, `FY2026` when the year does not start in
    /// January) counts for neither.
    func fiscalYears(startingIn start: Int) -> Set<Int> {
        var result = Set(months.map { $0 % 12 + 1 >= start ? $0 / 12 : $0 / 12 - 1 })
        for label in sheetNames.compactMap({ $0.flatMap { SheetPeriod.reading($0, fiscalYearStart: start) } }) {
            guard let year = label.year else { continue }
            if let month = label.month {
                result.insert(month >= start ? year : year - 1)
                continue
            }
            // `Q2 2026` or `FY2026` names the fiscal year starting or ending in 2026: when the
            // fiscal year does not start in January, only `2026-Q2` or `2026` says which.
            let readings = SheetPeriod.periods(label, start: start, fiscalYears: [year, year - 1])
            if let period = label.period(
                kind: label.quarter == nil ? .year : .quarter, fiscalYearStart: start, among: readings)
            {
                result.insert(period.fiscalYear)
            }
        }
        return result
    }
}
