import Formula
import Ingest
import Spreadsheet

/// The deals' commission column as formula forensics read it: its pattern (a formula column, the
/// form most of its formulas share), and the formula texts of the rows a cause may be asked
/// about.
///
/// The rows keep only whether their commission cell holds a formula (`ManualCells`); the texts
/// are the workbook's formulas' (or the reader's, when it kept them), read once for the few
/// rows that need one (a sample of the column and the rows with a difference), not held for a
/// million rows.
struct CommissionFormulas {
    let pattern: FormulaForensics.ColumnPattern
    /// The texts of the rows that may be asked about, by line index.
    private let texts: [Int: String]

    /// The commission formulas of `context`'s deals; `asked` says, by line index, which rows'
    /// texts a cause may ask for. `workbook` holds the formulas' texts.
    init(_ context: RowContext, workbook: FormulaWorkbook?, asked: some Sequence<Int>) {
        let manual = context.deals.manual
        var numeric = 0
        var formulas = 0
        for index in manual.indices {
            if manual[index].commissionHasFormula {
                formulas += 1
            } else {
                guard let cell = manual[index].commission else { continue }
                if case .text = cell.value { continue }
            }
            numeric += 1
        }
        let sample = FormulaForensics.ColumnPattern.sample(formulas)
        var sampled: [Int] = []
        var counted = 0
        var next = sample.makeIterator()
        var wanted = next.next()
        for index in manual.indices where manual[index].commissionHasFormula {
            guard let position = wanted else { break }
            if counted == position {
                sampled.append(index)
                wanted = next.next()
            }
            counted += 1
        }
        let texts = Self.texts(
            of: sampled + asked.filter { manual[$0].commissionHasFormula }, context: context,
            workbook: workbook)
        pattern = FormulaForensics.ColumnPattern(
            numeric: numeric, formulas: formulas,
            sample: sampled.lazy.compactMap { index in
                texts[index].map { (DealsTable.sheetRow(context.deals.lines[index].row), $0) }
            })
        self.texts = texts
    }

    /// The formula text of line `index`'s commission cell, when it is one of the rows asked about.
    func text(_ index: Int) -> String? { texts[index] }

    /// `hardcoded_formula` or `inconsistent_formula` for line `index`'s commission cell `cell`.
    func anomaly(_ cell: ManualCells.Commission, index: Int, row: Int) -> Cause? {
        pattern.anomaly(hasFormula: cell.hasFormula, formula: text(index), row: row)
    }

    /// A cell of a sheet of the formulas' workbook.
    private struct Place: Hashable {
        let sheet: Int
        let row: Int
        let column: Int
    }

    /// The formula texts of the commission cells of lines `indices` (each holding a formula):
    /// those the reader kept, the rest from one pass over `workbook`'s formulas.
    private static func texts(of indices: [Int], context: RowContext, workbook: FormulaWorkbook?) -> [Int: String] {
        var texts: [Int: String] = [:]
        var wanted: [Place: Int] = [:]
        for index in indices {
            guard let cell = context.deals.manual[index].commission else { continue }
            if let kept = cell.formula {
                texts[index] = kept
                continue
            }
            let (name, row) = context.place(context.deals.lines[index].row)
            guard let sheet = workbook?.sheet(named: name) else { continue }
            wanted[Place(sheet: sheet, row: row, column: cell.column)] = index
        }
        guard let workbook, let lastRow = wanted.keys.map(\.row).max() else { return texts }
        // The rows asked about are a few among a million formulas: a formula on another row is
        // passed over without hashing its place.
        var rowAsked = [Bool](repeating: false, count: lastRow + 1)
        for place in wanted.keys { rowAsked[place.row] = true }
        let formulas = workbook.formulas
        for position in formulas.indices {
            let (sheet, address) = formulas.location(at: position)
            guard address.row <= lastRow, rowAsked[address.row] else { continue }
            if let index = wanted[Place(sheet: sheet, row: address.row, column: address.column)] {
                texts[index] = formulas[position].text
            }
        }
        return texts
    }
}
