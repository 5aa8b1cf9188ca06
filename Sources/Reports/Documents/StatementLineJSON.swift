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
            if utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
                bytes.append(contentsOf: JSONText.quoted(String(decoding: utf8, as: UTF8.self)).utf8)
            } else {
                bytes.append(UInt8(ascii: "\""))
                bytes.append(contentsOf: utf8)
                bytes.append(UInt8(ascii: "\""))
            }
        }
    }
}
