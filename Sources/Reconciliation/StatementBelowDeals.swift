import Commission
import Foundation
import Ingest
import Spreadsheet

/// A commission statement's results under the deals of a tab kept per rep and period: label and
/// figure pairs down the commission column (`Commission | 3,780`, `Clawbacks | -3,780`, `Total
/// earned | 333`, `Net payable | 333`), each row a figure of the rep's period, read as a summary's
/// row is (plan-format.md §6 compares per-rep totals) and never as deal rows that could not be
/// read, nor as the deals' total.
///
/// Guards: the rows stand below the sheet's last deal, in a row (a blank row or none between
/// them), two or more; each holds no deal id, date or amount, a label naming a summary figure on
/// its own (`PeriodFigureHeaders.figures`: not a bare `Total`), a different figure on each row,
/// and a number or a formula in the commission column; every deal on the sheet is one rep's and
/// falls in one period, which the figures are then that rep's for.
enum StatementBelowDeals {
    /// The statements of `deals`' sheets (read again from `file`, up to the last row below the
    /// deals the reader could not read), each a summary named as its sheet, their rows taken out
    /// of the rows `deals` could not read (and its diagnostics) and out of its totals.
    static func take(from deals: inout DealsTable, in file: TableFile, plan: Plan) throws -> [SummarySheet] {
        guard !deals.skipped.isEmpty else { return [] }
        let (lastDeal, periods) = RepTotalsBlock.dealRows(deals, plan: plan)
        var reps = [String?](repeating: nil, count: deals.sheets.count)
        var mixed = Set<Int>()
        for line in deals.lines {
            let ordinal = DealsTable.sheetOrdinal(line.row)
            guard reps.indices.contains(ordinal), !mixed.contains(ordinal) else { continue }
            guard let rep = reps[ordinal] else {
                reps[ordinal] = line.rep
                continue
            }
            // The same text is the same rep: its key is worked out only where the texts differ.
            if rep != line.rep, rep.normalizedKey != line.rep.normalizedKey { mixed.insert(ordinal) }
        }
        var statements: [SummarySheet] = []
        var taken: Set<Int> = []
        var takenTotals: Set<Int> = []
        for (ordinal, sheet) in deals.sheets.enumerated() {
            guard !mixed.contains(ordinal), let rep = reps[ordinal], periods[ordinal].count == 1,
                let period = periods[ordinal].first, let column = sheet.mapping.columns[.commission],
                let name = sheet.name
            else { continue }
            func below(_ key: Int) -> Bool {
                DealsTable.sheetOrdinal(key) == ordinal && DealsTable.sheetRow(key) > lastDeal[ordinal]
            }
            // Rows the reader could not read, two at least, and the totals among them.
            let skipped = deals.skipped.filter { below($0.row) && $0.dealID == nil && $0.amount == nil }
            guard skipped.count >= 2 || (skipped.count == 1 && deals.totals.contains { below($0.row) }) else {
                continue
            }
            let keys = Dictionary(
                (skipped.map(\.row) + deals.totals.filter { below($0.row) }.map(\.row)).map {
                    (DealsTable.sheetRow($0), $0)
                },
                uniquingKeysWith: { first, _ in first })
            let rows = try RepTotalsBlock.rows(Set(keys.keys), of: name, in: file)
            guard let run = firstRun(rows.compactMap { labelled($0, column: column) }) else { continue }
            // A summary of its own for each line: its rows are not one rep-period's row, whose
            // figures left blank would be read as 0 (a bonus left out) in the others. Each names
            // the statement's every figure as a column (a true-up on a line of its own is not the
            // commission's).
            let columns = Dictionary(run.map { ($0.field, column) }, uniquingKeysWith: { first, _ in first })
            for line in run {
                let row = SummaryRow(
                    row: line.row, rep: rep, period: .date(period.start), cells: [line.field: line.cell])
                statements.append(
                    SummarySheet(
                        name: name, headerRow: line.row - 1, columns: columns, layout: .rows, rows: [row],
                        columnCells: [line.field: [(line.row, line.cell)]]))
            }
            for item in run {
                guard let key = keys[item.row] else { continue }
                if skipped.contains(where: { $0.row == key }) { taken.insert(key) } else { takenTotals.insert(key) }
            }
        }
        deals.totals.removeAll { takenTotals.contains($0.row) }
        RepTotalsBlock.leaveOut(taken, from: &deals)
        return statements
    }

    /// A row below the deals holding a figure's label and the figure.
    private struct Labelled {
        let row: Int
        let field: SummaryField
        let cell: Cell
    }

    /// `row` read as a statement's line: two written cells, a label naming a figure on its own left
    /// of the commission column and a number or a formula in it; nil for any other row.
    private static func labelled(_ row: Row, column: Int) -> Labelled? {
        let written = row.cells.filter { !$0.value.plainText.trimmingCharacters(in: .whitespaces).isEmpty }
        guard written.count == 2, written[0].column < column, written[1].column == column,
            case .text(let label) = written[0].value, let field = figure(named: label),
            Decimal.fromCell(written[1].value).number != nil || written[1].formula != nil
        else { return nil }
        return Labelled(row: row.index, field: field, cell: written[1])
    }

    /// The first run of `rows` in a row, each a different figure; nil for none of two rows.
    private static func firstRun(_ rows: [Labelled]) -> [Labelled]? {
        var run: [Labelled] = []
        for row in rows {
            let follows = run.last.map { $0.row + 1 == row.row } ?? true
            if follows, !run.contains(where: { $0.field == row.field }) {
                run.append(row)
                continue
            }
            if run.count >= 2 { return run }
            run = [row]
        }
        return run.count >= 2 ? run : nil
    }

    /// The figure a label names on its own (`Net payable`, `Clawbacks`); nil for a bare `Total`.
    private static func figure(named label: String) -> SummaryField? {
        PeriodFigureHeaders.namedOutright(key: headerKey(label.trimmingCharacters(in: .whitespaces)))
    }
}
