import Spreadsheet

/// Cells merged down over data rows (a rep's name merged over the block of its deals, a split
/// deal's id, date and amount merged over its two rows): only the top cell holds the value
/// (formats.md), and every row under the merge reads it. Applied to a sheet's rows in order.
/// Only merges one column wide, and not over a figure the sheet pays (a split deal's one
/// commission merged over its two rows is paid once): a note boxed over several columns and rows
/// fills nothing. A summary sheet's rows are filled the same way (a period merged down its reps).
public struct MergedValues {
    /// The merges spanning more than one row below the header, by their first row.
    private var pending: [CellRange]
    /// The merges covering the rows being read, with their top cell's value.
    private var open: [(range: CellRange, value: CellValue)] = []

    /// Nil when no merge in `merges` one column wide, outside `paid` (the commission and bonus
    /// columns), spans rows below `headerRow`.
    public init?(_ merges: [CellRange], below headerRow: Int, paid: Set<Int> = []) {
        pending = merges.filter { Self.fills($0, below: headerRow) && !paid.contains($0.first.column) }
            .sorted { $0.first.row > $1.first.row }
        if pending.isEmpty { return nil }
    }

    /// Whether a merge of `merges` spanning rows below `headerRow` covers a cell of `rows`
    /// other than its top one.
    static func cover(_ merges: [CellRange], below headerRow: Int, anyOf rows: Set<Int>) -> Bool {
        merges.contains { merge in
            fills(merge, below: headerRow) && rows.contains { $0 > merge.first.row && $0 <= merge.last.row }
        }
    }

    /// Whether `merge` is one column wide and spans rows below `headerRow`.
    private static func fills(_ merge: CellRange, below headerRow: Int) -> Bool {
        merge.first.row > headerRow && merge.last.row > merge.first.row && merge.first.column == merge.last.column
    }

    /// `row` with each empty cell under a merge given the merge's top value, in sheet order.
    public mutating func fill(_ row: Row) -> Row {
        open.removeAll { $0.range.last.row < row.index }
        while let next = pending.last, next.first.row <= row.index {
            pending.removeLast()
            guard next.last.row >= row.index else { continue }
            let top = row.cells.first { $0.column == next.first.column }?.value ?? .empty
            if next.first.row == row.index { open.append((next, top)) }
        }
        let covering = open.filter { $0.range.first.row < row.index }
        guard !covering.isEmpty else { return row }
        var cells = row.cells
        for (range, value) in covering where value != .empty {
            for column in range.first.column...range.last.column
            where !cells.contains(where: { $0.column == column && $0.value != .empty }) {
                cells.removeAll { $0.column == column }
                cells.append(Cell(column: column, value: value))
            }
        }
        cells.sort { $0.column < $1.column }
        return Row(index: row.index, cells: cells)
    }
}
