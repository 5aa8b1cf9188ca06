import Correction
import Foundation
import Hummingbird
import Reconciliation
import Reports

/// The JSON API beside the pages, for other tools. `POST /api/reconcile` (multipart `workbook`,
/// `plan`, optional `roster`, `deals`) answers what `trueup reconcile --format json` prints;
/// `POST /api/correct` (`workbook`, `findings`: that JSON, findings possibly removed) answers the
/// corrected workbook. Errors are `{"error": "one line"}` with 400 (the request) or 422 (the
/// files). Each call's files live in a private folder removed when it answers.
struct APIRoutes: Sendable {
    let server: TrueupServer

    func add(to router: Router<BasicRequestContext>) {
        router.post("/api/reconcile") { request, _ in
            try await withFiles(request) { form, folder in
                let files = try Uploads.inputFiles(form, in: folder)
                let map = form.values("map")
                let (plan, result) = try await offload { try Workflow.reconcile(files, map: map) }
                return Responses.json(
                    try OrderedJSONEncoder().encode(Workflow.document(plan, result, files: files)))
            }
        }
        router.post("/api/correct") { request, _ in
            try await withFiles(request) { form, folder in
                guard let workbook = form.file("workbook") else {
                    throw RequestProblem(.badRequest, "no workbook was uploaded")
                }
                guard let findings = form.file("findings") else {
                    throw RequestProblem(.badRequest, "no findings were uploaded")
                }
                let stored = try Uploads.store(workbook, role: "workbook", in: folder)
                let files = InputFiles(workbook: stored.path, plan: "", names: [stored.path: stored.name])
                guard files.workbookIsPackage else {
                    throw RequestProblem.unusable("\(stored.name): only an .xlsx or .xlsm workbook can be corrected")
                }
                let input: CorrectionInput
                do {
                    let name = findings.filename ?? "findings"
                    input = try CorrectionInput(
                        document: FindingsDocument(json: findings.data, file: name), file: name)
                } catch {
                    throw RequestProblem.unusable(String(describing: error))
                }
                let out = (folder as NSString).appendingPathComponent(
                    "corrected." + (stored.name as NSString).pathExtension)
                _ = try await offload {
                    try Workflow.writeCorrected(input, workbook: stored.path, to: out, files: files)
                }
                let stem = (stored.name as NSString).deletingPathExtension
                return Responses.download(
                    try Data(contentsOf: URL(fileURLWithPath: out)),
                    name: "\(stem)-corrected.\((stored.name as NSString).pathExtension)",
                    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            }
        }
    }

    /// Reads the multipart body into a private folder of its own, runs `body`, removes the folder.
    private func withFiles(_ request: Request, _ body: (FormData, String) async throws -> Response) async throws
        -> Response
    {
        let data = try await RequestBody.collect(request, limit: server.configuration.maxUploadBytes)
        let form = try FormData(body: Data(data.readableBytesView), contentType: request.headers[.contentType])
        let folder = try await server.store.scratchFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        return try await body(form, folder)
    }
}
