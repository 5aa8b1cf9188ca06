import Foundation
import Parallel
import Spreadsheet

extension Statement {
    /// The JSON object of plan-format.md section 4: money as strings of plain decimals.
    public var json: String {
        var out = ""
        writeJSON { out += $0 }
        return out
    }

    /// Writes the JSON object piece by piece, so a million lines never sit in one string.
    public func writeJSON(to write: (String) -> Void) {
        write("{\"plan\": \(JSONText.quoted(plan)), \"currency\": \(JSONText.quoted(currency)),\n \"lines\": [")
        // Lines are rendered a window of reps at a time, on all cores, and written in order.
        var first = true
        let window = 256
        for start in stride(from: 0, to: lineGroups.count, by: window) {
            let groups = Array(lineGroups[start..<min(lineGroups.count, start + window)])
            let chunks = chunkCount(items: groups.reduce(0) { $0 + $1.count }, minimum: 2_000)
            let rendered = inParallel(chunks: chunks) { chunk in
                var text = ""
                for line in groups[chunkRange(chunk, of: chunks, total: groups.count)].joined() {
                    text += ",\n  " + line.json
                }
                return text
            }
            for text in rendered where !text.isEmpty {
                write(first ? "\n  " + text.dropFirst(4) : text)
                first = false
            }
        }
        write("],\n \"reps\": [")
        for (index, total) in reps.enumerated() { write((index == 0 ? "\n  " : ",\n  ") + total.json) }
        write("],\n \"issues\": [")
        for (index, issue) in issues.enumerated() { write((index == 0 ? "\n  " : ",\n  ") + issue.json) }
        write("]}\n")
    }
}

extension StatementLine {
    /// One line's JSON object, appended piece by piece (this runs a million times).
    var json: String {
        var out = "{\"deal_id\": "
        out.reserveCapacity(200 + explanation.utf8.count)
        out += dealID.map(JSONText.quoted) ?? "null"
        out += ", \"rep\": "
        out += JSONText.quoted(rep)
        out += ", \"period\": \""
        out += period.description
        out += "\", \"kind\": \""
        out += kind.rawValue
        out += "\", \"credit\": "
        if let credit {
            out += "\""
            out += credit.moneyText
            out += "\""
        } else {
            out += "null"
        }
        out += ", \"amount\": \""
        out += amount.moneyText
        out += "\", \"rates\": ["
        for (index, rate) in rates.enumerated() {
            if index > 0 { out += ", " }
            out += "\""
            out += rate.plainText
            out += "\""
        }
        out += "], \"explanation\": "
        out += JSONText.quoted(explanation)
        if let row {
            out += ", \"row\": "
            out += String(row)
        }
        if !flags.isEmpty { out += ", \"flags\": [" + flags.map(JSONText.quoted).joined(separator: ", ") + "]" }
        if let bonusName { out += ", \"bonus\": " + JSONText.quoted(bonusName) }
        out += "}"
        return out
    }
}

extension RepPeriodTotal {
    /// Attainment to six decimal places, half-up, without trailing zeros.
    public var attainmentText: String? { attainment?.ratioText }

    var json: String {
        var pairs: [(String, String)] = [
            ("rep", JSONText.quoted(rep)), ("name", name.map(JSONText.quoted) ?? "null"),
        ]
        if let team { pairs.append(("team", JSONText.quoted(team))) }
        pairs += [
            ("period", JSONText.quoted(period.description)), ("credit", JSONText.quoted(credit.moneyText)),
            ("quota", JSONText.money(quota)),
            ("attainment", attainmentText.map(JSONText.quoted) ?? "null"),
        ]
        if let ytdQuota { pairs.append(("ytd_quota", JSONText.quoted(ytdQuota.moneyText))) }
        pairs += [
            ("earned", JSONText.quoted(earned.moneyText)), ("draw", JSONText.quoted(draw.moneyText)),
            ("draw_paid", JSONText.quoted(drawPaid.moneyText)), ("recovered", JSONText.quoted(recovered.moneyText)),
            ("payable", JSONText.quoted(payable.moneyText)), ("balance", JSONText.quoted(balance.moneyText)),
            ("gated", gated ? "true" : "false"),
        ]
        return JSONText.object(pairs)
    }
}

extension StatementIssue {
    var json: String {
        var pairs: [(String, String)] = [("code", JSONText.quoted(code))]
        if rows.count == 1 {
            pairs.append(("row", String(rows[0])))
        } else {
            pairs.append(("rows", "[" + rows.map(String.init).joined(separator: ", ") + "]"))
        }
        if let dealID { pairs.append(("deal_id", JSONText.quoted(dealID))) }
        if let rep { pairs.append(("rep", JSONText.quoted(rep))) }
        for (key, value) in details {
            pairs.append((key, Int(value) != nil ? value : JSONText.quoted(value)))
        }
        pairs.append(("message", JSONText.quoted(message)))
        return JSONText.object(pairs)
    }
}
