import Commission
import Spreadsheet

/// A rep column written only on the first row of each rep's block, the rows below left blank
/// until the next rep's name (as a merge down would show it, without the merge): a blank rep
/// cell of a deal row means the rep above. Applied to a sheet's rows in order, only once the
/// sheet has been seen to keep its reps so throughout (`isKept`).
struct FilledDownReps {
    let repColumn: Int
    let dealIDColumn: Int
    let amountColumn: Int
    /// The product column when it too groups the rows, within each rep's block (`groupingProduct`).
    let productColumn: Int?
    /// The rep written last on a deal row.
    private var last: CellValue?
    /// The product written last on a deal row of the rep's block.
    private var lastProduct: CellValue?

    /// Nil unless `mapping` has the rep, deal id and amount columns.
    init?(_ mapping: ColumnMapping<Field>) {
        guard let rep = mapping.columns[.rep], let dealID = mapping.columns[.dealID],
            let amount = mapping.columns[.amount]
        else { return nil }
        (repColumn, dealIDColumn, amountColumn) = (rep, dealID, amount)
        productColumn = Self.groupingProduct(mapping)
    }

    /// The product column of a report grouped by rep and, within each rep, by product (a Salesforce
    /// report's `Opportunity Owner | Product Family | …`): the grouping columns stand first, the
    /// rep's and the product's both before the deal id's, and each group's value is written on its
    /// first row only. A product column after the deal id is a deal's own detail, as written.
    static func groupingProduct(_ mapping: ColumnMapping<Field>) -> Int? {
        guard let product = mapping.columns[.product], let rep = mapping.columns[.rep],
            let dealID = mapping.columns[.dealID], rep < product, product < dealID
        else { return nil }
        return product
    }

    /// Whether a sheet read without filling (its `lines`, and the `skipped` rows) writes its reps
    /// only on a block's first row: some deal rows (with a deal id and an amount) were left out
    /// for a blank rep, the first deal row names its rep, and either no rep is written on two deal
    /// rows in a row and the blank rows are at least half as many as the written ones (a sheet
    /// writing the rep on every row and missing one has a row to correct, not a block to fill), or
    /// the sheet's blocks (rows standing together, between subtotals, blank rows or notes) each
    /// write their rep on their first row and on no other (blocks of one deal mostly, which leave
    /// few cells blank).
    static func isKept(lines: [CreditLine], skipped: [SkippedRow]) -> Bool {
        let blanks = skipped.filter { $0.rep == nil && $0.dealID != nil && $0.amount != nil }
        guard !blanks.isEmpty else { return false }
        let written =
            lines.map { (row: $0.row, rep: $0.rep) }
            + skipped.compactMap { row in
                row.rep.map { (row: row.row, rep: $0) }
            }
        let rows = (written.map { (row: $0.row, rep: Optional($0.rep)) } + blanks.map { (row: $0.row, rep: nil) })
            .sorted { $0.row < $1.row }
        guard rows.first?.rep != nil else { return false }
        let pairs = zip(rows, rows.dropFirst())
        // Each block names its rep on its first row only: a rep written on a row right under another.
        if !pairs.contains(where: { above, below in below.row == above.row + 1 && below.rep != nil }) { return true }
        // A sheet that writes its reps on most rows and misses a few is not kept so.
        guard blanks.count * 2 >= written.count else { return false }
        return !pairs.contains { above, below in above.rep != nil && above.rep == below.rep }
    }

    /// `row` with a blank rep cell given the rep above, when the row holds a deal (a deal id that
    /// marks no total, and an amount); a rep written (not a total's label) is the one above the
    /// rows that follow: a block's title in the rep column (`Opportunity Owner: Ana Lima (12
    /// records)`, as a Salesforce summary report groups by owner) gives the name it titles.
    mutating func fill(_ row: Row) -> Row {
        let rep = row.cell(at: repColumn)?.value ?? .empty
        let isDeal =
            row.cell(at: dealIDColumn).map { $0.value != .empty && TotalRow.label(of: $0.value) == nil } ?? false
            && (row.cell(at: amountColumn)?.value ?? .empty) != .empty
        var filled = row
        if let productColumn, isDeal {
            let product = row.cell(at: productColumn)?.value ?? .empty
            if rep != .empty { lastProduct = nil }
            if product != .empty {
                lastProduct = product
            } else if let lastProduct {
                filled = Self.writing(lastProduct, at: productColumn, in: filled)
            }
        }
        if rep != .empty {
            if TotalRow.label(of: rep, allowingNames: false) == nil {
                if case .text(let text) = rep, let name = RepTitle.name(in: text) {
                    last = .text(name)
                } else {
                    last = rep
                }
            }
            return filled
        }
        guard let last, isDeal else { return filled }
        return Self.writing(last, at: repColumn, in: filled)
    }

    /// `row` with `value` in `column`, in place of what it held.
    private static func writing(_ value: CellValue, at column: Int, in row: Row) -> Row {
        var cells = row.cells.filter { $0.column != column }
        cells.append(Cell(column: column, value: value))
        cells.sort { $0.column < $1.column }
        return Row(index: row.index, cells: cells)
    }
}
