import Commission
import Foundation
import Spreadsheet

extension StatementDocument.Line {
    /// Appends `line`'s JSON text exactly as `OrderedJSONEncoder.encodeListElement(Line(line))`
    /// writes it, without going through `Encodable`'s containers: a million lines are most of
    /// `calculate --format json`'s time that way. `StatementDocumentTests` holds the two equal.
    static func appendJSON(of line: StatementLine, to text: inout String) {
        text += "{\"deal_id\": "
        if let dealID = line.dealID { appendQuoted(dealID, to: &text) } else { text += "null" }
        text += ", \"rep\": "
        appendQuoted(line.rep, to: &text)
        text += ", \"period\": "
        appendQuoted(line.period.description, to: &text)
        text += ", \"kind\": \""
        text += line.kind.rawValue
        text += "\", \"credit\": "
        if let credit = line.credit { appendQuoted(MoneyStyle.text(credit), to: &text) } else { text += "null" }
        text += ", \"amount\": "
        appendQuoted(MoneyStyle.text(line.amount), to: &text)
        text += ", \"rates\": ["
        for (index, rate) in line.rates.enumerated() {
            if index > 0 { text += ", " }
            appendQuoted(PlainStyle.text(rate), to: &text)
        }
        text += "], \"explanation\": "
        appendQuoted(line.explanation, to: &text)
        if let row = line.row {
            text += ", \"row\": "
            text += String(row)
        }
        let flags = line.flags.names
        if !flags.isEmpty {
            text += ", \"flags\": ["
            for (index, flag) in flags.enumerated() {
                if index > 0 { text += ", " }
                appendQuoted(flag, to: &text)
            }
            text += "]"
        }
        if let bonus = line.bonusName {
            text += ", \"bonus\": "
            appendQuoted(bonus, to: &text)
        }
        text += "}"
    }

    /// `JSONText.quoted(value)` appended without building the quoted string first when nothing
    /// in it needs escaping (nearly always).
    private static func appendQuoted(_ value: String, to text: inout String) {
        let plain = !value.utf8.contains { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }
        guard plain else { return text += JSONText.quoted(value) }
        text += "\""
        text += value
        text += "\""
    }
}
