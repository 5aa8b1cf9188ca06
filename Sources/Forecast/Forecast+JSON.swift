import Commission
import Foundation
import Spreadsheet

extension Forecast {
    /// The forecast as one JSON object: `reps`, `teams`, `organisation` and `targets`; each
    /// projection (`closed`, `committed`, `expected`, `best_case`) holds credit, attainment,
    /// earned and payable named as in `calculate`'s JSON.
    public var json: String {
        var out = "{\"plan\": \(JSONText.quoted(plan)), \"currency\": \(JSONText.quoted(currency)), "
        out += "\"commit_at\": \(JSONText.quoted(commitAt.plainText)),\n"
        out += " \"periods\": [" + periods.map { JSONText.quoted($0.description) }.joined(separator: ", ") + "],\n"
        out += " \"reps\": [" + reps.map { "\n  " + $0.json }.joined(separator: ",") + "],\n"
        out += " \"teams\": [" + teams.map { "\n  " + $0.json }.joined(separator: ",") + "],\n"
        out += " \"organisation\": [" + organisation.map { "\n  " + $0.json }.joined(separator: ",") + "],\n"
        out += " \"targets\": [" + targets.map { "\n  " + $0.json }.joined(separator: ",") + "]}\n"
        return out
    }
}

extension Outcome {
    var json: String {
        JSONText.object([
            ("credit", JSONText.money(credit)), ("attainment", JSONText.ratio(attainment)),
            ("earned", JSONText.money(earned)),
            ("payable", JSONText.money(payable)),
        ])
    }
}

extension ForecastFigures {
    /// Quota, the open deals and each projection, as JSON pairs.
    var figurePairs: [(String, String)] {
        [
            ("quota", JSONText.money(quota)), ("open_deals", String(openDeals)),
            ("pipeline", JSONText.money(pipeline)), ("weighted_pipeline", JSONText.money(weightedPipeline)),
        ] + Forecast.Scenario.allCases.map { ($0.rawValue, outcome($0).json) }
    }
}

extension RepForecast {
    var json: String {
        JSONText.object(
            [
                ("rep", JSONText.quoted(rep)), ("name", name.map(JSONText.quoted) ?? "null"),
                ("team", team.map(JSONText.quoted) ?? "null"), ("period", JSONText.quoted(period.description)),
            ] + figurePairs)
    }
}

extension GroupForecast {
    var json: String {
        JSONText.object(
            [
                ("team", team.map(JSONText.quoted) ?? "null"), ("period", JSONText.quoted(period.description)),
                ("reps", String(repCount)),
            ] + figurePairs)
    }
}

extension TargetComparison {
    var json: String {
        JSONText.object([
            ("team", team.map(JSONText.quoted) ?? "null"), ("period", JSONText.quoted(period.description)),
            ("target", JSONText.money(target)), ("committed", JSONText.money(committed)),
            ("expected", JSONText.money(expected)),
            ("best_case", JSONText.money(bestCase)), ("gap", JSONText.money(gap)),
            ("attainment", JSONText.ratio(attainment)),
        ])
    }
}
