import Foundation
import Ingest

/// The slot of each of a table's source rows (`RowAmountsTable`): the rows numbered in order of
/// sheet, then sheet row. Each sheet holds a bit per sheet row up to its last, and the count of
/// rows before each 64 of them: a slot is found with a population count, in a fifth of a byte
/// a sheet row where a list of slots took 4.
struct RowSlots {
    private struct Sheet {
        /// A bit per sheet row: set for a row with a slot.
        var bits: [UInt64] = []
        /// The slots before each word's rows, counted from the sheet's first slot.
        var before: [Int32] = []
        var first = 0
    }

    private var sheets: [Sheet] = []
    /// The rows with a slot.
    private(set) var count = 0

    init() {}

    /// Slots for `rows` (`count` of them; a row met twice has one). A sheet whose rows reach
    /// beyond four times as many sheet rows as there are rows, altogether, has none: its rows
    /// are the caller's to keep otherwise. Rows of no sheet's slots (negative, past sheet 4,095
    /// or sheet row 2^21, or a row's other rep's: `DealsTable.otherRepKey(_:number:)`) have none either.
    init(rows: some Sequence<Int>, count: Int) {
        var lengths: [Int] = []
        for row in rows where row >> 56 == 0 {
            let (sheet, own) = (DealsTable.sheetOrdinal(row), DealsTable.sheetRow(row))
            guard sheet < 4096, own < 1 << 21 else { continue }
            if sheet >= lengths.count { lengths += repeatElement(0, count: sheet + 1 - lengths.count) }
            lengths[sheet] = max(lengths[sheet], own + 1)
        }
        var budget = 4 * count + 1024
        sheets = lengths.map { length in
            guard length <= budget else { return Sheet() }
            budget -= length
            return Sheet(bits: [UInt64](repeating: 0, count: (length + 63) / 64))
        }
        for row in rows {
            guard let (sheet, word, bit) = place(row) else { continue }
            sheets[sheet].bits[word] |= bit
        }
        var slots = 0
        for index in sheets.indices {
            sheets[index].first = slots
            var counted: Int32 = 0
            sheets[index].before = sheets[index].bits.map { word in
                defer { counted += Int32(word.nonzeroBitCount) }
                return counted
            }
            slots += Int(counted)
        }
        self.count = slots
    }

    /// The sheet, word and bit of `row`, when its sheet has slots and the row is within them.
    private func place(_ row: Int) -> (sheet: Int, word: Int, bit: UInt64)? {
        guard row >> 56 == 0 else { return nil }
        let (sheet, own) = (DealsTable.sheetOrdinal(row), DealsTable.sheetRow(row))
        guard sheet < sheets.count, own >> 6 < sheets[sheet].bits.count else { return nil }
        return (sheet, own >> 6, 1 << UInt64(own & 63))
    }

    /// The slot of `row`, nil when it has none.
    func slot(_ row: Int) -> Int? {
        guard let (sheet, word, bit) = place(row) else { return nil }
        let bits = sheets[sheet].bits[word]
        guard bits & bit != 0 else { return nil }
        return sheets[sheet].first + Int(sheets[sheet].before[word]) + (bits & (bit - 1)).nonzeroBitCount
    }
}

/// Each slot's commission line in a table of references (`RowAmountsTable`), or that it has none
/// or only a bonus: 2 bytes a slot while the references number fewer than 65,534, 4 beyond.
struct ReferenceColumn {
    static let noLine: Int32 = -2
    static let noCommission: Int32 = -1

    private var narrow: [UInt16] = []
    private var wide: [Int32]?

    init() {}

    /// `count` slots of no line.
    init(count: Int) { narrow = [UInt16](repeating: Self.narrowed(Self.noLine)!, count: count) }

    /// A value in 16 bits: the two marks as the two largest.
    private static func narrowed(_ value: Int32) -> UInt16? {
        switch value {
        case noLine: return .max
        case noCommission: return .max - 1
        default: return value < Int32(UInt16.max - 1) ? UInt16(value) : nil
        }
    }

    private static func widened(_ value: UInt16) -> Int32 {
        switch value {
        case .max: return noLine
        case .max - 1: return noCommission
        default: return Int32(value)
        }
    }

    subscript(slot: Int) -> Int32 {
        get { wide?[slot] ?? Self.widened(narrow[slot]) }
        set {
            if wide != nil {
                wide![slot] = newValue
            } else if let value = Self.narrowed(newValue) {
                narrow[slot] = value
            } else {
                var all = narrow.map(Self.widened)
                narrow = []
                all[slot] = newValue
                wide = all
            }
        }
    }
}

/// The deals' manual commissions and bonuses by row key, read from their manual cells in place
/// (`DealsTable.manual`, which may be set aside on disk), where a table of the figures took ~45
/// bytes a row: a row's cells are found through its slot, in a fifth of a byte a row when the rows
/// come in order (nearly always), 4 bytes more otherwise.
struct ManualFigures {
    private let manual: ManualColumn
    private let slots: RowSlots
    /// Each slot's position in `manual` (the last of a row met twice); nil when slot and
    /// position are one (the rows ascending, each met once, all slotted).
    private var positions: [Int32]?
    /// The positions of the rows with no slot (a sheet's rows too far apart), by row.
    private var others: [Int: Int] = [:]

    init(_ manual: ManualColumn) {
        self.manual = manual
        slots = RowSlots(rows: manual.lazy.map(\.row), count: manual.count)
        var previous = Int.min
        var inOrder = slots.count == manual.count
        for (position, cells) in manual.enumerated() {
            guard slots.slot(cells.row) != nil else {
                others[cells.row] = position
                continue
            }
            guard inOrder, cells.row > previous else {
                inOrder = false
                continue
            }
            previous = cells.row
        }
        if inOrder { return }
        var positions = [Int32](repeating: -1, count: slots.count)
        for (position, cells) in manual.enumerated() {
            if let slot = slots.slot(cells.row) { positions[slot] = Int32(position) }
        }
        self.positions = positions
    }

    /// The commission of the row keyed `row` as a number, nil when it has none or is no row of the deals.
    func commission(ofRow row: Int) -> Decimal? {
        cells(ofRow: row)?.commission.flatMap { Decimal.fromCell($0.value).number }
    }

    /// The bonus of the row keyed `row` as a number, nil when it has none or is no row of the deals.
    func bonus(ofRow row: Int) -> Decimal? { cells(ofRow: row)?.bonus.flatMap { Decimal.fromCell($0).number } }

    private func cells(ofRow row: Int) -> ManualCells? {
        if let slot = slots.slot(row) { return manual[positions.map { Int($0[slot]) } ?? slot] }
        return others[row].map { manual[$0] }
    }
}
