import Spreadsheet
import Testing

@testable import Formula

/// A formula is known to have the shape of the one remembered above it exactly when
/// `ShapeCache.writeShape` writes the same shape for both.
@Suite struct FilledDownFormulasTests {
    /// Texts whose `{n}` stands for the formula's row plus `n`, as filled down, and their
    /// look-alikes: absolute references, other sheets, names, strings and numbers holding digits,
    /// references that move otherwise, lower case, leading zeros and the last row.
    static let templates = [
        "ROUND(D{0}*E{0}*F{0},2)",
        "ROUND(D{0}*E{0}*F{1},2)",
        "ROUND(D{0}*E{0}*F{0},3)",
        "FLOOR(D{0}*E{0}*F{0},2)",
        "D{0}*$B$1",
        "D{0}*B1",
        "D{0}*$B{0}",
        "SUM(D{0}:E{0})",
        "'Rates Q3'!B{1}*D{0}",
        "Rates!B{1}*D{0}",
        "Rates!B{0}*D{0}",
        "Sheet{0}!B{0}*D{0}",
        "TAX*D{0}",
        "Rate2024*D{0}",
        "LOG10(D{0})",
        "IF(D{0}>0,\"D{0} x\",0)",
        "IF(D{0}>0,\"D2 x\",0)",
        "IF(D{0}>0,\"D2 \"\"x\"\"\",'Q{0}'!A{0})",
        "D{0}+1E{0}",
        "D{0}+1.5E+3",
        "D{0}+{0}",
        "D{0}+2",
        "d{0}+1",
        "D0{0}+1",
        "D{0}+D{1048000}",
        "XFD{0}*A{0}",
        "TODAY()",
        "1+2",
        "",
    ]

    /// `template` at `row`: each `{n}` written as the row plus `n`.
    static func text(_ template: String, row: Int) -> String {
        var out = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            out += rest[..<open]
            out += String(row + Int(rest[rest.index(after: open)..<close])!)
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    static func shape(_ text: String, at cell: CellAddress) -> [UInt8]? {
        var key: [UInt8] = []
        var rows: [RowDigits] = []
        let shared = text.utf8.withContiguousStorageIfAvailable {
            ShapeCache.writeShape($0, at: cell, into: &key, rows: &rows)
        }
        return shared == true ? key : nil
    }

    /// Every template at every row below every template above it, each remembered with the
    /// rows `writeShape` found: known to share the shape exactly when `writeShape` says so.
    @Test func aTextHasTheShapeAboveItExactlyWhenItsShapeIsTheSame() {
        let rows = [(2, 3), (9, 10), (99, 100), (100, 99), (5, 5), (2, 40), (1_048_575, 1_048_576), (100, 1_000)]
        var shared = 0
        for (above, below) in rows {
            for first in Self.templates {
                let upper = Self.text(first, row: above)
                let upperCell = CellAddress(row: above, column: 7)
                var key: [UInt8] = []
                var digits: [RowDigits] = []
                let upperShared = upper.utf8.withContiguousStorageIfAvailable {
                    ShapeCache.writeShape($0, at: upperCell, into: &key, rows: &digits)
                }
                guard upperShared == true else { continue }
                for second in Self.templates {
                    let lower = Self.text(second, row: below)
                    let lowerCell = CellAddress(row: below, column: 7)
                    var filled = FilledDownFormulas()
                    filled.remember(upper, at: upperCell, shape: 7, rows: digits)
                    let found = filled.shape(of: lower, at: lowerCell)
                    let same = Self.shape(lower, at: lowerCell) == key
                    #expect((found != nil) == same, "\(upper) in row \(above), \(lower) in row \(below)")
                    if let found { #expect(found == 7) }
                    if same { shared += 1 }
                    // Another column's formula is never compared with it.
                    #expect(filled.shape(of: lower, at: CellAddress(row: below, column: 8)) == nil)
                }
            }
        }
        #expect(shared > 100)
    }

    /// Down a column, each formula found from the one above it remembers where its own rows are
    /// written: a run from row 2 to 120 (through 9 to 10 and 99 to 100) is found from the first,
    /// but for the one whose string names its row, after which the next is found from the row
    /// above that one; then back up to row 2.
    @Test func aColumnFilledDownIsFoundRowByRow() {
        let template = "IF(D{0}>0,ROUND(D{0}*'Rates Q3'!B{1},2),\"D2 x\")"
        let first = Self.text(template, row: 2)
        var digits: [RowDigits] = []
        var key: [UInt8] = []
        _ = first.utf8.withContiguousStorageIfAvailable {
            ShapeCache.writeShape($0, at: CellAddress(row: 2, column: 5), into: &key, rows: &digits)
        }
        var filled = FilledDownFormulas()
        filled.remember(first, at: CellAddress(row: 2, column: 5), shape: 3, rows: digits)
        for row in 3...120 {
            let text = row == 60 ? "IF(D60>0,ROUND(D60*'Rates Q3'!B61,2),\"D60 x\")" : Self.text(template, row: row)
            #expect(filled.shape(of: text, at: CellAddress(row: row, column: 5)) == (row == 60 ? nil : 3), "row \(row)")
        }
        // And back up, the digits shrinking.
        for row in (2...119).reversed() {
            let text = Self.text(template, row: row)
            #expect(filled.shape(of: text, at: CellAddress(row: row, column: 5)) == 3, "row \(row), back up")
        }
    }
}
