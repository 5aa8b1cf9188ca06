import Foundation
import Primitives
import Spreadsheet

/// Formula values in eight bytes each (four where `narrow` fits them), for sheets of millions of
/// cells, with side tables for what does not fit.
///
/// A blank, a boolean, an error and a number whose Decimal has a mantissa of up to 48 bits
/// (nearly every amount, rate, count and date a workbook holds) are held in the word itself; a
/// text is its number among the texts, whose bytes are kept one after another in one buffer, a
/// text met again shortly after kept once (a rep, a product, a status); any other value (a longer
/// mantissa, an array) its number in `others`.
///
/// `value(pack(v))` is `v` exactly: a number's word holds its Decimal's own storage bits, not a
/// conversion, so the Decimal read back is the one packed, bit for bit. The tables only grow:
/// a word stays readable after the cell it came from is given another value.
struct PackedValues: Sendable {
    /// The texts' UTF-8, one after another; text `n` runs from `textStarts[n]` to the next start.
    private var textBytes: [UInt8] = []
    private var textStarts: [UInt32] = []
    private var others: [FormulaValue] = []
    /// Recently packed texts, by a hash of the text: each slot is four words, a number among the
    /// texts plus one (`recentHit` set when it was met again since it came) or 0, the text's
    /// hash, so that another text in the slot (a deal ID after a deal ID) is told apart without
    /// comparing bytes, and the text itself (`SlotText`): its bytes when they are few (a rep's id),
    /// else where they are in `textBytes` and how many, so that a text met again is compared
    /// without looking its number up (a million deal IDs apart, each a read from memory). Of a
    /// bounded size (4,096
    /// slots, 16,384 from 65,536 texts on), so that unique texts (deal IDs) cost no more than their
    /// bytes; a text met again is kept in its slot against one that is not, so that a million deal
    /// IDs do not push the reps out.
    private var recentTexts: [UInt32] = []
    /// The heads (`Decimal.packedStorage`'s low 12 bits: exponent and flags) narrow numbers use,
    /// by number: held in the value itself, so that reading a narrow number follows no pointer.
    private var heads = SIMD16<UInt16>()
    private var headCount = 0
    /// Words with no narrow form, put aside for a narrow column (`spill`).
    private var spilled: [UInt64] = []

    /// The word for a blank cell: a column of blanks is zeros.
    static let blank: UInt64 = 0

    private enum Tag: UInt64 {
        case blank = 0
        case number = 1
        case bool = 2
        case error = 3
        case text = 4
        case other = 5
    }

    private static let tagShift: UInt64 = 60
    private static let payloadMask: UInt64 = 1 << 60 - 1
    private static let recentSlots = 4096
    private static let moreRecentSlots = 16384
    private static let recentHit: UInt32 = 1 << 31

    /// The word for `value`, adding it to a side table when it is not held in the word.
    mutating func pack(_ value: FormulaValue) -> UInt64 {
        switch value {
        case .blank: return Self.blank
        case .number(let number):
            if let payload = Self.numberPayload(number) { return Self.word(.number, payload) }
        case .bool(let flag): return Self.word(.bool, flag ? 1 : 0)
        case .error(let error):
            return Self.word(.error, UInt64(FormulaError.allCases.firstIndex(of: error)!))
        case .text(let text):
            if let number = textNumber(text) { return Self.word(.text, UInt64(number)) }
        case .array: break
        }
        return other(value)
    }

    /// The word for `value` kept in `others`.
    private mutating func other(_ value: FormulaValue) -> UInt64 {
        others.append(value)
        return Self.word(.other, UInt64(others.count - 1))
    }

    /// The word for the cell value `value`: `pack(FormulaValue(value, dateSystem:))`, a number,
    /// a text, a boolean and an empty cell packed as they are (a sheet's cells are nearly all
    /// those), without the formula value made first.
    mutating func pack(_ value: CellValue, dateSystem: DateSystem) -> UInt64 {
        switch value {
        case .empty: return Self.blank
        case .number(let number):
            if let payload = Self.numberPayload(number) { return Self.word(.number, payload) }
            return other(.number(number))
        case .text(let text):
            if let number = textNumber(text) { return Self.word(.text, UInt64(number)) }
            return other(.text(text))
        case .bool(let flag): return Self.word(.bool, flag ? 1 : 0)
        case .error, .date, .outOfRangeNumber: return pack(FormulaValue(value, dateSystem: dateSystem))
        }
    }

    /// The value a word from `pack` stands for.
    func value(_ word: UInt64) -> FormulaValue {
        let payload = word & Self.payloadMask
        switch Tag(rawValue: word >> Self.tagShift) {
        case .number: return .number(Self.number(payload))
        case .bool: return .bool(payload != 0)
        case .error: return .error(FormulaError.allCases[Int(payload)])
        case .text: return .text(text(Int(payload)))
        case .other: return others[Int(payload)]
        case .blank, nil: return .blank
        }
    }

    /// Whether `word` stands for a text kept among the texts: two such words are the same text
    /// when they are equal (the same text may also have other words).
    static func isText(_ word: UInt64) -> Bool { word >> tagShift == Tag.text.rawValue }

    /// Whether `value` is held in its word, without a side table.
    static func isHeldInWord(_ value: FormulaValue) -> Bool {
        switch value {
        case .blank, .bool, .error: true
        case .number(let number): numberPayload(number) != nil
        case .text, .array: false
        }
    }

    private static func word(_ tag: Tag, _ payload: UInt64) -> UInt64 { tag.rawValue << tagShift | payload }

    // MARK: Texts

    /// Text `number`, decoded from its bytes (which came from a String: they are valid UTF-8).
    private func text(_ number: Int) -> String {
        let range = textRange(number)
        return textBytes.withUnsafeBufferPointer {
            String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self)
        }
    }

    /// Where text `number`'s bytes are in `textBytes`.
    private func textRange(_ number: Int) -> Range<Int> {
        Int(textStarts[number])..<(number + 1 < textStarts.count ? Int(textStarts[number + 1]) : textBytes.count)
    }

    /// `text`'s number among the texts: the number it was given when it is a recent text, else a
    /// new one; nil when the buffer has no room for it (more than 4 GB of text), to be kept in `others`.
    private mutating func textNumber(_ text: String) -> Int? {
        if let number = text.utf8.withContiguousStorageIfAvailable({ textNumber(bytes: $0) }) { return number }
        var contiguous = text
        return contiguous.withUTF8 { textNumber(bytes: $0) }
    }

    /// The number of the text of these bytes, as `textNumber(_:)`.
    private mutating func textNumber(bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        if recentTexts.isEmpty { recentTexts = [UInt32](repeating: 0, count: Self.slotWords * Self.recentSlots) }
        if recentTexts.count < Self.slotWords * Self.moreRecentSlots, textStarts.count >= 1 << 16 {
            growRecentTexts()
        }
        let hash = Self.textHash(bytes)
        let slot = recentSlot(hash)
        let held = recentTexts[slot]
        let inSlot = SlotText(bytes, start: textBytes.count)
        if held != 0, recentTexts[slot + 1] == hash, isText(inSlot, slot: slot, bytes) {
            recentTexts[slot] = held | Self.recentHit
            return Int(held & ~Self.recentHit - 1)
        }
        guard textBytes.count + bytes.count <= UInt32.max, textStarts.count < Int(Self.recentHit - 1) else {
            return nil
        }
        textStarts.append(UInt32(textBytes.count))
        textBytes.append(contentsOf: bytes)
        // A text met again since it came keeps its slot once, against this one.
        if held & Self.recentHit != 0 {
            recentTexts[slot] = held & ~Self.recentHit
        } else {
            recentTexts[slot] = UInt32(textStarts.count)
            recentTexts[slot + 1] = hash
            recentTexts[slot + 2] = inSlot.first
            recentTexts[slot + 3] = inSlot.second
        }
        return textStarts.count - 1
    }

    /// A text as its slot in `recentTexts` holds it, in two words: up to seven bytes themselves
    /// (four in `first`, then three, the count and `shortText` in `second`), a longer text where
    /// its bytes start in `textBytes` and how many there are.
    private struct SlotText: Equatable {
        let first: UInt32
        let second: UInt32
        static let shortText: UInt32 = 1 << 31

        /// The text of `bytes`, whose bytes are (or would be) at `start` in `textBytes`.
        init(_ bytes: UnsafeBufferPointer<UInt8>, start: Int) {
            guard bytes.count <= 7 else {
                (first, second) = (UInt32(truncatingIfNeeded: start), UInt32(truncatingIfNeeded: bytes.count))
                return
            }
            var word: UInt64 = 0
            for (index, byte) in bytes.enumerated() { word |= UInt64(byte) << (8 * index) }
            first = UInt32(truncatingIfNeeded: word)
            second = UInt32(truncatingIfNeeded: word >> 32) | UInt32(bytes.count) << 24 | Self.shortText
        }

        init(first: UInt32, second: UInt32) { (self.first, self.second) = (first, second) }

        var isShort: Bool { second & Self.shortText != 0 }
    }

    /// A hash of a text's first 32 bytes and its length.
    private static func textHash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var hash: UInt32 = 2_166_136_261
        for byte in bytes.prefix(32) { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        return hash ^ UInt32(truncatingIfNeeded: bytes.count)
    }

    private static let slotWords = 4

    /// Where the slot in `recentTexts` of a text with this hash starts.
    private func recentSlot(_ hash: UInt32) -> Int {
        Self.slotWords * (Int(hash) & (recentTexts.count / Self.slotWords - 1))
    }

    /// Gives `recentTexts` its larger size, each text it held moved to its slot there.
    private mutating func growRecentTexts() {
        let held = stride(from: 0, to: recentTexts.count, by: Self.slotWords).filter { recentTexts[$0] != 0 }
            .map { recentTexts[$0..<$0 + Self.slotWords] }
        recentTexts = [UInt32](repeating: 0, count: Self.slotWords * Self.moreRecentSlots)
        for words in held {
            let slot = recentSlot(words[words.startIndex + 1])
            recentTexts.replaceSubrange(slot..<slot + Self.slotWords, with: words)
        }
    }

    /// Whether the text in the slot at `slot` is the text of these bytes (`text` as a slot would
    /// hold them): a short text by its words alone, a longer one by its bytes.
    private func isText(_ text: SlotText, slot: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let held = SlotText(first: recentTexts[slot + 2], second: recentTexts[slot + 3])
        if text.isShort || held.isShort { return text == held }
        guard held.second == text.second else { return false }
        return textBytes.withUnsafeBufferPointer {
            memcmp($0.baseAddress! + Int(held.first), bytes.baseAddress!, bytes.count) == 0
        }
    }

    // MARK: Numbers

    /// The 60-bit payload holding `number`'s storage (`Decimal.packedStorage`), or nil when it
    /// does not fit.
    private static func numberPayload(_ number: Decimal) -> UInt64? { number.packedStorage }

    /// The Decimal whose storage `numberPayload` packed.
    private static func number(_ payload: UInt64) -> Decimal { Decimal(packedStorage: payload) }
}

// MARK: Narrow words

/// A word from `pack` in four bytes, for columns whose every value fits (`PackedColumn`):
///
/// - `1` + a head's number (4 bits) + a mantissa (27 bits): a number whose mantissa is below
///   2^27 (an amount up to 1,342,177.27 in cents, a date's serial, a rate) and whose head is one
///   of the first 16 the values met;
/// - `01` + 30 bits: a text's number; `001` + 29 bits: a number in `others`;
/// - `0001` + 28 bits: a word put aside by `spill`;
/// - `0000` + 28 bits: 0 a blank, 1 false, 2 true, 3 + n the error `n` (`FormulaError.allCases`).
///
/// `wide(narrow(w)!) == w` and `wide(spill(w)) == w` for every word.
extension PackedValues {
    private static let narrowNumberBit: UInt32 = 1 << 31
    private static let narrowText: UInt32 = 1 << 30
    private static let narrowOther: UInt32 = 1 << 29
    private static let narrowSpilled: UInt32 = 1 << 28
    private static let mantissaBits: UInt32 = 27
    private static let mostHeads = 16

    /// `word`'s narrow form, or nil when it has none; may add the number's head to the heads.
    mutating func narrow(_ word: UInt64) -> UInt32? {
        let payload = word & Self.payloadMask
        switch Tag(rawValue: word >> Self.tagShift) {
        case .blank: return word == Self.blank ? 0 : nil
        case .bool: return UInt32(1 + payload)
        case .error: return UInt32(3 + payload)
        case .text: return payload < UInt64(Self.narrowText) ? Self.narrowText | UInt32(payload) : nil
        case .other: return payload < UInt64(Self.narrowOther) ? Self.narrowOther | UInt32(payload) : nil
        case .number:
            let mantissa = payload >> 12
            guard mantissa < 1 << Self.mantissaBits, let head = headNumber(UInt16(payload & 0xFFF)) else { return nil }
            return Self.narrowNumberBit | UInt32(head) << Self.mantissaBits | UInt32(mantissa)
        case nil: return nil
        }
    }

    /// The word whose narrow form is `narrow`.
    func wide(_ narrow: UInt32) -> UInt64 {
        if narrow & Self.narrowNumberBit != 0 { return Self.word(.number, numberPayload(narrow: narrow)) }
        if narrow & Self.narrowText != 0 { return Self.word(.text, UInt64(narrow & (Self.narrowText - 1))) }
        if narrow & Self.narrowOther != 0 { return Self.word(.other, UInt64(narrow & (Self.narrowOther - 1))) }
        if narrow & Self.narrowSpilled != 0 { return spilled[Int(narrow & (Self.narrowSpilled - 1))] }
        switch narrow {
        case 0: return Self.blank
        case 1, 2: return Self.word(.bool, UInt64(narrow - 1))
        default: return Self.word(.error, UInt64(narrow - 3))
        }
    }

    /// The value whose narrow form is `narrow`: `value(wide(narrow))`, a number read straight
    /// from its narrow form (a sheet's cells and a formula's cached value are read this way).
    @inline(__always)
    func value(narrow: UInt32) -> FormulaValue {
        if narrow & Self.narrowNumberBit != 0 { return .number(Self.number(numberPayload(narrow: narrow))) }
        if narrow == 0 { return .blank }
        return value(wide(narrow))
    }

    /// The payload of the number whose narrow form is `narrow`.
    @inline(__always)
    private func numberPayload(narrow: UInt32) -> UInt64 {
        UInt64(heads[Int(narrow >> Self.mantissaBits & 0xF)]) | UInt64(narrow & (1 << Self.mantissaBits - 1)) << 12
    }

    /// A narrow word for `word`, which has no narrow form, holding its number among the words put
    /// aside (eight bytes each, for as long as the values are kept); nil when there is no room.
    mutating func spill(_ word: UInt64) -> UInt32? {
        guard spilled.count < Int(Self.narrowSpilled) else { return nil }
        spilled.append(word)
        return Self.narrowSpilled | UInt32(spilled.count - 1)
    }

    /// `head`'s number among the heads, given it when there is room; nil when there is none.
    private mutating func headNumber(_ head: UInt16) -> Int? {
        for number in 0..<headCount where heads[number] == head { return number }
        guard headCount < Self.mostHeads else { return nil }
        heads[headCount] = head
        headCount += 1
        return headCount - 1
    }
}

// MARK: Letting texts go

extension PackedValues {
    /// Keeps only the texts that the words of `columns` (made with these values) hold, numbered
    /// anew in the order they are met, and rewrites those words to the new numbers; the words
    /// they put aside are put aside anew. The bytes of every other text are let go, and so are the
    /// words put aside for other columns: a column made with these values and not among `columns`
    /// reads wrong values afterwards. Numbers, booleans, errors and `others` keep their words.
    mutating func keepTexts(of columns: inout [PackedColumn]) {
        var numbers = [UInt32](repeating: UInt32.max, count: textStarts.count)
        var bytes: [UInt8] = []
        var starts: [UInt32] = []
        var keptSpills: [UInt64] = []
        let oldBytes = textBytes
        let oldStarts = textStarts
        let oldSpills = spilled
        /// Text `number`'s new number.
        func kept(_ number: Int) -> UInt64 {
            if numbers[number] == UInt32.max {
                numbers[number] = UInt32(starts.count)
                starts.append(UInt32(bytes.count))
                let end = number + 1 < oldStarts.count ? Int(oldStarts[number + 1]) : oldBytes.count
                bytes.append(contentsOf: oldBytes[Int(oldStarts[number])..<end])
            }
            return UInt64(numbers[number])
        }
        func keptWide(_ word: UInt64) -> UInt64 {
            guard Tag(rawValue: word >> Self.tagShift) == .text else { return word }
            return Self.word(.text, kept(Int(word & Self.payloadMask)))
        }
        func keptNarrow(_ narrow: UInt32) -> UInt32 {
            if narrow & Self.narrowNumberBit != 0 { return narrow }
            if narrow & Self.narrowText != 0 {
                return Self.narrowText | UInt32(kept(Int(narrow & (Self.narrowText - 1))))
            }
            guard narrow & Self.narrowOther == 0, narrow & Self.narrowSpilled != 0 else { return narrow }
            keptSpills.append(keptWide(oldSpills[Int(narrow & (Self.narrowSpilled - 1))]))
            return Self.narrowSpilled | UInt32(keptSpills.count - 1)
        }
        for index in columns.indices { columns[index].rewrite(narrow: keptNarrow, wide: keptWide) }
        textBytes = bytes
        textStarts = starts
        spilled = keptSpills
        // The recent texts' numbers are the old ones: packing starts afresh.
        recentTexts = []
    }
}
