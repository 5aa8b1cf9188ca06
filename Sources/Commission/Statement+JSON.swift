import Foundation
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
        var first = true
        for line in lineGroups.joined() {
            write((first ? "\n  " : ",\n  ") + line.json)
            first = false
        }
        write("],\n \"reps\": [")
        for (index, total) in reps.enumerated() { write((index == 0 ? "\n  " : ",\n  ") + total.json) }
        write("],\n \"issues\": [")
        for (index, issue) in issues.enumerated() { write((index == 0 ? "\n  " : ",\n  ") + issue.json) }
        write("]}\n")
    }
}

extension StatementLine {
    var json: String {
        var pairs: [(String, String)] = [
            ("deal_id", dealID.map(JSONText.quoted) ?? "null"), ("rep", JSONText.quoted(rep)),
            ("period", JSONText.quoted(period.description)), ("kind", JSONText.quoted(kind.rawValue)),
            ("credit", credit.map { JSONText.quoted($0.moneyText) } ?? "null"),
            ("amount", JSONText.quoted(amount.moneyText)),
            ("rates", "[" + rates.map { JSONText.quoted($0.plainText) }.joined(separator: ", ") + "]"),
            ("explanation", JSONText.quoted(explanation)),
        ]
        if let row { pairs.append(("row", String(row))) }
        if !flags.isEmpty { pairs.append(("flags", "[" + flags.map(JSONText.quoted).joined(separator: ", ") + "]")) }
        if let bonusName { pairs.append(("bonus", JSONText.quoted(bonusName))) }
        return JSONText.object(pairs)
    }
}

extension RepPeriodTotal {
    /// Attainment to six decimal places, half-up, without trailing zeros.
    public var attainmentText: String? { attainment.map { $0.rounded(places: 6, mode: .halfUp).plainText } }

    var json: String {
        var pairs: [(String, String)] = [
            ("rep", JSONText.quoted(rep)), ("name", name.map(JSONText.quoted) ?? "null"),
        ]
        if let team { pairs.append(("team", JSONText.quoted(team))) }
        pairs += [
            ("period", JSONText.quoted(period.description)), ("credit", JSONText.quoted(credit.moneyText)),
            ("quota", quota.map { JSONText.quoted($0.moneyText) } ?? "null"),
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
