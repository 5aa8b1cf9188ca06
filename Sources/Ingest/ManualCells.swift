import FileAccess
import Foundation
import Primitives
import Spreadsheet

/// The cells a sheet's author filled in by hand for one line: the figures the reconciler checks.
///
/// Held in 48 bytes, for a million rows: each value in a word of its own (a number's Decimal as
/// its storage bits, `Decimal.packedStorage`), and the rare value no word holds (a text, a date,
/// an error, a number with a longer mantissa) in a list beside them. The commission's formula
/// text is kept only when the reader was asked for it (`Keeping.valuesAndFormulas`); otherwise
/// only whether the cell has a formula, whose text the workbook's formulas hold.
public struct ManualCells: Sendable, Hashable {
    /// What the deals reader keeps of each row's manual cells.
    public enum Keeping: Sendable {
        /// No manual cells: the lines alone.
        case nothing
        /// The rate, commission and bonus values, the commission's column and whether it holds a
        /// formula, but not the formula's text (`commission?.formula` is nil): for a caller that
        /// has the workbook's formulas to read it from, as the reconciler does.
        case values
        /// The values, and the commission's formula text and number format too.
        case valuesAndFormulas
    }

    /// The commission cell of a row.
    public struct Commission: Sendable, Hashable {
        public var column: Int
        public var value: CellValue
        public var hasFormula: Bool
        /// The formula text without `=`, when the reader kept it (`Keeping.valuesAndFormulas`):
        /// nil for a formula whose text was not kept.
        public var formula: String?
        /// The number format, when the reader kept it (`Keeping.valuesAndFormulas`).
        public var numberFormat: String?
        /// The text the cell holds when `value` writes it again in its column's style (`1.000`
        /// held, `1000` read: `DealsReader.inColumnStyle`), for findings to show; nil when
        /// `value` is what the cell holds.
        public var shownText: String?
    }

    public var row: Int
    private var rateWord: UInt64
    private var commissionWord: UInt64
    private var bonusWord: UInt64
    /// The commission cell's column, 0 when the row has none.
    private var commissionColumn: Int32
    /// Whether the row's commission cell holds a formula: `commission?.hasFormula == true`,
    /// without building the cell's value.
    public private(set) var commissionHasFormula: Bool
    /// The values no word holds, and the commission's texts when kept; nil for nearly every row.
    private var extra: Extra?

    /// What a row keeps beside its words: immutable, so rows copied from one another share it.
    fileprivate final class Extra: Sendable {
        let values: [CellValue]
        let formula: String?
        let numberFormat: String?
        let shown: (commission: String?, bonus: String?)

        init(values: [CellValue], formula: String?, numberFormat: String?, shown: (String?, String?)) {
            self.values = values
            self.formula = formula
            self.numberFormat = numberFormat
            self.shown = shown
        }
    }

    /// The cells of row `row`: the rate's and bonus's values, and the commission cell, kept as
    /// `keeping` says (`.nothing` is taken as `.values`). `shown`: the texts the commission and
    /// bonus cells hold where their values write them again in their columns' style
    /// (`Commission.shownText`, `bonusShownText`).
    public init(
        row: Int, rate: CellValue?, commission: Cell?, bonus: CellValue?, keeping: Keeping = .values,
        shown: (commission: String?, bonus: String?) = (nil, nil)
    ) {
        self.row = row
        var values: [CellValue] = []
        rateWord = Self.word(rate, spilling: &values)
        commissionWord = Self.word(commission?.value, spilling: &values)
        bonusWord = Self.word(bonus, spilling: &values)
        commissionColumn = commission.map { Int32(clamping: $0.column) } ?? 0
        commissionHasFormula = commission?.formula != nil
        let texts = keeping == .valuesAndFormulas ? (commission?.formula, commission?.numberFormat) : (nil, nil)
        extra =
            values.isEmpty && texts.0 == nil && texts.1 == nil && shown.commission == nil && shown.bonus == nil
            ? nil : Extra(values: values, formula: texts.0, numberFormat: texts.1, shown: shown)
    }

    /// The rate the author typed (its value only).
    public var rate: CellValue? { value(rateWord) }

    /// The commission cell: its column, value and whether it holds a formula.
    public var commission: Commission? {
        guard commissionColumn != 0, let value = value(commissionWord) else { return nil }
        return Commission(
            column: Int(commissionColumn), value: value, hasFormula: commissionHasFormula, formula: extra?.formula,
            numberFormat: extra?.numberFormat, shownText: extra?.shown.commission)
    }

    /// The bonus the author entered (its value only).
    public var bonus: CellValue? { value(bonusWord) }

    /// The text the bonus cell holds when `bonus` writes it again in its column's style (`1.000`
    /// held, `1000` read); nil when `bonus` is what the cell holds.
    public var bonusShownText: String? { extra?.shown.bonus }

    public static func == (a: ManualCells, b: ManualCells) -> Bool {
        a.row == b.row && a.rate == b.rate && a.commission == b.commission && a.bonus == b.bonus
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(row)
        hasher.combine(rate)
        hasher.combine(commission)
        hasher.combine(bonus)
    }

    // MARK: Words

    /// A word's top four bits say what it holds; a number's storage is the low 60. `spilled`: the
    /// value at the payload's position in `Extra.values`.
    private enum Tag: UInt64 {
        case absent, empty, number, boolFalse, boolTrue, spilled
    }

    private static func word(_ tag: Tag, _ payload: UInt64 = 0) -> UInt64 {
        tag.rawValue << Decimal.packedStorageWidth | payload
    }

    /// The word for `value`, appending it to `spilled` when no word holds it.
    private static func word(_ value: CellValue?, spilling spilled: inout [CellValue]) -> UInt64 {
        guard let value else { return word(.absent) }
        switch value {
        case .empty: return word(.empty)
        case .bool(let flag): return word(flag ? .boolTrue : .boolFalse)
        case .number(let number):
            if let payload = number.packedStorage { return word(.number, payload) }
        default: break
        }
        spilled.append(value)
        return word(.spilled, UInt64(spilled.count - 1))
    }

    /// The value a word stands for.
    private func value(_ word: UInt64) -> CellValue? {
        let payload = word & (1 << Decimal.packedStorageWidth - 1)
        switch Tag(rawValue: word >> Decimal.packedStorageWidth) {
        case .absent, nil: return nil
        case .empty: return .empty
        case .number: return .number(Decimal(packedStorage: payload))
        case .boolFalse: return .bool(false)
        case .boolTrue: return .bool(true)
        case .spilled: return extra?.values[Int(payload)]
        }
    }
}

// MARK: Spool records

extension ManualCells {
    /// What spool records of manual cells leave in memory: the rare rows' values no word holds
    /// and their kept texts (`Extra`), each once, which the records name by index.
    public struct HeldApart {
        fileprivate var extras: [Extra] = []
        public init() {}
    }

    /// Writes the row's cells to a spool record, read back by `init(reading:apart:)` in the same
    /// process: the words as they are, and what no word holds added to `apart`.
    public func write(to record: inout RecordWriter, apart: inout HeldApart) {
        record.int(row)
        record.raw(rateWord)
        record.raw(commissionWord)
        record.raw(bonusWord)
        record.int(Int(commissionColumn) << 1 | (commissionHasFormula ? 1 : 0))
        if let extra {
            record.int(apart.extras.count)
            apart.extras.append(extra)
        } else {
            record.int(-1)
        }
    }

    /// The cells `write(to:apart:)` wrote, with what it held apart in `apart`.
    public init(reading record: inout RecordReader, apart: HeldApart) {
        row = record.int()
        rateWord = record.raw(UInt64.self)
        commissionWord = record.raw(UInt64.self)
        bonusWord = record.raw(UInt64.self)
        let column = record.int()
        commissionColumn = Int32(truncatingIfNeeded: column >> 1)
        commissionHasFormula = column & 1 == 1
        let extra = record.int()
        self.extra = extra < 0 ? nil : apart.extras[extra]
    }
}

// MARK: Records of a fixed size

extension ManualCells {
    /// The bytes of a row's record in a file of manual cells (`ManualColumn`): its row, its
    /// three words, its commission column and formula flag, and the index of what it holds apart.
    static let recordSize = 40

    /// Writes the row's cells into `record` (`recordSize` bytes), read back by
    /// `init(record:apart:)` in the same process; what no word holds is added to `apart`.
    func write(into record: UnsafeMutableRawBufferPointer, apart: inout HeldApart) {
        record.storeBytes(of: Int64(row).littleEndian, toByteOffset: 0, as: Int64.self)
        record.storeBytes(of: rateWord.littleEndian, toByteOffset: 8, as: UInt64.self)
        record.storeBytes(of: commissionWord.littleEndian, toByteOffset: 16, as: UInt64.self)
        record.storeBytes(of: bonusWord.littleEndian, toByteOffset: 24, as: UInt64.self)
        let column = commissionColumn << 1 | (commissionHasFormula ? 1 : 0)
        record.storeBytes(of: column.littleEndian, toByteOffset: 32, as: Int32.self)
        var held: Int32 = -1
        if let extra {
            held = Int32(apart.extras.count)
            apart.extras.append(extra)
        }
        record.storeBytes(of: held.littleEndian, toByteOffset: 36, as: Int32.self)
    }

    /// The cells `write(into:apart:)` wrote, with what it held apart in `apart`.
    init(record: UnsafeRawBufferPointer, apart: HeldApart) {
        func load<Word: FixedWidthInteger>(_ offset: Int, _ type: Word.Type) -> Word {
            Word(littleEndian: record.loadUnaligned(fromByteOffset: offset, as: Word.self))
        }
        row = Int(load(0, Int64.self))
        rateWord = load(8, UInt64.self)
        commissionWord = load(16, UInt64.self)
        bonusWord = load(24, UInt64.self)
        let column = load(32, Int32.self)
        commissionColumn = column >> 1
        commissionHasFormula = column & 1 == 1
        let held = load(36, Int32.self)
        extra = held < 0 ? nil : apart.extras[Int(held)]
    }
}
