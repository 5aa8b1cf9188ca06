import Commission
import Foundation
import Ingest
import Spreadsheet

extension SummaryCrossTab {
    /// What tells a cross-tab whose figures agree with the plan's in fewer than half its cells
    /// from an unrelated table laid out by rep and period, and the figure it holds.
    ///
    /// A summary of a workbook whose rows are wrong agrees with those rows, not with the plan; a
    /// summary with wrong figures of its own agrees with neither. Either is still a summary, and
    /// compared, when its figures are not what else is laid out so (each rep-period's credit,
    /// the amounts of its deals or its quota, in half its cells or more) and:
    /// - half its cells or more agree with the workbook's own rows (each rep-period's manual
    ///   commissions added up, with their bonuses or without), a figure that is not 0 among them;
    /// - or half its cells or more are formulas adding up a deals sheet (`=SUMIFS(Deals!H:H, …)`);
    /// - or every row names a rep of the run, and a figure that is not 0 agrees with the plan's.
    /// Its figure is then the one most of its cells agree with (a title breaking a tie), else the
    /// one its title names, else commission.
    static func evidentFigure(
        _ sheet: SummarySheet, titled: SummaryField?,
        _ expectation: (SummaryRow) -> (RepPeriod, String, [SummaryField: Decimal])?,
        namesNoRep: (SummaryRow) -> Bool, ownRows: () -> [RepPeriod: OwnRows], dealsSheets: [String],
        context: RowContext
    ) -> (figure: SummaryField, agreeing: Int, read: Int, why: String)? {
        let totals = Dictionary(
            context.statement.reps.map { (RepPeriod(rep: $0.rep.normalizedKey, period: $0.period), $0) },
            uniquingKeysWith: { a, _ in a })
        // How many cells are read, and how many agree with each reading.
        var (read, unrelated, withOwnRows, ownNotZero, addingDeals, agreeingNotZero) = (0, 0, 0, 0, 0, 0)
        var agreeing: [SummaryField: Int] = [:]
        var everyRepNamed = true
        lazy var own = ownRows()
        for row in sheet.rows {
            guard let cell = row.cells[.earned], let manual = Decimal.fromCell(cell.value).number else { continue }
            guard let (repPeriod, _, expected) = expectation(row) else {
                if namesNoRep(row) { everyRepNamed = false }
                continue
            }
            read += 1
            let total = totals[repPeriod]
            let others: [Decimal?] = [total?.credit, total?.quota, total?.ytdQuota, own[repPeriod]?.amounts]
            if others.contains(where: { $0.map { $0 != 0 && context.matches(manual, $0) } ?? false }) {
                unrelated += 1
            }
            let rows = own[repPeriod] ?? OwnRows()
            let ownSums = [rows.commission, rows.commission + rows.bonus]
            if ownSums.contains(where: { context.matches(manual, $0) }) {
                withOwnRows += 1
                if manual != 0 { ownNotZero += 1 }
            }
            if let formula = cell.formula,
                dealsSheets.contains(where: { !FormulaForensics.rowSpans(in: formula, sheet: $0).isEmpty })
            {
                addingDeals += 1
            }
            for field in candidates where context.matches(manual, expected[field] ?? 0) {
                agreeing[field, default: 0] += 1
                if manual != 0 { agreeingNotZero += 1 }
            }
        }
        guard read > 0, unrelated * 2 < read else { return nil }
        let why: String
        if withOwnRows * 2 >= read, ownNotZero > 0 {
            why = "\(withOwnRows) of \(read) agree with the deals' own rows"
        } else if addingDeals * 2 >= read {
            why = "\(addingDeals) of \(read) add up the deals"
        } else if everyRepNamed, agreeingNotZero > 0 {
            why = "each row a rep of the run"
        } else {
            return nil
        }
        let best = agreeing.values.max() ?? 0
        let tied = candidates.filter { (agreeing[$0] ?? 0) == best }
        let figure = best == 0 ? titled ?? .commission : titled.flatMap { tied.contains($0) ? $0 : nil } ?? tied[0]
        return (figure, agreeing[figure] ?? 0, read, why)
    }

    /// A rep-period's own rows as the workbook keeps them: their manual commissions and bonuses,
    /// and their deals' amounts, each added up.
    struct OwnRows {
        var commission: Decimal = 0
        var bonus: Decimal = 0
        var amounts: Decimal = 0
    }

    /// The workbook's own rows added up by rep and period (the period each row's date falls in).
    /// `key`: the key a line's rep is totalled under.
    static func ownRows(_ context: RowContext, key: (String) -> String) -> [RepPeriod: OwnRows] {
        let deals = context.deals
        var sums: [RepPeriod: OwnRows] = [:]
        for index in deals.lines.indices {
            let line = deals.lines[index]
            let period = Period(
                containing: line.date, kind: context.plan.period, fiscalYearStart: context.plan.fiscalYearStart)
            let repPeriod = RepPeriod(rep: key(line.rep), period: period)
            let manual = index < deals.manual.count ? deals.manual[index] : nil
            sums[repPeriod, default: OwnRows()].amounts += line.amount
            if let commission = manual?.commission.flatMap({ Decimal.fromCell($0.value).number }) {
                sums[repPeriod, default: OwnRows()].commission += commission
            }
            if let bonus = manual?.bonus.flatMap({ Decimal.fromCell($0).number }) {
                sums[repPeriod, default: OwnRows()].bonus += bonus
            }
        }
        return sums
    }
}
