import Spreadsheet

extension Evaluator {
    /// A structured reference resolved against the workbook's tables to a rectangle of cells.
    func structured(_ reference: StructuredReference) throws(NotEvaluable) -> Operand {
        switch workbook.resolve(reference, sheet: sheet, cell: cell) {
        case .success(let (target, range)): return .reference(sheet: target, range)
        case .failure(.notEvaluable(let reason)): throw reason
        case .failure(.error(let error)): return .value(.error(error))
        }
    }
}

/// Why a structured reference gives no cells.
enum TableResolutionFailure: Error {
    case notEvaluable(NotEvaluable)
    /// `#VALUE!` for `[@Col]` outside the table's rows, `#REF!` for an empty area.
    case error(FormulaError)
}

extension FormulaWorkbook {
    /// The sheet and rectangle a structured reference names, from a formula at `cell` of `sheet`
    /// (which `[@Col]` and a table-less reference need).
    func resolve(_ reference: StructuredReference, sheet: Int, cell: CellAddress) -> Result<
        (Int, Reference), TableResolutionFailure
    > {
        let table: TableDefinition?
        if let name = reference.table {
            table = tables.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }
        } else {
            table = tables.first { $0.sheet == sheet && $0.range.contains(cell) }
        }
        guard let table else {
            return .failure(.notEvaluable(NotEvaluable(.unresolved("the table '\(reference.table ?? "")'"))))
        }
        var firstColumn = table.range.first.column
        var lastColumn = table.range.last.column
        if let first = reference.firstColumn {
            guard let start = table.columns.firstIndex(where: { $0.caseInsensitiveCompare(first) == .orderedSame }),
                let end = table.columns.firstIndex(where: {
                    $0.caseInsensitiveCompare(reference.lastColumn ?? first) == .orderedSame
                })
            else {
                return .failure(
                    .notEvaluable(NotEvaluable(.unresolved("the column '\(first)' of table '\(table.name)'"))))
            }
            firstColumn = table.range.first.column + min(start, end)
            lastColumn = table.range.first.column + max(start, end)
        }
        let headerRow = table.range.first.row
        let dataFirst = headerRow + table.headerRows
        let dataLast = table.range.last.row - table.totalsRows
        var rows: [ClosedRange<Int>] = []
        for area in reference.areas {
            switch area {
            case .all: rows.append(table.range.first.row...table.range.last.row)
            case .data: if dataFirst <= dataLast { rows.append(dataFirst...dataLast) }
            case .headers: if table.headerRows > 0 { rows.append(headerRow...headerRow) }
            case .totals: if table.totalsRows > 0 { rows.append((dataLast + 1)...table.range.last.row) }
            case .thisRow:
                guard dataFirst <= dataLast, (dataFirst...dataLast).contains(cell.row) else {
                    return .failure(.error(.value))
                }
                rows.append(cell.row...cell.row)
            }
        }
        guard let low = rows.map(\.lowerBound).min(), let high = rows.map(\.upperBound).max() else {
            return .failure(.error(.reference))
        }
        return .success(
            (
                table.sheet,
                Reference(
                    sheet: sheets[table.sheet].name, firstRow: low, firstColumn: firstColumn, lastRow: high,
                    lastColumn: lastColumn)
            ))
    }
}
