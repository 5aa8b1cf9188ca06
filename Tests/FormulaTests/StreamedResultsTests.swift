import Formula
import Foundation
import Recalculation
import Spreadsheet
import Testing

/// Results handed over one at a time (`evaluate(precedents:options:each:)`), and the census and
/// check that read them so.
@Suite struct StreamedResultsTests {
    /// Two sheets whose formulas are written before the cells they read, with a cycle, an unknown
    /// function, a stale cached value and formulas saved without one.
    private func workbook() -> FormulaWorkbook {
        var workbook = FormulaWorkbook()
        workbook.addSheet(named: "Deals")
        workbook.addSheet(named: "Totals")
        func set(_ sheet: Int, _ address: String, _ value: CellValue, _ formula: String? = nil) {
            let cell = CellAddress(address)!
            workbook.setCell(sheet: sheet, row: cell.row, column: cell.column, value: value, formula: formula)
        }
        set(0, "A1", .n("100"))
        set(0, "A2", .n("200"))
        set(0, "C1", .n("999"), "B1*2")  // stale: B1's cached 250 gives 500
        set(0, "B1", .n("250"), "SUM(A1:A2)")  // stale: 300
        set(0, "D1", .empty, "A1+1")  // no cached value: 101
        set(0, "E1", .empty, "FANCY(A1)")  // no cached value, not evaluable
        set(1, "A1", .n("7"), "B1+1")  // a cycle with B1
        set(1, "B1", .n("6"), "A1+1")
        set(1, "C1", .n("300"), "Deals!B1")  // stale: reads B1's cached 250
        set(1, "D1", .n("20"), "Deals!A1/5")  // agrees
        return workbook
    }

    @Test func resultsComeInFormulaOrderNotEvaluationOrder() {
        var seen: [String] = []
        workbook().evaluate(precedents: .cachedWhereAvailable) { result in
            let shown =
                switch result.outcome {
                case .success(let value): value.displayText
                case .failure(let reason): reason.category
                }
            seen.append("\(result.sheet)!\(result.cell.address)=\(shown)")
        }
        #expect(
            seen == [
                "Deals!C1=500", "Deals!B1=300", "Deals!D1=101", "Deals!E1=FANCY",
                "Totals!A1=circular reference", "Totals!B1=circular reference", "Totals!C1=250", "Totals!D1=20",
            ])
    }

    @Test func whatTheReaderThrowsStopsTheWalk() {
        struct Enough: Error {}
        var count = 0
        #expect(throws: Enough.self) {
            try workbook().evaluate { _ throws(Enough) in
                count += 1
                if count == 3 { throw Enough() }
            }
        }
        #expect(count == 3)
    }

    @Test func aCensusAddedToOneResultAtATimeTalliesEachSheet() {
        let workbook = workbook()
        var census = FormulaCensus(sheetNames: workbook.sheets.map(\.name))
        workbook.evaluate(precedents: .cachedWhereAvailable) { census.add($0) }
        let deals = census.sheets[0]
        #expect(deals.name == "Deals")
        #expect([deals.formulas, deals.evaluated, deals.agreeing, deals.withoutCachedValue] as [Int] == [4, 3, 0, 1])
        #expect(
            deals.stale.map { "\($0.cell) \($0.cached.displayText)→\($0.evaluated.displayText)" } == [
                "C1 999→500", "B1 250→300",
            ])
        #expect(deals.notEvaluable == ["FANCY": 1])
        let totals = census.sheets[1]
        #expect(
            [totals.formulas, totals.evaluated, totals.agreeing, totals.withoutCachedValue] as [Int] == [4, 2, 1, 0])
        #expect(totals.stale.map { "\($0.sheet)!\($0.cell) =\($0.formula)" } == ["Totals!C1 =Deals!B1"])
        #expect(totals.notEvaluable == ["circular reference": 2])
    }

    @Test func theCheckKeepsValuesWithoutCacheAndTheStaleCells() {
        let check = FormulaCheck(workbook())
        #expect(
            check.values == ["Deals": [CellAddress("D1")!: .number(101), CellAddress("E1")!: CellValue.notEvaluated]])
        #expect(check.evaluatedWithoutCache == 1)
        #expect(check.notEvaluableWithoutCache == ["FANCY": 1])
        #expect(check.stale.map { "\($0.sheet)!\($0.cell)" } == ["Deals!C1", "Deals!B1", "Totals!C1"])
        #expect(check.note == "formulas without a cached value: 1 evaluated, 1 not evaluable (FANCY ×1)")
        #expect(check.workbook.formulas.count == 8)
    }
}
