import Commission
import Correction
import Foundation
import Reconciliation
import Reports
import Spreadsheet

/// The findings, ranked by money, filtered by rep, period and cause, a page at a time; each
/// opens to its explanation, its cell's formula and the plan clause, and each correction can be
/// accepted (the default) or declined.
struct FindingsPage {
    struct Filter: Sendable {
        var rep: String?
        var period: String?
        var cause: String?
        var page = 1

        init(query: [String: String]) {
            rep = query["rep"].flatMap { $0.isEmpty ? nil : $0 }
            period = query["period"].flatMap { $0.isEmpty ? nil : $0 }
            cause = query["cause"].flatMap { $0.isEmpty ? nil : $0 }
            page = max(1, Int(query["page"] ?? "") ?? 1)
        }

        func admits(_ finding: Finding) -> Bool {
            (rep == nil || finding.rep == rep) && (period == nil || finding.period?.description == period)
                && (cause == nil || finding.causes.contains { $0.rawValue == cause })
        }

        func query(page: Int? = nil) -> String {
            HTML.query([
                ("rep", rep), ("period", period), ("cause", cause),
                ("page", (page ?? self.page) > 1 ? String(page ?? self.page) : nil),
            ])
        }
    }

    let session: Session
    let analysis: Analysis
    let filter: Filter
    let pageSize: Int

    /// Whether accepting the finding changes a cell (rounding and deal amounts are only listed).
    static func isCorrectable(_ finding: Finding) -> Bool { finding.isError && finding.isPay }

    /// The indexes of the findings the filter admits, in rank order.
    var matching: [Int] {
        let findings = analysis.reconciliation.findings
        return findings.indices.filter { filter.admits(findings[$0]) }
    }

    var html: String {
        let result = analysis.reconciliation
        let currency = result.statement.currency
        let matching = self.matching
        let pages = max(1, (matching.count + pageSize - 1) / pageSize)
        let page = min(filter.page, pages)
        let shown = matching.dropFirst((page - 1) * pageSize).prefix(pageSize)

        var body = "<div class=\"totals\">"
        body += "<div><b>\(result.wrongFigures.count)</b>wrong cell\(result.wrongFigures.count == 1 ? "" : "s")</div>"
        body +=
            "<div><b>\(HTML.escape(result.netOverpayment.groupedMoneyText))\(currency.isEmpty ? "" : " " + HTML.escape(currency))</b>"
        body += "net \(result.netOverpayment >= 0 ? "overpaid" : "underpaid")</div>"
        if result.unknownDifferences > 0 {
            body += "<div><b>\(result.unknownDifferences)</b>unreadable, left out of the net</div>"
        }
        let declined = session.declined.count
        body += "<div><b>\(declined)</b>correction\(declined == 1 ? "" : "s") declined</div></div>\n"
        body += filterForm
        body += "<p class=\"muted\">\(matching.count) of \(result.findings.count) findings, ranked by money; "
        body += "page \(page) of \(pages).</p>\n"
        guard !shown.isEmpty else {
            body += "<p>No findings here.</p>\n"
            return Layout.page("Findings", active: "/findings", session: session, notice: session.notice, body: body)
        }
        body += HTML.postForm("/decisions" + filter.query(page: page), session) + "\n"
        body += "<table class=\"findings\">\n"
        body += HTMLText.tableHead([
            "Accept", "Cell", "Rep", "Period", .number("Manual"), .number("Expected"), .number("Difference"),
            "Cause and why",
        ])
        for index in shown { body += row(index, result.findings[index]) }
        body += "</tbody>\n</table>\n<p><button type=\"submit\">Save decisions</button> "
        body += "<a href=\"/downloads\">Download the corrected workbook</a></p>\n</form>\n"
        body += pager(page: page, pages: pages)
        return Layout.page("Findings", active: "/findings", session: session, notice: session.notice, body: body)
    }

    private var filterForm: String {
        func select(_ name: String, _ label: String, _ values: [String], _ chosen: String?) -> String {
            var out = "<label>\(label)<select name=\"\(name)\"><option value=\"\">all</option>"
            for value in values {
                out += "<option\(value == chosen ? " selected" : "")>\(HTML.escape(value))</option>"
            }
            return out + "</select></label>"
        }
        return "<form method=\"get\" action=\"/findings\" class=\"filters\">"
            + select("rep", "Rep", analysis.reps, filter.rep)
            + select("period", "Period", analysis.periods, filter.period)
            + select("cause", "Cause", analysis.causes, filter.cause)
            + "<button type=\"submit\">Filter</button></form>\n"
    }

    private func row(_ index: Int, _ finding: Finding) -> String {
        let address = "\(Location.quotedSheetName(finding.sheet))!\(finding.cell)"
        var out = "<tr id=\"f\(index)\"><td>"
        if Self.isCorrectable(finding) {
            out += "<input type=\"hidden\" name=\"shown\" value=\"\(index)\">"
            out += "<input type=\"checkbox\" name=\"accept\" value=\"\(index)\" aria-label=\"Accept the correction of "
            out += "\(HTML.escape(address))\"\(session.declined.contains(index) ? "" : " checked")>"
        } else {
            out += "<span class=\"muted\" title=\"nothing to correct\">—</span>"
        }
        out += "</td><td><code>\(HTML.escape(address))</code></td><td>\(HTML.escape(finding.rep ?? ""))</td>"
        out += "<td>\(HTML.escape(finding.period?.description ?? ""))</td>"
        out += "<td class=\"num\">\(HTML.escape(finding.manualText ?? finding.manual?.groupedMoneyText ?? ""))</td>"
        out += "<td class=\"num\">\(HTML.escape(finding.expected.groupedMoneyText))</td>"
        let tone = finding.difference > 0 ? " over" : finding.difference < 0 ? " under" : ""
        out += "<td class=\"num\(tone)\">\(HTML.escape(finding.difference.groupedMoneyText))</td>"
        out += "<td><details><summary>\(HTML.escape(finding.causes.map(\.rawValue).joined(separator: ", ")))"
        out += finding.isDerived ? " (total)" : ""
        out += "</summary><dl><dt>Why</dt><dd>\(HTML.escape(finding.explanation))</dd>"
        if let deal = finding.dealID { out += "<dt>Deal</dt><dd>\(HTML.escape(deal))</dd>" }
        let formula = analysis.formulas["\(finding.sheet)!\(finding.cell)"]
        out += "<dt>Formula</dt><dd>"
        out += formula.map { "<code>=\(HTML.escape($0))</code>" } ?? "<span class=\"muted\">none: a typed value</span>"
        out += "</dd>"
        if let repaired = finding.repairedFormula {
            out += "<dt>Corrected formula</dt><dd><code>=\(HTML.escape(repaired))</code></dd>"
        }
        out += "<dt>Plan clause</dt><dd>"
        out +=
            finding.cause.planClause.map { "<code>\(HTML.escape($0))</code>" }
            ?? "<span class=\"muted\">the data, not the plan</span>"
        out += "</dd></dl></details></td></tr>\n"
        return out
    }

    private func pager(page: Int, pages: Int) -> String {
        guard pages > 1 else { return "" }
        var out = "<nav class=\"pages\" aria-label=\"Pages\">"
        if page > 1 {
            out += "<a href=\"/findings\(filter.query(page: 1))\">First</a>"
            out += "<a href=\"/findings\(filter.query(page: page - 1))\" rel=\"prev\">Previous</a>"
        }
        out += "<span>Page \(page) of \(pages)</span>"
        if page < pages {
            out += "<a href=\"/findings\(filter.query(page: page + 1))\" rel=\"next\">Next</a>"
            out += "<a href=\"/findings\(filter.query(page: pages))\">Last</a>"
        }
        return out + "</nav>\n"
    }
}
