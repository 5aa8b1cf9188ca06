import Formula
import Foundation
import Spreadsheet
import Testing

/// `ValueSources.formula(sheet:at:)` finds a cell's formula by halving the formulas in cell
/// order, whether they were added in that order or not.
@Suite struct FormulaLookupTests {
    /// `formulas` (sheet, A1 address, text) added in the order given, to two sheets.
    private func sources(_ formulas: [(Int, String, String)], orderBySheet: Bool = false) -> ValueSources {
        var workbook = FormulaWorkbook()
        workbook.addSheet(named: "Deals")
        workbook.addSheet(named: "Rates")
        for (sheet, address, text) in formulas {
            let cell = CellAddress(address)!
            workbook.setCell(sheet: sheet, row: cell.row, column: cell.column, value: .empty, formula: text)
        }
        if orderBySheet { workbook.orderFormulasBySheet() }
        return ValueSources(workbook)
    }

    private func text(_ sources: ValueSources, _ sheet: Int, _ address: String) -> String? {
        sources.formula(sheet: sheet, at: CellAddress(address)!)
    }

    @Test func formulasReadInCellOrderAreFoundAndOtherCellsAreNot() {
        let sources = sources([
            (0, "C2", "A2*2"), (0, "D2", "C2+1"), (0, "C3", "A3*2"), (0, "C10", "SUM(C2:C3)"), (1, "B1", "Deals!C2"),
        ])
        let found: [(Int, String, String?)] = [
            (0, "C2", "A2*2"), (0, "D2", "C2+1"), (0, "C3", "A3*2"), (0, "C10", "SUM(C2:C3)"), (1, "B1", "Deals!C2"),
            (0, "A1", nil), (0, "B2", nil), (0, "E2", nil), (0, "C4", nil), (0, "C11", nil), (1, "A1", nil),
            (1, "C2", nil), (2, "C2", nil),
        ]
        for (sheet, address, expected) in found {
            #expect(text(sources, sheet, address) == expected, "\(sheet) \(address)")
        }
    }

    @Test func formulasAddedInAnyOrderAreFoundTheLastOfACellWinning() {
        let sources = sources([
            (1, "B1", "Deals!C2"), (0, "C3", "A3*2"), (0, "C2", "A2*2"), (0, "C3", "A3*3"), (0, "A7", "1+1"),
        ])
        let found: [(Int, String, String?)] = [
            (0, "C2", "A2*2"), (0, "C3", "A3*3"), (0, "A7", "1+1"), (1, "B1", "Deals!C2"), (0, "B1", nil),
            (1, "C3", nil),
        ]
        for (sheet, address, expected) in found {
            #expect(text(sources, sheet, address) == expected, "\(sheet) \(address)")
        }
    }

    @Test func sheetsReadOutOfTabOrderAreFoundOnceOrdered() {
        let sources = sources(
            [(1, "A1", "1"), (1, "A2", "2"), (0, "B5", "3"), (0, "B6", "4")], orderBySheet: true)
        #expect(["A1", "A2"].map { text(sources, 1, $0) } == ["1", "2"])
        #expect(["B5", "B6", "A1"].map { text(sources, 0, $0) } == ["3", "4", nil])
    }
}
