import Foundation
import Ingest
import Primitives
import Spreadsheet

/// Whether a workbook writes its rates as fractions (`0.05`, shown as 5%) or in whole percent
/// (`5` under a header such as `Rate %`, with `=D5*H5/100` beside it).
///
/// Commission rates are below 100%, so a rate column whose numbers are mostly above 1 and none
/// above 100 is in whole percent; decided once for all rows (a 1 in such a column is 1%, not 100%).
enum RateScale {
    static func of(_ deals: DealsTable) -> Decimal {
        var above = 0
        var below = 0
        var wholePercentImpossible = false
        // In place, so that reading one cell does not copy (retain) a row's cells; one
        // comparison (on integers, `Decimal.less`) for the usual rate below 1.
        deals.manual.forEachRow { _, cells in
            guard !wholePercentImpossible, case .number(let number) = cells.rate, !number.isZero else { return }
            let magnitude = number.magnitude
            guard Decimal.less(1, magnitude) else {
                below += 1
                return
            }
            if Decimal.less(100, magnitude) { wholePercentImpossible = true }
            above += 1
        }
        return !wholePercentImpossible && above > below ? Decimal(string: "0.01")! : 1
    }
}
