import Foundation
import Recalculation
import Spreadsheet
import Testing

@testable import Formula

/// Which columns the formulas read (`columnsRead`), and a workbook that keeps only those
/// (`keepColumns`, `FormulaCheck.Kept.readByFormulas`): a column read by no formula is let go,
/// as is one read only by its own row's formulas once those are checked, while one read by a
/// formula outside its own row is kept; what the check finds is the same either way.
@Suite struct ColumnsReadTests {
    /// Deals: A the deal ID, B the rep, C a note, D the amount, E the rate, G `ROUND(D*E,2)` filled
    /// down (row 4 stale, row 5 saved without a value); Summary: each rep's SUMIFS over the deals'
    /// G and B (R2's stale).
    static func workbook() -> FormulaWorkbook {
        var sheets = Sheet()
        sheets.workbook = FormulaWorkbook()
        sheets.workbook.addSheet(named: "Deals")
        sheets.workbook.addSheet(named: "Summary")
        func set(_ sheet: Int, _ address: String, _ value: CellValue, _ formula: String? = nil) {
            sheets.set(address, value, formula: formula, sheet: sheet)
        }
        for (column, header) in zip(["A", "B", "C", "D", "E", "G"], ["Deal", "Rep", "Note", "Amount", "Rate", "Paid"]) {
            set(0, "\(column)1", .text(header))
        }
        let deals: [(rep: String, amount: String, rate: String, paid: CellValue)] = [
            ("R1", "1000", "0.1", .n("100")), ("R2", "2000", "0.05", .n("100")), ("R1", "3000", "0.1", .n("299")),
            ("R2", "4000", "0.05", .empty), ("R1", "500", "0.1", .n("50")),
        ]
        for (offset, deal) in deals.enumerated() {
            let row = offset + 2
            set(0, "A\(row)", .text("D\(1000 + row)"))
            set(0, "B\(row)", .text(deal.rep))
            set(0, "C\(row)", .text("note \(row)"))
            set(0, "D\(row)", .n(deal.amount))
            set(0, "E\(row)", .n(deal.rate))
            set(0, "G\(row)", deal.paid, "ROUND(D\(row)*E\(row),2)")
        }
        set(1, "A1", .text("Rep"))
        set(1, "A2", .text("R1"))
        set(1, "A3", .text("R2"))
        set(1, "B2", .n("449"), "SUMIFS(Deals!$G$2:$G$6,Deals!$B$2:$B$6,A2)")
        set(1, "B3", .n("999"), "SUMIFS(Deals!$G$2:$G$6,Deals!$B$2:$B$6,A3)")
        return sheets.workbook
    }

    @Test func aColumnReadOutsideItsRowIsKeptAndOneReadByNoneIsNot() {
        let read = Self.workbook().columnsRead()
        // Deals: the fill reads D and E of its own row; the SUMIFS read B and G of every row.
        #expect(read.byAnyFormula == [[2, 4, 5, 7], [1]])
        // The SUMIFS read beyond their row: all they read is kept, their own row's A included.
        #expect(read.beyondOwnRow == [[2, 7], [1]])
    }

    /// OFFSET and INDIRECT reach cells no text names: a formula calling them, filled down or
    /// not, keeps every column of every sheet, so that a workbook keeping only the columns read
    /// evaluates it as the whole one does.
    @Test func offsetAndIndirectKeepEveryColumn() {
        var workbook = Self.workbook()
        workbook.setCell(sheet: 1, row: 2, column: 3, value: .empty, formula: "INDIRECT(\"Deals!C\"&ROW())")
        workbook.setCell(sheet: 1, row: 3, column: 3, value: .empty, formula: "INDIRECT(\"Deals!C\"&ROW())")
        workbook.setCell(sheet: 1, row: 2, column: 4, value: .empty, formula: "SUM(OFFSET(Deals!A1,1,3,5,1))")
        let read = workbook.columnsRead()
        #expect(read.beyondOwnRow[0].isSuperset(of: 1...7))
        var kept = workbook
        kept.keepColumns(read.beyondOwnRow)
        #expect(kept.evaluate().map(\.value) == workbook.evaluate().map(\.value))
        #expect(kept.evaluate().suffix(3).map(\.value) == [.text("note 2"), .text("note 3"), .number(10500)])
    }

    /// A range joined from other than two plain references (a dynamic named range ending in
    /// INDEX) reads the box between its ends, and SUMIF a sum range the shape of its criteria:
    /// those columns are kept, and no others, so the lookup still finds its rate.
    @Test func aRangeJoinedFromAnIndexOrASumIfKeepsTheColumnsItMayRead() {
        var workbook = FormulaWorkbook()
        workbook.addSheet(named: "Deals")
        workbook.addSheet(named: "Rates")
        workbook.addSheet(named: "Totals")
        for (row, (band, rate)) in [("A", "0.05"), ("B", "0.07"), ("C", "0.1")].enumerated() {
            workbook.setCell(sheet: 1, row: row + 1, column: 1, value: .text(band), formula: nil)
            workbook.setCell(sheet: 1, row: row + 1, column: 2, value: .number(Decimal(string: rate)!), formula: nil)
            workbook.setCell(sheet: 1, row: row + 1, column: 3, value: .text("note"), formula: nil)
            workbook.setCell(sheet: 1, row: row + 1, column: 4, value: .text("unread"), formula: nil)
        }
        workbook.defineName("RateTable", formula: "Rates!$A$1:INDEX(Rates!$C:$C,COUNTA(Rates!$A:$A))")
        workbook.setCell(sheet: 0, row: 2, column: 1, value: .text("B"), formula: nil)
        workbook.setCell(sheet: 0, row: 2, column: 2, value: .empty, formula: "VLOOKUP(A2,RateTable,2,FALSE)")
        for row in 1...3 {
            workbook.setCell(sheet: 2, row: row, column: 1, value: .text(row == 2 ? "x" : "y"), formula: nil)
            workbook.setCell(sheet: 2, row: row, column: 2, value: .text(row == 2 ? "x" : "y"), formula: nil)
            workbook.setCell(sheet: 2, row: row, column: 4, value: .number(Decimal(row)), formula: nil)
            workbook.setCell(sheet: 2, row: row, column: 5, value: .number(Decimal(10 * row)), formula: nil)
        }
        workbook.setCell(sheet: 2, row: 5, column: 1, value: .empty, formula: "SUMIF(A1:B3,\"x\",D1)")
        let read = workbook.columnsRead()
        #expect(read.byAnyFormula[1] == [1, 2, 3])
        #expect(read.beyondOwnRow[1] == [1, 2, 3])
        // The sum range D1 read as D1:E3, the criteria's shape; column C is read by none.
        #expect(read.byAnyFormula[2] == [1, 2, 4, 5])
        var kept = workbook
        kept.keepColumns(read.byAnyFormula)
        let values = { (book: FormulaWorkbook) in book.evaluate().map(\.value) }
        #expect(values(workbook) == [.number(Decimal(string: "0.07")!), .number(22)])
        #expect(values(kept) == values(workbook))
    }

    @Test func aNameARunningTotalOrAWholeColumnReadsBeyondTheRow() {
        var workbook = FormulaWorkbook()
        workbook.addSheet(named: "Deals")
        // The name stays put while its fill moves down: only the fill's first row is H2's own.
        workbook.defineName("Rate", formula: "Deals!$H$2")
        func fill(column: Int, _ formula: (Int) -> String?) {
            for row in 2...4 {
                let text = formula(row)
                workbook.setCell(
                    sheet: 0, row: row, column: column, value: text == nil ? .number(Decimal(row)) : .empty,
                    formula: text)
            }
        }
        fill(column: 4) { _ in nil }
        fill(column: 5) { "D\($0)*Rate" }
        // A running total reads the row above.
        fill(column: 6) { $0 == 2 ? "D2" : "F\($0 - 1)+D\($0)" }
        fill(column: 9) { "C\($0)*2" }
        workbook.setCell(sheet: 0, row: 1, column: 10, value: .empty, formula: "COUNT(K:K)")
        let read = workbook.columnsRead()
        #expect(read.byAnyFormula == [[3, 4, 6, 8, 11]])
        // D and H through the name, D and F through the running total, K as a whole column;
        // C only by its own row's formulas.
        #expect(read.beyondOwnRow == [[4, 6, 8, 11]])
    }

    @Test func keptColumnsReadAsBeforeAndTheOthersAreLetGo() {
        var workbook = Self.workbook()
        let before = workbook
        let read = workbook.columnsRead()
        workbook.keepColumns(read.beyondOwnRow)
        let deals = workbook.sheets[0]
        #expect((deals.maxRow, deals.maxColumn) == (before.sheets[0].maxRow, before.sheets[0].maxColumn))
        for row in 1...6 {
            for column in 1...7 {
                let expected = [2, 7].contains(column) ? before.sheets[0][row, column] : .blank
                #expect(deals[row, column] == expected, "Deals \(CellAddress(row: row, column: column))")
            }
        }
        #expect(workbook.sheets[1][2, 1] == .text("R1"))
        #expect(workbook.formulas.map(\.text) == before.formulas.map(\.text))
        // R1's total, from the deals' cached values, is what the whole workbook gives. (R2's reads
        // G5, saved without a value: evaluated again, it would read the amount and rate let go.)
        let total = { (book: FormulaWorkbook) in
            book.evaluate(precedents: .cachedWhereAvailable).first { $0.cell.address == CellAddress("B2")! }?.value
        }
        #expect(total(workbook) == total(before))
        #expect(total(workbook) == .number(449))
    }

    @Test func aCheckKeepingTheColumnsFormulasReadFindsWhatTheWholeWorkbookDoes() {
        let whole = FormulaCheck(Self.workbook())
        let kept = FormulaCheck(Self.workbook(), keeping: .readByFormulas)
        #expect(whole.stale.map { "\($0.sheet)!\($0.cell)" } == ["Deals!G4", "Summary!B3"])
        #expect(kept.stale == whole.stale)
        #expect(whole.values == ["Deals": [CellAddress("G5")!: .number(200)]])
        #expect(kept.values == whole.values)
        #expect(kept.note == whole.note)
        // The deal IDs and notes are gone; the reps, amounts, rates and commissions stay.
        #expect(kept.workbook.sheets[0][3, 1] == .blank && whole.workbook.sheets[0][3, 1] == .text("D1003"))
        #expect(kept.workbook.sheets[0][3, 3] == .blank)
        #expect(kept.workbook.sheets[0][3, 2] == .text("R2") && kept.workbook.sheets[0][3, 4] == .number(2000))
        #expect(kept.workbook.sheets[0][3, 7] == .number(100))
    }

    @Test func theTextsOfTheKeptColumnsReadAsBeforeAndPackAgain() {
        var values = PackedValues()
        let long = FormulaValue.number(PackedValuesTests.decimal("281474976710655"))
        let ids = (0..<300).map { FormulaValue.text("D\($0)") }
        let reps = (0..<300).map { $0 % 7 == 6 ? long : FormulaValue.text("R\($0 % 3)") }
        // Every other cell a deal ID, a third of the rest a rep, the others long: a wide column.
        let mixed = (0..<300).map { (row: Int) -> FormulaValue in
            if row % 2 == 0 { return ids[row] }
            return row % 3 == 0 ? .text("R0") : long
        }
        let columns = [ids, reps, mixed].map { cells in
            var column = PackedColumn()
            for cell in cells { column.append(values.pack(cell), values: &values) }
            return column
        }
        #expect(!columns[1].isWide && columns[2].isWide)
        // The IDs' column is let go; the reps (with long numbers put aside) and the wide column stay.
        var kept = Array(columns[1...])
        values.keepTexts(of: &kept)
        for (index, cells) in [reps, mixed].enumerated() {
            #expect(
                cells.indices.allSatisfy {
                    PackedValuesTests.same(kept[index].value(at: $0, values: values), cells[$0])
                })
        }
        // Texts packed afterwards, new or met before, read back too.
        let again: [FormulaValue] = [.text("R1"), .text("D5"), .text("new")]
        let words = again.map { values.pack($0) }
        #expect(words.map(values.value) == again)
    }
}
