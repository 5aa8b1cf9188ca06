import Formula
import Foundation
import Spreadsheet
import Testing

@Suite struct DependentsTests {
    private var sheet: Sheet {
        var sheet = Sheet(["A1": .n("100"), "A2": .n("200"), "A3": .n("300"), "D1": .n("7")])
        sheet.set("B1", .n("10"), formula: "A1*0.1")
        sheet.set("B2", .n("20"), formula: "A2*0.1")
        sheet.set("B3", .n("30"), formula: "A3*0.1")
        sheet.set("B4", .n("60"), formula: "SUM(B1:B3)")
        sheet.set("C1", .n("99"), formula: "D1*2")
        return sheet
    }

    @Test func aChangedCellGivesItsDependentsTheirNewValues() {
        let results = sheet.workbook.recalculated(after: [
            CellChange(sheet: 0, address: CellAddress("A2")!, value: .n("250"))
        ])
        #expect(results.map { "\($0.cell.address)=\($0.value?.displayText ?? "-")" } == ["B2=25", "B4=65"])
    }

    @Test func aCorrectedFormulaCellReplacedByAConstantMovesItsTotal() {
        let results = sheet.workbook.recalculated(after: [
            CellChange(sheet: 0, address: CellAddress("B1")!, value: .n("12"))
        ])
        #expect(results.map { "\($0.cell.address)=\($0.value?.displayText ?? "-")" } == ["B4=62"])
    }

    @Test func aTotalNamesTheCellsItReads() {
        let inputs = sheet.workbook.inputs(of: 0, CellAddress("B4")!).map { "\($0.address)" }
        #expect(inputs == ["A1", "A2", "A3"])
        #expect(sheet.workbook.inputs(of: 0, CellAddress("C1")!).map { "\($0.address)" } == ["D1"])
    }
}

@Suite struct FilledDownFormulaTests {
    @Test func filledDownFormulasReadTheirOwnRows() {
        var sheet = Sheet(["A1": .n("1"), "A2": .n("2"), "A3": .n("3"), "C2": .n("10")])
        for row in 1...3 {
            sheet.set("B\(row)", .empty, formula: "ROUND(A\(row)*2,0)+1E1&\"A1\"")
            sheet.set("D\(row)", .empty, formula: "C2+A\(row)")
        }
        let values = sheet.workbook.evaluate().map { $0.value?.displayText ?? "-" }
        #expect(values == ["12A1", "11", "14A1", "12", "16A1", "13"])
    }
}
