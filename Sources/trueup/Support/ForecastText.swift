import CSV
import Commission
import Forecast
import Foundation

/// The forecast as terminal tables per period (reps, then teams and the organisation), the
/// targets against the forecast, and as CSV.
struct ForecastText {
    let forecast: Forecast

    func render() -> String {
        var out = forecast.plan + (forecast.currency.isEmpty ? "" : " (\(forecast.currency))")
        out += " — forecast; committed: open deals at \(forecast.commitAt.attainmentPercent) or more\n"
        for period in forecast.periods {
            out += "\n\(period)\n"
            let header = [
                "Rep", "Name", "Quota", "Closed", "Open", "Committed", "Expected", "Best case", "Attain. exp.",
                "Comm. committed", "Comm. expected", "Comm. best",
            ]
            let rows = forecast.reps.filter { $0.period == period }.map { rep in
                [rep.rep, rep.name ?? ""] + figures(quota: rep.quota, openDeals: rep.openDeals, rep.outcome)
            }
            out += StatementText.table(header: header, rows: rows, rightAligned: Set(2..<header.count))
            let groups =
                forecast.teams.filter { $0.period == period } + forecast.organisation.filter { $0.period == period }
            let groupRows = groups.map { group in
                [group.team ?? "Organisation", String(group.repCount)]
                    + figures(quota: group.quota, openDeals: group.openDeals, group.outcome)
            }
            out += "\n"
            out += StatementText.table(
                header: ["Team", "Reps"] + header.dropFirst(2), rows: groupRows, rightAligned: Set(1..<header.count))
        }
        if !forecast.targets.isEmpty {
            out += "\nTargets (credit)\n"
            let header = ["Team", "Period", "Target", "Committed", "Expected", "Best case", "Gap", "Exp. of target"]
            let rows = forecast.targets.map { target in
                [
                    target.team ?? "Organisation", target.period.description, target.target.groupedMoneyText,
                    target.committed.roundedToCents.groupedMoneyText, target.expected.roundedToCents.groupedMoneyText,
                    target.bestCase.roundedToCents.groupedMoneyText,
                    (target.gap > 0 ? "+" : "") + target.gap.roundedToCents.groupedMoneyText,
                    target.attainment?.attainmentPercent ?? "—",
                ]
            }
            out += StatementText.table(header: header, rows: rows, rightAligned: Set(2..<header.count))
        }
        return out
    }

    private func figures(quota: Decimal?, openDeals: Int, _ outcome: (Forecast.Scenario) -> Outcome) -> [String] {
        func credit(_ scenario: Forecast.Scenario) -> String {
            outcome(scenario).credit.roundedToCents.groupedMoneyText
        }
        func earned(_ scenario: Forecast.Scenario) -> String { outcome(scenario).earned.groupedMoneyText }
        return [
            quota?.groupedMoneyText ?? "—", credit(.closed), String(openDeals), credit(.committed), credit(.expected),
            credit(.bestCase), outcome(.expected).attainment?.attainmentPercent ?? "—", earned(.committed),
            earned(.expected), earned(.bestCase),
        ]
    }

    /// One record per rep-period, team-period and organisation-period (`level`), with credit,
    /// attainment and earned for each projection.
    var csv: String {
        var out = ""
        var writer = CSVWriter { out += String(decoding: $0, as: UTF8.self) }
        var header = ["level", "period", "team", "rep", "name", "quota", "open_deals", "pipeline", "weighted_pipeline"]
        for scenario in Forecast.Scenario.allCases {
            header += ["credit", "attainment", "earned"].map { "\(scenario.rawValue)_\($0)" }
        }
        writer.write(texts: header)
        func outcomes(_ outcome: (Forecast.Scenario) -> Outcome) -> [String] {
            Forecast.Scenario.allCases.flatMap { scenario -> [String] in
                let figures = outcome(scenario)
                return [
                    figures.credit.moneyText,
                    figures.attainment.map { $0.ratioText } ?? "",
                    figures.earned.moneyText,
                ]
            }
        }
        for rep in forecast.reps {
            writer.write(
                texts: [
                    "rep", rep.period.description, rep.team ?? "", rep.rep, rep.name ?? "", rep.quota?.moneyText ?? "",
                    String(rep.openDeals), rep.pipeline.moneyText, rep.weightedPipeline.moneyText,
                ] + outcomes(rep.outcome))
        }
        for group in forecast.teams + forecast.organisation {
            writer.write(
                texts: [
                    group.team == nil ? "organisation" : "team", group.period.description, group.team ?? "", "", "",
                    group.quota?.moneyText ?? "", String(group.openDeals), group.pipeline.moneyText,
                    group.weightedPipeline.moneyText,
                ] + outcomes(group.outcome))
        }
        return out
    }
}
