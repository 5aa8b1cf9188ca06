import Formula
import Foundation
import Spreadsheet

/// A one-sheet workbook built from A1 addresses, for evaluating small formulas in tests.
struct Sheet {
    var workbook = FormulaWorkbook()

    init(_ cells: [String: CellValue] = [:], system: DateSystem = .excel1900) {
        workbook = FormulaWorkbook(dateSystem: system)
        workbook.addSheet(named: "Sheet1")
        for (address, value) in cells { set(address, value) }
    }

    mutating func set(_ address: String, _ value: CellValue, formula: String? = nil, sheet: Int = 0) {
        let cell = CellAddress(address)!
        workbook.setCell(sheet: sheet, row: cell.row, column: cell.column, value: value, formula: formula)
    }

    /// The value of `formula` placed in a spare cell (Z1000), every other formula evaluated first.
    func evaluate(_ formula: String, at address: String = "Z1000") -> Result<FormulaValue, NotEvaluable> {
        var copy = workbook
        let cell = CellAddress(address)!
        copy.setCell(sheet: 0, row: cell.row, column: cell.column, value: .empty, formula: formula)
        return copy.evaluate().first { $0.cell.address == cell && $0.cell.sheet == 0 }!.outcome
    }

    func value(_ formula: String, at address: String = "Z1000") -> FormulaValue? {
        try? evaluate(formula, at: address).get()
    }
}

extension CellValue {
    static func n(_ text: String) -> CellValue { .number(Decimal(string: text)!) }
}
