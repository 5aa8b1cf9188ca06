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
        var out = "<section id=\"organisation\">\n<h2>Organisation</h2>\n<table>\n<thead><tr>"
        out += "<th scope=\"col\">Period</th><th scope=\"col\">Reps</th><th scope=\"col\" class=\"num\">Quota</th>"
        out += "<th scope=\"col\" class=\"num\">Credit</th><th scope=\"col\" class=\"num\">Attainment</th>"
        out += "<th scope=\"col\" class=\"num\">Earned</th><th scope=\"col\" class=\"num\">Below</th>"
        out += "<th scope=\"col\" class=\"num\">At or above 100%</th></tr></thead>\n<tbody>\n"
        for group in review.organisation {
            out += "<tr><th scope=\"row\">\(group.period)</th><td>\(group.repCount)</td>"
            out += "<td class=\"num\">\(money(group.quota))</td><td class=\"num\">\(money(group.credit))</td>"
            out += "<td class=\"num \(standingClass(group.attainment))\">\(percent(group.attainment))</td>"
            out += "<td class=\"num\">\(money(group.earned))</td><td class=\"num\">\(group.below)</td>"
            out += "<td class=\"num\">\(group.achieved)</td></tr>\n"
        }
        return out + "</tbody>\n</table>\n</section>\n"
    }

    private func teamsSection() -> String {
        var out = "<section id=\"teams\">\n<h2>Teams</h2>\n"
        for period in review.periods {
            let groups = review.teams(in: period)
            out += "<div class=\"block\">\n<h3>\(period)</h3>\n"
            out += teamChart(groups, period: period)
            out += "<table>\n<thead><tr><th scope=\"col\">Team</th><th scope=\"col\" class=\"num\">Reps</th>"
            out += "<th scope=\"col\" class=\"num\">Quota</th><th scope=\"col\" class=\"num\">Credit</th>"
            out += "<th scope=\"col\" class=\"num\">Attainment</th><th scope=\"col\" class=\"num\">Change</th>"
            out += "<th scope=\"col\" class=\"num\">Earned</th></tr></thead>\n<tbody>\n"
            for group in groups {
                out += "<tr><th scope=\"row\">\(escape(group.team ?? ""))</th><td class=\"num\">\(group.repCount)</td>"
                out += "<td class=\"num\">\(money(group.quota))</td><td class=\"num\">\(money(group.credit))</td>"
                out += "<td class=\"num \(standingClass(group.attainment))\">\(percent(group.attainment))</td>"
                out +=
                    "<td class=\"num\">\(points(group.change))</td><td class=\"num\">\(money(group.earned))</td></tr>\n"
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
            out +=
                "<table class=\"figures\">\n<thead><tr><th scope=\"col\">Period</th><th scope=\"col\" class=\"num\">Rank</th>"
            out += "<th scope=\"col\" class=\"num\">Credit</th><th scope=\"col\" class=\"num\">Attainment</th>"
            out += "<th scope=\"col\" class=\"num\" title=\"Attainment over the fiscal year so far\">YTD</th>"
            out += "<th scope=\"col\" class=\"num\">Earned</th></tr></thead>\n<tbody>\n"
            for rep in periods {
                let toDate = rep.yearToDate?.attainment
                out += "<tr><th scope=\"row\">\(rep.period)</th><td class=\"num\">\(rep.rank)</td>"
                out += "<td class=\"num\">\(money(rep.credit))</td>"
                out += "<td class=\"num \(standingClass(rep.attainment))\">\(percent(rep.attainment))</td>"
                out += "<td class=\"num \(standingClass(toDate))\">\(percent(toDate))</td>"
                out += "<td class=\"num\">\(money(rep.earned))</td></tr>\n"
            }
            out += "</tbody>\n</table>\n"
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
        var out = "<section id=\"trend\">\n<h2>Trend</h2>\n<table>\n<thead><tr><th scope=\"col\">Rep</th>"
        out += "<th scope=\"col\">Team</th>"
        for period in review.periods { out += "<th scope=\"col\" class=\"num\">\(period)</th>" }
        out += "</tr></thead>\n<tbody>\n"
        var byRep: [String: [Period: RepReview]] = [:]
        for rep in review.reps { byRep[rep.rep, default: [:]][rep.period] = rep }
        for id in byRep.keys.sorted() {
            let periods = byRep[id]!
            let any = periods.values.first!
            out += "<tr><th scope=\"row\">\(escape(any.name ?? id))</th><td>\(escape(any.team ?? "—"))</td>"
            for period in review.periods {
                let attainment = periods[period]?.attainment
                out += "<td class=\"num \(standingClass(attainment))\">\(percent(attainment))</td>"
            }
            out += "</tr>\n"
        }
        return out + "</tbody>\n</table>\n</section>\n"
    }

    // MARK: Charts

    /// Vertical bars of attainment per period, scaled to at least 150%, with dashed lines at
    /// 100% and at the threshold; bars of credit when the rep has no quota.
    private func repChart(_ periods: [RepReview]) -> String {
        let width = 320.0
        let height = 150.0
        let top = 12.0
        let bottom = 24.0
        let left = 40.0
        let plotHeight = height - top - bottom
        let byAttainment = periods.contains { $0.attainment != nil }
        let values = periods.map { double(byAttainment ? $0.attainment ?? 0 : $0.credit) }
        let scale = byAttainment ? max(1.5, (values.max() ?? 0) * 1.1) : max((values.max() ?? 0) * 1.1, 1)
        func y(_ value: Double) -> Double { top + plotHeight * (1 - min(value, scale) / scale) }
        let slot = (width - left - 8) / Double(max(periods.count, 1))
        let name = periods.last?.name ?? periods.last?.rep ?? ""
        var out = "<svg class=\"chart\" viewBox=\"0 0 \(fmt(width)) \(fmt(height))\" role=\"img\" "
        out += "aria-label=\"\(byAttainment ? "Attainment" : "Credit") of \(escape(name)) per period\">\n"
        let marks = byAttainment ? [0.0, 0.5, 1.0, 1.5].filter { $0 <= scale } : [0, scale / 2, scale]
        for mark in marks {
            out += "<text x=\"\(fmt(left - 4))\" y=\"\(fmt(y(mark) + 4))\" class=\"axis\" text-anchor=\"end\">"
            out += (byAttainment ? "\(Int(mark * 100))%" : compact(mark)) + "</text>\n"
        }
        out +=
            "<line x1=\"\(fmt(left))\" y1=\"\(fmt(y(0)))\" x2=\"\(fmt(width - 4))\" y2=\"\(fmt(y(0)))\" class=\"base\"/>\n"
        for (index, rep) in periods.enumerated() {
            let x = left + slot * Double(index) + slot * 0.15
            let barTop = y(max(values[index], 0))
            let label = byAttainment ? percent(rep.attainment) : compact(values[index])
            out += "<rect x=\"\(fmt(x))\" y=\"\(fmt(barTop))\" width=\"\(fmt(slot * 0.7))\" "
            out += "height=\"\(fmt(max(y(0) - barTop, 0)))\" class=\"bar \(standingClass(rep.attainment))\">"
            out += "<title>\(rep.period): \(label)</title></rect>\n"
            out += "<text x=\"\(fmt(x + slot * 0.35))\" y=\"\(fmt(height - 8))\" class=\"axis\" text-anchor=\"middle\">"
            out += "\(rep.period)</text>\n"
            out += "<text x=\"\(fmt(x + slot * 0.35))\" y=\"\(fmt(max(barTop - 3, top + 8)))\" class=\"value\" "
            out += "text-anchor=\"middle\">\(label)</text>\n"
        }
        if byAttainment {
            let threshold = double(review.threshold)
            out += "<line x1=\"\(fmt(left))\" y1=\"\(fmt(y(1)))\" x2=\"\(fmt(width - 4))\" y2=\"\(fmt(y(1)))\" "
            out += "class=\"quota\"/>\n<line x1=\"\(fmt(left))\" y1=\"\(fmt(y(threshold)))\" "
            out += "x2=\"\(fmt(width - 4))\" y2=\"\(fmt(y(threshold)))\" class=\"threshold\"/>\n"
        }
        return out + "</svg>\n"
    }

    /// Horizontal bars of each team's attainment in one period, with a line at 100%; bars of
    /// credit when no team has a quota.
    private func teamChart(_ groups: [GroupReview], period: Period) -> String {
        let rowHeight = 26.0
        let label = 140.0
        let width = 640.0
        let height = rowHeight * Double(groups.count) + 20
        let byAttainment = groups.contains { $0.attainment != nil }
        let values = groups.map { double(byAttainment ? $0.attainment ?? 0 : $0.credit) }
        let scale = byAttainment ? max(1.5, (values.max() ?? 0) * 1.1) : max((values.max() ?? 0) * 1.1, 1)
        let plot = width - label - 70
        func x(_ value: Double) -> Double { label + plot * min(max(value, 0), scale) / scale }
        var out = "<svg class=\"teams-chart\" viewBox=\"0 0 \(fmt(width)) \(fmt(height))\" role=\"img\" "
        out += "aria-label=\"Team \(byAttainment ? "attainment" : "credit") in \(period)\">\n"
        for (index, group) in groups.enumerated() {
            let y = Double(index) * rowHeight + 4
            let text = byAttainment ? percent(group.attainment) : compact(values[index])
            let team = escape(group.team ?? "")
            out +=
                "<text x=\"\(fmt(label - 8))\" y=\"\(fmt(y + 15))\" text-anchor=\"end\" class=\"label\">\(team)</text>\n"
            out += "<rect x=\"\(fmt(label))\" y=\"\(fmt(y))\" width=\"\(fmt(x(values[index]) - label))\" height=\"18\" "
            out += "class=\"bar \(standingClass(group.attainment))\"><title>\(team): \(text)</title></rect>\n"
            out += "<text x=\"\(fmt(x(values[index]) + 6))\" y=\"\(fmt(y + 14))\" class=\"value\">\(text)</text>\n"
        }
        if byAttainment {
            out +=
                "<line x1=\"\(fmt(x(1)))\" y1=\"0\" x2=\"\(fmt(x(1)))\" y2=\"\(fmt(height - 14))\" class=\"quota\"/>\n"
            out +=
                "<text x=\"\(fmt(x(1)))\" y=\"\(fmt(height - 2))\" text-anchor=\"middle\" class=\"axis\">100%</text>\n"
        }
        return out + "</svg>\n"
    }

    private func double(_ value: Decimal) -> Double { (value as NSDecimalNumber).doubleValue }

    /// Money for an axis: `850`, `12.5k`, `1.2M`.
    private func compact(_ value: Double) -> String {
        func short(_ number: Double) -> String {
            let rounded = (number * 10).rounded() / 10
            return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
        }
        if abs(value) >= 1_000_000 { return short(value / 1_000_000) + "M" }
        if abs(value) >= 1_000 { return short(value / 1_000) + "k" }
        return short(value)
    }

    // MARK: Text

    private func standingClass(_ attainment: Decimal?) -> String {
        guard let attainment else { return "none" }
        if attainment >= 1 { return "achieved" }
        return attainment < review.threshold ? "below" : "on-track"
    }

    private func money(_ value: Decimal?) -> String { value.map { $0.roundedToCents.groupedMoneyText } ?? "—" }

    private func percent(_ value: Decimal?) -> String {
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

    private func fmt(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    private func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

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
        .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(360px, 1fr)); gap: 16px; }
        .card { border: 1px solid #d9dee3; border-radius: 8px; padding: 12px 14px; background: #fff; }
        .card .id { color: var(--muted); font-weight: 400; font-size: 0.85em; }
        .card table { font-size: 0.88em; }
        .card th, .card td { padding: 3px 5px; white-space: nowrap; }
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
          .card, .block, table, svg { break-inside: avoid; }
          h2 { break-after: avoid; }
        }

        """
}
