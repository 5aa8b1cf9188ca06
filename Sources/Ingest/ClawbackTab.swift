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
            var mapping = try? HeaderSearch.find(
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

    /// The tab's rows that take a deal back: a deal id, a rep and a negative figure (a date when
    /// the cancel date's or date's cell holds one), each row's key its row in the sheet `ordinal`
    /// of the deals read (`DealsTable.rowKey`).
    static func rows(
        of table: String?, in file: TableFile, mapping: ColumnMapping<Field>, ordinal: Int, dateOrder: DateOrder?
    ) throws -> [ClawbackRow] {
        guard let figure = mapping.columns[.commission], let idColumn = mapping.columns[.dealID],
            let repColumn = mapping.columns[.rep]
        else { return [] }
        let dateColumn = mapping.columns[.cancelDate] ?? mapping.columns[.date]
        var found: [ClawbackRow] = []
        try file.forEachRow(of: table) { row, _ in
            guard row.index > mapping.headerRow else { return }
            func cell(_ column: Int?) -> Cell? { row.cells.first { $0.column == column } }
            let id = cell(idColumn)?.value.plainText.trimmingCharacters(in: .whitespaces) ?? ""
            let rep = cell(repColumn)?.value.plainText.trimmingCharacters(in: .whitespaces) ?? ""
            guard !id.isEmpty, !rep.isEmpty, let taken = cell(figure),
                let amount = try? ValueReading.money(taken.value, style: .decimalPoint), amount < 0
            else { return }
            let date = cell(dateColumn).flatMap {
                try? ValueReading.date($0.value, order: dateOrder, system: file.dateSystem)
            }
            found.append(
                ClawbackRow(
                    row: DealsTable.rowKey(sheet: ordinal, row: row.index), dealID: id, rep: rep, date: date,
                    status: mapping.headers[.commission] ?? "Clawback", commission: taken, amount: amount))
        }
        return found
    }
}
