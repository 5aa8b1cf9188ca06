import Commission
import Foundation
import Ingest
import Spreadsheet

/// What the engine pays one source row, and where its commission line is in the statement
/// (a position, not a copy: a million rows would otherwise hold the statement twice).
struct RowAmounts {
    var commission: Decimal = 0
    var bonus: Decimal = 0
    var group: Int32 = -1
    var index: Int32 = -1
}

/// The engine's amounts per source row: held by row, not hashed (a million rows would make a
/// dictionary of a million entries). The rows of the deals' lines have a slot found from the
/// row's sheet and sheet row; any other row is kept in a dictionary.
struct RowAmountsTable {
    /// Per sheet (the row's upper half): each sheet row's slot in `amounts`, -1 for none.
    private var slots: [[Int32]] = []
    private var amounts: [RowAmounts] = []
    /// Whether the slot's row has a line in the statement.
    private var held: [Bool] = []
    private var others: [Int: RowAmounts] = [:]

    /// Slots for `rows` (`count` of them); the slots take about four times as many entries as
    /// rows at most, beyond that rows are in the dictionary.
    init(rows: some Sequence<Int>, count: Int) {
        var lengths: [Int] = []
        for row in rows where row >= 0 {
            let (sheet, own) = (DealsTable.sheetOrdinal(row), DealsTable.sheetRow(row))
            guard sheet < 4096, own < 1 << 21 else { continue }
            if sheet >= lengths.count { lengths += repeatElement(0, count: sheet + 1 - lengths.count) }
            lengths[sheet] = max(lengths[sheet], own + 1)
        }
        var budget = 4 * count + 1024
        slots = lengths.map { length in
            guard length <= budget else { return [] }
            budget -= length
            return [Int32](repeating: -1, count: length)
        }
        for row in rows {
            guard let (sheet, own) = place(row), slots[sheet][own] < 0 else { continue }
            slots[sheet][own] = Int32(amounts.count)
            amounts.append(RowAmounts())
        }
        held = [Bool](repeating: false, count: amounts.count)
    }

    private func place(_ row: Int) -> (Int, Int)? {
        guard row >= 0 else { return nil }
        let (sheet, own) = (DealsTable.sheetOrdinal(row), DealsTable.sheetRow(row))
        return sheet < slots.count && own < slots[sheet].count ? (sheet, own) : nil
    }

    private func slot(_ row: Int) -> Int? {
        guard let (sheet, own) = place(row) else { return nil }
        let slot = slots[sheet][own]
        return slot >= 0 ? Int(slot) : nil
    }

    /// The row's amounts, nil when the statement has no line of it.
    subscript(row: Int) -> RowAmounts? {
        guard let slot = slot(row) else { return others[row] }
        return held[slot] ? amounts[slot] : nil
    }

    /// Changes the row's amounts (from none when it has none yet).
    mutating func update(_ row: Int, _ change: (inout RowAmounts) -> Void) {
        guard let slot = slot(row) else { return change(&others[row, default: RowAmounts()]) }
        held[slot] = true
        change(&amounts[slot])
    }
}

/// What the row-level and summary comparisons share.
struct RowContext {
    let plan: Plan
    let roster: [RosterEntry]
    /// The deals as read, without the copied rows: what the engine calculated.
    let deals: DealsTable
    let statement: Statement
    let copies: [CopiedRow]
    /// What a rate cell's number is multiplied by to be a fraction: 1, or 1/100 when the sheet
    /// writes rates in whole percent (`5` for 5%).
    var rateScale: Decimal = 1
    /// The engine's amounts per source row in `statement`, worked out once for every stage that
    /// reads them.
    let engine: RowAmountsTable

    init(plan: Plan, roster: [RosterEntry], deals: DealsTable, statement: Statement, copies: [CopiedRow]) {
        self.plan = plan
        self.roster = roster
        self.deals = deals
        self.statement = statement
        self.copies = copies
        engine = Self.amounts(in: statement, rows: deals.lines)
    }

    /// Row `index`'s rate cell as a fraction (a sheet's whole percents scaled by `rateScale`).
    func manualRate(_ index: Int) -> Decimal? {
        deals.manual[index].rate.flatMap { Decimal.fromCell($0).number }.map { $0 * rateScale }
    }

    var sheetName: String { deals.sheet ?? (deals.file as NSString).lastPathComponent }

    /// The sheet and the sheet's own row of a line's `row` (deals may span several sheets).
    func place(_ row: Int) -> (sheet: String, row: Int) { (deals.sheetName(ofRow: row), DealsTable.sheetRow(row)) }

    /// `row 12`, or `'Ana Lima' row 12` when `row` is on another sheet than `from`.
    func placeText(_ row: Int, from: Int) -> String {
        let (sheet, own) = place(row)
        return sheet == place(from).sheet ? "row \(own)" : "\(Location.quotedSheetName(sheet)) row \(own)"
    }

    /// The engine's amounts per source row in `statement` (a run of this context's deals), by
    /// kind, with where the row's commission line is.
    func amounts(in statement: Statement) -> RowAmountsTable { Self.amounts(in: statement, rows: deals.lines) }

    /// The engine's amounts per source row in `statement`, with slots for the rows of `lines`.
    static func amounts(in statement: Statement, rows lines: [CreditLine]) -> RowAmountsTable {
        var result = RowAmountsTable(rows: lines.lazy.map(\.row), count: lines.count)
        for group in statement.lineGroups.indices {
            // Through a buffer, so that reading three fields does not copy (retain) whole lines.
            statement.lineGroups[group].withUnsafeBufferPointer { lines in
                for index in lines.indices {
                    guard let row = lines[index].row else { continue }
                    switch lines[index].kind {
                    case .commission:
                        result.update(row) {
                            $0.commission += lines[index].amount
                            $0.group = Int32(group)
                            $0.index = Int32(index)
                        }
                    case .bonus: result.update(row) { $0.bonus += lines[index].amount }
                    case .trueUp, .clawback: break
                    }
                }
            }
        }
        return result
    }

    /// The commission line behind `amounts`, in this context's statement.
    func line(_ amounts: RowAmounts?) -> StatementLine? {
        guard let amounts, amounts.index >= 0 else { return nil }
        return statement.lineGroups[Int(amounts.group)][Int(amounts.index)]
    }

    /// Whether `manual` is `expected` within the plan's tolerance.
    func matches(_ manual: Decimal, _ expected: Decimal) -> Bool {
        let difference = manual - expected
        return (difference < 0 ? -difference : difference) <= plan.tolerance
    }

    /// Whether `manual` is `exact` as a sheet would write it: exact, or rounded to cents.
    func matchesComputed(_ manual: Decimal, _ exact: Decimal) -> Bool {
        matches(manual, exact) || matches(manual, exact.rounded(places: 2, mode: .halfUp))
    }
}

extension Decimal {
    /// A cell's number at Excel's precision, or the number in a text cell; nil otherwise.
    public static func fromCell(_ value: CellValue) -> (number: Decimal?, isText: Bool) {
        switch value {
        case .number(let number): return (number.excelPrecision, false)
        case .text(let text):
            if case .value(let number) = Decimal.parse(text.trimmingCharacters(in: .whitespaces)) {
                return (number, true)
            }
            return (nil, true)
        case .empty: return (0, false)
        default: return (nil, false)
        }
    }
}
