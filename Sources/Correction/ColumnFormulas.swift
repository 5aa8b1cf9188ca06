import Formula
import Foundation
import Spreadsheet
import XLSX

/// The formula a wrong pay cell can take instead of a typed value: the one its column's other
/// rows share (`=ROUND(D5*E5,2)` where the row has `=ROUND(D5*0.08,2)` or `=ROUND(D4*E5,2)`), or
/// its own; either rounding with ROUND where it rounds down or up (`=ROUNDDOWN(D5*E5,2)`).
///
/// A candidate only: `DependentTotals` keeps it when, evaluated over the corrected workbook, it
/// gives the engine's value; otherwise the cell takes the typed value as before.
enum ColumnFormulas {
    /// The candidates by sheet index and cell. A cell qualifies when it held a formula that its
    /// correction replaces (not a total that keeps its own, not one repaired) and, of the other
    /// formula cells of its column that no correction touches, at least two and more than half
    /// give, moved to its row, one formula other than its own; or when its own formula (or that
    /// one) rounds down or up, which then rounds with ROUND (`roundingHalfUp`).
    static func candidates(_ cells: [(sheet: Int, address: CellAddress)], in workbook: FormulaWorkbook)
        -> [Int: [CellAddress: String]]
    {
        guard !cells.isEmpty else { return [:] }
        struct Column: Hashable {
            var sheet: Int
            var column: Int
        }
        let wanted = Set(cells.map { Column(sheet: $0.sheet, column: $0.address.column) })
        let corrected = Set(cells.map { "\($0.sheet)!\($0.address)" })
        var own: [String: String] = [:]
        var others: [Column: [(row: Int, text: String)]] = [:]
        for formula in workbook.formulas {
            let column = Column(sheet: formula.sheet, column: formula.address.column)
            guard wanted.contains(column) else { continue }
            if corrected.contains("\(formula.sheet)!\(formula.address)") {
                own["\(formula.sheet)!\(formula.address)"] = formula.text
            } else if !formula.isArray {
                others[column, default: []].append((formula.address.row, formula.text))
            }
        }
        var found: [Int: [CellAddress: String]] = [:]
        for (sheet, address) in cells {
            guard let text = own["\(sheet)!\(address)"] else { continue }
            var shared: String?
            if let rows = others[Column(sheet: sheet, column: address.column)], rows.count >= 2 {
                var counts: [String: Int] = [:]
                for row in rows {
                    counts[FormulaShifter.shift(row.text, rows: address.row - row.row, columns: 0), default: 0] += 1
                }
                if let (formula, count) = counts.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }), count >= 2,
                    count * 2 > rows.count
                {
                    shared = formula
                }
            }
            // The column's formula, or the cell's own, rounding with ROUND where it rounds down or
            // up (a sheet whose rows round otherwise than the plan's).
            let candidate = roundingHalfUp(shared ?? text)
            guard candidate != text else { continue }
            found[sheet, default: [:]][address] = candidate
        }
        return found
    }

    /// `formula` rounding with ROUND where it rounds with ROUNDDOWN, ROUNDUP or TRUNC, the
    /// places it rounds to kept (`=ROUNDDOWN(D5*E5,2)` → `=ROUND(D5*E5,2)`).
    static func roundingHalfUp(_ formula: String) -> String {
        FormulaShifter.renamingFunctions(formula, ["ROUNDDOWN": "ROUND", "ROUNDUP": "ROUND", "TRUNC": "ROUND"])
    }
}
