import Commission
import Foundation
import Spreadsheet

extension Finding {
    var json: String {
        var pairs: [(String, String)] = [
            ("sheet", JSONText.quoted(sheet)), ("cell", JSONText.quoted(cell.description)), ("row", String(cell.row)),
            ("deal_id", dealID.map(JSONText.quoted) ?? "null"), ("rep", rep.map(JSONText.quoted) ?? "null"),
            ("period", period.map(JSONText.quoted) ?? "null"),
            ("manual", manualText.map(JSONText.quoted) ?? manual.map { JSONText.quoted($0.moneyText) } ?? "null"),
            ("manual_is_text", manualText != nil ? "true" : "false"),
            ("expected", JSONText.quoted(expected.moneyText)), ("difference", JSONText.quoted(difference.moneyText)),
            ("cause", JSONText.quoted(cause)),
            ("causes", "[" + causes.map(JSONText.quoted).joined(separator: ", ") + "]"),
            ("derived", isDerived ? "true" : "false"), ("explanation", JSONText.quoted(explanation)),
        ]
        if let repairedFormula { pairs.append(("formula", JSONText.quoted(repairedFormula))) }
        return JSONText.object(pairs)
    }
}

extension Reconciliation {
    /// `{"findings": [...], "summary": {...}, ...}` (plan-format.md section 4), then what
    /// `trueup correct` needs to apply the findings later: the currency, every rep-period's
    /// earned and payable, and what a summary sheet paid.
    public var json: String {
        var out = "{\"findings\": ["
        out += findings.map { "\n  " + $0.json }.joined(separator: ",")
        let byCause = Dictionary(grouping: errors, by: \.cause).mapValues(\.count)
        let causes = byCause.keys.sorted().map { "\(JSONText.quoted($0)): \(byCause[$0]!)" }.joined(separator: ", ")
        out +=
            "],\n \"summary\": "
            + JSONText.object([
                ("errors", String(errors.count)), ("rounding", String(findings.count - errors.count)),
                ("net_overpayment", JSONText.quoted(netOverpayment.moneyText)), ("by_cause", "{" + causes + "}"),
            ])
        out += ",\n \"workbook\": [" + mappingNotes.map(JSONText.quoted).joined(separator: ", ") + "]"
        out += ",\n \"currency\": \(JSONText.quoted(statement.currency)),\n \"reps\": ["
        out += statement.reps.map { total in
            "\n  "
                + JSONText.object([
                    ("rep", JSONText.quoted(total.rep)), ("name", total.name.map(JSONText.quoted) ?? "null"),
                    ("period", JSONText.quoted(total.period.description)),
                    ("earned", JSONText.quoted(total.earned.moneyText)),
                    ("payable", JSONText.quoted(total.payable.moneyText)),
                ])
        }.joined(separator: ",")
        out += "],\n \"sheet_totals\": ["
        out += sheetTotals.keys.sorted().map { key in
            let bar = key.lastIndex(of: "|") ?? key.endIndex
            let period = bar < key.endIndex ? String(key[key.index(after: bar)...]) : ""
            return "\n  "
                + JSONText.object([
                    ("rep", JSONText.quoted(String(key[..<bar]))), ("period", JSONText.quoted(period)),
                    ("manual", JSONText.quoted(sheetTotals[key]!.manual.moneyText)),
                    ("expected", JSONText.quoted(sheetTotals[key]!.expected.moneyText)),
                ])
        }.joined(separator: ",")
        return out + "]}\n"
    }
}
