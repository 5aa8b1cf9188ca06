import Commission
import Forecast
import Foundation
import Reports

/// The forecast for the session's inputs and pipeline, as tables per period (the figures of
/// `trueup forecast`), and the form that adds a pipeline when there is none yet.
enum ForecastPage {
    static func pipelineForm(_ session: Session) -> String {
        var out = HTML.postForm("/forecast", class: "card", multipart: true, session)
        out += "<label class=\"drop\"><strong>Pipeline</strong><input type=\"file\" name=\"pipeline\" required> "
        out += "<small>open deals: deal id, rep, expected close date, amount, probability or stage</small></label>"
        return out + "<button type=\"submit\">Forecast</button></form>\n"
    }

    static func html(_ session: Session, _ forecast: Forecast?, notice: String?) -> String {
        guard let forecast else {
            let body = "<p>The forecast projects period-end commission from the open deals. Give the pipeline:</p>\n"
            return Layout.page(
                "Forecast", active: "/forecast", session: session, notice: notice, body: body + pipelineForm(session))
        }
        var body = "<p class=\"muted\">\(HTML.escape(forecast.plan)): committed counts open deals at or above "
        body +=
            "\(percent(forecast.commitAt)); expected weighs each by its probability; best case closes them all.</p>\n"
        for period in forecast.periods {
            body += "<section class=\"card\">\n<h2>\(period)</h2>\n<table class=\"wide\">\n"
            let figures = [
                "Quota", "Closed", "Open", "Committed", "Expected", "Best case", "Attain. exp.", "Comm. committed",
                "Comm. expected", "Comm. best",
            ]
            body += HTMLText.tableHead(["Rep", "Name"] + figures.map { HTMLColumn.number($0) })
            for rep in forecast.reps where rep.period == period {
                body += "<tr><td>\(HTML.escape(rep.rep))</td><td>\(HTML.escape(rep.name ?? ""))</td>"
                body += cells(rep, quota: rep.quota, open: rep.openDeals) + "</tr>\n"
            }
            for group in forecast.organisation where group.period == period {
                body += "<tr><th>Organisation</th><th>\(group.repCount) reps</th>"
                body += cells(group, quota: group.quota, open: group.openDeals) + "</tr>\n"
            }
            body += "</tbody>\n</table>\n</section>\n"
        }
        body += "<h2>Another pipeline</h2>\n" + pipelineForm(session)
        return Layout.page("Forecast", active: "/forecast", session: session, notice: notice, body: body)
    }

    private static func cells(_ figures: some ForecastFigures, quota: Decimal?, open: Int) -> String {
        func money(_ value: Decimal) -> String {
            "<td class=\"num\">\(HTML.escape(value.rounded(places: 2, mode: .halfUp).groupedMoneyText))</td>"
        }
        var out = "<td class=\"num\">\(quota.map { HTML.escape($0.groupedMoneyText) } ?? "")</td>"
        out += money(figures.outcome(.closed).credit) + "<td class=\"num\">\(open)</td>"
        out += money(figures.outcome(.committed).credit) + money(figures.outcome(.expected).credit)
        out += money(figures.outcome(.bestCase).credit)
        out += "<td class=\"num\">\(figures.outcome(.expected).attainment.map(percent) ?? "")</td>"
        out += money(figures.outcome(.committed).earned) + money(figures.outcome(.expected).earned)
        return out + money(figures.outcome(.bestCase).earned)
    }

    static func percent(_ value: Decimal) -> String {
        (value * 100).rounded(places: 1, mode: .halfUp).plainText + "%"
    }
}
