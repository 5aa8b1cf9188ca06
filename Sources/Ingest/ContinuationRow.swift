import Spreadsheet

/// A deal kept on two rows: its figures on the first, its product on the row under it with what
/// the team notes of it (`| | | Platform | | | | | renewal, signed by the CFO`), as a sheet whose
/// rows were too narrow for both is kept. The second row holds the product the first leaves
/// blank and nothing of a deal's own (no deal id, rep, date, amount, split, rate or commission):
/// its product is the deal's above, never a row unread or a deal without its product.
enum ContinuationRow {
    /// The fields a continuation row holds none of.
    private static let dealFields: [Field] = [.dealID, .rep, .date, .amount, .split, .rate, .commission]

    /// `above` (the deal row right over `row`) with the product `row` writes, when `row` continues
    /// it: every cell it writes is text, one of them in the product column, none in a column of
    /// `dealFields`, and `above` writes a deal id, an amount and no product. Nil otherwise.
    static func joined(_ row: Row, to above: Row, mapping: ColumnMapping<Field>) -> Row? {
        guard let productColumn = mapping.columns[.product], above.index == row.index - 1,
            case .text(let product)? = row.cell(at: productColumn)?.value,
            !product.trimmingCharacters(in: .whitespaces).isEmpty,
            above.cell(at: productColumn)?.value.isBlank ?? true
        else { return nil }
        let owned = Set(dealFields.compactMap { mapping.columns[$0] })
        for cell in row.cells where !cell.value.isBlank {
            guard case .text = cell.value, !owned.contains(cell.column) else { return nil }
        }
        for field in [Field.dealID, .amount] {
            guard let column = mapping.columns[field], let cell = above.cell(at: column), !cell.value.isBlank else {
                return nil
            }
        }
        var joined = above
        joined.cells.removeAll { $0.column == productColumn }
        let cell = row.cell(at: productColumn)!
        let at = joined.cells.firstIndex { $0.column > productColumn } ?? joined.cells.endIndex
        joined.cells.insert(cell, at: at)
        return joined
    }

    /// Why the continuation row is left out once read with the deal above it.
    static func reason(product: String, above: Int) -> String {
        "continues the deal on row \(above) (its product '\(product)' read with it); the row is read as that deal's"
    }
}
