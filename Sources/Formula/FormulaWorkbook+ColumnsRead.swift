import Spreadsheet

/// The columns of each sheet that a workbook's formulas read, for keeping only those of a large
/// workbook (`FormulaWorkbook.keepColumns(_:)`): a million deal IDs that no formula reads need
/// not be held to check the formulas, nor the columns that only the formulas of their own row
/// read once those are checked.
public struct ColumnsRead: Sendable, Equatable {
    /// By sheet index: the columns (1-based) some formula reads.
    public fileprivate(set) var byAnyFormula: [Set<Int>]
    /// By sheet index: every column a formula reads when it reads a cell outside its own row (a
    /// summary's SUMIFS over the deals' columns, a rate looked up in a table, a running total),
    /// its own row's cells included. A formula that reads only cells of its own row and sheet
    /// (`ROUND(D2*E2*F2,2)`) adds nothing here.
    public fileprivate(set) var beyondOwnRow: [Set<Int>]

    fileprivate init(sheets: Int) {
        byAnyFormula = Array(repeating: [], count: sheets)
        beyondOwnRow = Array(repeating: [], count: sheets)
    }
}

extension FormulaWorkbook {
    /// The columns the formulas read (see `ColumnsRead`), through defined names and tables, as
    /// evaluation and `PrecedentWalk` read them; with `standingIn`, only the formulas standing in
    /// the columns it takes (a sheet's index, a 1-based column). A column one formula filled down
    /// reads is worked out once for the whole fill; whole rows and columns are clipped to the cells
    /// the sheet holds.
    public func columnsRead(standingIn: ((_ sheet: Int, _ column: Int) -> Bool)? = nil) -> ColumnsRead {
        var read = ColumnsRead(sheets: sheets.count)
        var shapes = ShapeCache()
        /// The rectangles the formula at `position` reads, with their sheets (a range joined from
        /// a lookup's result as the box it may give); nil when it does not parse.
        func ranges(at position: Int) -> [(Int, Reference)]? {
            let formula = formulas[position]
            switch try? shapes.read(formula) {
            case nil: return nil
            case .references(let references, let rows, let columns, _)?:
                return ShapeCache.Read.moved(references, rows: rows, columns: columns).compactMap { reference in
                    DependencyGraph.sheet(of: reference, workbook: self, from: formula.sheet).map { ($0, reference) }
                }
            case .tree(let expression)?:
                // OFFSET and INDIRECT may read any cell of any sheet.
                if DependencyGraph.makesReferences(expression) {
                    return sheets.indices.map {
                        (
                            $0,
                            Reference(
                                sheet: nil, firstRow: 1, firstColumn: 1, lastRow: CellAddress.maxRow,
                                lastColumn: CellAddress.maxColumn)
                        )
                    }
                }
                return DependencyGraph.ranges(expression, workbook: self, from: formula.sheet, cell: formula.address)
            }
        }
        /// Whether every rectangle is a cell of the formula's own row on its own sheet.
        func readsOnlyOwnRow(_ ranges: [(Int, Reference)], at position: Int) -> Bool {
            let (sheet, address) = formulas.location(at: position)
            return ranges.allSatisfy { $0.0 == sheet && $0.1.firstRow == address.row && $0.1.lastRow == address.row }
        }
        func note(_ ranges: [(Int, Reference)], beyondOwnRow: Bool) {
            for (sheet, reference) in ranges {
                let last = min(reference.lastColumn, max(reference.firstColumn, sheets[sheet].maxColumn))
                guard reference.firstColumn <= last else { continue }
                for column in reference.firstColumn...last {
                    read.byAnyFormula[sheet].insert(column)
                    if beyondOwnRow { read.beyondOwnRow[sheet].insert(column) }
                }
            }
        }
        formulas.forEachRun { positions, sharesShape in
            if let standingIn {
                let (sheet, address) = formulas.location(at: positions.lowerBound)
                guard standingIn(sheet, address.column) else { return }
            }
            guard sharesShape, let first = ranges(at: positions.lowerBound) else {
                for position in positions {
                    guard let found = ranges(at: position) else { continue }
                    note(found, beyondOwnRow: !readsOnlyOwnRow(found, at: position))
                }
                return
            }
            // A fill of one shape down one column: each formula reads the first's columns (its
            // references moved down its rows, a defined name's staying put). It reads only its own
            // row when the first and the last do: a reference that stays put is in at most one
            // of their rows.
            let last = positions.count == 1 ? first : ranges(at: positions.upperBound - 1) ?? []
            note(
                first + last,
                beyondOwnRow: !readsOnlyOwnRow(first, at: positions.lowerBound)
                    || !readsOnlyOwnRow(last, at: positions.upperBound - 1))
        }
        return read
    }

    /// Empties, on each sheet, the columns not in `kept` (by sheet index, as `ColumnsRead` gives
    /// them), letting go of the texts only they held. Each sheet keeps its extent (`maxRow`,
    /// `maxColumn`) as read, so that whole rows and columns are clipped as before; formulas,
    /// names and tables are unchanged. Evaluation and precedent walks give what they gave as long
    /// as they read only the kept columns.
    public mutating func keepColumns(_ kept: [Set<Int>]) {
        for sheet in sheets.indices where sheet < kept.count {
            sheets[sheet].keepColumns(kept[sheet])
        }
    }
}
