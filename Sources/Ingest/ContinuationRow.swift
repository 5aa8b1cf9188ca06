import Spreadsheet

/// A deal kept on two rows: its figures on the first, its product on the row under it with what
/// the team notes of it (`| | | Platform | | | | | renewal, signed by the CFO`), as a sheet whose
/// rows were too narrow for both is kept. The second row holds the product the first leaves
/// blank and nothing of a deal's own (no deal id, rep, date, amount, split, rate or commission):
/// its product is the deal's above, never a row unread or a deal without its product.
///
/// Made once per table (every row of a million is asked): nil for a table without a product, a
/// deal id or an amount column, whose rows continue none.
struct ContinuationRow {
    /// The fields a continuation row holds none of.
    private static let dealFields: [Field] = [.dealID, .rep, .date, .amount, .split, .rate, .commission]

    private let productColumn: Int
    private let dealIDColumn: Int
    private let amountColumn: Int
    /// The columns of `dealFields`.
    private let owned: Set<Int>

    init?(_ mapping: ColumnMapping<Field>) {
        guard let product = mapping.columns[.product], let dealID = mapping.columns[.dealID],
            let amount = mapping.columns[.amount]
        else { return nil }
        (productColumn, dealIDColumn, amountColumn) = (product, dealID, amount)
        owned = Set(Self.dealFields.compactMap { mapping.columns[$0] })
    }

    /// Whether `row` may continue the deal above it: its deal id cell is blank. Asked first, of
    /// every row, reading the one cell in place: a deal row is none.
    func mayContinue(_ row: Row) -> Bool { Self.isBlank(row, at: dealIDColumn) }

    /// `above` (the deal row right over `row`) with the product `row` writes, when `row` continues
    /// it: every cell it writes is text, one of them in the product column, none in a column of
    /// `dealFields`, and `above` writes a deal id, an amount and no product. Nil otherwise.
    func joined(_ row: Row, to above: Row) -> Row? {
        guard above.index == row.index - 1, Self.isBlank(above, at: productColumn),
            !Self.isBlank(above, at: dealIDColumn), !Self.isBlank(above, at: amountColumn),
            case .text(let product)? = row.cell(at: productColumn)?.value,
            !product.trimmingCharacters(in: .whitespaces).isEmpty
        else { return nil }
        for cell in row.cells where !cell.value.isBlank {
            guard case .text = cell.value, !owned.contains(cell.column) else { return nil }
        }
        var joined = above
        joined.cells.removeAll { $0.column == productColumn }
        let cell = row.cell(at: productColumn)!
        let at = joined.cells.firstIndex { $0.column > productColumn } ?? joined.cells.endIndex
        joined.cells.insert(cell, at: at)
        return joined
    }

    /// The product `row` writes, for the note that says where it went.
    func product(of row: Row) -> String { row.cell(at: productColumn)?.value.plainText ?? "" }

    /// Why the continuation row is left out once read with the deal above it.
    static func reason(product: String, above: Int) -> String {
        "continues the deal on row \(above) (its product '\(product)' read with it); the row is read as that deal's"
    }

    /// Whether `row` has no cell in `column`, or a blank one, read in place (no cell copied).
    private static func isBlank(_ row: Row, at column: Int) -> Bool {
        for index in row.cells.indices where row.cells[index].column == column {
            return row.cells[index].value.isBlank
        }
        return true
    }
}
