import Foundation
import Ingest
import Parallel
import Primitives
import Spreadsheet

/// Whether a workbook writes its rates as fractions (`0.05`, shown as 5%) or in whole percent
/// (`5` under a header such as `Rate %`, with `=D5*H5/100` beside it).
///
/// Commission rates are below 100%, so a rate column whose numbers are mostly above 1 and none
/// above 100 is in whole percent; decided once for all rows (a 1 in such a column is 1%, not 100%).
enum RateScale {
    static func of(_ deals: DealsTable) -> Decimal {
        let count = deals.manual.count
        // On all cores from 50,000 rows, but for rows set aside in a file (its cache serves one reader).
        let chunks = deals.manual.isSetAside ? 1 : chunkCount(items: count, minimum: 50_000)
        let counts = inParallel(chunks: chunks) { chunk in
            Counts(deals.manual, rows: chunkRange(chunk, of: chunks, total: count))
        }
        let above = counts.reduce(0) { $0 + $1.above }
        let below = counts.reduce(0) { $0 + $1.below }
        let wholePercentImpossible = counts.contains { $0.wholePercentImpossible }
        return !wholePercentImpossible && above > below ? Decimal(string: "0.01")! : 1
    }

    /// How many of some rows' non-zero rates are above 1 and how many at most 1, and whether
    /// one is above 100 (then the column is in no whole percent, and counting stops).
    private struct Counts {
        var above = 0
        var below = 0
        var wholePercentImpossible = false

        init(_ manual: ManualColumn, rows: Range<Int>) {
            // In place, so that reading one cell does not copy (retain) a row's cells; one
            // comparison (on integers, `Decimal.less`) for the usual rate below 1.
            func count(_ cells: ManualCells) {
                guard !wholePercentImpossible, case .number(let number) = cells.rate, !number.isZero else { return }
                let magnitude = number.magnitude
                guard Decimal.less(1, magnitude) else {
                    below += 1
                    return
                }
                if Decimal.less(100, magnitude) { wholePercentImpossible = true }
                above += 1
            }
            let read: Void? = manual.withHeldCells { held in
                for index in rows { count(held[index]) }
            }
            if read == nil {
                for index in rows { count(manual[index]) }
            }
        }
    }
}
