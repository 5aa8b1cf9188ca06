import Foundation
import Primitives

/// Formula values in eight bytes each, for sheets of millions of cells, with side tables for
/// what does not fit.
///
/// A blank, a boolean, an error and a number whose Decimal has a mantissa of up to 48 bits
/// (nearly every amount, rate, count and date a workbook holds) are held in the word itself; a
/// text is its number in `texts`, a text met again shortly after kept once (a rep, a product, a
/// status); any other value (a longer mantissa, an array) its number in `others`.
///
/// `value(pack(v))` is `v` exactly: a number's word holds its Decimal's own storage bits, not a
/// conversion, so the Decimal read back is the one packed, bit for bit. The tables only grow:
/// a word stays readable after the cell it came from is given another value.
struct PackedValues: Sendable {
    private var texts: [String] = []
    private var others: [FormulaValue] = []
    /// Recently packed texts, by a hash of the text: each slot holds a number in `texts` plus
    /// one, or 0. A fixed size, so that unique texts (deal IDs) cost no more than their entry.
    private var recentTexts: [UInt32] = []

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

    /// The word for `value`, adding it to a side table when it is not held in the word.
    mutating func pack(_ value: FormulaValue) -> UInt64 {
        switch value {
        case .blank: return Self.blank
        case .number(let number):
            if let payload = Self.numberPayload(number) { return Self.word(.number, payload) }
        case .bool(let flag): return Self.word(.bool, flag ? 1 : 0)
        case .error(let error):
            return Self.word(.error, UInt64(FormulaError.allCases.firstIndex(of: error)!))
        case .text(let text): return Self.word(.text, UInt64(textNumber(text)))
        case .array: break
        }
        others.append(value)
        return Self.word(.other, UInt64(others.count - 1))
    }

    /// The value a word from `pack` stands for.
    func value(_ word: UInt64) -> FormulaValue {
        let payload = word & Self.payloadMask
        switch Tag(rawValue: word >> Self.tagShift) {
        case .number: return .number(Self.number(payload))
        case .bool: return .bool(payload != 0)
        case .error: return .error(FormulaError.allCases[Int(payload)])
        case .text: return .text(texts[Int(payload)])
        case .other: return others[Int(payload)]
        case .blank, nil: return .blank
        }
    }

    /// Whether `value` is held in its word, without a side table.
    static func isHeldInWord(_ value: FormulaValue) -> Bool {
        switch value {
        case .blank, .bool, .error: true
        case .number(let number): numberPayload(number) != nil
        case .text, .array: false
        }
    }

    private static func word(_ tag: Tag, _ payload: UInt64) -> UInt64 { tag.rawValue << tagShift | payload }

    /// `text`'s number in `texts`: the number it was given when it is a recent text, else a new one.
    private mutating func textNumber(_ text: String) -> Int {
        if recentTexts.isEmpty { recentTexts = [UInt32](repeating: 0, count: Self.recentSlots) }
        var hash: UInt32 = 2_166_136_261
        for byte in text.utf8.prefix(32) { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        let slot = Int(hash ^ UInt32(truncatingIfNeeded: text.utf8.count)) & (Self.recentSlots - 1)
        if recentTexts[slot] != 0, texts[Int(recentTexts[slot] - 1)] == text { return Int(recentTexts[slot] - 1) }
        texts.append(text)
        if texts.count < Int(UInt32.max) { recentTexts[slot] = UInt32(texts.count) }
        return texts.count - 1
    }

    // MARK: Numbers

    /// The 60-bit payload holding `number`'s storage (`Decimal.packedStorage`), or nil when it
    /// does not fit.
    private static func numberPayload(_ number: Decimal) -> UInt64? { number.packedStorage }

    /// The Decimal whose storage `numberPayload` packed.
    private static func number(_ payload: UInt64) -> Decimal { Decimal(packedStorage: payload) }
}
