import Foundation
import Hummingbird
import Ledger

/// The routes `serve --ledger` adds: the ledger's periods, a period as paid (and as CSV or
/// JSON), closing and reopening a period, and the true-ups of the uploaded inputs.
extension PageRoutes {
    func addLedgerRoutes(to router: Router<BasicRequestContext>, ledger: String) {
        router.get("/ledger") { request, _ in
            try await page(request) { session in
                let statuses = try await offload { try LedgerWorkflow.statuses(ledger) }
                return LedgerPages.ledger(session, ledger: ledger, statuses: statuses, notice: session.notice)
            }
        }
        router.get("/ledger/:period") { request, context in
            let label = context.parameters.get("period") ?? ""
            var status = HTTPResponse.Status.ok
            var response = try await page(request) { session in
                do {
                    let (paid, periodStatus) = try await offload { try LedgerWorkflow.paid(ledger, period: label) }
                    return LedgerPages.period(session, paid: paid, status: periodStatus, notice: session.notice)
                } catch let problem as RequestProblem {
                    status = problem.status
                    let statuses = try await offload { try LedgerWorkflow.statuses(ledger) }
                    return LedgerPages.ledger(session, ledger: ledger, statuses: statuses, notice: problem.description)
                }
            }
            response.status = status
            return response
        }
        router.get("/ledger/:period/paid.csv") { _, context in
            let label = context.parameters.get("period") ?? ""
            let (paid, _) = try await offload { try LedgerWorkflow.paid(ledger, period: label) }
            return Responses.download(
                Data(LedgerListing.periodCSV(paid).utf8), name: "paid-\(label).csv", type: "text/csv")
        }
        router.get("/ledger/:period/paid.json") { _, context in
            let label = context.parameters.get("period") ?? ""
            let (paid, status) = try await offload { try LedgerWorkflow.paid(ledger, period: label) }
            return Responses.download(
                Data(LedgerListing.periodJSON(paid, status: status).utf8), name: "paid-\(label).json",
                type: "application/json")
        }
        router.post("/ledger/close") { request, _ in try await closePeriod(request, ledger: ledger) }
        router.post("/ledger/reopen") { request, _ in try await reopenPeriod(request, ledger: ledger) }
        router.get("/trueups") { request, _ in
            try await page(request) { stale in
                guard stale.analysis != nil else {
                    return Layout.needsUpload("True-ups", active: "/trueups", session: stale)
                }
                let session = try await current(stale, ledger: ledger)
                let (analysis, files) = (session.analysis!, session.files!)
                let trueUp = try await offload { try LedgerWorkflow.trueUp(ledger, analysis, files) }
                return LedgerPages.trueUps(session, trueUp)
            }
        }
    }

    /// POST /ledger/close: closes the chosen period on the session's inputs, then shows it; a
    /// refusal shows the ledger page with the reason (and the form as it was sent).
    private func closePeriod(_ request: Request, ledger: String) async throws -> Response {
        var (session, form) = try await postedForm(request)
        let filled = ["period", "approved_by", "note"].reduce(into: LedgerPages.Filled()) {
            $0[$1] = form.value($1)?.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        do {
            guard session.files != nil else {
                throw RequestProblem(.badRequest, "nothing to close: upload the workbook and its plan first")
            }
            let approvedBy = filled["approved_by"] ?? ""
            guard !approvedBy.isEmpty else {
                throw RequestProblem(.badRequest, "close: name who approved the payment")
            }
            session = try await current(session, ledger: ledger)
            let (analysis, files) = (session.analysis!, session.files!)
            let note = filled["note"].flatMap { $0.isEmpty ? nil : $0 }
            let entry = try await offload {
                try LedgerWorkflow.close(
                    filled["period"] ?? "", approvedBy: approvedBy, note: note, ledger: ledger, analysis: analysis,
                    files: files)
            }
            return Responses.redirect("/ledger/" + entry.period)
        } catch let problem as RequestProblem {
            let statuses = (try? await offload { try LedgerWorkflow.statuses(ledger) }) ?? []
            return Responses.html(
                LedgerPages.ledger(
                    session, ledger: ledger, statuses: statuses, notice: problem.description, filled: filled),
                status: problem.status)
        }
    }

    /// POST /ledger/reopen: reopens the period with the reason given, then shows it.
    private func reopenPeriod(_ request: Request, ledger: String) async throws -> Response {
        let (session, form) = try await postedForm(request)
        let label = form.value("period") ?? ""
        let reason = (form.value("reason") ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let actor = (form.value("by") ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        do {
            let entry = try await offload {
                try LedgerWorkflow.reopen(label, reason: reason, by: actor, ledger: ledger)
            }
            return Responses.redirect("/ledger/" + entry.period)
        } catch let problem as RequestProblem {
            let statuses = (try? await offload { try LedgerWorkflow.statuses(ledger) }) ?? []
            return Responses.html(
                LedgerPages.ledger(session, ledger: ledger, statuses: statuses, notice: problem.description),
                status: problem.status)
        }
    }

    /// The payroll file against the ledger: `kind` regular and adjustment lines.
    func downloadPayroll(_ request: Request, against ledger: String) async throws -> Response {
        let (stale, _) = try await sessionWithAnalysis(request)
        let session = try await current(stale, ledger: ledger)
        let (analysis, files) = (session.analysis!, session.files!)
        let out = try outputPath(session, "payroll.csv")
        try await offload { try LedgerWorkflow.writePayroll(ledger, analysis, files, to: out) }
        return Responses.download(
            try Data(contentsOf: URL(fileURLWithPath: out)), name: "payroll.csv", type: "text/csv")
    }

    /// The session with its reconciliation redone when the ledger changed since it was made (a
    /// close or reopen changes the draw balances carried in); declined corrections are kept
    /// while the findings stay the same ones.
    func current(_ session: Session, ledger: String) async throws -> Session {
        guard let files = session.files, let analysis = session.analysis else { return session }
        let head = try await offload { try LedgerWorkflow.head(ledger) }
        guard head != analysis.ledgerHead else { return session }
        let map = session.map
        let fresh = try await offload { try Workflow.analyse(files, map: map, ledger: ledger) }
        var updated = session
        if fresh.reconciliation.findings != analysis.reconciliation.findings { updated.declined = [] }
        updated.analysis = fresh
        await store.save(updated)
        return updated
    }
}
