import Foundation
import Reports

/// HTML text with everything a user or a file supplied escaped.
enum HTML {
    static func escape(_ text: String) -> String { HTMLText.escape(text) }

    /// A query string from pairs, leaving out empty values.
    static func query(_ pairs: [(String, String?)]) -> String {
        let kept = pairs.compactMap { name, value -> String? in
            guard let value, !value.isEmpty else { return nil }
            let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
            return name + "=" + (value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")
        }
        return kept.isEmpty ? "" : "?" + kept.joined(separator: "&")
    }

    /// The hidden field every POST form carries.
    static func csrfField(_ session: Session) -> String {
        "<input type=\"hidden\" name=\"csrf\" value=\"\(escape(session.csrf))\">"
    }

    /// A POST form's opening tag and the session's hidden field, which the server requires of
    /// every POST: `<form method="post" action=…>` (as markup), with `enctype="multipart/form-data"`
    /// when `multipart`, and `class` when given.
    static func postForm(_ action: String, class name: String? = nil, multipart: Bool = false, _ session: Session)
        -> String
    {
        var out = "<form method=\"post\" action=\"\(action)\""
        if multipart { out += " enctype=\"multipart/form-data\"" }
        if let name { out += " class=\"\(name)\"" }
        return out + ">" + csrfField(session)
    }
}

/// The frame every page shares: title, the workflow's steps, a notice, the page's own body.
enum Layout {
    static let steps: [(path: String, label: String)] = [
        ("/", "Upload"), ("/read", "What was read"), ("/findings", "Findings"), ("/downloads", "Download"),
        ("/review", "Review"), ("/forecast", "Forecast"), ("/plan", "Plan"),
    ]

    /// The pages `serve --ledger` adds.
    static let ledgerSteps: [(path: String, label: String)] = [("/ledger", "Ledger"), ("/trueups", "True-ups")]

    static func page(_ title: String, active: String, session: Session?, notice: String? = nil, body: String) -> String
    {
        var out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<title>\(HTML.escape(title)) — trueup</title>\n"
        out += "<link rel=\"stylesheet\" href=\"/assets/app.css\">\n<script src=\"/assets/app.js\" defer></script>\n"
        out += "</head>\n<body>\n<header class=\"top\">\n<a class=\"brand\" href=\"/\">trueup</a>\n<nav>"
        for step in steps + (session?.hasLedger == true ? ledgerSteps : []) {
            let current = step.path == active ? " aria-current=\"page\"" : ""
            out += "<a href=\"\(step.path)\"\(current)>\(step.label)</a>"
        }
        out += "</nav>\n"
        if let session {
            out += HTML.postForm("/end", class: "end", session)
            out += "<button type=\"submit\">End session</button></form>\n"
        }
        out += "</header>\n<main>\n<h1>\(HTML.escape(title))</h1>\n"
        if let notice { out += "<p class=\"notice\" role=\"alert\">\(HTML.escape(notice))</p>\n" }
        out += body
        out += "</main>\n<footer>Everything stays on this machine: files are kept in a private folder "
        out += "and removed when the session ends.</footer>\n</body>\n</html>\n"
        return out
    }

    /// A page for a step that needs an upload first.
    static func needsUpload(_ title: String, active: String, session: Session?) -> String {
        page(
            title, active: active, session: session,
            body: "<p>Nothing uploaded yet. <a href=\"/\">Upload a workbook and its plan</a> first.</p>\n")
    }
}

/// The page's CSS and its one small script, served from the binary (nothing is fetched from
/// elsewhere, and the Content-Security-Policy allows nothing else).
enum Assets {
    static let css = """
        :root { --ink: #1d2430; --muted: #5b6573; --line: #d8dde5; --accent: #1f5fa8; --bad: #b3261e; --good: #2e7d32;
          --bg: #f6f7f9; font-family: system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; color: var(--ink); }
        body { margin: 0; background: var(--bg); }
        header.top { display: flex; align-items: center; gap: 1.5rem; padding: .6rem 1.5rem; background: #fff;
          border-bottom: 1px solid var(--line); flex-wrap: wrap; }
        .brand { font-weight: 700; font-size: 1.2rem; color: var(--accent); text-decoration: none; }
        nav { display: flex; gap: .2rem; flex-wrap: wrap; flex: 1; }
        nav a { padding: .35rem .7rem; border-radius: 4px; color: var(--ink); text-decoration: none; }
        nav a[aria-current=page] { background: var(--accent); color: #fff; }
        form.end button { background: none; border: 1px solid var(--line); color: var(--muted); }
        main { max-width: 1200px; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
        h1 { font-size: 1.5rem; margin: .5rem 0 1rem; }
        h2 { font-size: 1.15rem; margin: 1.5rem 0 .5rem; }
        footer { text-align: center; color: var(--muted); font-size: .85rem; padding: 1rem; }
        .notice { background: #fdecea; border: 1px solid #f5c2c0; color: var(--bad); padding: .6rem .9rem; border-radius: 4px; }
        .ok { background: #e8f5e9; border: 1px solid #b9dfbb; color: var(--good); padding: .6rem .9rem; border-radius: 4px; }
        .card { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 1rem 1.2rem; margin: 0 0 1rem;
          overflow-x: auto; }
        .findings td:nth-child(-n+4), table.wide td, table.wide th { white-space: nowrap; }
        table { border-collapse: collapse; width: 100%; background: #fff; font-size: .9rem; }
        th, td { border-bottom: 1px solid var(--line); padding: .4rem .5rem; text-align: left; vertical-align: top; }
        th { background: #eef1f5; font-weight: 600; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        td.over { color: var(--bad); } td.under { color: var(--accent); }
        .drop { display: block; border: 2px dashed var(--line); border-radius: 6px; padding: .8rem 1rem; margin: 0 0 .8rem;
          background: #fff; }
        .drop.hover { border-color: var(--accent); background: #eef4fb; }
        .drop strong { display: block; margin-bottom: .3rem; }
        .drop small { color: var(--muted); }
        button, .button { background: var(--accent); color: #fff; border: 0; border-radius: 4px; padding: .5rem 1rem;
          font-size: .95rem; cursor: pointer; text-decoration: none; display: inline-block; }
        .filters { display: flex; gap: .8rem; align-items: end; flex-wrap: wrap; margin-bottom: .8rem; }
        .filters label { display: flex; flex-direction: column; font-size: .85rem; color: var(--muted); }
        select, input[type=text] { padding: .35rem; border: 1px solid var(--line); border-radius: 4px; font-size: .95rem; }
        details summary { cursor: pointer; color: var(--accent); }
        details dl { margin: .4rem 0; display: grid; grid-template-columns: max-content 1fr; gap: .2rem .8rem; }
        details dt { color: var(--muted); } details dd { margin: 0; }
        code { font-family: "DejaVu Sans Mono", monospace; font-size: .85rem; }
        .pages { display: flex; gap: .6rem; align-items: center; margin: .8rem 0; }
        .totals { display: flex; gap: 1rem; flex-wrap: wrap; }
        .totals div { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: .6rem 1rem; }
        .totals b { display: block; font-size: 1.2rem; }
        ol.source { font-family: "DejaVu Sans Mono", monospace; font-size: .85rem; background: #fff; border: 1px solid var(--line);
          padding: .5rem .5rem .5rem 3.5rem; margin: 0; }
        ol.source li { white-space: pre-wrap; }
        ol.source li.error { background: #fdecea; }
        ol.source li .message { display: block; color: var(--bad); font-family: system-ui, sans-serif; }
        textarea { width: 100%; min-height: 20rem; font-family: "DejaVu Sans Mono", monospace; font-size: .85rem; }
        .muted { color: var(--muted); }
        """

    /// Lets a file be dropped on its box as well as chosen.
    static let script = """
        document.querySelectorAll('.drop').forEach(function (zone) {
          var input = zone.querySelector('input[type=file]');
          ['dragenter', 'dragover'].forEach(function (kind) {
            zone.addEventListener(kind, function (event) { event.preventDefault(); zone.classList.add('hover'); });
          });
          ['dragleave', 'drop'].forEach(function (kind) {
            zone.addEventListener(kind, function () { zone.classList.remove('hover'); });
          });
          zone.addEventListener('drop', function (event) {
            event.preventDefault();
            if (event.dataTransfer.files.length) { input.files = event.dataTransfer.files; }
          });
        });
        """
}
