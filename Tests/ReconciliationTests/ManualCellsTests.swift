import Foundation
import Ingest
import Spreadsheet
import Testing

/// A row's manual cells are held in words (`ManualCells`): every value must come back as it was
/// read, whatever its kind, and the commission's formula text only when the reader kept it.
@Suite struct ManualCellsTests {
    /// Values of every kind, each as a rate, a commission and a bonus: numbers held in a word and
    /// numbers that are not (a mantissa longer than 48 bits), and the kinds kept beside the words.
    static let values: [CellValue?] = [
        nil, .empty, .number(0), .number(Decimal(string: "0.075")!), .number(Decimal(string: "-1234.56")!),
        .number(Decimal(string: "281474976710655")!), .number(Decimal(string: "281474976710656")!),
        .number(Decimal(string: "12345678901234567890.123456789")!), .number(Decimal(string: "1e-20")!),
        .text("7.5%"), .text("TBD"), .bool(true), .bool(false), .error("#N/A"),
        .date(DateTimeValue(kind: .date, year: 2026, month: 3, day: 31, serial: 46112)),
        .outOfRangeNumber("1e400"),
    ]

    @Test func everyValueComesBackAsRead() {
        for (position, value) in Self.values.enumerated() {
            // The three cells hold different values, so that one read from another's word fails.
            let rate = Self.values[(position + 1) % Self.values.count]
            let bonus = Self.values[(position + 2) % Self.values.count]
            let commission = value.map { Cell(column: 7, value: $0, formula: "ROUND(D2*E2,2)", numberFormat: "0.00") }
            let cells = ManualCells(row: 4_294_967_298, rate: rate, commission: commission, bonus: bonus)
            #expect(cells.row == 4_294_967_298)
            #expect(cells.rate == rate, "rate \(String(describing: rate))")
            #expect(cells.bonus == bonus, "bonus \(String(describing: bonus))")
            #expect(cells.commission?.value == value, "commission \(String(describing: value))")
            if value != nil {
                #expect(cells.commission?.column == 7)
                #expect(cells.commission?.hasFormula == true)
            }
            // Numbers come back bit for bit, not only equal: the same Decimal storage.
            if case .number(let number)? = value, case .number(let read)? = cells.commission?.value {
                #expect(withUnsafeBytes(of: number) { Array($0) } == withUnsafeBytes(of: read) { Array($0) })
            }
        }
    }

    @Test func theFormulaTextIsKeptOnlyWhenAskedFor() {
        let cell = Cell(column: 3, value: .number(500), formula: "ROUND(A2*B2,2)", numberFormat: "#,##0.00")
        let values = ManualCells(row: 2, rate: nil, commission: cell, bonus: nil, keeping: .values)
        #expect(values.commission?.hasFormula == true)
        #expect(values.commission?.formula == nil)
        #expect(values.commission?.numberFormat == nil)
        let whole = ManualCells(row: 2, rate: nil, commission: cell, bonus: nil, keeping: .valuesAndFormulas)
        #expect(whole.commission?.formula == "ROUND(A2*B2,2)")
        #expect(whole.commission?.numberFormat == "#,##0.00")
        let typed = ManualCells(row: 2, rate: nil, commission: Cell(column: 3, value: .number(500)), bonus: nil)
        #expect(typed.commission?.hasFormula == false)
        #expect(ManualCells(row: 2, rate: nil, commission: nil, bonus: nil).commission == nil)
    }

    @Test func aRowTakesFortyEightBytes() {
        #expect(MemoryLayout<ManualCells>.stride <= 48)
    }
}
