import Commission
import Foundation
import Primitives
import Spreadsheet

extension StatementDocument.Line {
    /// Appends `line`'s JSON text exactly as `OrderedJSONEncoder.encodeListElement(Line(line))`
    /// writes it, as UTF-8 bytes, without going through `Encodable`'s containers or making a
    /// `String` for each figure: a million lines are most of `calculate --format json`'s time that
    /// way. `StatementDocumentTests` holds the two equal. `separator` comes first; `periods` keeps
    /// the text of the period the lines before were in.
    static func appendJSON(
        of line: StatementLine, to bytes: inout TextBuffer, after separator: StaticString, periods: inout PeriodText
    ) {
        bytes.append(literal: separator)
        if let dealID = line.dealID {
            bytes.append(literal: "{\"deal_id\": ")
            appendQuoted(dealID, to: &bytes)
        } else {
            bytes.append(literal: "{\"deal_id\": null")
        }
        bytes.append(literal: ", \"rep\": ")
        appendQuoted(line.rep, to: &bytes)
        bytes.append(literal: ", \"period\": ")
        appendQuoted(periods.text(of: line.period), to: &bytes)
        bytes.append(literal: ", \"kind\": \"")
        bytes.append(utf8: line.kind.rawValue)
        if let credit = line.credit {
            bytes.append(literal: "\", \"credit\": \"")
            bytes.append(money: credit)
            bytes.append(literal: "\", \"amount\": \"")
        } else {
            bytes.append(literal: "\", \"credit\": null, \"amount\": \"")
        }
        bytes.append(money: line.amount)
        switch line.rateList {
        case .none: bytes.append(literal: "\", \"rates\": [], \"explanation\": ")
        case .one(let rate):
            bytes.append(literal: "\", \"rates\": [\"")
            bytes.append(rate)
            bytes.append(literal: "\"], \"explanation\": ")
        case .many(let rates):
            bytes.append(literal: "\", \"rates\": [\"")
            for (index, rate) in rates.enumerated() {
                if index > 0 { bytes.append(literal: "\", \"") }
                bytes.append(rate)
            }
            bytes.append(literal: "\"], \"explanation\": ")
        }
        appendQuoted(line.explanation, to: &bytes)
        if let row = line.row {
            bytes.append(literal: ", \"row\": ")
            bytes.append(digitsOf: row)
        }
        if let sheet = line.sheet {
            bytes.append(literal: ", \"sheet\": ")
            appendQuoted(sheet, to: &bytes)
        }
        if !line.flags.isEmpty {
            bytes.append(literal: ", \"flags\": [")
            for (index, flag) in line.flags.names.enumerated() {
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

    /// The text of the period the last line written was in, made again only when the period
    /// changes (a rep's lines come a period at a time).
    struct PeriodText {
        private var period: Period?
        private var text = ""

        mutating func text(of period: Period) -> String {
            if period != self.period {
                self.period = period
                text = period.description
            }
            return text
        }
    }

    /// `JSONText.quoted(value)`'s bytes, copied whole when nothing in it needs escaping (nearly
    /// always).
    private static func appendQuoted(_ value: String, to bytes: inout TextBuffer) {
        var value = value
        value.withUTF8 { utf8 in
            let text = UnsafeRawBufferPointer(utf8)
            if needsEscaping(text) {
                bytes.append(utf8: JSONText.quoted(String(decoding: utf8, as: UTF8.self)))
            } else {
                bytes.append(upTo: text.count + 2) { room in
                    room[0] = UInt8(ascii: "\"")
                    UnsafeMutableRawBufferPointer(rebasing: room[1...]).copyMemory(from: text)
                    room[text.count + 1] = UInt8(ascii: "\"")
                    return text.count + 2
                }
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
