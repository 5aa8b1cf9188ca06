import Commission
import Foundation
import Spreadsheet

extension StatementDocument.Line {
    /// Appends `line`'s JSON text exactly as `OrderedJSONEncoder.encodeListElement(Line(line))`
    /// writes it, as UTF-8 bytes, without going through `Encodable`'s containers or growing a
    /// `String` piece by piece: a million lines are most of `calculate --format json`'s time that
    /// way. `StatementDocumentTests` holds the two equal. `separator` comes first.
    static func appendJSON(of line: StatementLine, to bytes: inout [UInt8], after separator: StaticString) {
        append(separator, to: &bytes)
        append("{\"deal_id\": ", to: &bytes)
        if let dealID = line.dealID { appendQuoted(dealID, to: &bytes) } else { append("null", to: &bytes) }
        append(", \"rep\": ", to: &bytes)
        appendQuoted(line.rep, to: &bytes)
        append(", \"period\": ", to: &bytes)
        appendQuoted(line.period.description, to: &bytes)
        append(", \"kind\": \"", to: &bytes)
        appendText(line.kind.rawValue, to: &bytes)
        append("\", \"credit\": ", to: &bytes)
        if let credit = line.credit {
            appendQuoted(MoneyStyle.text(credit), to: &bytes)
        } else {
            append("null", to: &bytes)
        }
        append(", \"amount\": ", to: &bytes)
        appendQuoted(MoneyStyle.text(line.amount), to: &bytes)
        append(", \"rates\": [", to: &bytes)
        for (index, rate) in line.rates.enumerated() {
            if index > 0 { append(", ", to: &bytes) }
            appendQuoted(PlainStyle.text(rate), to: &bytes)
        }
        append("], \"explanation\": ", to: &bytes)
        appendQuoted(line.explanation, to: &bytes)
        if let row = line.row {
            append(", \"row\": ", to: &bytes)
            appendText(String(row), to: &bytes)
        }
        let flags = line.flags.names
        if !flags.isEmpty {
            append(", \"flags\": [", to: &bytes)
            for (index, flag) in flags.enumerated() {
                if index > 0 { append(", ", to: &bytes) }
                appendQuoted(flag, to: &bytes)
            }
            append("]", to: &bytes)
        }
        if let bonus = line.bonusName {
            append(", \"bonus\": ", to: &bytes)
            appendQuoted(bonus, to: &bytes)
        }
        append("}", to: &bytes)
    }

    private static func append(_ literal: StaticString, to bytes: inout [UInt8]) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    private static func appendText(_ text: String, to bytes: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
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
