import Correction
import Foundation
import Hummingbird
import PlanFile
import Reconciliation
import Reports

/// The workflow's pages: upload → what was read (and fixing a column) → findings, accepted or
/// declined → downloads; the review, forecast and plan pages for the same inputs.
struct PageRoutes: Sendable {
    let server: TrueupServer
    var store: SessionStore { server.store }
    var configuration: ServerConfiguration { server.configuration }
    /// `--ledger`, when the server has one.
    var ledger: String? { configuration.ledger }
    static let sessionCookie = "trueup_session"

    func add(to router: Router<BasicRequestContext>) {
        router.get("/assets/app.css") { _, _ in Responses.text(Assets.css, type: "text/css; charset=utf-8") }
        router.get("/assets/app.js") { _, _ in Responses.text(Assets.script, type: "text/javascript; charset=utf-8") }
        router.get("/") { request, _ in
            try await page(request) { session in
                WorkflowPages.upload(session, maxUploadBytes: configuration.maxUploadBytes)
            }
        }
        router.post("/upload") { request, _ in try await upload(request) }
        router.get("/read") { request, _ in
            try await analysed(request, "What was read", "/read") { WorkflowPages.read($0, $1) }
        }
        router.post("/map") { request, _ in try await map(request) }
        router.get("/findings") { request, _ in
            let query = Dictionary(
                request.uri.queryParameters.map { (String($0.key), String($0.value)) }, uniquingKeysWith: { a, _ in a })
            return try await analysed(request, "Findings", "/findings") { session, analysis in
                FindingsPage(
                    session: session, analysis: analysis, filter: .init(query: query), pageSize: configuration.pageSize
                ).html
            }
        }
        router.post("/decisions") { request, _ in try await decide(request) }
        router.get("/downloads") { request, _ in
            try await analysed(request, "Download", "/downloads") { WorkflowPages.downloads($0, $1) }
        }
        router.get("/download/corrected") { request, _ in try await downloadCorrected(request) }
        router.get("/download/payroll") { request, _ in try await downloadPayroll(request) }
        router.get("/download/findings") { request, _ in
            let (session, analysis) = try await sessionWithAnalysis(request)
            return Responses.download(
                Data(try OrderedJSONEncoder().encode(accepted(session, analysis)).utf8), name: "findings.json",
                type: "application/json")
        }
        router.get("/review") { request, _ in try await review(request) }
        router.get("/forecast") { request, _ in try await forecast(request) }
        router.post("/forecast") { request, _ in try await addPipeline(request) }
        router.get("/plan") { request, _ in try await planEditor(request) }
        router.post("/plan") { request, _ in try await editPlan(request) }
        if let ledger { addLedgerRoutes(to: router, ledger: ledger) }
        router.post("/end") { request, _ in
            let (session, _) = try await postedForm(request)
            await store.end(session.id)
            var response = Responses.redirect("/")
            response.setCookie(Cookie(name: Self.sessionCookie, value: "", maxAge: 0, path: "/", sameSite: .strict))
            return response
        }
    }

    // MARK: Sessions

    /// The request's session, or a new one (its cookie set on the response).
    func page(_ request: Request, _ render: (Session) async throws -> String) async throws -> Response {
        if let session = await store.session(request.cookies[Self.sessionCookie]?.value) {
            let response = Responses.html(try await render(session))
            if session.notice != nil { await clearNotice(session) }
            return response
        }
        let session = try await store.create()
        var response = Responses.html(try await render(session))
        response.setCookie(
            Cookie(name: Self.sessionCookie, value: session.id, path: "/", httpOnly: true, sameSite: .strict))
        return response
    }

    private func clearNotice(_ session: Session) async {
        var session = session
        session.notice = nil
        await store.save(session)
    }

    /// A page that needs a reconciliation: without one, says to upload first.
    private func analysed(
        _ request: Request, _ title: String, _ path: String, _ render: @escaping (Session, Analysis) -> String
    ) async throws -> Response {
        try await page(request) { session in
            guard let analysis = session.analysis else {
                return Layout.needsUpload(title, active: path, session: session)
            }
            return render(session, analysis)
        }
    }

    func sessionWithAnalysis(_ request: Request) async throws -> (Session, Analysis) {
        guard let session = await store.session(request.cookies[Self.sessionCookie]?.value),
            let analysis = session.analysis
        else { throw RequestProblem(.notFound, "nothing to download: upload a workbook first") }
        return (session, analysis)
    }

    /// The POSTed form of an existing session whose CSRF token it carries.
    func postedForm(_ request: Request) async throws -> (Session, FormData) {
        guard let session = await store.session(request.cookies[Self.sessionCookie]?.value) else {
            throw RequestProblem(.forbidden, "the session has ended; start again from the upload page")
        }
        let body = try await RequestBody.collect(request, limit: configuration.maxUploadBytes)
        let form = try FormData(body: Data(body.readableBytesView), contentType: request.headers[.contentType])
        guard let token = form.value("csrf"), RandomToken.same(token, session.csrf) else {
            throw RequestProblem(.forbidden, "the form is not this session's (reload the page and try again)")
        }
        return (session, form)
    }

    // MARK: Workflow

    private func upload(_ request: Request) async throws -> Response {
        let (session, form) = try await postedForm(request)
        do {
            let files = try Uploads.inputFiles(form, in: session.folder)
            let analysis = try await offload { try Workflow.analyse(files, ledger: ledger) }
            var updated = session
            updated.files = files
            updated.analysis = analysis
            updated.map = []
            updated.declined = []
            updated.notice = nil
            await store.save(updated)
            return Responses.redirect("/read")
        } catch let problem as RequestProblem {
            let page = WorkflowPages.upload(session, maxUploadBytes: configuration.maxUploadBytes)
            return Responses.html(
                page.replacingOccurrences(
                    of: "<h1>Reconcile a commission workbook</h1>\n",
                    with: "<h1>Reconcile a commission workbook</h1>\n<p class=\"notice\" role=\"alert\">"
                        + HTML.escape(problem.description) + "</p>\n"),
                status: problem.status)
        }
    }

    private func map(_ request: Request) async throws -> Response {
        var (session, form) = try await postedForm(request)
        guard let files = session.files else { return Responses.redirect("/") }
        var map = session.map
        if form.value("clear") != nil {
            map = []
        } else {
            let field = form.value("field") ?? ""
            let header = (form.value("header") ?? "").trimmingCharacters(in: .whitespaces)
            map.removeAll { $0.hasPrefix(field + "=") }
            map.append("\(field)=\(header)")
        }
        do {
            let pins = map
            session.analysis = try await offload { try Workflow.analyse(files, map: pins, ledger: ledger) }
            session.map = map
            session.declined = []
            session.notice = nil
        } catch let problem as RequestProblem {
            session.notice = problem.description + " (the previous reading is kept)"
        }
        await store.save(session)
        return Responses.redirect("/read")
    }

    private func decide(_ request: Request) async throws -> Response {
        var (session, form) = try await postedForm(request)
        let shown = Set(form.values("shown").compactMap(Int.init))
        let accepted = Set(form.values("accept").compactMap(Int.init))
        session.declined.subtract(shown)
        session.declined.formUnion(shown.subtracting(accepted))
        await store.save(session)
        let query = request.uri.query.map { "?" + $0 } ?? ""
        return Responses.redirect("/findings" + query)
    }

    /// The reconciliation with the declined findings taken out.
    /// The findings document with the corrections the user declined taken out: what `correct`
    /// applies, so Summary and Payroll pay what the corrected workbook then says.
    private func accepted(_ session: Session, _ analysis: Analysis) throws -> FindingsDocument {
        try Workflow.document(analysis, files: session.files!, declined: session.declined)
    }

    private func downloadCorrected(_ request: Request) async throws -> Response {
        let (session, analysis) = try await sessionWithAnalysis(request)
        let files = session.files!
        guard files.workbookIsPackage else {
            throw RequestProblem.unusable("\(files.names[files.workbook] ?? "the workbook") is not an .xlsx workbook")
        }
        let name = files.names[files.workbook] ?? "workbook.xlsx"
        let stem = (name as NSString).deletingPathExtension
        let out = try outputPath(session, "corrected." + (name as NSString).pathExtension.lowercased())
        let input = try CorrectionInput(document: accepted(session, analysis), file: "findings")
        _ = try await offload { try Workflow.writeCorrected(input, workbook: files.workbook, to: out, files: files) }
        return Responses.download(
            try Data(contentsOf: URL(fileURLWithPath: out)),
            name: "\(stem)-corrected.\((name as NSString).pathExtension)",
            type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    }

    private func downloadPayroll(_ request: Request) async throws -> Response {
        if let ledger { return try await downloadPayroll(request, against: ledger) }
        let (session, analysis) = try await sessionWithAnalysis(request)
        let out = try outputPath(session, "payroll.csv")
        let statement = analysis.reconciliation.statement
        try await offload { try Workflow.writePayroll(statement, to: out) }
        return Responses.download(
            try Data(contentsOf: URL(fileURLWithPath: out)), name: "payroll.csv", type: "text/csv")
    }

    /// `folder/out/NAME`: where the server writes what it makes for the session.
    func outputPath(_ session: Session, _ name: String) throws -> String {
        let directory = (session.folder as NSString).appendingPathComponent("out")
        if !FileManager.default.fileExists(atPath: directory) { try SessionStore.makePrivateFolder(directory) }
        return (directory as NSString).appendingPathComponent(name)
    }

    // MARK: Review, forecast, plan

    private func review(_ request: Request) async throws -> Response {
        guard let session = await store.session(request.cookies[Self.sessionCookie]?.value), let files = session.files
        else { return try await page(request) { Layout.needsUpload("Review", active: "/review", session: $0) } }
        let map = session.map
        let review = try await offload { try Workflow.review(files, map: map) }
        // The review page is ReviewPage's own (its style inline), with the workflow's steps on top.
        let steps = Layout.steps.map { "<a href=\"\($0.path)\">\($0.label)</a>" }.joined(separator: " · ")
        let html = ReviewPage(review: review).html.replacingOccurrences(
            of: "<body>\n", with: "<body>\n<nav class=\"workflow\">trueup: \(steps)</nav>\n")
        var response = Responses.html(html)
        response.headers[.contentSecurityPolicy] = SecurityMiddleware<BasicRequestContext>.contentSecurityPolicy
            .replacingOccurrences(of: "style-src 'self'", with: "style-src 'self' 'unsafe-inline'")
        return response
    }

    private func forecast(_ request: Request) async throws -> Response {
        guard let session = await store.session(request.cookies[Self.sessionCookie]?.value), let files = session.files
        else { return try await page(request) { Layout.needsUpload("Forecast", active: "/forecast", session: $0) } }
        guard files.pipeline != nil else {
            return Responses.html(ForecastPage.html(session, nil, notice: session.notice))
        }
        let map = session.map
        do {
            let forecast = try await offload { try Workflow.forecast(files, map: map) }
            return Responses.html(ForecastPage.html(session, forecast, notice: nil))
        } catch let problem as RequestProblem {
            return Responses.html(ForecastPage.html(session, nil, notice: problem.description), status: problem.status)
        }
    }

    private func addPipeline(_ request: Request) async throws -> Response {
        var (session, form) = try await postedForm(request)
        guard var files = session.files else { return Responses.redirect("/") }
        guard let part = form.file("pipeline") else {
            throw RequestProblem(.badRequest, "no pipeline file was uploaded")
        }
        let stored = try Uploads.store(part, role: "pipeline", in: session.folder)
        files.pipeline = stored.path
        files.names[stored.path] = stored.name
        session.files = files
        await store.save(session)
        return Responses.redirect("/forecast")
    }

    private func planEditor(_ request: Request) async throws -> Response {
        try await page(request) { session in
            guard let files = session.files else {
                return PlanEditorPage.html(session, text: "", name: "plan.yaml")
            }
            let text = (try? PlanFile.text(atPath: files.plan)) ?? ""
            return PlanEditorPage.html(session, text: text, name: files.names[files.plan] ?? "plan.yaml")
        }
    }

    private func editPlan(_ request: Request) async throws -> Response {
        var (session, form) = try await postedForm(request)
        let text = (form.value("text") ?? "").replacingOccurrences(of: "\r\n", with: "\n")
        let name = session.files.flatMap { $0.names[$0.plan] } ?? "plan.yaml"
        guard form.value("action") == "use", var files = session.files,
            PlanEditorPage.check(text, name: name).error == nil
        else { return Responses.html(PlanEditorPage.html(session, text: text, name: name)) }
        let stored = try Uploads.store(
            FormPart(name: "plan", filename: name, data: Data(text.utf8)), role: "plan-edited", in: session.folder)
        files.plan = stored.path
        files.names[stored.path] = stored.name
        do {
            let pins = session.map
            let analysed = files
            session.analysis = try await offload { try Workflow.analyse(analysed, map: pins, ledger: ledger) }
            session.files = files
            session.declined = []
        } catch let problem as RequestProblem {
            return Responses.html(PlanEditorPage.html(session, text: text, name: name, notice: problem.description))
        }
        await store.save(session)
        return Responses.redirect("/read")
    }
}
