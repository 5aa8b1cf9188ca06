import Commission
import Foundation
import PlanFile

/// The plan as text, with what `trueup plan check` says: its error at its line, or the plan in
/// words; an edited plan that checks can be used for the session's reconciliation.
enum PlanEditorPage {
    /// Checks `text` as `trueup plan check` does: nil and the plan in words, or the error.
    static func check(_ text: String, name: String) -> (words: String?, error: PlanError?) {
        do {
            return (try PlanFile.parse(text, file: name).words, nil)
        } catch {
            return (nil, error)
        }
    }

    static func html(_ session: Session, text: String, name: String, notice: String? = nil) -> String {
        let (words, error) = check(text, name: name)
        var body = ""
        if let error {
            body += "<p class=\"notice\" role=\"alert\">\(HTML.escape(error.description))</p>\n"
        } else {
            body += "<p class=\"ok\">\(HTML.escape(name)): the plan checks.</p>\n"
        }
        body += "<section class=\"card\">\n<h2>\(HTML.escape(name))</h2>\n<ol class=\"source\">\n"
        for (number, line) in text.components(separatedBy: "\n").enumerated() {
            let isError = error.map { $0.line == number + 1 } ?? false
            body += "<li id=\"line\(number + 1)\"\(isError ? " class=\"error\"" : "")>\(HTML.escape(line))"
            if isError, let error {
                body += "<span class=\"message\">↑ column \(error.column): \(HTML.escape(error.message))</span>"
            }
            body += "</li>\n"
        }
        body += "</ol>\n</section>\n"
        body += HTML.postForm("/plan", class: "card", session) + "\n"
        body += "<label for=\"plan-text\"><strong>Edit the plan</strong></label>\n"
        body += "<textarea id=\"plan-text\" name=\"text\" spellcheck=\"false\">\(HTML.escape(text))</textarea>\n"
        body += "<p><button type=\"submit\" name=\"action\" value=\"check\">Check</button> "
        if error == nil, session.files != nil {
            body += "<button type=\"submit\" name=\"action\" value=\"use\">Use this plan and reconcile again</button>"
        }
        body += "</p>\n</form>\n"
        if let words {
            body +=
                "<section class=\"card\">\n<h2>The plan in words</h2>\n<pre>\(HTML.escape(words))</pre>\n</section>\n"
        }
        return Layout.page("Plan", active: "/plan", session: session, notice: notice, body: body)
    }
}
