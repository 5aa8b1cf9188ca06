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
            for (position, (cell, formula)) in zip(list, expected).enumerated() {
                FormulaListTests.checkReadsAlike(list, position, cell)
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

    typealias Added = (sheet: Int, row: Int, column: Int, text: String, cached: FormulaValue, isArray: Bool)

    /// A list of the formulas `added`, added in order.
    static func list(of added: some Sequence<Added>) -> FormulaList {
        var list = FormulaList()
        for formula in added {
            list.append(
                sheet: formula.sheet, address: CellAddress(row: formula.row, column: formula.column),
                text: formula.text, cached: formula.cached, isArray: formula.isArray)
        }
        return list
    }

    static func check(_ list: FormulaList, _ expected: [Added], _ comment: Comment) {
        #expect(list.count == expected.count, comment)
        for (position, (cell, formula)) in zip(list, expected).enumerated() {
            checkReadsAlike(list, position, cell, comment)
            #expect(cell.sheet == formula.sheet, comment)
            #expect(cell.address == CellAddress(row: formula.row, column: formula.column), comment)
            #expect(cell.text == formula.text, comment)
            #expect(PackedValuesTests.same(cell.cached, formula.cached), comment)
            #expect(cell.isArray == formula.isArray, comment)
        }
    }

    /// The formula at `position` read by walking the list (`cell`), by its position and by
    /// `location(at:)` is the same formula.
    static func checkReadsAlike(_ list: FormulaList, _ position: Int, _ cell: FormulaCell, _ comment: Comment = "") {
        #expect(list[position] == cell, comment)
        let (sheet, address) = list.location(at: position)
        #expect(sheet == cell.sheet && address == cell.address, comment)
    }

    /// Each cell's position as `position(of:order:)` must find it: the last formula added there.
    static func checkPositions(_ list: FormulaList, _ expected: [Added]) {
        let order = list.cellOrder()
        var last: [CellKey: Int] = [:]
        for (position, formula) in expected.enumerated() {
            last[CellKey(sheet: formula.sheet, row: formula.row, column: formula.column)] = position
        }
        for sheet in 0...2 {
            for row in 1...47 {
                for column in 2...9 {
                    let key = CellKey(sheet: sheet, row: row, column: column)
                    #expect(list.position(of: key, order: order) == last[key], "\(key)")
                }
            }
        }
    }

    /// Runs down a column broken by a gap, by another column, by another sheet, by an array
    /// formula and by a formula added again; formulas with texts of their own; cached values that
    /// widen the cached words: each list reads back as added, kept, filtered and ordered by sheet.
    @Test func runsReadBackAsAddedAndFindTheirCells() {
        var added: [Added] = []
        for row in 2...40 where row != 17 {
            added.append((0, row, 7, "ROUND(D\(row)*E\(row),2)", .number(Decimal(row) / 4), false))
        }
        for row in 2...6 { added.append((1, row, 3, "d\(row)+1", .text("t\(row)"), false)) }
        added.append((1, 7, 3, "d7+1", .number(PackedValuesTests.decimal("281474976710655")), false))
        for row in 41...45 {
            added.append((0, row, 7, "ROUND(D\(row)*E\(row),2)", .number(Decimal(row)), row == 43))
        }
        added.append((0, 45, 8, "G45*2", .blank, false))
        added.append((0, 46, 7, "ROUND(D46*E46,2)", .bool(true), false))
        added.append((2, 2, 2, "SUM(Deals!G2:G46)", .error(.notAvailable), false))
        added.append((0, 20, 7, "ROUND(D20*E20,2)", .number(1), false))
        let list = Self.list(of: added)
        Self.check(list, added, "as added")
        #expect(!list.isInCellOrder)
        Self.checkPositions(list, added)
        for count in [0, 1, 15, 16, 38, 39, 43, 44, 50, added.count] {
            var kept = list
            kept.keepFirst(count)
            Self.check(kept, Array(added.prefix(count)), "the first \(count)")
            // Added to after a cut: the cut run goes on from where it was cut.
            kept.append(
                sheet: 0, address: CellAddress(row: 47, column: 7), text: "ROUND(D47*E47,2)", cached: .blank,
                isArray: false)
            Self.check(kept, Array(added.prefix(count)) + [(0, 47, 7, "ROUND(D47*E47,2)", .blank, false)], "cut")
        }
        let inOrder = Self.list(of: added.prefix(44))
        #expect(inOrder.isInCellOrder)
        Self.checkPositions(inOrder, Array(added.prefix(44)))
        var removed = list
        removed.removeAll { $0.address.row % 3 == 0 }
        Self.check(removed, added.filter { $0.row % 3 != 0 }, "removed")
        var ordered = list
        ordered.orderBySheet()
        let bySheet = [0, 1, 2].flatMap { sheet in added.filter { $0.sheet == sheet } }
        Self.check(ordered, bySheet, "by sheet")
        Self.checkPositions(ordered, bySheet)
    }

    /// Formulas filled down two columns at once, broken by ones that only look filled down (a
    /// reference moved otherwise, an anchored one, a string naming the row, another sheet's
    /// reference, a name, another function, another number): each reads back as added.
    @Test func formulasThatLookFilledDownReadBackAsAdded() {
        var added: [Added] = []
        for row in 2...40 {
            let text =
                switch row {
                case 10: "ROUND(D10*E11,2)"
                case 11: "ROUND(D11*$E$11,2)"
                case 12: "ROUND(D12*E12,2)&\"D12\""
                case 13: "ROUND(D13*'Q3'!E13,2)"
                case 14: "ROUND(D14*Rate,2)"
                case 15: "ROUND(D15*E15,2)&\"D2\""
                case 16: "ROUND(D16*E15,2)"
                case 21: "FLOOR(D21*E21,2)"
                case 23: "ROUND(D23*E23,3)"
                default: "ROUND(D\(row)*E\(row),2)"
                }
            added.append((row / 30, row, 7, text, .number(Decimal(row)), false))
            added.append((row / 30, row, 8, row == 20 ? "G21*2" : "G\(row)*2", .blank, false))
        }
        let list = Self.list(of: added)
        Self.check(list, added, "as added")
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
            guard case .references(let read, let rows, let columns, _) = try reads.read(cell) else {
                Issue.record("\(cell.text): a shared shape should be read as its references")
                continue
            }
            #expect(Array(ShapeCache.Read.moved(read, rows: rows, columns: columns)) == references)
        }
    }
}
