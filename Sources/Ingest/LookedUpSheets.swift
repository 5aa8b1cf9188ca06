import Foundation
import Spreadsheet

/// A sheet of deals another deals sheet looks its rows up on: the deals as the CRM gives them
/// (no commission column), and a sheet of the team's own (`Payout`) that takes each line's date
/// or amount from it by deal id (`=XLOOKUP($A2,Deals!$A$2:$A$40,Deals!$E$2:$E$40)`,
/// `=INDEX(Deals!$B$2:$B$40,MATCH($A2,Deals!$A$2:$A$40,0))`) and works the commission out there.
/// The first is the data the second is worked from, not more deals: read beside it, each of its
/// rows would be a copy of a line the second sheet holds.
enum LookedUpSheets {
    /// The sheets among `names` that the deal rows under `mapping`, among a sheet's first rows
    /// (`rows`), look their date or amount up on: half of those rows at least, and two or more,
    /// read a date or amount cell's value from the sheet by a formula that names it.
    static func sources(_ rows: [Row], under mapping: ColumnMapping<Field>, among names: [String]) -> Set<String> {
        let columns = Set([mapping.columns[.date], mapping.columns[.amount]].compactMap { $0 })
        guard let idColumn = mapping.columns[.dealID], !columns.isEmpty else { return [] }
        let deals = rows.filter { row in
            row.index > mapping.headerRow
                && row.cells.contains { $0.column == idColumn && $0.value.plainText.contains { !$0.isWhitespace } }
        }
        guard deals.count >= 2 else { return [] }
        return Set(
            names.filter { name in
                let marks = [name + "!", "'" + name.replacingOccurrences(of: "'", with: "''") + "'!"].map {
                    $0.lowercased()
                }
                let lookingUp = deals.filter { row in
                    row.cells.contains { cell in
                        guard columns.contains(cell.column), let formula = cell.formula?.lowercased() else {
                            return false
                        }
                        return marks.contains { refers(formula, to: $0) }
                    }
                }
                return lookingUp.count >= 2 && 2 * lookingUp.count >= deals.count
            })
    }

    /// Whether `formula` holds `mark` (`deals!`, `'q1 deals'!`, lower-cased) as a sheet's name, not
    /// as the end of a longer one (`olddeals!`).
    private static func refers(_ formula: String, to mark: String) -> Bool {
        var start = formula.startIndex
        while let found = formula.range(of: mark, range: start..<formula.endIndex) {
            guard found.lowerBound > formula.startIndex, mark.first != "'" else { return true }
            let before = formula[formula.index(before: found.lowerBound)]
            if !(before.isLetter || before.isNumber || before == "_" || before == ".") { return true }
            start = found.upperBound
        }
        return false
    }
}
