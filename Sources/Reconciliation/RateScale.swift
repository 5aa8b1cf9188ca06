import Foundation
import Ingest
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
        for cells in deals.manual {
            guard case .number(let number) = cells.rate, number != 0 else { continue }
            let magnitude = number < 0 ? -number : number
            if magnitude > 100 { return 1 }
            if magnitude > 1 { above += 1 } else { below += 1 }
        }
        return above > below ? Decimal(string: "0.01")! : 1
    }
}
