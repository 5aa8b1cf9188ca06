import Foundation
import Spreadsheet
import TestSupport
import Testing

@testable import Formula

/// The precedent walk reaches the accepted cells through ranges and formulas, the same from
/// every total however many share a range, and stops at accepted cells.
@Suite struct PrecedentWalkTests {
    /// Rows 2...41: A is the rep, B a typed amount, C `=B*2`; row 3's C and row 7's B are
    /// accepted (wrong cells). E2...E5 are SUMIFS totals over the same C column, E6 sums E2:E5,
    /// E7 reads C4 alone (not accepted, a formula over B4).
    static func workbook() -> Sheet {
        var sheet = Sheet()
        for row in 2...41 {
            sheet.set("A\(row)", .text("R\(row % 4)"))
            sheet.set("B\(row)", .n("\(row)"))
            sheet.set("C\(row)", .n("\(row * 2)"), formula: "B\(row)*2")
        }
        for (offset, rep) in ["R0", "R1", "R2", "R3"].enumerated() {
            sheet.set("E\(offset + 2)", .n("0"), formula: "SUMIFS(C2:C41,A2:A41,\"\(rep)\")")
        }
        sheet.set("E6", .n("0"), formula: "SUM(E2:E5)")
        sheet.set("E7", .n("0"), formula: "C4+1")
        return sheet
    }

    @Test func everyTotalOverASharedRangeReachesTheSameAcceptedCells() {
        let accepted: Set<CellAddress> = [CellAddress("C3")!, CellAddress("B7")!]
        var walk = PrecedentWalk(Self.workbook().workbook) { sheet, cell in sheet == 0 && accepted.contains(cell) }
        let expected = Set(accepted.map { SheetCell(0, $0) })
        for row in 2...6 {
            #expect(walk.reached(from: 0, CellAddress("E\(row)")!) == expected, "E\(row)")
        }
        #expect(walk.reached(from: 0, CellAddress("E7")!) == [])
        // C7's formula reads the accepted B7; C3 is accepted itself and not followed.
        #expect(walk.reached(from: 0, CellAddress("C7")!) == [SheetCell(0, CellAddress("B7")!)])
        #expect(walk.reached(from: 0, CellAddress("B7")!) == nil)
    }

    /// A walk given its accepted cells settles at once the filled-down formulas whose columns hold
    /// no accepted cell and no formula: every total and formula reaches what a walk asking cell
    /// by cell reaches, whether the amounts the formulas read hold an accepted cell or not.
    @Test(arguments: [["C3"], ["C3", "B7"], ["B7"], ["A9", "C3"]])
    func aWalkGivenItsCellsReachesWhatOneAskingCellByCellReaches(accepted names: [String]) {
        let workbook = Self.workbook().workbook
        let accepted = names.map { SheetCell(0, CellAddress($0)!) }
        var given = PrecedentWalk(workbook, accepting: accepted)
        var asking = PrecedentWalk(workbook) { sheet, cell in accepted.contains(SheetCell(sheet, cell)) }
        for root in (2...7).map({ "E\($0)" }) + (2...41).map({ "C\($0)" }) {
            let cell = CellAddress(root)!
            #expect(given.reached(from: 0, cell) == asking.reached(from: 0, cell), "\(names): \(root)")
        }
        // A SUMIFS reaches every accepted cell its ranges read, through the formulas or not.
        #expect(given.reached(from: 0, CellAddress("E2")!)?.isEmpty == false)
        // C's run of `=B*2` is settled at once unless column B holds an accepted cell.
        #expect(given.settledAtOnce == (names.contains("B7") ? 0 : 40), "\(names)")
    }

    /// Totals that each add the same two columns (a SUMIFS per tab, a rep per total) reach the
    /// same cells, and share one list of them: the walk's memory does not grow with the totals
    /// times the wrong cells.
    @Test func totalsOverTheSameRangesShareOneResult() {
        var sheet = Sheet()
        for row in 2...41 {
            sheet.set("A\(row)", .text("R\(row % 4)"))
            sheet.set("C\(row)", .n("\(row)"))
            sheet.set("D\(row)", .n("\(row)"))
        }
        for total in 2...201 {
            let rep = "R\(total % 4)"
            sheet.set(
                "F\(total)", .n("0"),
                formula: "SUMIFS(C2:C41,A2:A41,\"\(rep)\")+SUMIFS(D2:D41,A2:A41,\"\(rep)\")")
        }
        let accepted = ["C3", "C9", "D4", "D30"].map { SheetCell(0, CellAddress($0)!) }
        var walk = PrecedentWalk(sheet.workbook, accepting: accepted)
        for total in 2...201 {
            #expect(walk.reached(from: 0, CellAddress("F\(total)")!) == Set(accepted), "F\(total)")
        }
        // The empty result, the C column's, the D column's, and their union.
        #expect(walk.resultCount == 4)
    }

    @Test func aCycleThroughARangeReachesWhatItsFormulasRead() {
        var sheet = Sheet()
        sheet.set("A1", .n("1"), formula: "SUM(A2:A3)")
        sheet.set("A2", .n("1"), formula: "SUM(A1:B1)")
        sheet.set("A3", .n("1"))
        sheet.set("B1", .n("1"))
        let accepted = [SheetCell(0, CellAddress("A3")!), SheetCell(0, CellAddress("B1")!)]
        var walk = PrecedentWalk(sheet.workbook) { _, cell in cell == CellAddress("A3")! || cell == CellAddress("B1")! }
        #expect(walk.reached(from: 0, CellAddress("A1")!) == Set(accepted))
        // A2 reads A1, which reads A3: A2 reaches both accepted cells, whichever formula the walk
        // started from, as a fresh walk from A2 finds.
        var listed = PrecedentWalk(sheet.workbook, accepting: accepted)
        #expect(listed.reached(from: 0, CellAddress("A1")!) == Set(accepted))
        #expect(listed.reached(from: 0, CellAddress("A2")!) == Set(accepted))
        var fresh = PrecedentWalk(sheet.workbook, accepting: accepted)
        #expect(fresh.reached(from: 0, CellAddress("A2")!) == Set(accepted))
    }

    /// A circular running total (each B adds its A to the B above it, the first B the last):
    /// one part of 50,000 formulas, each reaching every accepted A. Its steps' findings are left in
    /// place for the part, not copied down the stack (quadratic in the cycle's length).
    @Test(.timeLimit(.minutes(1))) func aLongCycleIsWalkedOnce() {
        var sheet = Sheet()
        let last = 50_001
        for row in 2...last {
            sheet.set("A\(row)", .n("1"))
            sheet.set("B\(row)", .n("0"), formula: row == 2 ? "A2+B\(last)" : "B\(row - 1)+A\(row)")
        }
        let accepted = (2...last).map { SheetCell(0, CellAddress("A\($0)")!) }
        var walk = PrecedentWalk(sheet.workbook, accepting: accepted)
        let fromMiddle = walk.reachedCells(from: 0, CellAddress("B25000")!)
        #expect(fromMiddle?.count == accepted.count)
        #expect(walk.reachedCells(from: 0, CellAddress("B2")!)?.count == accepted.count)
        #expect(walk.reachedCells(from: 0, CellAddress("B\(last)")!)?.contains(accepted[0]) == true)
    }

    /// Around cycles of formulas and ranges, what a formula reaches does not depend on the walk's
    /// order: one walk asked about every formula in turn (forwards, then backwards) agrees with a
    /// fresh walk for each, and with the cells reachable by following references one by one.
    @Test func cyclesReachTheSameWhereverTheWalkBegins() {
        var generator = SeededGenerator(state: 17)
        for round in 0..<60 {
            var sheet = Sheet()
            let rows = 3 + Int(generator.next() % 10)
            var reads: [Int: [Int]] = [:]
            for row in 1...rows {
                let first = 1 + Int(generator.next() % UInt64(rows))
                let width = Int(generator.next() % 3)
                let last = min(rows, first + width)
                let single = 1 + Int(generator.next() % UInt64(rows))
                // Column A: formulas reading a range of A and one cell of A or B; column B: numbers.
                let column = generator.next() % 2 == 0 ? "A" : "B"
                sheet.set("A\(row)", .n("0"), formula: "SUM(A\(first):A\(last))+\(column)\(single)")
                sheet.set("B\(row)", .n("\(row)"))
                reads[row] = Array(first...last) + (column == "A" ? [single] : [-single])
            }
            let acceptedRows = (1...rows).filter { _ in generator.next() % 3 == 0 }
            let accepted = acceptedRows.map { SheetCell(0, CellAddress("B\($0)")!) }
            // Reachable by hand: from A(row), every A it reads (transitively) and the accepted Bs read.
            func expected(_ start: Int) -> Set<SheetCell> {
                var seen: Set<Int> = [start]
                var queue = [start]
                var found: Set<SheetCell> = []
                while let row = queue.popLast() {
                    for read in reads[row]! {
                        if read < 0 {
                            if acceptedRows.contains(-read) { found.insert(SheetCell(0, CellAddress("B\(-read)")!)) }
                        } else if seen.insert(read).inserted {
                            queue.append(read)
                        }
                    }
                }
                return found
            }
            var forwards = PrecedentWalk(sheet.workbook, accepting: accepted)
            var backwards = PrecedentWalk(sheet.workbook, accepting: accepted)
            for row in 1...rows {
                let address = CellAddress("A\(row)")!
                var fresh = PrecedentWalk(sheet.workbook, accepting: accepted)
                let want = expected(row)
                #expect(fresh.reached(from: 0, address) == want, "round \(round) A\(row)")
                #expect(forwards.reached(from: 0, address) == want, "round \(round) A\(row) forwards")
                let mirrored = CellAddress("A\(rows + 1 - row)")!
                #expect(backwards.reached(from: 0, mirrored) == expected(rows + 1 - row), "round \(round) backwards")
            }
        }
    }

    /// A walk told the accepted cells as a list reaches, from every formula, what a walk asking
    /// cell by cell reaches: across sheets, through multi-column ranges read row by row, through
    /// a cell whose formula was set twice (the second counts), and around a cycle.
    @Test func acceptedCellsListedOrAskedReachTheSame() {
        var sheet = Self.workbook()
        sheet.workbook.addSheet(named: "Other")
        sheet.set("A1", .n("0"), formula: "SUM(Sheet1!B2:C9)+E6", sheet: 1)
        sheet.set("A2", .n("0"), formula: "A3+Sheet1!B20", sheet: 1)
        sheet.set("A3", .n("0"), formula: "A2*2", sheet: 1)
        sheet.set("A4", .n("0"), formula: "SUM(Sheet1!C2:C41,Sheet1!B2:C41)", sheet: 1)
        sheet.set("C9", .n("0"), formula: "B3")
        let workbook = sheet.workbook
        let accepted = [
            SheetCell(0, CellAddress("C3")!), SheetCell(0, CellAddress("B7")!), SheetCell(0, CellAddress("B20")!),
            SheetCell(0, CellAddress("B3")!), SheetCell(0, CellAddress("B7")!),
        ]
        var listed = PrecedentWalk(workbook, accepting: accepted)
        var asked = PrecedentWalk(workbook) { sheet, cell in accepted.contains(SheetCell(sheet, cell)) }
        var reachedSome = 0
        for formula in workbook.formulas.reversed() {
            let byList = listed.reached(from: formula.sheet, formula.address)
            #expect(
                byList == asked.reached(from: formula.sheet, formula.address), "\(formula.sheet) \(formula.address)")
            if byList?.isEmpty == false { reachedSome += 1 }
        }
        #expect(reachedSome > 10)
        #expect(listed.reached(from: 1, CellAddress("A1")!) == Set([accepted[0], accepted[1], accepted[3]]))
        #expect(listed.reached(from: 0, CellAddress("C9")!) == [accepted[3]])
        let cells = listed.reachedCells(from: 1, CellAddress("A4")!)
        #expect(cells?.count == 4)
        #expect(cells?.contains(accepted[2]) == true)
        #expect(cells?.contains(SheetCell(0, CellAddress("C4")!)) == false)
    }
}
