import Commission
import Foundation
import Spreadsheet

extension Finding {
    var json: String {
        JSONText.object([
            ("sheet", JSONText.quoted(sheet)), ("cell", JSONText.quoted(cell.description)), ("row", String(cell.row)),
            ("deal_id", dealID.map(JSONText.quoted) ?? "null"), ("rep", rep.map(JSONText.quoted) ?? "null"),
            ("period", period.map(JSONText.quoted) ?? "null"),
            ("manual", manualText.map(JSONText.quoted) ?? manual.map { JSONText.quoted($0.moneyText) } ?? "null"),
            ("expected", JSONText.quoted(expected.moneyText)), ("difference", JSONText.quoted(difference.moneyText)),
            ("cause", JSONText.quoted(cause)),
            ("causes", "[" + causes.map(JSONText.quoted).joined(separator: ", ") + "]"),
            ("derived", isDerived ? "true" : "false"), ("explanation", JSONText.quoted(explanation)),
        ])
    }
}

extension Reconciliation {
    /// `{"findings": [...], "summary": {...}}` (plan-format.md section 4).
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
        return out + "}\n"
    }
}
