import Commission
import Foundation
import PlanFile
import Reconciliation
import Reports
import Spreadsheet

/// The upload, what-was-read and download pages.
enum WorkflowPages {
    static func upload(_ session: Session, maxUploadBytes: Int) -> String {
        var body = "<p>Choose or drop the hand-kept workbook and its plan; the roster and the CRM export are optional. "
        body += "Nothing leaves this machine.</p>\n"
        body += "<form method=\"post\" action=\"/upload\" enctype=\"multipart/form-data\" class=\"card\">\n"
        body += HTML.csrfField(session) + "\n"
        for (field, label, hint, required) in [
            ("workbook", "Workbook", "the hand-kept commission workbook (.xlsx, .xlsm or .csv)", true),
            ("plan", "Plan", "the commission plan (YAML)", true),
            ("roster", "Roster", "optional: reps, teams and quotas (CSV or workbook)", false),
            ("deals", "CRM export", "optional: the same deals as the CRM has them", false),
            ("pipeline", "Pipeline", "optional: open deals, for the forecast", false),
        ] {
            body += "<label class=\"drop\"><strong>\(label)</strong>"
            body +=
                "<input type=\"file\" name=\"\(field)\"\(required ? " required" : "")> <small>\(hint)</small></label>\n"
        }
        body += "<p class=\"muted\">Up to \(maxUploadBytes >> 20) MB in all.</p>\n"
        body += "<button type=\"submit\">Reconcile</button>\n</form>\n"
        if let files = session.files {
            body += "<p class=\"muted\">Uploaded now: "
            body +=
                HTML.escape(
                    [files.workbook, files.plan].compactMap { files.names[$0] }.joined(separator: ", ")) + ".</p>\n"
        }
        return Layout.page("Reconcile a commission workbook", active: "/", session: session, body: body)
    }

    /// Each sheet with its role, the deals' header row and column mapping (the reconciler's
    /// notes), and the form that pins a column.
    static func read(_ session: Session, _ analysis: Analysis) -> String {
        let result = analysis.reconciliation
        let files = session.files!
        var body = "<section class=\"card\">\n<h2>Files</h2>\n<table><tbody>\n"
        for (label, path) in [
            ("Workbook", files.workbook), ("Plan", files.plan), ("Roster", files.roster), ("CRM export", files.deals),
            ("Pipeline", files.pipeline),
        ] {
            let name = path.map { HTML.escape(files.names[$0] ?? "") } ?? "<span class=\"muted\">not given</span>"
            body += HTMLText.tableRow(header: label, [HTMLCell(name)])
        }
        body += "</tbody></table>\n</section>\n"
        let dealsSheet = result.mappingNotes.first.flatMap(dealsSheetName)
        if !analysis.sheets.isEmpty {
            body += "<section class=\"card\">\n<h2>Sheets</h2>\n<table>\n"
            body += HTMLText.tableHead(["Sheet", "Kind", "Visibility", "Role"])
            // Findings on another sheet than the deals' are a summary sheet's totals.
            let summarySheets = Set(result.findings.map(\.sheet)).subtracting(dealsSheet.map { [$0] } ?? [])
            for sheet in analysis.sheets {
                let role =
                    sheet.name == dealsSheet
                    ? "deals: reconciled row by row"
                    : summarySheets.contains(sheet.name) ? "summary: its totals compared" : "—"
                body += "<tr><td>\(HTML.escape(sheet.name))</td><td>\(HTML.escape(sheet.kind))</td>"
                body += "<td>\(HTML.escape(sheet.state))</td><td>\(role)</td></tr>\n"
            }
            body += "</tbody></table>\n</section>\n"
        }
        body += "<section class=\"card\">\n<h2>How the deals were read</h2>\n<ul>\n"
        for note in result.mappingNotes {
            body += "<li>\(HTML.escape(note))</li>\n"
        }
        if !result.sheetTotals.isEmpty {
            body += "<li>a summary sheet: \(result.sheetTotals.count) rep-period totals compared with the plan's</li>\n"
        }
        body += "</ul>\n"
        if !session.map.isEmpty {
            body += "<p>Pinned by you: <code>\(HTML.escape(session.map.joined(separator: "; ")))</code></p>\n"
        }
        body +=
            "<h2>Fix a column</h2>\n<p class=\"muted\">When a field was read from the wrong column, name the header "
        body += "it should come from (as <code>--map FIELD=HEADER</code> does); the workbook is reconciled again.</p>\n"
        body += HTML.postForm("/map", class: "filters", session)
        body += "<label>Field<select name=\"field\">"
        for field in PlanFile.fields { body += "<option>\(field)</option>" }
        body += "</select></label><label>Header<input type=\"text\" name=\"header\" required></label>"
        body += "<button type=\"submit\">Reconcile with this column</button></form>\n"
        if !session.map.isEmpty {
            body += HTML.postForm("/map", session)
            body +=
                "<input type=\"hidden\" name=\"clear\" value=\"1\"><button type=\"submit\">Clear my pins</button></form>\n"
        }
        body += "</section>\n<p><a class=\"button\" href=\"/findings\">See the findings</a></p>\n"
        return Layout.page("What was read", active: "/read", session: session, notice: session.notice, body: body)
    }

    /// `sheet 'NAME': deals, header row N` → NAME.
    static func dealsSheetName(_ note: String) -> String? {
        guard let start = note.range(of: "sheet '"),
            let end = note.range(of: "': deals, header row", options: .backwards), start.upperBound <= end.lowerBound
        else { return nil }
        return String(note[start.upperBound..<end.lowerBound])
    }

    static func downloads(_ session: Session, _ analysis: Analysis) -> String {
        let correctable = analysis.reconciliation.findings.indices.filter {
            FindingsPage.isCorrectable(analysis.reconciliation.findings[$0])
        }
        let accepted = correctable.filter { !session.declined.contains($0) }.count
        var body = "<section class=\"card\">\n<p>\(accepted) of \(correctable.count) correction"
        body += "\(correctable.count == 1 ? "" : "s") accepted"
        body += session.declined.isEmpty ? "" : " (\(correctable.count - accepted) declined)"
        body += ". <a href=\"/findings\">Change</a></p>\n<ul>\n"
        if session.files!.workbookIsPackage {
            body += "<li><a href=\"/download/corrected\" download>Corrected workbook</a> — the workbook with the "
            body += "accepted corrections made, highlighted and noted, and Findings, Summary and Payroll sheets</li>\n"
        } else {
            body +=
                "<li class=\"muted\">The workbook is not an .xlsx package, so it cannot be corrected in place.</li>\n"
        }
        body += "<li><a href=\"/download/payroll\" download>Payroll file</a> — one CSV line per rep and period, "
        body += "what payroll should pay</li>\n"
        body += "<li><a href=\"/download/findings\" download>Findings (JSON)</a> — the accepted findings as "
        body += "<code>trueup reconcile --format json</code> prints them, for <code>trueup correct</code></li>\n"
        body += "</ul>\n</section>\n"
        return Layout.page("Download", active: "/downloads", session: session, body: body)
    }
}
