import Commission
import Foundation
import Ingest
import Spreadsheet

extension InferredPlan {
    /// The fit report for people: rows and money reproduced, the rows that are not, the
    /// readings the rows cannot tell apart and the clauses left out.
    public var reportText: String {
        var out = "Fit: \(fit.reproduced) of \(fit.rows) rows reproduced (\(percent(fit.share))); "
        out += "\(fit.moneyReproduced.groupedMoneyText) of \(fit.money.groupedMoneyText) commission"
        out += plan.currency.isEmpty ? "\n" : " \(plan.currency)\n"
        if let error = fit.engineError { out += "The engine could not run the proposed plan: \(error)\n" }
        if !fit.misses.isEmpty {
            out +=
                "Rows the proposed plan does not reproduce (`trueup reconcile` with this plan shows them as findings):\n"
            out += "    Row  Deal          Rep                       Manual       Plan\n"
            for miss in fit.misses.prefix(50) {
                out += pad(miss.label, 7, left: true) + "  " + pad(miss.dealID, 12) + "  " + pad(miss.rep, 20)
                out += pad(miss.manual.groupedMoneyText, 11, left: true) + " "
                out += pad(miss.expected?.groupedMoneyText ?? "—", 10, left: true) + "\n"
            }
            if fit.misses.count > 50 { out += "    … and \(fit.misses.count - 50) more\n" }
        }
        out += Self.listing("Rows not read (left out of the fit):", unread)
        out += Self.listing("Readings the rows cannot tell apart:", ambiguities)
        out += Self.listing("Not established (left out of the plan):", notEstablished)
        return out
    }

    /// `title` on a line of its own after `lead`, then each item after `bullet`, a line each;
    /// nothing when there are no items.
    static func listing(_ title: String, _ items: [String], lead: String = "", bullet: String = "  - ") -> String {
        items.isEmpty ? "" : lead + title + "\n" + items.map { bullet + $0 + "\n" }.joined()
    }

    /// The same for programs: `{"plan_yaml", "fit": {...}, "misses": [...], "ambiguities", "not_established", "evidence"}`.
    public var reportJSON: String {
        let misses = fit.misses.map { miss in
            JSONText.object(
                (miss.sheet.map { [("sheet", JSONText.quoted($0))] } ?? []) + [
                    ("row", String(DealsTable.sheetRow(miss.row))), ("deal_id", JSONText.quoted(miss.dealID)),
                    ("rep", JSONText.quoted(miss.rep)),
                    ("manual", JSONText.money(miss.manual)), ("plan", JSONText.money(miss.expected)),
                ])
        }
        let evidenceJSON = JSONText.object(
            evidence.keys.sorted().map { key in
                (key, "[" + evidence[key]!.map(JSONText.quoted).joined(separator: ", ") + "]")
            })
        let fitJSON = JSONText.object([
            ("rows", String(fit.rows)), ("reproduced", String(fit.reproduced)),
            ("share", String(format: "%.4f", fit.share)), ("money", JSONText.money(fit.money)),
            ("money_reproduced", JSONText.money(fit.moneyReproduced)),
            ("engine_error", fit.engineError.map(JSONText.quoted) ?? "null"),
        ])
        return JSONText.object([
            ("source", JSONText.quoted(source)), ("plan_yaml", JSONText.quoted(yaml)), ("fit", fitJSON),
            ("misses", "[" + misses.joined(separator: ", ") + "]"),
            ("unread", "[" + unread.map(JSONText.quoted).joined(separator: ", ") + "]"),
            ("ambiguities", "[" + ambiguities.map(JSONText.quoted).joined(separator: ", ") + "]"),
            ("not_established", "[" + notEstablished.map(JSONText.quoted).joined(separator: ", ") + "]"),
            ("evidence", evidenceJSON),
        ]) + "\n"
    }

    private func pad(_ text: String, _ width: Int, left: Bool = false) -> String {
        let count = text.count
        guard count < width else { return text }
        let space = String(repeating: " ", count: width - count)
        return left ? space + text : text + space
    }
}

extension WorkbookEvidence {
    /// Keeps the rows a trusted export of the same deals holds (by deal id and rep, with the same
    /// amount); the rows left out are returned, so a copied or mistyped row does not steer the fit.
    public func keepingDeals(of trusted: [CreditLine]) -> (evidence: WorkbookEvidence, dropped: [Int]) {
        var known: [String: Decimal] = [:]
        for line in trusted { known[line.dealID.normalizedKey + "|" + line.rep.normalizedKey] = line.amount }
        var kept = self
        var dropped: [Int] = []
        var seen = Set<String>()
        kept.observations = observations.filter { observation in
            let key = observation.line.dealID.normalizedKey + "|" + observation.line.rep.normalizedKey
            let ok = known[key] == observation.line.amount && seen.insert(key).inserted
            if !ok { dropped.append(observation.line.row) }
            return ok
        }
        return (kept, dropped)
    }
}
