import Commission
import Foundation
import Ledger
import Reports

/// The pages `serve --ledger` adds: the ledger's periods with the form that closes one on the
/// uploaded inputs, a period as paid with the form that reopens it, and the true-ups of the
/// uploaded inputs against the ledger. The figures are the Ledger module's, as `trueup ledger`
/// and `--ledger` print them.
enum LedgerPages {
    /// Values a refused form sent, to fill it again.
    typealias Filled = [String: String]

    /// Every period the ledger has closed (as `trueup ledger L` lists them), and the close form.
    static func ledger(
        _ session: Session, ledger: String, statuses: [PeriodStatus], notice: String? = nil, filled: Filled = [:]
    ) -> String {
        var body = "<p class=\"muted\">Ledger <code>\(HTML.escape(ledger))</code>: each period as paid, "
        body += "kept with who approved it and a hash chain (<code>trueup ledger verify</code> checks it).</p>\n"
        body += "<section class=\"card\">\n<h2>Periods</h2>\n"
        if statuses.isEmpty {
            body += "<p>No closed period yet.</p>\n"
        } else {
            body += "<table class=\"wide periods\">\n"
            body += HTMLText.tableHead([
                "Period", "Status", "Source", .number("Reps"), .number("Lines"), .number("Payable"),
                "Approved by", "At", "Note",
            ])
            for status in statuses {
                let close = status.close
                let note =
                    status.reopen.map { "reopened by \($0.actor) at \($0.recordedAt): \($0.note ?? "")" }
                    ?? close.note ?? ""
                body +=
                    "<tr><td><a href=\"/ledger/\(HTML.escape(status.period))\">\(HTML.escape(status.period))</a></td>"
                body += "<td>\(status.isClosed ? "closed" : "reopened")</td>"
                body += "<td>\(HTML.escape(close.source?.rawValue ?? ""))</td>"
                body += "<td class=\"num\">\(close.repCount)</td><td class=\"num\">\(close.lineCount)</td>"
                body += "<td class=\"num\">\(money(close.totalPayable, close.currency))</td>"
                body += "<td>\(HTML.escape(close.actor))</td><td>\(HTML.escape(close.recordedAt))</td>"
                body += "<td>\(HTML.escape(note))</td></tr>\n"
            }
            body += "</tbody>\n</table>\n"
        }
        body += "</section>\n" + closeForm(session, statuses: statuses, filled: filled)
        return Layout.page("Ledger", active: "/ledger", session: session, notice: notice, body: body)
    }

    /// The form that closes a period of the uploaded inputs' statement.
    static func closeForm(_ session: Session, statuses: [PeriodStatus], filled: Filled) -> String {
        var out = "<section class=\"card\">\n<h2>Close a period</h2>\n"
        guard let analysis = session.analysis, let files = session.files else {
            return out + "<p><a href=\"/\">Upload the workbook and its plan</a> to close a period on them.</p>\n"
                + "</section>\n"
        }
        let periods = Set(analysis.reconciliation.statement.reps.map(\.period)).sorted().map(\.description)
        let closed = Set(statuses.filter(\.isClosed).map(\.period))
        let chosen = filled["period"] ?? periods.first { !closed.contains($0) } ?? periods.first ?? ""
        out += "<p class=\"muted\">Records the period's statement for "
        out += HTML.escape(files.names[files.workbook] ?? "the workbook")
        out += " as paid: every line and rep total, the plan, and the inputs' SHA-256 (as "
        out +=
            "<code>trueup close</code> does). Periods close in order; a closed period changes only by reopening it.</p>\n"
        out += HTML.postForm("/ledger/close", class: "filters", session)
        out += "<label>Period<select name=\"period\">"
        for period in periods {
            let selected = period == chosen ? " selected" : ""
            let state = closed.contains(period) ? " (closed)" : ""
            out += "<option value=\"\(HTML.escape(period))\"\(selected)>\(HTML.escape(period + state))</option>"
        }
        out += "</select></label>"
        out += "<label>Approved by<input type=\"text\" name=\"approved_by\" required "
        out += "value=\"\(HTML.escape(filled["approved_by"] ?? ""))\"></label>"
        out += "<label>Note<input type=\"text\" name=\"note\" value=\"\(HTML.escape(filled["note"] ?? ""))\"></label>"
        return out + "<button type=\"submit\">Close this period</button></form>\n</section>\n"
    }

    /// One period as paid (`trueup ledger L --period P`): its rep totals and lines, and the
    /// form that reopens it.
    static func period(
        _ session: Session, paid: PaidPeriod, status: PeriodStatus?, notice: String? = nil, lineLimit: Int = 1000
    ) -> String {
        let entry = paid.entry
        let isClosed = status?.isClosed != false
        var body = "<section class=\"card\">\n<p><b>\(isClosed ? "Closed" : "Reopened")</b> — "
        body += HTML.escape(entry.planName) + (entry.currency.isEmpty ? "" : " (\(HTML.escape(entry.currency)))")
        body += ". Closed by \(HTML.escape(entry.actor)) at \(HTML.escape(entry.recordedAt)) from the "
        body += HTML.escape(entry.source?.rawValue ?? "") + (entry.note.map { "; note: " + HTML.escape($0) } ?? "")
        body += ".</p>\n"
        if let reopen = status?.reopen {
            body += "<p>Reopened by \(HTML.escape(reopen.actor)) at \(HTML.escape(reopen.recordedAt)): "
            body += HTML.escape(reopen.note ?? "") + "</p>\n"
        }
        body += "<div class=\"totals\"><div>Total paid<b>\(money(entry.totalPayable, entry.currency))</b></div>"
        body += "<div>Reps<b>\(entry.repCount)</b></div><div>Lines<b>\(entry.lineCount)</b></div></div>\n"
        let label = HTML.escape(entry.period)
        body += "<p><a href=\"/ledger/\(label)/paid.csv\" download>Download as CSV</a> · "
        body += "<a href=\"/ledger/\(label)/paid.json\" download>as JSON</a></p>\n</section>\n"
        body += "<section class=\"card\">\n<h2>Rep totals</h2>\n<table class=\"wide\">\n"
        body += HTMLText.tableHead(
            ["Rep", "Name"] + ["Earned", "Draw paid", "Recovered", "Payable", "Balance"].map { HTMLColumn.number($0) })
        for total in paid.totals {
            body += "<tr><td>\(HTML.escape(total.rep))</td><td>\(HTML.escape(total.name ?? ""))</td>"
            for figure in [total.earned, total.drawPaid, total.recovered, total.payable, total.balance] {
                body += "<td class=\"num\">\(figure.map { money($0, "") } ?? "—")</td>"
            }
            body += "</tr>\n"
        }
        body += "</tbody>\n</table>\n</section>\n"
        if !paid.lines.isEmpty {
            body += "<section class=\"card\">\n<h2>Lines</h2>\n<table>\n"
            body += HTMLText.tableHead(["Rep", "Kind", "Deal", .number("Amount"), "Explanation"])
            for line in paid.lines.prefix(lineLimit) {
                body += "<tr><td>\(HTML.escape(line.rep))</td><td>\(HTML.escape(line.kind))</td>"
                body += "<td>\(HTML.escape(line.dealID ?? "—"))</td><td class=\"num\">\(money(line.amount, ""))</td>"
                body += "<td>\(HTML.escape(line.explanation))</td></tr>\n"
            }
            body += "</tbody>\n</table>\n"
            if paid.lines.count > lineLimit {
                body +=
                    "<p class=\"muted\">The first \(lineLimit) of \(paid.lines.count) lines; the CSV has them all.</p>\n"
            }
            body += "</section>\n"
        }
        if isClosed {
            body += "<section class=\"card\">\n<h2>Reopen</h2>\n<p class=\"muted\">The only way to change a closed "
            body += "period: its figures stay in the ledger, and closing it again records a new close.</p>\n"
            body += HTML.postForm("/ledger/reopen", class: "filters", session)
            body += "<input type=\"hidden\" name=\"period\" value=\"\(label)\">"
            body += "<label>Reason<input type=\"text\" name=\"reason\" required></label>"
            body += "<label>By<input type=\"text\" name=\"by\" required></label>"
            body += "<button type=\"submit\">Reopen \(label)</button></form>\n</section>\n"
        }
        return Layout.page(entry.period, active: "/ledger", session: session, notice: notice, body: body)
    }

    /// The uploaded inputs' true-ups against the ledger (as `reconcile --ledger` reports them).
    static func trueUps(_ session: Session, _ trueUp: TrueUp) -> String {
        let currency = trueUp.currency
        var body = "<p class=\"muted\">Each closed period the uploaded deals cover, its payable now against what "
        body += "the ledger says was paid. The <a href=\"/download/payroll\" download>payroll file</a> pays closed "
        body += "periods by these adjustments only (kind <code>adjustment</code>) and open periods in full "
        body += "(kind <code>regular</code>).</p>\n<section class=\"card\">\n"
        if trueUp.closedPeriods.isEmpty {
            body += "<p>No closed period in these inputs: payroll pays every period in full.</p>\n"
        } else {
            body +=
                "<p>Closed periods covered: \(trueUp.closedPeriods.map(\.description).joined(separator: ", ")).</p>\n"
        }
        if !trueUp.closedPeriods.isEmpty && trueUp.adjustments.isEmpty {
            body += "<p class=\"ok\">None: every closed period's payable still stands.</p>\n"
        }
        if !trueUp.adjustments.isEmpty {
            body += "<table class=\"trueups\">\n"
            body += HTMLText.tableHead([
                "Rep", "Name", "Period", .number("Paid"), .number("Due"), .number("Difference"), "Causes",
            ])
            for adjustment in trueUp.adjustments {
                body += "<tr><td>\(HTML.escape(adjustment.rep))</td><td>\(HTML.escape(adjustment.name ?? ""))</td>"
                body += "<td><a href=\"/ledger/\(adjustment.period)\">\(adjustment.period)</a></td>"
                body += "<td class=\"num\">\(adjustment.paid.groupedMoneyText)</td>"
                body += "<td class=\"num\">\(adjustment.due.groupedMoneyText)</td>"
                let sign = adjustment.difference < 0 ? " over" : " under"
                body += "<td class=\"num\(sign)\">\(adjustment.difference.groupedMoneyText)</td><td>"
                body += adjustment.causes.map { reason in
                    "<code>\(reason.cause.rawValue)</code>"
                        + (reason.dealIDs.isEmpty ? "" : " " + HTML.escape(reason.dealIDs.joined(separator: ", ")))
                }.joined(separator: "; ")
                body += "</td></tr>\n"
            }
            body += "</tbody>\n</table>\n<p>Net adjustment: <b>\(trueUp.netAdjustment.groupedMoneyText)"
            body += currency.isEmpty ? "" : " " + HTML.escape(currency)
            body +=
                "</b> across \(trueUp.adjustments.count) rep-period\(trueUp.adjustments.count == 1 ? "" : "s").</p>\n"
        }
        body += "</section>\n"
        return Layout.page("True-ups", active: "/trueups", session: session, body: body)
    }

    /// A money figure the ledger stores as text, grouped, with its currency.
    private static func money(_ text: String, _ currency: String) -> String {
        HTML.escape(LedgerMoney.decimal(text).groupedMoneyText + (currency.isEmpty ? "" : " " + currency))
    }
}
