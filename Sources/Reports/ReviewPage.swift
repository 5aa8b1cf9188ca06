import Commission
import Foundation
import Review

/// The review as one self-contained HTML page: no scripts, no fonts or images from the network.
/// It shows the organisation and its teams per period (with a bar chart of team attainment),
/// a card per rep with an attainment chart across periods (inline SVG, with the 100% and
/// threshold lines), and the trend table; it prints one card per block, never split.
public struct ReviewPage {
    public let review: Review

    public init(review: Review) { self.review = review }

    public var html: String {
        var out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<title>\(escape(review.plan)) — attainment review</title>\n<style>\n\(Self.style)</style>\n</head>\n"
        out += "<body>\n<header>\n<h1>\(escape(review.plan))</h1>\n<p class=\"lede\">Attainment review"
        if let first = review.periods.first, let last = review.periods.last {
            out += first == last ? " of \(first)" : " of \(first) to \(last)"
        }
        out += " · " + escape(review.currency.isEmpty ? "amounts in plan currency" : "amounts in \(review.currency)")
        out += " · reps below \(percent(review.threshold)) are called out</p>\n</header>\n<main>\n"
        out += organisationSection() + teamsSection() + repsSection() + trendSection()
        out += "</main>\n<footer><p>Made by trueup from the plan, the roster and the deals; every figure follows "
        out += "the plan's rules.</p></footer>\n</body>\n</html>\n"
        return out
    }

    // MARK: Sections

    private func organisationSection() -> String {
        var out = "<section id=\"organisation\">\n<h2>Organisation</h2>\n<table>\n"
        out += HTMLText.tableHead(
            [
                "Period", "Reps", .number("Quota"), .number("Credit"), .number("Attainment"), .number("Earned"),
                .number("Below"), .number("At or above 100%"),
            ], scoped: true)
        for group in review.organisation {
            out += HTMLText.tableRow(
                header: "\(group.period)",
                [
                    "\(group.repCount)", .number(money(group.quota)), .number(money(group.credit)),
                    attainmentCell(group.attainment), .number(money(group.earned)), .number("\(group.below)"),
                    .number("\(group.achieved)"),
                ])
        }
        return out + "</tbody>\n</table>\n</section>\n"
    }

    private func teamsSection() -> String {
        var out = "<section id=\"teams\">\n<h2>Teams</h2>\n"
        for period in review.periods {
            let groups = review.teams(in: period)
            out += "<div class=\"block\">\n<h3>\(period)</h3>\n"
            out += teamChart(groups, period: period)
            out += "<table>\n"
            out += HTMLText.tableHead(
                [
                    "Team", .number("Reps"), .number("Quota"), .number("Credit"), .number("Attainment"),
                    .number("Change"), .number("Earned"),
                ], scoped: true)
            for group in groups {
                out += HTMLText.tableRow(
                    header: escape(group.team ?? ""),
                    [
                        .number("\(group.repCount)"), .number(money(group.quota)), .number(money(group.credit)),
                        attainmentCell(group.attainment), .number(points(group.change)), .number(money(group.earned)),
                    ])
            }
            out += "</tbody>\n</table>\n</div>\n"
        }
        return out + "</section>\n"
    }

    private func repsSection() -> String {
        var out = "<section id=\"reps\">\n<h2>Reps</h2>\n<div class=\"cards\">\n"
        var order: [String] = []
        var byRep: [String: [RepReview]] = [:]
        for rep in review.reps {
            if byRep[rep.rep] == nil { order.append(rep.rep) }
            byRep[rep.rep, default: []].append(rep)
        }
        for id in order.sorted() {
            let periods = byRep[id]!.sorted { $0.period < $1.period }
            let latest = periods.last!
            out += "<article class=\"card\">\n<h3>\(escape(latest.name ?? id)) <span class=\"id\">\(escape(id))"
            out += latest.team.map { " · " + escape($0) } ?? ""
            out += "</span></h3>\n" + repChart(periods)
            out += "<div class=\"scroll\"><table class=\"figures\">\n"
            out += HTMLText.tableHead(
                [
                    "Period", .number("Rank"), .number("Credit"), .number("Attainment"),
                    .number("YTD", title: "Attainment over the fiscal year so far"), .number("Earned"),
                ], scoped: true)
            for rep in periods {
                out += HTMLText.tableRow(
                    header: "\(rep.period)",
                    [
                        .number("\(rep.rank)"), .number(money(rep.credit)), attainmentCell(rep.attainment),
                        attainmentCell(rep.yearToDate?.attainment), .number(money(rep.earned)),
                    ])
            }
            out += "</tbody>\n</table></div>\n"
            if !latest.objectives.isEmpty {
                out += "<ul class=\"objectives\">\n"
                for result in latest.objectives {
                    out += "<li><span>\(escape(result.name)) (\(latest.period))</span> <strong>"
                    out += objectiveText(result) + "</strong></li>\n"
                }
                out += "</ul>\n"
            }
            out += "</article>\n"
        }
        return out + "</div>\n</section>\n"
    }

    private func trendSection() -> String {
        var out = "<section id=\"trend\">\n<h2>Trend</h2>\n<table>\n"
        out += HTMLText.tableHead(["Rep", "Team"] + review.periods.map { HTMLColumn.number("\($0)") }, scoped: true)
        var byRep: [String: [Period: RepReview]] = [:]
        for rep in review.reps { byRep[rep.rep, default: [:]][rep.period] = rep }
        for id in byRep.keys.sorted() {
            let periods = byRep[id]!
            let any = periods.values.first!
            out += HTMLText.tableRow(
                header: escape(any.name ?? id),
                [HTMLCell(escape(any.team ?? "—"))] + review.periods.map { attainmentCell(periods[$0]?.attainment) })
        }
        return out + "</tbody>\n</table>\n</section>\n"
    }

    // MARK: Text

    func standingClass(_ attainment: Decimal?) -> String {
        guard let attainment else { return "none" }
        if attainment >= 1 { return "achieved" }
        return attainment < review.threshold ? "below" : "on-track"
    }

    /// An attainment's cell: the percentage, coloured by its standing.
    private func attainmentCell(_ attainment: Decimal?) -> HTMLCell {
        .number(percent(attainment), standing: standingClass(attainment))
    }

    private func money(_ value: Decimal?) -> String { value.map { $0.roundedToCents.groupedMoneyText } ?? "—" }

    func percent(_ value: Decimal?) -> String {
        value.map { ($0 * 100).rounded(places: 1, mode: .halfUp).plainText + "%" } ?? "—"
    }

    private func points(_ change: Change?) -> String {
        guard let value = change?.attainment else { return "—" }
        let rounded = (value * 100).rounded(places: 1, mode: .halfUp)
        return (rounded > 0 ? "+" : rounded < 0 ? "−" : "") + abs(rounded).plainText + " pts"
    }

    private func objectiveText(_ result: ObjectiveResult) -> String {
        func figure(_ value: Decimal) -> String {
            result.measure == .deals ? value.plainText : value.roundedToCents.groupedMoneyText
        }
        var text = result.achieved.map(figure) ?? "—"
        if let target = result.target { text += " of " + figure(target) }
        if let attainment = result.attainment { text += " (\(percent(attainment)))" }
        return escape(text)
    }

    func escape(_ text: String) -> String { HTMLText.escape(text) }

    static let style = """
        :root { --below: #d9534f; --on-track: #f0ad4e; --achieved: #3c9a5f; --ink: #1f2933; --muted: #616e7c; }
        * { box-sizing: border-box; }
        body { margin: 0 auto; max-width: 1240px; padding: 24px 32px; color: var(--ink);
          font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
        h1 { font-size: 1.8em; margin: 0 0 4px; }
        h2 { font-size: 1.3em; margin: 32px 0 12px; border-bottom: 2px solid #e4e7eb; padding-bottom: 4px; }
        h3 { font-size: 1.05em; margin: 0 0 8px; }
        .lede { color: var(--muted); margin: 0; }
        table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; font-variant-numeric: tabular-nums; }
        th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid #e4e7eb; }
        thead th { background: #f5f7fa; font-weight: 600; }
        .num { text-align: right; }
        td.below { color: var(--below); font-weight: 600; }
        td.on-track { color: #a86400; }
        td.achieved { color: var(--achieved); font-weight: 600; }
        .block { margin-bottom: 16px; }
        .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(400px, 1fr)); gap: 16px; }
        .card { border: 1px solid #d9dee3; border-radius: 8px; padding: 12px 14px; background: #fff; }
        .card .id { color: var(--muted); font-weight: 400; font-size: 0.85em; }
        .card table { font-size: 0.85em; }
        .card th, .card td { padding: 3px 4px; white-space: nowrap; }
        .scroll { overflow-x: auto; }
        .chart { width: 100%; height: auto; display: block; }
        .teams-chart { width: 100%; max-width: 760px; height: auto; display: block; }
        svg text { font-size: 11px; fill: var(--ink); }
        svg .axis { fill: var(--muted); }
        svg .value { font-weight: 600; }
        svg .bar.below { fill: var(--below); }
        svg .bar.on-track { fill: var(--on-track); }
        svg .bar.achieved { fill: var(--achieved); }
        svg .bar.none { fill: #9aa5b1; }
        svg .base { stroke: #9aa5b1; stroke-width: 1; }
        svg .quota { stroke: var(--ink); stroke-width: 1; stroke-dasharray: 4 3; }
        svg .threshold { stroke: var(--below); stroke-width: 1; stroke-dasharray: 2 3; }
        .objectives { list-style: none; padding: 0; margin: 0; font-size: 0.9em; }
        .objectives li { display: flex; justify-content: space-between; gap: 8px; padding: 2px 0; }
        footer { color: var(--muted); font-size: 0.85em; margin-top: 32px; }
        @media print {
          body { max-width: none; padding: 0; font-size: 10pt; }
          .cards { grid-template-columns: repeat(2, 1fr); }
          .card table { font-size: 8pt; }
          .scroll { overflow: visible; }
          .card, .block, table, svg { break-inside: avoid; }
          h2 { break-after: avoid; }
        }

        """
}
