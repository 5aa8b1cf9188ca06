import Commission
import Foundation
import Review

/// The page's charts: inline SVG, drawn from the review's figures, styled by the page's CSS.
extension ReviewPage {
    /// Vertical bars of attainment per period, scaled to at least 150%, with dashed lines at
    /// 100% and at the threshold; bars of credit when the rep has no quota.
    func repChart(_ periods: [RepReview]) -> String {
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
    func teamChart(_ groups: [GroupReview], period: Period) -> String {
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
}
