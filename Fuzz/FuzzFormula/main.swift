import Formula
import Foundation
import FuzzSupport
import Spreadsheet

// The formula parser and evaluator. Each line of the input is a formula, written into column H of
// a small commission sheet (rows 1, 2, …), so that formulas refer to each other, to a second
// sheet, to a defined name and to a table; then the whole workbook is evaluated in dependency
// order, which parses every formula, builds the graph (cycles included) and runs every function.
FuzzDriver.run { data, count in
    let text = String(decoding: FuzzDriver.bytes(data, count), as: UTF8.self)
    var workbook = FuzzFormulaWorkbook.make()
    for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).prefix(16).enumerated() {
        var formula = Substring(line)
        if formula.first == "=" { formula = formula.dropFirst() }
        workbook.setCell(sheet: 0, row: index + 1, column: 8, value: .empty, formula: String(formula))
    }
    _ = workbook.evaluate(options: EvaluationOptions(today: DateComponents(year: 2026, month: 7, day: 15)))
    _ = workbook.evaluate(precedents: .cachedWhereAvailable)
    return 0
}

/// The fixed part of every input's workbook: deals with reps, amounts, rates and dates, a rate
/// table on a second sheet, a defined name and a table over the deals. Made afresh for each input:
/// a workbook kept in a global would be reported as a leak at exit (Swift packs enum payload
/// pointers with tag bits, which LeakSanitizer does not follow).
enum FuzzFormulaWorkbook {
    static func make() -> FormulaWorkbook {
        var workbook = FormulaWorkbook()
        let deals = workbook.addSheet(named: "Deals")
        let rates = workbook.addSheet(named: "Rate Table")
        let header: [CellValue] = [.text("Rep"), .text("Amount"), .text("Rate"), .text("Closed"), .text("Won")]
        for (column, value) in header.enumerated() {
            workbook.setCell(sheet: deals, row: 1, column: column + 1, value: value)
        }
        let reps = ["Ana Lima", "Bo Chen", "", "ana lima"]
        for row in 2...9 {
            workbook.setCell(sheet: deals, row: row, column: 1, value: .text(reps[row % reps.count]))
            let amount: CellValue = row == 5 ? .text("12,500.00") : .number(Decimal(row * 1_250) + Decimal(0.5))
            workbook.setCell(sheet: deals, row: row, column: 2, value: amount)
            workbook.setCell(sheet: deals, row: row, column: 3, value: .number(Decimal(row) / 100))
            workbook.setCell(sheet: deals, row: row, column: 4, value: .number(Decimal(46_200 + row * 9)))
            workbook.setCell(sheet: deals, row: row, column: 5, value: row == 7 ? .error("#N/A") : .bool(row % 2 == 0))
        }
        for (row, pair) in [(0, "0.05"), (10_000, "0.07"), (50_000, "0.1")].enumerated() {
            workbook.setCell(sheet: rates, row: row + 1, column: 1, value: .number(Decimal(pair.0)))
            workbook.setCell(sheet: rates, row: row + 1, column: 2, value: .number(Decimal(string: pair.1)!))
        }
        workbook.defineName("Rates", formula: "'Rate Table'!$A$1:$B$3")
        workbook.addTable(
            TableDefinition(
                name: "tblDeals", sheet: deals,
                range: CellRange(first: CellAddress(row: 1, column: 1), last: CellAddress(row: 9, column: 5)),
                columns: ["Rep", "Amount", "Rate", "Closed", "Won"], headerRows: 1, totalsRows: 0))
        return workbook
    }
}
