import Commission
import Foundation
import Ingest
import Primitives

/// What a finding names of a row's commission line: its rep, period and rates. Many rows share
/// one (a rep's period at one rate), so the table keeps each once.
struct LineReference: Hashable {
    // In this order, so that telling two apart compares the cheapest first.
    let period: Period
    let rep: String
    let rateList: RateList

    init(_ line: StatementLine) {
        period = line.period
        rep = line.rep
        rateList = line.rateList
    }

    /// The rates the commission was computed at, in band order.
    var rates: [Decimal] { rateList.array }
}

/// What the engine pays one source row, and what its commission line names.
struct RowAmounts: Equatable {
    var commission: Decimal = 0
    var bonus: Decimal = 0
    /// The row's commission line (the last, should it have several); nil when it has none.
    var line: LineReference?
}

/// The engine's amounts per source row, gathered from the statement's lines as they are computed,
/// so that the lines need not be kept: held by row in columns, not hashed (a million rows would
/// make a dictionary of a million entries, and a million lines hold ~180 MB). The rows of the
/// deals' lines have a slot found from the row's sheet and sheet row (`RowSlots`); any other row
/// is kept in a dictionary.
struct RowAmountsTable {
    private var slots = RowSlots()
    /// Per slot, its commission and bonus as `AmountWords` (8 bytes where a Decimal takes 20);
    /// the bonuses are empty until a row has a bonus line (most plans pay no per-deal bonus).
    private var commissions = AmountWords()
    private var bonuses = AmountWords()
    /// Per slot: its commission line in `references`; `noLine` when the statement has no line
    /// of the row, `noCommission` when it has only a bonus.
    private var lineOfSlot = ReferenceColumn()
    private static let noLine = ReferenceColumn.noLine
    private static let noCommission = ReferenceColumn.noCommission
    /// The distinct commission lines' references, and each one's position there.
    private var references: [LineReference] = []
    private var referenceIDs: [LineReference: Int32] = [:]
    /// The rep-period of the last commission line, and the references of its lines found so far
    /// (a few at most): a rep's lines come a period at a time, at one of its few rates, so a line
    /// is told apart from them by its rates alone, without making or hashing its reference.
    private var recentPeriod: Period?
    private var recentRep = ""
    private var recentReferences: [Int32] = []
    private static let recentCount = 8
    private var others: [Int: RowAmounts] = [:]

    /// Slots for `rows` (`count` of them).
    init(rows: some Sequence<Int>, count: Int) {
        slots = RowSlots(rows: rows, count: count)
        commissions = AmountWords(count: slots.count)
        lineOfSlot = ReferenceColumn(count: slots.count)
    }

    private func slot(_ row: Int) -> Int? { slots.slot(row) }

    /// The row's amounts, nil when the statement has no line of it.
    subscript(row: Int) -> RowAmounts? {
        guard let slot = slot(row) else { return others[row] }
        let line = lineOfSlot[slot]
        guard line != Self.noLine else { return nil }
        return RowAmounts(
            commission: commissions[slot], bonus: bonuses.count == 0 ? 0 : bonuses[slot],
            line: line >= 0 ? references[Int(line)] : nil)
    }

    /// The row's commission, as `self[row]?.commission` gives it without making its line's reference.
    func commission(ofRow row: Int) -> Decimal? {
        guard let slot = slot(row) else { return others[row]?.commission }
        return lineOfSlot[slot] == Self.noLine ? nil : commissions[slot]
    }

    /// What the engine pays the row as its commission, with its per-deal bonus when `withBonus`:
    /// `(self[row]?.commission ?? 0) + (withBonus ? self[row]?.bonus ?? 0 : 0)`, without making
    /// the line's reference.
    func amount(ofRow row: Int, withBonus: Bool) -> Decimal {
        guard let slot = slot(row) else {
            let amounts = others[row]
            return (amounts?.commission ?? 0) + (withBonus ? amounts?.bonus ?? 0 : 0)
        }
        guard lineOfSlot[slot] != Self.noLine else { return 0 }
        let bonus = withBonus && bonuses.count > 0 ? bonuses[slot] : 0
        return commissions[slot] + bonus
    }

    /// Reads the commission of each of `lines`' rows, all before `add` reads them one at a time:
    /// a rep's rows lie anywhere in the sheet, and each read there waited on memory after the
    /// sums before it, where reads that wait on nothing are made together (as
    /// `FirstPositions.firsts` makes its probes). The value, made of every word read, is for the
    /// caller to keep, so that the reads are made.
    func fetch(_ lines: UnsafeBufferPointer<StatementLine>) -> UInt32 {
        var read: UInt32 = 0
        for index in lines.indices {
            guard let row = lines[index].row, let slot = slot(row) else { continue }
            read ^= commissions.narrowWord(at: slot)
        }
        return read
    }

    /// Adds `line`'s amount to its row's (a commission or a bonus; lines of no row, true-ups and
    /// clawbacks are not a row's).
    ///
    /// Read through a pointer: the fields read are read in place, the line is not copied (its
    /// texts and rates retained) for each of a million lines.
    mutating func add(_ line: UnsafePointer<StatementLine>) {
        guard let row = line.pointee.row, line.pointee.kind == .commission || line.pointee.kind == .bonus else {
            return
        }
        let isCommission = line.pointee.kind == .commission
        let amount = line.pointee.amount
        // `slots`' own lookup: the table's `slot(_:)`, asked from this mutating method, was
        // given a copy of the whole table (136 bytes) for each of a million lines.
        guard let slot = slots.slot(row) else {
            var amounts = others[row] ?? RowAmounts()
            if isCommission {
                amounts.commission = Decimal.sum(amounts.commission, amount)
                amounts.line = LineReference(line.pointee)
            } else {
                amounts.bonus = Decimal.sum(amounts.bonus, amount)
            }
            others[row] = amounts
            return
        }
        if isCommission {
            commissions[slot] = Decimal.sum(commissions[slot], amount)
            lineOfSlot[slot] = referenceID(of: line)
        } else {
            if bonuses.count == 0 { bonuses = AmountWords(count: commissions.count) }
            bonuses[slot] = Decimal.sum(bonuses[slot], amount)
            if lineOfSlot[slot] == Self.noLine { lineOfSlot[slot] = Self.noCommission }
        }
    }

    /// The positions in `lines` (those the table has slots for) of the rows with a commission
    /// line, by the line's rep (compared form) and period, in `lines`' order.
    func commissionLines(of lines: [CreditLine]) -> [RepPeriod: [Int32]] {
        // Each reference's rep-period numbered once, so that a line is filed without hashing.
        var keys: [RepPeriod] = []
        var keyNumbers: [RepPeriod: Int] = [:]
        func number(_ key: RepPeriod) -> Int {
            if let known = keyNumbers[key] { return known }
            keys.append(key)
            keyNumbers[key] = keys.count - 1
            return keys.count - 1
        }
        let numberOfReference = references.map { number(RepPeriod(rep: $0.rep.normalizedKey, period: $0.period)) }
        var filed: [[Int32]] = []
        lines.withUnsafeBufferPointer { lines in
            for index in lines.indices {
                let row = lines[index].row
                let key: Int
                if let slot = slot(row) {
                    guard lineOfSlot[slot] >= 0 else { continue }
                    key = numberOfReference[Int(lineOfSlot[slot])]
                } else {
                    guard let reference = others[row]?.line else { continue }
                    key = number(RepPeriod(rep: reference.rep.normalizedKey, period: reference.period))
                }
                if key >= filed.count { filed += repeatElement([], count: key + 1 - filed.count) }
                filed[key].append(Int32(index))
            }
        }
        var result: [RepPeriod: [Int32]] = [:]
        for (key, positions) in zip(keys, filed) where !positions.isEmpty { result[key] = positions }
        return result
    }

    /// The position in `references` of `line`'s reference, added when new: first among those of
    /// the same rep-period met just before (compared by rates alone, unhashed: hashing a
    /// reference's rates costs more than comparing them; rates stored alike first, as nearly
    /// all are, then as numbers), else looked up.
    private mutating func referenceID(of line: UnsafePointer<StatementLine>) -> Int32 {
        if line.pointee.period == recentPeriod && line.pointee.rep == recentRep {
            for id in recentReferences where references[Int(id)].rateList.hasSameStorage(as: line.pointee.rateList) {
                return id
            }
            for id in recentReferences where references[Int(id)].rateList == line.pointee.rateList { return id }
        } else {
            recentPeriod = line.pointee.period
            recentRep = line.pointee.rep
            recentReferences.removeAll(keepingCapacity: true)
        }
        let reference = LineReference(line.pointee)
        let id: Int32
        if let known = referenceIDs[reference] {
            id = known
        } else {
            id = Int32(references.count)
            references.append(reference)
            referenceIDs[reference] = id
        }
        if recentReferences.count < Self.recentCount { recentReferences.append(id) }
        return id
    }
}

/// Amounts in four bytes each where they fit, as nearly every commission does (a mantissa under
/// 2^23 with an exponent from -8 to 7: up to 83,886.07 in cents), the others in a word beside:
/// a Decimal's `packedStorage`, or (the word's top bit set) its position among the few that do not
/// fit a word. Each reads back as the Decimal stored, bit for bit. Ten million rows' commissions
/// are 40 MB, not 80.
///
/// An amount set again where a long one was leaves the long one's word behind (the table sets each
/// once, bar a few).
struct AmountWords {
    /// Per position: the amount's narrow form (`narrow(_:)`, the top bit clear), or the top bit
    /// set and the position of its word in `words`.
    private var narrowWords: [UInt32] = []
    private var words: [UInt64] = []
    private var spilled: [Decimal] = []
    private static let inWords: UInt32 = 1 << 31
    private static let spilledBit: UInt64 = 1 << 63

    init() {}

    /// `count` zeros.
    init(count: Int) {
        narrowWords = [UInt32](repeating: Self.narrow(Decimal(0).packedStorage!)!, count: count)
    }

    var count: Int { narrowWords.count }

    /// The word held at `position`, for a reader that wants it in the cache (`RowAmountsTable.fetch`).
    func narrowWord(at position: Int) -> UInt32 { narrowWords[position] }

    subscript(position: Int) -> Decimal {
        get {
            let narrow = narrowWords[position]
            guard narrow & Self.inWords != 0 else { return Decimal(packedStorage: Self.widened(narrow)) }
            let word = words[Int(narrow & ~Self.inWords)]
            return word & Self.spilledBit == 0 ? Decimal(packedStorage: word) : spilled[Int(word & ~Self.spilledBit)]
        }
        set {
            if let word = newValue.packedStorage, let narrow = Self.narrow(word) {
                narrowWords[position] = narrow
                return
            }
            if let word = newValue.packedStorage {
                words.append(word)
            } else {
                spilled.append(newValue)
                words.append(Self.spilledBit | UInt64(spilled.count - 1))
            }
            narrowWords[position] = Self.inWords | UInt32(words.count - 1)
        }
    }

    /// A packed word (`Decimal.packedStorage`: the exponent's byte, four bits of length, sign and
    /// flags, a 48-bit mantissa from bit 12) in 31 bits: the exponent in four, the flags in four,
    /// the mantissa in 23 from bit 8; nil when the exponent or the mantissa is too long.
    static func narrow(_ word: UInt64) -> UInt32? {
        let exponent = Int8(truncatingIfNeeded: word & 0xFF)
        let mantissa = word >> 12
        guard exponent >= -8 && exponent <= 7, mantissa < 1 << 23 else { return nil }
        return UInt32(word & 0xF) | UInt32(word >> 8 & 0xF) << 4 | UInt32(mantissa) << 8
    }

    /// The packed word `narrow(_:)` made `narrow` from.
    static func widened(_ narrow: UInt32) -> UInt64 {
        let exponent = Int8(truncatingIfNeeded: narrow << 4) >> 4
        return UInt64(UInt8(bitPattern: exponent)) | UInt64(narrow >> 4 & 0xF) << 8 | UInt64(narrow >> 8) << 12
    }
}
