import Commission
import Foundation
import Spreadsheet

extension Review {
    /// The review as one JSON object: `reps`, `teams` and `organisation` lists whose figures are
    /// named as in `calculate`'s JSON (money and attainment as strings of plain decimals).
    public var json: String {
        var out = "{\"plan\": \(JSONText.quoted(plan)), \"currency\": \(JSONText.quoted(currency)), "
        out += "\"threshold\": \(JSONText.quoted(threshold.plainText)),\n"
        out += " \"periods\": [" + periods.map { JSONText.quoted($0.description) }.joined(separator: ", ") + "],\n"
        let named = objectives.map { objective in
            JSONText.object([
                ("name", JSONText.quoted(objective.name)), ("measure", JSONText.quoted(objective.measure.rawValue)),
                ("target", objective.target.map { JSONText.quoted($0.plainText) } ?? "null"),
            ])
        }
        out += " \"objectives\": [" + named.joined(separator: ", ") + "],\n"
        out += " \"reps\": [" + reps.map { "\n  " + $0.json }.joined(separator: ",") + "],\n"
        out += " \"teams\": [" + teams.map { "\n  " + $0.json }.joined(separator: ",") + "],\n"
        out += " \"organisation\": [" + organisation.map { "\n  " + $0.json }.joined(separator: ",") + "]}\n"
        return out
    }
}

extension Change {
    var pairs: [(String, String)] {
        [
            ("previous_period", JSONText.quoted(previousPeriod.description)), ("credit_change", JSONText.money(credit)),
            ("attainment_change", JSONText.ratio(attainment)),
        ]
    }
}

extension YearToDate {
    var pairs: [(String, String)] {
        [
            ("credit_to_date", JSONText.money(credit)), ("quota_to_date", JSONText.money(quota)),
            ("attainment_to_date", JSONText.ratio(attainment)),
        ]
    }
}

extension ObjectiveResult {
    /// The achieved figure as text: a count of deals, money, or an average rounded to cents.
    public var achievedText: String? {
        guard let achieved else { return nil }
        switch measure {
        case .deals: return achieved.plainText
        case .credit: return achieved.moneyText
        case .averageDeal: return achieved.roundedToCents.moneyText
        }
    }

    var json: String {
        JSONText.object([
            ("name", JSONText.quoted(name)), ("measure", JSONText.quoted(measure.rawValue)),
            ("target", target.map { JSONText.quoted($0.plainText) } ?? "null"),
            ("achieved", achievedText.map(JSONText.quoted) ?? "null"), ("attainment", JSONText.ratio(attainment)),
            ("deals", JSONText.quoted(deals.plainText)), ("credit", JSONText.money(credit)),
        ])
    }
}

extension RepReview {
    var json: String {
        var pairs: [(String, String)] = [
            ("rep", JSONText.quoted(rep)), ("name", name.map(JSONText.quoted) ?? "null"),
            ("team", team.map(JSONText.quoted) ?? "null"), ("period", JSONText.quoted(period.description)),
            ("quota", JSONText.money(quota)), ("credit", JSONText.money(credit)),
            ("attainment", JSONText.ratio(attainment)),
            ("earned", JSONText.money(earned)), ("payable", JSONText.money(payable)), ("rank", String(rank)),
            ("standing", standing.map { JSONText.quoted($0.rawValue) } ?? "null"),
        ]
        pairs +=
            change?.pairs ?? [("previous_period", "null"), ("credit_change", "null"), ("attainment_change", "null")]
        pairs += yearToDate?.pairs ?? []
        pairs.append(("objectives", "[" + objectives.map(\.json).joined(separator: ", ") + "]"))
        return JSONText.object(pairs)
    }
}

extension GroupReview {
    var json: String {
        var pairs: [(String, String)] = [("team", team.map(JSONText.quoted) ?? "null")]
        pairs += [
            ("period", JSONText.quoted(period.description)), ("reps", String(repCount)),
            ("quota", JSONText.money(quota)),
            ("credit", JSONText.money(credit)), ("attainment", JSONText.ratio(attainment)),
            ("earned", JSONText.money(earned)),
            ("payable", JSONText.money(payable)), ("below_threshold", String(below)),
            ("at_or_above_quota", String(achieved)),
        ]
        pairs +=
            change?.pairs ?? [("previous_period", "null"), ("credit_change", "null"), ("attainment_change", "null")]
        pairs += yearToDate?.pairs ?? []
        pairs.append(("objectives", "[" + objectives.map(\.json).joined(separator: ", ") + "]"))
        return JSONText.object(pairs)
    }
}
