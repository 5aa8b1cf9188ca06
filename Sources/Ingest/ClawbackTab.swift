import Commission
import Foundation
import Spreadsheet

/// A tab of clawbacks kept apart from the deals (`Clawbacks`: `Deal ID | Sales Rep | Cancel Date
/// | Clawback`): each row takes a deal's commission back by hand, as a clawback row among the deals
/// does (`ClawbackRow`, docs/layouts.md "Clawbacks kept as rows"), and is read as one. Its header
/// names a deal id, a rep and a figure headed as a clawback (`Clawback`, `Chargeback`, `Clawback
/// Amount`), and no amount: it holds no deals.
enum ClawbackTab {
    /// The tab's header among its first rows (`rows`), the clawback figure as its commission; nil
    /// when the rows are no such tab.
    static func mapping(_ rows: [Row], in file: TableFile, table: String?, words: HeaderWords<Field>)
        -> ColumnMapping<Field>?
    {
        guard
            var mapping = try? HeaderSearch.mapping(
                in: file, table: table, rows: rows, words: words, required: [.dealID, .rep], pins: [:]),
            mapping.columns[.amount] == nil, mapping.columns[.commission] == nil,
            let header = rows.first(where: { $0.index == mapping.headerRow })
        else { return nil }
        let taken = Set(mapping.columns.values)
        let figures = header.cells.filter { cell in
            guard !taken.contains(cell.column), case .text(let text) = cell.value else { return false }
            return ClawbackRow.names(text)
        }
        guard figures.count == 1, case .text(let text) = figures[0].value else { return nil }
        mapping.columns[.commission] = figures[0].column
        mapping.headers[.commission] = text
        return mapping
    }

    /// The tab's rows that take a deal back: a deal id, a rep and a figure (a date when the cancel
    /// date's or date's cell holds one), each row's key its row in the sheet `ordinal` of the deals
    /// read (`DealsTable.rowKey`). A tab that writes what it takes back as positive figures (`500`
    /// under `Clawback`, all of them) is read as negative ones. A row with a deal id and a rep whose
    /// figure cannot be read is skipped and said so (`SkippedRow`), never dropped unseen.
    ///
    /// Figures stored as text are read in the style the column's texts show (`-1.234,56` on a
    /// German or Spanish sheet: `NumberStyle.ofFigures`), as the deals' number columns are; where
    /// the texts leave the style open the reading is said (`diagnostics`), not guessed unseen; where
    /// they tie or tell none, the deals' style settles it (`dealsStyle`, the one their number
    /// columns' texts show).
    static func rows(
        of table: String?, in file: TableFile, mapping: ColumnMapping<Field>, ordinal: Int, dateOrder: DateOrder?,
        dealsStyle: NumberStyle? = nil
    ) throws -> (clawbacks: [ClawbackRow], skipped: [SkippedRow], diagnostics: [SpreadsheetError]) {
        guard let figure = mapping.columns[.commission], let idColumn = mapping.columns[.dealID],
            let repColumn = mapping.columns[.rep]
        else { return ([], [], []) }
        let dateColumn = mapping.columns[.cancelDate] ?? mapping.columns[.date]
        // The rows naming a deal and a rep with a figure, gathered first: the figures' texts decide
        // the column's style before any is read.
        var written: [(row: Int, id: String, rep: String, taken: Cell, dated: Cell?, place: Location)] = []
        try file.forEachRow(of: table) { row, place in
            guard row.index > mapping.headerRow else { return }
            func cell(_ column: Int?) -> Cell? { row.cells.first { $0.column == column } }
            let id = cell(idColumn).flatMap { ValueReading.text($0.value) }
            let rep = cell(repColumn).flatMap { ValueReading.text($0.value) }
            guard let id, let rep, let taken = cell(figure), taken.value != .empty else { return }
            written.append((row.index, id, rep, taken, cell(dateColumn), place.location(column: figure)))
        }
        let header = mapping.headers[.commission] ?? "Clawback"
        let (style, doubt) = NumberStyle.ofFigures(
            written.compactMap { if case .text(let text) = $0.taken.value { text } else { nil } }, header: header,
            sheets: dealsStyle)
        let diagnostics = doubt.map { [SpreadsheetError(Location(file: file.path, sheet: table), $0)] } ?? []
        var found: [ClawbackRow] = []
        var skipped: [SkippedRow] = []
        for (row, id, rep, taken, dated, place) in written {
            let key = DealsTable.rowKey(sheet: ordinal, row: row)
            guard let amount = try? ValueReading.money(taken.value, style: style) else {
                let failure = SpreadsheetError(place, "a clawback that is not a number; the row is skipped")
                skipped.append(
                    SkippedRow(
                        row: key, failures: [failure],
                        cells: [
                            SkippedRow.Unread(cell: CellAddress(row: row, column: figure), text: taken.value.plainText)
                        ], dealID: id, rep: rep, amount: nil, commission: taken))
                continue
            }
            guard amount != 0 else { continue }
            let date = dated.flatMap { try? ValueReading.date($0.value, order: dateOrder, system: file.dateSystem) }
            found.append(
                ClawbackRow(
                    row: key, dealID: id, rep: rep, date: date, status: header, commission: taken, amount: amount))
        }
        if found.allSatisfy({ $0.amount > 0 }) {
            for index in found.indices { found[index].amount.negate() }
        }
        // Among negative figures, a positive one takes nothing back: said so, not read.
        for clawback in found where clawback.amount > 0 {
            let place = CellAddress(row: DealsTable.sheetRow(clawback.row), column: clawback.commission.column)
            skipped.append(
                SkippedRow(
                    row: clawback.row,
                    failures: [
                        SpreadsheetError(
                            Location(file: file.path, sheet: table, cell: place),
                            "a clawback above 0 among clawbacks below it; the row is skipped")
                    ],
                    cells: [SkippedRow.Unread(cell: place, text: clawback.commission.value.plainText)],
                    dealID: clawback.dealID, rep: clawback.rep, amount: nil, commission: clawback.commission))
        }
        return (found.filter { $0.amount < 0 }, skipped, diagnostics)
    }
}
