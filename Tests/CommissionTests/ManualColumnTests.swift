import FileAccess
import Foundation
import Ingest
import Spreadsheet
import Testing

/// Manual cells set aside in a file of records read back as they were given, by position and in
/// any order, and rows taken out of a column in its file as from one in memory.
@Suite struct ManualColumnTests {
    /// Rows with every kind of value: numbers a word holds, a number no word holds, texts, a
    /// formula flag, an absent commission.
    static func rows(_ count: Int) -> [ManualCells] {
        (0..<count).map { index in
            let commission: Cell? =
                index % 7 == 6
                ? nil
                : Cell(
                    column: 5 + index % 3,
                    value: index % 5 == 0 ? .text("1.234,\(index)") : .number(Decimal(index) / 100),
                    formula: index % 2 == 0 ? "D\(index)*E\(index)" : nil)
            let rate: CellValue? =
                index % 11 == 0 ? .number(Decimal(string: "0.123456789012345678901234567")!) : .number(5)
            return ManualCells(
                row: (index % 3) << 32 | (index + 2), rate: rate, commission: commission,
                bonus: index % 4 == 0 ? .empty : .bool(index % 8 == 0), shown: (index % 9 == 0 ? "x" : nil, nil))
        }
    }

    static func setAside(_ rows: [ManualCells]) throws -> ManualColumn.SetAside {
        let file = ManualColumn.SetAside(blockRecords: 3, cacheBlocks: 2)
        for row in rows { try file.append(row) }
        return file
    }

    @Test func recordsReadBackAsGivenInAnyOrder() throws {
        let rows = Self.rows(20)
        let column = ManualColumn(try Self.setAside(rows))
        #expect(column.isSetAside)
        #expect(Array(column) == rows)
        // Backwards and hopping between blocks, past what the two blocks kept hold.
        for index in rows.indices.reversed() { #expect(column[index] == rows[index]) }
        for index in [19, 0, 10, 1, 18, 9, 2] {
            #expect(column[index] == rows[index])
            #expect(column[index].commission?.formula == nil)
            #expect(column[index].commission?.hasFormula == rows[index].commission?.hasFormula)
            #expect(column[index].commission?.shownText == rows[index].commission?.shownText)
        }
    }

    @Test func rowsTakenOutOfAColumnSetAsideAreThoseTakenOutOfOneHeld() throws {
        let rows = Self.rows(17)
        var held = ManualColumn(rows)
        var setAside = ManualColumn(try Self.setAside(rows), order: (0..<17).reversed().map { UInt32($0) })
        held.cells.reverse()
        #expect(setAside == held)
        held.keep(at: [0, 3, 4, 9, 16])
        setAside.keep(at: [0, 3, 4, 9, 16])
        #expect(setAside == held && setAside.count == 5)
        held.removeAll { $0.row & 1 == 0 }
        setAside.removeAll { $0.row & 1 == 0 }
        #expect(setAside == held && !setAside.isEmpty)
        #expect(setAside.isSetAside)
        // Any other change brings the cells into memory.
        setAside[0] = rows[1]
        #expect(!setAside.isSetAside && setAside[0] == rows[1])
    }

    /// Rows left out by position, after rows kept in order, out of order or left out before: a
    /// column held and one set aside read as the rows an array keeps.
    @Test func rowsLeftOutByPositionAreThoseAnArrayLeavesOut() throws {
        let rows = Self.rows(50)
        var generator = SystemRandomNumberGenerator()
        for round in 0..<12 {
            var model = rows
            var held = ManualColumn(rows)
            var setAside = ManualColumn(try Self.setAside(rows))
            for turn in 0..<4 {
                if (round + turn) % 3 == 1 {
                    var kept = Array(model.indices).filter { _ in Int.random(in: 0..<4, using: &generator) > 0 }
                    if round % 2 == 0 { kept.shuffle(using: &generator) }
                    model = kept.map { model[$0] }
                    held.keep(at: kept)
                    setAside.keep(at: kept)
                } else {
                    let out = model.indices.filter { _ in Int.random(in: 0..<5, using: &generator) == 0 }
                    model = model.indices.filter { !out.contains($0) }.map { model[$0] }
                    held.leaveOut(out)
                    setAside.leaveOut(out)
                }
                #expect(held.cells == model, "round \(round), turn \(turn)")
                #expect(Array(setAside) == model, "round \(round), turn \(turn)")
                #expect(setAside.isSetAside)
            }
        }
    }

    /// A held column keeps the rows asked for, in the order asked: in place when the positions
    /// increase, copied out when they do not.
    @Test func aHeldColumnKeepsTheRowsAskedForInTheirOrder() {
        let rows = Self.rows(12)
        for kept in [[0, 2, 3, 7, 11], [1, 2, 3], [4, 1, 9], [], Array(0..<12), [11]] {
            var held = ManualColumn(rows)
            held.keep(at: kept)
            #expect(held.cells == kept.map { rows[$0] }, "\(kept)")
        }
    }

    /// Rows taken out a few at a time (the records left out are kept), many at once and out of
    /// order (the records kept are listed), in turn: the column set aside reads as one held.
    @Test func rowsTakenOutInTurnsReadAsFromOneHeld() throws {
        let rows = Self.rows(60)
        var generator = SystemRandomNumberGenerator()
        for round in 0..<40 {
            var held = ManualColumn(rows)
            var setAside = ManualColumn(try Self.setAside(rows))
            for turn in 0..<4 {
                var kept = Array(held.indices)
                switch (round + turn) % 4 {
                case 0: kept.removeAll { _ in Int.random(in: 0..<10, using: &generator) == 0 }
                case 1: kept = kept.filter { _ in Bool.random(using: &generator) }
                case 2:
                    kept = kept.filter { _ in Int.random(in: 0..<5, using: &generator) > 0 }
                    kept.shuffle(using: &generator)
                default: kept.removeAll { $0 == 0 || $0 == held.count - 1 }
                }
                held.keep(at: kept)
                setAside.keep(at: kept)
                #expect(setAside == held, "round \(round), turn \(turn)")
                #expect(setAside.isSetAside)
            }
        }
    }
}
