import Commission
import Foundation
import Ingest
import Spreadsheet

/// Per-rep totals kept on a deals sheet itself, below its deals (a `Payout summary` block after a
/// blank row or the sheet's total: a rep's name in the rep column and
/// `=SUMIF(B$2:B$35,B40,F$2:F$35)` in the commission column, on each of a few rows): the period's
/// per-rep totals, read as a summary sheet's are (plan-format.md §6 compares per-rep totals) and
/// never as deal rows that could not be read.
///
/// A block is two rows or more in a row, each naming a different rep of the roster and holding a
/// figure in the commission column, with no deal id, date or amount, standing at least two rows
/// below the sheet's last deal; a row right above it with text in both columns (`Rep | Total
/// payout`) is its header. Its period is the one the sheet's deals all fall in, else the one the
/// sheet's name names, else the run's when it has one.
enum RepTotalsBlock {
    /// The blocks of `deals`' sheets, each a summary named as its sheet, their rows taken out of
    /// the rows `deals` could not read (and out of its diagnostics).
    static func take(from deals: inout DealsTable, roster: [RosterEntry], plan: Plan) -> [SummarySheet] {
        guard !deals.skipped.isEmpty else { return [] }
        var lastDeal = [Int](repeating: 0, count: deals.sheets.count)
        var periods = [Set<Period>](repeating: [], count: deals.sheets.count)
        for line in deals.lines {
            let ordinal = DealsTable.sheetOrdinal(line.row)
            guard lastDeal.indices.contains(ordinal) else { continue }
            lastDeal[ordinal] = max(lastDeal[ordinal], DealsTable.sheetRow(line.row))
            periods[ordinal].insert(
                Period(containing: line.date, kind: plan.period, fiscalYearStart: plan.fiscalYearStart))
        }
        var blocks: [SummarySheet] = []
        var taken: Set<Int> = []
        for (ordinal, sheet) in deals.sheets.enumerated() {
            guard let repColumn = sheet.mapping.columns[.rep], let figureColumn = sheet.mapping.columns[.commission]
            else { continue }
            let below = deals.skipped.filter {
                DealsTable.sheetOrdinal($0.row) == ordinal && DealsTable.sheetRow($0.row) > lastDeal[ordinal] + 1
            }
            guard let rows = firstBlock(below, roster: roster) else { continue }
            let name = deals.sheetName(ofRow: rows[0].row)
            let period: SummaryPeriod
            if periods[ordinal].count == 1, let only = periods[ordinal].first {
                period = .date(only.start)
            } else if PeriodLabel(name) != nil {
                period = .label(name)
            } else {
                period = .unwritten
            }
            let first = DealsTable.sheetRow(rows[0].row)
            // A header right above the block (`Rep | Total payout`): text in both columns, no figure.
            let header = below.first { skipped in
                DealsTable.sheetRow(skipped.row) == first - 1 && skipped.dealID == nil && skipped.amount == nil
                    && skipped.rep != nil && skipped.commission.map(isLabel) == true
            }
            let headerText = header?.commission?.value.plainText ?? ""
            let figure =
                [SummaryField.earned, .payable].first { field in
                    field.synonyms.contains { headerKey($0) == headerKey(headerText) }
                } ?? .commission
            let summaryRows = rows.map { skipped in
                SummaryRow(
                    row: DealsTable.sheetRow(skipped.row), rep: skipped.rep!, period: period,
                    cells: [figure: skipped.commission!])
            }
            blocks.append(
                SummarySheet(
                    name: name, headerRow: header.map { DealsTable.sheetRow($0.row) } ?? first - 1,
                    columns: [.rep: repColumn, figure: figureColumn], layout: .rows, rows: summaryRows,
                    columnCells: [figure: summaryRows.map { ($0.row, $0.cells[figure]!) }]))
            taken.formUnion(rows.map(\.row) + (header.map { [$0.row] } ?? []))
        }
        guard !taken.isEmpty else { return [] }
        let takenCells = Set(
            deals.skipped.filter { taken.contains($0.row) }.flatMap { skipped in
                skipped.failures.compactMap { failure in
                    failure.location.cell.map { "\(failure.location.sheet ?? "")!\($0)" }
                }
            })
        deals.diagnostics.removeAll { diagnostic in
            diagnostic.location.cell.map { takenCells.contains("\(diagnostic.location.sheet ?? "")!\($0)") } ?? false
        }
        deals.skipped.removeAll { taken.contains($0.row) }
        deals.rowsRead -= taken.count
        return blocks
    }

    /// Whether `cell` holds a header's text: text that reads as no number.
    private static func isLabel(_ cell: Cell) -> Bool {
        guard case .text(let text) = cell.value else { return false }
        return !text.isEmpty && Decimal.fromCell(cell.value).number == nil
    }

    /// The first block among `rows` (rows of one sheet the reader skipped, in sheet order): two
    /// rows or more in a row, each a different rep's total; nil when there is none.
    private static func firstBlock(_ rows: [SkippedRow], roster: [RosterEntry]) -> [SkippedRow]? {
        var run: [SkippedRow] = []
        var reps: Set<String> = []
        for skipped in rows {
            let follows = run.last.map { DealsTable.sheetRow($0.row) + 1 == DealsTable.sheetRow(skipped.row) } ?? true
            let rep = isRepTotal(skipped, roster: roster)
            if let rep, follows, !reps.contains(rep) {
                run.append(skipped)
                reps.insert(rep)
                continue
            }
            if run.count >= 2 { return run }
            run = []
            reps = []
            if let rep {
                run = [skipped]
                reps = [rep]
            }
        }
        return run.count >= 2 ? run : nil
    }

    /// The roster id of the rep whose total `skipped` holds: no deal id, date or amount, a rep of
    /// the roster and a figure (a number, or a formula) in the commission column; nil otherwise.
    private static func isRepTotal(_ skipped: SkippedRow, roster: [RosterEntry]) -> String? {
        guard skipped.dealID == nil, skipped.amount == nil, skipped.cells.allSatisfy(\.text.isEmpty),
            let rep = skipped.rep, let cell = skipped.commission,
            Decimal.fromCell(cell.value).number != nil || cell.formula != nil,
            let entry = RepIdentity.identify(rep, roster: roster)
        else { return nil }
        return entry.id.normalizedKey
    }
}
