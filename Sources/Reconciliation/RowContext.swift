import Commission
import Foundation
import Ingest
import Primitives
import Spreadsheet

/// What the row-level and summary comparisons share.
struct RowContext {
    let plan: Plan
    let roster: [RosterEntry]
    /// The deals as read, without the copied rows: what the engine calculated.
    let deals: DealsTable
    let statement: Statement
    let copies: [CopiedRow]
    /// What a rate cell's number is multiplied by to be a fraction: 1, or 1/100 when the sheet
    /// writes rates in whole percent (`5` for 5%).
    var rateScale: Decimal = 1
    /// The engine's amounts per source row in `statement`, gathered once for every stage that
    /// reads them (the statement may keep no lines).
    let engine: RowAmountsTable
    /// The statement's line amounts by rep (compared form) and period.
    let repPeriodSums: [RepPeriod: LineSums]
    /// The engine's clawbacks by the source row of the line each reverses.
    let clawbacks: [Int: ClawbackAmount]
    /// The rows a trusted source gave its amount or rep (`SourceTruth`), as the workbook writes
    /// them, by index in `deals.lines` (which hold the source's figures, the ones priced).
    var sheetLines: [Int: CreditLine] = [:]
    /// The trusted source's file name, when there is one.
    var sourceName: String?
    /// Whether a sheet's rows split their deals between reps with one commission for the row
    /// (`ColumnMapping.commissionOfAllReps`): most have none, and their rows' figures are their lines'.
    let commissionsOfAllReps: Bool
    /// Whether the deals' commission cells hold each row's per-deal bonuses beside its commission
    /// (§6: a deals sheet without a bonus column does), or the commission alone
    /// (`readBonusesOnSummary`).
    private(set) var rowsHoldBonus: Bool

    /// `amounts`: gathered from `statement`'s lines as they were computed (`EngineAmounts.calculate`).
    init(
        plan: Plan, roster: [RosterEntry], deals: DealsTable, statement: Statement, amounts: EngineAmounts,
        copies: [CopiedRow]
    ) {
        self.plan = plan
        self.roster = roster
        self.deals = deals
        self.statement = statement
        self.copies = copies
        engine = amounts.rows
        repPeriodSums = amounts.repPeriods
        clawbacks = amounts.clawbacks
        commissionsOfAllReps =
            deals.mapping.commissionOfAllReps || deals.sheets.contains { $0.mapping.commissionOfAllReps }
        rowsHoldBonus = deals.mapping.columns[.bonus] == nil
    }

    /// Reads a deals sheet without a bonus column beside a summary with one (an independent
    /// audit, session 47): where more of the rows the plan pays a per-deal bonus show their
    /// commission alone than show it with the bonus, the summary pays the bonuses (a SPIFF
    /// column, `=COUNTIFS(…)*100`, beside the commission's SUMIFS) and the rows hold none.
    mutating func readBonusesOnSummary(_ summary: SummarySheet?) {
        guard rowsHoldBonus, !plan.bonuses.isEmpty, summary?.columns[.bonus] != nil else { return }
        var (alone, withBonus) = (0, 0)
        deals.manual.forEachRow { _, cells in
            guard let amounts = engine[cells.row], amounts.bonus != 0,
                let manual = cells.commission.flatMap({ Decimal.fromCell($0.value).number })
            else { return }
            if matches(manual, amounts.commission) {
                alone += 1
            } else if matches(manual, amounts.commission + amounts.bonus) {
                withBonus += 1
            }
        }
        if alone > withBonus { rowsHoldBonus = false }
    }

    /// What the engine pays the row keyed `row` (`RowAmountsTable.amount(ofRow:withBonus:)`), with
    /// its other reps' lines when the row's one commission is its reps' together (`Rep 1 | Rep 2 |
    /// Commission`; `ColumnMapping.commissionOfAllReps`): the figure its commission cell holds.
    func expectedCommission(ofRow row: Int, withBonus: Bool) -> Decimal {
        let own = engine.amount(ofRow: row, withBonus: withBonus)
        guard commissionsOfAllReps, DealsTable.otherRep(row) == 0 else { return own }
        let mapping = deals.mapping(ofRow: row)
        guard mapping.commissionOfAllReps else { return own }
        return mapping.otherReps.indices.reduce(own) { sum, index in
            sum + engine.amount(ofRow: DealsTable.otherRepKey(row, number: index + 1), withBonus: withBonus)
        }
    }

    /// Row `index`'s rate cell as a fraction (a sheet's whole percents scaled by `rateScale`).
    func manualRate(_ index: Int) -> Decimal? {
        deals.manual[index].rate.flatMap { Decimal.fromCell($0).number }.map { $0 * rateScale }
    }

    var sheetName: String { deals.sheet ?? (deals.file as NSString).lastPathComponent }

    /// The sheet and the sheet's own row of a line's `row` (deals may span several sheets).
    func place(_ row: Int) -> (sheet: String, row: Int) { (deals.sheetName(ofRow: row), DealsTable.sheetRow(row)) }

    /// `Deals!C12`: the cell of `field` on the sheet row of a line's `row`.
    func cellName(ofRow row: Int, field: Field) -> String {
        let (sheet, sheetRow) = place(row)
        let column = deals.mapping(ofRow: row).columns[field] ?? 1
        return "\(Location.quotedSheetName(sheet))!\(CellAddress(row: sheetRow, column: column))"
    }

    /// `row 12`, or `'Ana Lima' row 12` when `row` is on another sheet than `from`.
    func placeText(_ row: Int, from: Int) -> String {
        let (sheet, own) = place(row)
        return sheet == place(from).sheet ? "row \(own)" : "\(Location.quotedSheetName(sheet)) row \(own)"
    }

    /// Whether `manual` is `expected` within the plan's tolerance.
    func matches(_ manual: Decimal, _ expected: Decimal) -> Bool {
        // On integers where the figures are small (a million rows are compared).
        !Decimal.less(plan.tolerance, Decimal.difference(manual, expected).magnitude)
    }

    /// Whether a summary's `manual` is a rep-period's `total` within the tolerance: under `level:
    /// period` the plan rounds each rep-period total once (plan-format.md §3, step 7), so the total
    /// so rounded is the plan's as much as the exact sum of its lines, within the tolerance. A
    /// total left at 0 is no rounding of lines the plan pays, but the lines left out: it is the
    /// plan's only where the total rounds to 0 (0 beside a clawback of −0.0125, rounded −0.01, is
    /// a cent and a quarter missing, more than a tolerance of 0.01).
    func matchesTotal(_ manual: Decimal, _ total: Decimal) -> Bool {
        guard !matches(manual, total) else { return true }
        guard plan.rounding.level == .period else { return false }
        let rounded = plan.rounding.round(total)
        return manual == 0 ? rounded == 0 : matches(manual, rounded)
    }

    /// Whether `manual` is `exact` as a sheet would write it: exact, rounded to cents, or rounded
    /// as the plan rounds a line (`=ROUND(…,0)` under a plan of whole units: 600.54 written 601).
    func matchesComputed(_ manual: Decimal, _ exact: Decimal) -> Bool {
        let rule = plan.rounding
        return matches(manual, exact) || matches(manual, exact.rounded(places: 2, mode: .halfUp))
            || (rule.places != 2 && matches(manual, exact.rounded(places: rule.places, mode: rule.mode)))
    }
}

extension CellValue {
    /// Whether the cell holds a dash written for zero (`-`, `—`): read as 0, and no number
    /// stored as text, since a total that skips it adds the same.
    var isZeroDash: Bool {
        guard case .text(let text) = self else { return false }
        return NumberStyle.isZeroDash(text)
    }

    /// Whether the cell holds words without a digit (`N/A`, `none`, `excluded`, `lost - no comm`):
    /// a placeholder, where the plan pays nothing, for the zero it pays; a total skips it.
    var isPlaceholderWord: Bool {
        guard case .text(let text) = self else { return false }
        return text.contains { $0.isLetter } && !text.contains { $0.isNumber }
    }
}

extension Decimal {
    /// A cell's number at Excel's precision, or the money in a text cell (`1,234.50`,
    /// `1.234,56 €`, `$ (250.00)`); nil otherwise.
    public static func fromCell(_ value: CellValue) -> (number: Decimal?, isText: Bool) {
        switch value {
        case .number(let number): return (number.excelPrecision, false)
        case .text(let text): return (NumberStyle.money(inText: text), true)
        case .empty: return (0, false)
        default: return (nil, false)
        }
    }
}
