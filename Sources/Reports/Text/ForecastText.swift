import CSV
import Commission
import Forecast
import Foundation

/// The forecast as terminal tables per period (reps, then teams and the organisation), the
/// targets against the forecast, and as CSV.
public struct ForecastText: Sendable {
    public let forecast: Forecast
    /// The terminal's width, when the output goes to one: tables wrap to fit it.
    public var width: Int?

    public init(forecast: Forecast, width: Int? = nil) {
        self.forecast = forecast
        self.width = width
    }

    public func render() -> String {
        var out = forecast.plan + (forecast.currency.isEmpty ? "" : " (\(forecast.currency))")
        out += " — forecast; committed: open deals at \(forecast.commitAt.attainmentPercent) or more\n"
        for period in forecast.periods {
            out += "\n\(period)\n"
            let header = [
                "Rep", "Name", "Quota", "Closed", "Open", "Committed", "Expected", "Best case", "Attain. exp.",
                "Comm. committed", "Comm. expected", "Comm. best",
            ]
            let rows = forecast.reps.filter { $0.period == period }.map { rep in
                [rep.rep, rep.name ?? ""] + figures(rep)
            }
            out += TextTable(header: header, rows: rows, rightAligned: Set(2..<header.count)).render(width: width)
            let groups =
                forecast.teams.filter { $0.period == period } + forecast.organisation.filter { $0.period == period }
            let groupRows = groups.map { group in
                [group.team ?? "Organisation", String(group.repCount)]
                    + figures(group)
            }
            out += "\n"
            out += TextTable(
                header: ["Team", "Reps"] + header.dropFirst(2), rows: groupRows, rightAligned: Set(1..<header.count)
            ).render(width: width)
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
            out += TextTable(header: header, rows: rows, rightAligned: Set(2..<header.count)).render(width: width)
        }
        return out
    }

    private func figures(_ item: some ForecastFigures) -> [String] {
        func credit(_ scenario: Forecast.Scenario) -> String {
            item.outcome(scenario).credit.roundedToCents.groupedMoneyText
        }
        func earned(_ scenario: Forecast.Scenario) -> String { item.outcome(scenario).earned.groupedMoneyText }
        return [
            item.quota?.groupedMoneyText ?? "—", credit(.closed), String(item.openDeals), credit(.committed),
            credit(.expected), credit(.bestCase), item.outcome(.expected).attainment?.attainmentPercent ?? "—",
            earned(.committed), earned(.expected), earned(.bestCase),
        ]
    }

    /// One record per rep-period, team-period and organisation-period (`level`), with credit,
    /// attainment and earned for each projection.
    public var csv: String {
        var out = ""
        var writer = CSVWriter { out += String(decoding: $0, as: UTF8.self) }
        var header = ["level", "period", "team", "rep", "name", "quota", "open_deals", "pipeline", "weighted_pipeline"]
        for scenario in Forecast.Scenario.allCases {
            header += ["credit", "attainment", "earned"].map { "\(scenario.rawValue)_\($0)" }
        }
        writer.write(texts: header)
        func fields(_ item: some ForecastFigures) -> [String] {
            [
                item.quota?.moneyText ?? "", String(item.openDeals), item.pipeline.moneyText,
                item.weightedPipeline.moneyText,
            ]
                + Forecast.Scenario.allCases.flatMap { scenario -> [String] in
                    let figures = item.outcome(scenario)
                    return [figures.credit.moneyText, figures.attainment?.ratioText ?? "", figures.earned.moneyText]
                }
        }
        for rep in forecast.reps {
            writer.write(
                texts: [
                    "rep", rep.period.description, rep.team ?? "", rep.rep, rep.name ?? "",
                ] + fields(rep))
        }
        for group in forecast.teams + forecast.organisation {
            writer.write(
                texts: [
                    group.team == nil ? "organisation" : "team", group.period.description, group.team ?? "", "", "",
                ] + fields(group))
        }
        return out
    }
}
