import Foundation
import Ingest
import Parallel
import Primitives
import Spreadsheet

/// Whether a workbook writes its rates as fractions (`0.05`, shown as 5%), in whole percent
/// (`5` under a header such as `Rate %`, with `=D5*H5/100` beside it), in basis points (`500`
/// under `Rate (bps)`, with `=D5*H5/10000`), as finance teams write rates, or per mille (`75`
/// under `Rate (‰)`, with `=D5*H5/1000`), as its header says.
///
/// Commission rates are below 100%, so a rate column whose numbers are mostly above 1 and none
/// above 100 is in whole percent; one whose numbers above 1 are mostly above 100 and none above
/// 10,000 (100% in basis points) is in basis points; decided once for all rows (a 1 in such a
/// column is 1%, or one basis point, not 100%). A column mixing whole percents with a few figures
/// above 100 is read as it stands.
enum RateScale {
    static func of(_ deals: DealsTable) -> Decimal {
        let count = deals.manual.count
        let chunks = deals.manual.readingPieces(minimum: 50_000)
        let counts = inParallel(chunks: chunks) { chunk in
            Counts(deals.manual, rows: chunkRange(chunk, of: chunks, total: count))
        }
        let above = counts.reduce(0) { $0 + $1.above }
        let below = counts.reduce(0) { $0 + $1.below }
        let hundreds = counts.reduce(0) { $0 + $1.hundreds }
        guard !counts.contains(where: \.impossible), above > below else { return 1 }
        if isPerMille(deals.mapping.headers[.rate]) { return Decimal(string: "0.001")! }
        if hundreds == 0 { return Decimal(string: "0.01")! }
        return 2 * hundreds > above ? Decimal(string: "0.0001")! : 1
    }

    /// Whether a rate's header says its figures are per mille (`Rate (‰)`, `Rate per mille`,
    /// `Provision in Promille`): `75` under it is 7.5%, where it would be read as whole percent.
    static func isPerMille(_ header: String?) -> Bool {
        guard let header else { return false }
        if header.contains("‰") { return true }
        let folded = header.lowercased().split { !$0.isLetter }.joined(separator: " ")
        return [" per mille", " permille", " promille", " per mil"].contains { (" " + folded + " ").contains($0 + " ") }
    }

    /// How many of some rows' non-zero rates are above 1, how many of those above 100, and how
    /// many at most 1; and whether one is above 10,000 (then the column is in no whole percent nor
    /// basis points, and counting stops).
    private struct Counts {
        var above = 0
        var below = 0
        var hundreds = 0
        var impossible = false

        init(_ manual: ManualColumn, rows: Range<Int>) {
            // In place, so that reading one cell does not copy (retain) a row's cells; one
            // comparison (on integers, `Decimal.less`) for the usual rate below 1.
            func count(_ cells: ManualCells) {
                guard !impossible, case .number(let number) = cells.rate, !number.isZero else { return }
                let magnitude = number.magnitude
                guard Decimal.less(1, magnitude) else {
                    below += 1
                    return
                }
                if Decimal.less(100, magnitude) {
                    if Decimal.less(10000, magnitude) { impossible = true }
                    hundreds += 1
                }
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
