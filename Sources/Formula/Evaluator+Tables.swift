import Spreadsheet

extension Evaluator {
    /// A structured reference resolved against the workbook's tables to a rectangle of cells.
    func structured(_ reference: StructuredReference) throws(NotEvaluable) -> Operand {
        let table: TableDefinition?
        if let name = reference.table {
            table = workbook.tables.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }
        } else {
            table = workbook.tables.first { $0.sheet == sheet && $0.range.contains(cell) }
        }
        guard let table else { throw NotEvaluable(.unresolved("the table '\(reference.table ?? "")'")) }
        var firstColumn = table.range.first.column
        var lastColumn = table.range.last.column
        if let first = reference.firstColumn {
            guard let start = table.columns.firstIndex(where: { $0.caseInsensitiveCompare(first) == .orderedSame }),
                let end = table.columns.firstIndex(where: {
                    $0.caseInsensitiveCompare(reference.lastColumn ?? first) == .orderedSame
                })
            else { throw NotEvaluable(.unresolved("the column '\(first)' of table '\(table.name)'")) }
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
                guard (dataFirst...max(dataFirst, dataLast)).contains(cell.row) else { return .value(.error(.value)) }
                rows.append(cell.row...cell.row)
            }
        }
        guard let low = rows.map(\.lowerBound).min(), let high = rows.map(\.upperBound).max() else {
            return .value(.error(.reference))
        }
        return .reference(
            sheet: table.sheet,
            Reference(
                sheet: workbook.sheets[table.sheet].name, firstRow: low, firstColumn: firstColumn, lastRow: high,
                lastColumn: lastColumn))
    }
}
