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
        var out = "<svg class=\"chart\" viewBox=\"0 0 \(width.chartText) \(height.chartText)\" role=\"img\" "
        out += "aria-label=\"\(byAttainment ? "Attainment" : "Credit") of \(escape(name)) per period\">\n"
        let marks = byAttainment ? [0.0, 0.5, 1.0, 1.5].filter { $0 <= scale } : [0, scale / 2, scale]
        for mark in marks {
            out += svgElement(
                "text", ["x": left - 4, "y": y(mark) + 4, "class": "axis", "text-anchor": "end"],
                content: byAttainment ? "\(Int(mark * 100))%" : compact(mark))
        }
        out += svgElement("line", ["x1": left, "y1": y(0), "x2": width - 4, "y2": y(0), "class": "base"])
        for (index, rep) in periods.enumerated() {
            let x = left + slot * Double(index) + slot * 0.15
            let barTop = y(max(values[index], 0))
            let label = byAttainment ? percent(rep.attainment) : compact(values[index])
            out += svgElement(
                "rect",
                [
                    "x": x, "y": barTop, "width": slot * 0.7, "height": max(y(0) - barTop, 0),
                    "class": "bar \(standingClass(rep.attainment))",
                ], content: "<title>\(rep.period): \(label)</title>")
            out += svgElement(
                "text", ["x": x + slot * 0.35, "y": height - 8, "class": "axis", "text-anchor": "middle"],
                content: "\(rep.period)")
            out += svgElement(
                "text",
                ["x": x + slot * 0.35, "y": max(barTop - 3, top + 8), "class": "value", "text-anchor": "middle"],
                content: label)
        }
        if byAttainment {
            let threshold = double(review.threshold)
            out += svgElement("line", ["x1": left, "y1": y(1), "x2": width - 4, "y2": y(1), "class": "quota"])
            out += svgElement(
                "line", ["x1": left, "y1": y(threshold), "x2": width - 4, "y2": y(threshold), "class": "threshold"])
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
        var out = "<svg class=\"teams-chart\" viewBox=\"0 0 \(width.chartText) \(height.chartText)\" role=\"img\" "
        out += "aria-label=\"Team \(byAttainment ? "attainment" : "credit") in \(period)\">\n"
        for (index, group) in groups.enumerated() {
            let y = Double(index) * rowHeight + 4
            let text = byAttainment ? percent(group.attainment) : compact(values[index])
            let team = escape(group.team ?? "")
            out += svgElement(
                "text", ["x": label - 8, "y": y + 15, "text-anchor": "end", "class": "label"], content: team)
            out += svgElement(
                "rect",
                [
                    "x": label, "y": y, "width": x(values[index]) - label, "height": 18.0,
                    "class": "bar \(standingClass(group.attainment))",
                ], content: "<title>\(team): \(text)</title>")
            out += svgElement("text", ["x": x(values[index]) + 6, "y": y + 14, "class": "value"], content: text)
        }
        if byAttainment {
            out += svgElement("line", ["x1": x(1), "y1": 0.0, "x2": x(1), "y2": height - 14, "class": "quota"])
            out += svgElement(
                "text", ["x": x(1), "y": height - 2, "text-anchor": "middle", "class": "axis"], content: "100%")
        }
        return out + "</svg>\n"
    }

    /// An SVG element and a new line, its attributes in the order given; with no content it closes
    /// itself (`<line …/>`). Content and text values are markup: escape what a file supplied.
    private func svgElement(
        _ name: String, _ attributes: KeyValuePairs<String, any ChartAttribute>, content: String? = nil
    ) -> String {
        var out = "<" + name
        for (attribute, value) in attributes { out += " \(attribute)=\"\(value.chartText)\"" }
        guard let content else { return out + "/>\n" }
        return out + ">" + content + "</" + name + ">\n"
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

/// A value of a chart's SVG attribute.
protocol ChartAttribute {
    /// The value as the attribute holds it.
    var chartText: String { get }
}

extension Double: ChartAttribute {
    /// A length to a tenth, without a trailing `.0`: `12`, `12.5`.
    var chartText: String {
        let rounded = (self * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}

extension String: ChartAttribute {
    /// The markup as it stands.
    var chartText: String { self }
}
