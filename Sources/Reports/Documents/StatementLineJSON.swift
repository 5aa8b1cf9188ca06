import Commission
import Foundation
import Primitives
import Spreadsheet

extension StatementDocument.Line {
    /// Appends `line`'s JSON text exactly as `OrderedJSONEncoder.encodeListElement(Line(line))`
    /// writes it, as UTF-8 bytes, without going through `Encodable`'s containers or growing a
    /// `String` piece by piece: a million lines are most of `calculate --format json`'s time that
    /// way. `StatementDocumentTests` holds the two equal. `separator` comes first.
    static func appendJSON(of line: StatementLine, to bytes: inout [UInt8], after separator: StaticString) {
        bytes.append(literal: separator)
        bytes.append(literal: "{\"deal_id\": ")
        if let dealID = line.dealID { appendQuoted(dealID, to: &bytes) } else { bytes.append(literal: "null") }
        bytes.append(literal: ", \"rep\": ")
        appendQuoted(line.rep, to: &bytes)
        bytes.append(literal: ", \"period\": ")
        appendQuoted(line.period.description, to: &bytes)
        bytes.append(literal: ", \"kind\": \"")
        bytes.append(utf8: line.kind.rawValue)
        bytes.append(literal: "\", \"credit\": ")
        if let credit = line.credit {
            appendQuoted(MoneyStyle.text(credit), to: &bytes)
        } else {
            bytes.append(literal: "null")
        }
        bytes.append(literal: ", \"amount\": ")
        appendQuoted(MoneyStyle.text(line.amount), to: &bytes)
        bytes.append(literal: ", \"rates\": [")
        for (index, rate) in line.rates.enumerated() {
            if index > 0 { bytes.append(literal: ", ") }
            appendQuoted(PlainStyle.text(rate), to: &bytes)
        }
        bytes.append(literal: "], \"explanation\": ")
        appendQuoted(line.explanation, to: &bytes)
        if let row = line.row {
            bytes.append(literal: ", \"row\": ")
            bytes.append(utf8: String(row))
        }
        let flags = line.flags.names
        if !flags.isEmpty {
            bytes.append(literal: ", \"flags\": [")
            for (index, flag) in flags.enumerated() {
                if index > 0 { bytes.append(literal: ", ") }
                appendQuoted(flag, to: &bytes)
            }
            bytes.append(literal: "]")
        }
        if let bonus = line.bonusName {
            bytes.append(literal: ", \"bonus\": ")
            appendQuoted(bonus, to: &bytes)
        }
        bytes.append(literal: "}")
    }

    /// `JSONText.quoted(value)`'s bytes, copied whole when nothing in it needs escaping (nearly
    /// always).
    private static func appendQuoted(_ value: String, to bytes: inout [UInt8]) {
        var value = value
        value.withUTF8 { utf8 in
            if needsEscaping(UnsafeRawBufferPointer(utf8)) {
                bytes.append(contentsOf: JSONText.quoted(String(decoding: utf8, as: UTF8.self)).utf8)
            } else {
                bytes.append(UInt8(ascii: "\""))
                bytes.append(contentsOf: utf8)
                bytes.append(UInt8(ascii: "\""))
            }
        }
    }

    /// Whether `bytes` hold a control character, a quote or a backslash, read eight bytes at a
    /// time (the last few with spaces after them).
    static func needsEscaping(_ bytes: UnsafeRawBufferPointer) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        /// Whether a byte of `word` is below 0x20 or is a quote or a backslash, without false
        /// alarms (a byte below `n` ≤ 0x80 is the first to borrow when `n` is taken from each).
        func escapes(_ word: UInt64) -> Bool {
            let quote = word ^ (ones &* 0x22)
            let backslash = word ^ (ones &* 0x5C)
            let control = (word &- ones &* 0x20) & ~word
            let below = control | ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash)
            return below & (ones &* 0x80) != 0
        }
        var at = 0
        while bytes.count - at >= 8 {
            if escapes(bytes.loadUnaligned(fromByteOffset: at, as: UInt64.self)) { return true }
            at += 8
        }
        guard at < bytes.count else { return false }
        var last = ones &* 0x20
        withUnsafeMutableBytes(of: &last) { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[at...])) }
        return escapes(last)
    }
}
