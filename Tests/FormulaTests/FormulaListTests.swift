import Foundation
import Spreadsheet
import Testing

@testable import Formula

/// A workbook's formula list gives back each formula as it was added: a filled-down formula kept
/// as its shape writes its text back byte for byte, and one whose text would not come back so
/// keeps its text.
@Suite struct FormulaListTests {
    @Test func formulaListGivesBackEachTextCellAndCachedValue() {
        var list = FormulaList()
        let formulas: [(sheet: Int, cell: String, text: String, cached: FormulaValue, isArray: Bool)] = [
            (0, "G2", "ROUND(D2*E2*F2,2)", .number(PackedValuesTests.decimal("7862.31")), false),
            (0, "G3", "ROUND(D3*E3*F3,2)", .number(PackedValuesTests.decimal("2518.47")), false),
            (0, "G4", "ROUND(d4*E4*F4,2)", .number(Decimal(1) / 3), false),
            (0, "G5", "ROUND(D05*E5*F5,2)", .blank, false),
            (0, "G6", "IF(D6>0,\"D6 \"\"x\"\"\",'Rates Q3'!B7)", .text("D6 \"x\""), false),
            (1, "C2", "SUMIFS(Deals!$G$2:$G$9,Deals!$B$2:$B$9,A2)", .error(.notAvailable), false),
            (0, "H2", "SUM(D2:D3*E2:E3)", .bool(true), true),
            (0, "G7", "ROUND(D7*E7*F7,2)", .text("stale"), false),
            (0, "XFD1048576", "XFC1048575+1.5E+3", .number(3), false),
        ]
        for formula in formulas {
            list.append(
                sheet: formula.sheet, address: CellAddress(formula.cell)!, text: formula.text,
                cached: formula.cached, isArray: formula.isArray)
        }
        func check(
            _ list: FormulaList,
            _ expected: [(sheet: Int, cell: String, text: String, cached: FormulaValue, isArray: Bool)]
        ) {
            #expect(list.count == expected.count)
            for (cell, formula) in zip(list, expected) {
                #expect(cell.sheet == formula.sheet)
                #expect(cell.address == CellAddress(formula.cell)!)
                #expect(cell.text == formula.text)
                #expect(PackedValuesTests.same(cell.cached, formula.cached))
                #expect(cell.isArray == formula.isArray)
            }
        }
        check(list, formulas)
        // The filled-down formulas share one shape; those not written as Excel writes them keep their text.
        if case .shape(let first) = list[0].source, case .shape(let second) = list[1].source {
            #expect(first == second)
        } else {
            Issue.record("filled-down formulas should be kept as their shape")
        }
        for position in [2, 3, 5] {
            if case .shape = list[position].source { Issue.record("\(formulas[position].text) kept as a shape") }
        }
        var ordered = list
        ordered.orderBySheet()
        check(ordered, formulas.filter { $0.sheet == 0 } + formulas.filter { $0.sheet == 1 })
        var removed = list
        removed.removeAll { $0.address.column == 7 }
        check(removed, formulas.filter { !$0.cell.hasPrefix("G") })
        var kept = list
        kept.keepFirst(4)
        check(kept, Array(formulas.prefix(4)))
    }

    @Test func shapesKeptInTheListParseAsTheirTexts() throws {
        var list = FormulaList()
        for row in 2...5 {
            list.append(
                sheet: 0, address: CellAddress(row: row, column: 7),
                text: "ROUND(D\(row)*E\(row),2)+'Rates'!B\(row + 1)", cached: .blank, isArray: false)
        }
        var trees = ShapeCache()
        var reads = ShapeCache()
        for cell in list {
            let expected = try Parser.parse(cell.text)
            // Parsed first: `tree` must see the shape the parse may keep.
            let parsed = try trees.parsed(cell)
            #expect(trees.tree(parsed) == expected)
            var references: [Reference] = []
            expected.visit { if case .reference(let reference) = $0 { references.append(reference) } }
            guard case .references(let read) = try reads.read(cell) else {
                Issue.record("\(cell.text): a shared shape should be read as its references")
                continue
            }
            #expect(read == references)
        }
    }
}
