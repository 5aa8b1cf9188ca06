import Commission
import Foundation
import Ingest
import Spreadsheet

/// A workbook's per-rep summary as `reconcile` reads it (`SummarySheet.find`: its header words in
/// every language, periods written `Jul-26` or as dates, a wide rep × period table, figures in
/// headers that carry their period), each figure a number: what `plan infer` reads a summary
/// through, so that the two never read one summary two ways.
public struct SummaryFigures: Sendable {
    /// One rep and period of the sheet, with its figures; a figure the sheet has no column for is nil.
    public struct Entry: Sendable {
        /// The sheet row the figures stand on.
        public var row: Int
        /// The rep as the sheet writes it.
        public var rep: String
        /// The period as the sheet writes it (a label, a date); read against a plan by `resolved`.
        let period: SummaryPeriod
        public var commission: Decimal?
        /// The bonus column's figure, 0 for a blank cell when the sheet has the column.
        public var bonus: Decimal?
        public var earned: Decimal?
        /// What the row claws back (`Clawback`, `-3,178.01`).
        public var clawback: Decimal?
        /// The year-to-date true-up the row pays (`True-up`).
        public var trueUp: Decimal?
        public var draw: Decimal?
        public var payable: Decimal?
        /// The payable cell's formula, when it has one (`MAX(C2,D2)`).
        public var payableFormula: String?

        /// The period as written, for a report (`Jul-26`, `2026-07-31`).
        public var periodText: String { period.text }
    }

    /// An entry placed among a statement's rep-periods.
    public struct Placed: Sendable {
        public var entry: Entry
        /// The rep's key (compared form of the statement's or the roster's id), as the
        /// statement's totals are keyed.
        public var rep: String
        public var period: Period
    }

    public let sheet: String
    public let headerRow: Int
    /// The header of each figure read (`bonus`, `earned`, `payable`, `draw`, `commission`); for a
    /// wide table, its title's figure or `earned` under the figure's own name.
    public let headers: [String: String]
    /// Whether the sheet is a wide rep × period table (or its transpose) whose title names no
    /// figure: its cells are read as `earned`, which `reconcile` decides only against a plan
    /// (earned, payable or commission).
    public let figureUndecided: Bool
    public let entries: [Entry]

    /// The summaries `reconcile` reads of the workbook `file` whose deals sheets are `dealsSheets`
    /// under a plan by `period`: the summary (under a plan by quarters or months, a sheet of
    /// years is not one), then the sheets of years beside it; each read as figures, none when it
    /// has none; then those of other periods (a summary per year). `commissionHeader`: the deals' commission header, as `reconcile` passes it.
    public static func read(
        _ file: TableFile, dealsSheets: Set<String>, commissionHeader: String?, period: PeriodKind
    ) throws -> [SummaryFigures] {
        let found = try SummarySheet.find(
            in: file, excluding: dealsSheets, period: period, commissionHeader: commissionHeader)
        return ([found.summary].compactMap { $0 } + found.yearly + found.others).map(SummaryFigures.init)
    }

    init(_ sheet: SummarySheet) {
        var fields: [SummaryField: String] = sheet.headers
        var undecided = false
        var read = sheet
        if case .crossTab(let titled) = sheet.layout {
            let figure = titled ?? .earned
            undecided = titled == nil
            read = sheet.reading(figure: figure)
            fields = [figure: figure.rawValue.capitalized]
        }
        for row in read.rows {
            for field in row.cells.keys where fields[field] == nil { fields[field] = field.rawValue.capitalized }
        }
        let hasBonus = fields[.bonus] != nil
        self.sheet = sheet.name
        headerRow = sheet.headerRow
        headers = Dictionary(uniqueKeysWithValues: fields.map { ($0.key.rawValue, $0.value) })
        figureUndecided = undecided
        entries = read.rows.map { row in
            func number(_ field: SummaryField) -> Decimal? {
                guard let cell = row.cells[field], cell.value != .empty else { return nil }
                return Decimal.fromCell(cell.value).number
            }
            return Entry(
                row: row.row, rep: row.rep, period: row.period, commission: number(.commission),
                bonus: hasBonus ? number(.bonus) ?? 0 : nil, earned: number(.earned),
                clawback: number(.clawback), trueUp: number(.trueUp),
                draw: number(.draw),
                payable: number(.payable), payableFormula: row.cells[.payable]?.formula)
        }
    }

    /// The entries that name a rep and a period of `statement`, as `reconcile` reads who and when a
    /// summary row names (`SummaryReps`: an id, a name, an e-mail, a form or a misspelling of the
    /// name; `SummaryPeriod`: a label or a period's first or last day in `plan`'s calendar).
    public func placed(in statement: Statement, plan: Plan, roster: [RosterEntry]) -> [Placed] {
        var reps = SummaryReps(statement: statement, roster: roster)
        let periods = Set(statement.reps.map(\.period))
        return entries.compactMap { entry in
            guard
                let period = entry.period.period(
                    kind: plan.period, fiscalYearStart: plan.fiscalYearStart, among: periods),
                let rep = reps.rep(entry.rep)
            else { return nil }
            return Placed(entry: entry, rep: rep.key, period: period)
        }
    }
}
