import Foundation
import Hummingbird
import HummingbirdTesting
import Server
import Spreadsheet
import TestSupport
import Testing
import XLSX

/// `POST /api/reconcile` and `POST /api/correct`: the same JSON and workbook as the command
/// line, and every bad request answered `{"error": "one line"}` with 400, 413 or 422.
@Suite struct APIRouteTests {
    @Test func reconcileAnswersWhatTheCommandLinePrints() async throws {
        let server = try ServerFixtures.server()
        defer { server.removeFiles() }
        let app = Application(router: server.router())
        let expected = try TrueupBinary.reconcileJSON()
        try await app.test(.router) { client in
            let response = try await client.execute(
                uri: "/api/reconcile", method: .post, headers: Upload.headers,
                body: Upload.body(try ServerFixtures.sampleUpload()))
            #expect(response.status == .ok)
            #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
            #expect(response.text == expected)
        }
    }

    @Test func correctAppliesOnlyTheFindingsItIsGiven() async throws {
        let server = try ServerFixtures.server()
        defer { server.removeFiles() }
        let app = Application(router: server.router())
        let json = try TrueupBinary.reconcileJSON()
        var object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        var findings = try #require(object["findings"] as? [[String: Any]])
        let correctable = findings.indices.filter {
            Self.isCorrection(findings[$0]) && !(findings[$0]["sheet"] as? String ?? "").hasSuffix(".csv")
        }
        let declined = findings.remove(at: try #require(correctable.first))
        object["findings"] = findings
        let reviewed = try JSONSerialization.data(withJSONObject: object)
        let corrected = try await app.test(.router) { client in
            let response = try await client.execute(
                uri: "/api/correct", method: .post, headers: Upload.headers,
                body: Upload.body([
                    Upload(
                        field: "workbook", filename: "q3-commissions.xlsx",
                        data: try ServerFixtures.sample("q3-commissions.xlsx")),
                    Upload(field: "findings", filename: "findings.json", data: reviewed),
                ]))
            #expect(response.status == .ok)
            #expect(response.headers[.contentDisposition]?.contains("q3-commissions-corrected.xlsx") == true)
            return response.data
        }
        let folder = Scratch.folder.appendingPathComponent("trueup-api-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("corrected.xlsx").path
        try corrected.write(to: URL(fileURLWithPath: path))
        let sheets = Set(
            try XLSXWorkbook(path: ServerFixtures.samples.appendingPathComponent("q3-commissions.xlsx").path).sheets
                .map(\.name))
        // Findings about the CRM export's rows (deals the workbook lacks) have no cell to correct.
        let applied = findings.filter { Self.isCorrection($0) && sheets.contains($0["sheet"] as? String ?? "") }
        let values = try Self.values(path, at: applied + [declined])
        let original = try Self.values(
            ServerFixtures.samples.appendingPathComponent("q3-commissions.xlsx").path, at: [declined])
        // Every correction given is in; the declined cell keeps what the sheet had.
        #expect(!applied.isEmpty)
        for finding in applied {
            let key = "\(finding["sheet"]!)!\(finding["cell"]!)"
            #expect(values[key] == Self.money(finding["expected"]), "\(key)")
        }
        let declinedKey = "\(declined["sheet"]!)!\(declined["cell"]!)"
        let expected = Self.money(declined["expected"])
        // Not the engine's value: the sheet's own (a formula over corrected cells caches what it
        // gives over them, as Excel shows it on opening).
        #expect(values[declinedKey] != expected)
        _ = original
    }

    /// A row's pay cell the correction changes (not rounding, a deal amount or a total).
    static func isCorrection(_ finding: [String: Any]) -> Bool {
        !["rounding", "amount_mismatch"].contains(finding["cause"] as? String ?? "")
            && finding["derived"] as? Bool == false
    }

    static func money(_ value: Any?) -> Decimal? {
        guard let text = value as? String, case .value(let number) = Decimal.parse(text) else { return nil }
        return number
    }

    @Test func badRequestsAnswerOneLineOfJSON() async throws {
        let server = try ServerFixtures.server(ServerConfiguration(maxUploadBytes: 2 << 20))
        defer { server.removeFiles() }
        let app = Application(router: server.router())
        let plan = Upload(field: "plan", filename: "q3-plan.yaml", data: try ServerFixtures.sample("q3-plan.yaml"))
        try await app.test(.router) { client in
            func post(_ uri: String, _ parts: [Upload]) async throws -> (HTTPResponse.Status, String) {
                let response = try await client.execute(
                    uri: uri, method: .post, headers: Upload.headers, body: Upload.body(parts))
                #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
                let object = try #require(try JSONSerialization.jsonObject(with: response.data) as? [String: String])
                let error = try #require(object["error"])
                #expect(!error.contains("\n"))
                #expect(!error.contains(NSTemporaryDirectory()))
                return (response.status, error)
            }
            let notForm = try await client.execute(
                uri: "/api/reconcile", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: "{}"))
            #expect(notForm.status == .badRequest)
            #expect(notForm.text.hasPrefix("{\"error\": "))
            #expect(try await post("/api/reconcile", [plan]).0 == .badRequest)
            let text = try await post(
                "/api/reconcile",
                [Upload(field: "workbook", filename: "notes.xlsx", data: Data("plain text".utf8)), plan])
            #expect(text.0 == .unprocessableContent)
            #expect(text.1.hasPrefix("notes.xlsx"))
            let badPlan = try await post(
                "/api/reconcile",
                [
                    Upload(
                        field: "workbook", filename: "q3.xlsx", data: try ServerFixtures.sample("q3-commissions.xlsx")),
                    Upload(field: "plan", filename: "plan.yaml", data: Data("plan: X\nperiod: fortnight\n".utf8)),
                ])
            #expect(badPlan.0 == .unprocessableContent)
            #expect(badPlan.1.hasPrefix("plan.yaml:2:"))
            let large = try await post(
                "/api/reconcile", [Upload(field: "workbook", filename: "big.xlsx", data: Data(count: 3 << 20)), plan])
            #expect(large.0 == .contentTooLarge)
            let badFindings = try await post(
                "/api/correct",
                [
                    Upload(
                        field: "workbook", filename: "q3.xlsx", data: try ServerFixtures.sample("q3-commissions.xlsx")),
                    Upload(field: "findings", filename: "findings.json", data: Data("[1, 2]".utf8)),
                ])
            #expect(badFindings.0 == .unprocessableContent)
            #expect(badFindings.1.hasPrefix("findings.json"))
        }
    }

    @Test func everyHostileWorkbookIsRefusedInOneLine() async throws {
        let server = try ServerFixtures.server()
        defer { server.removeFiles() }
        let app = Application(router: server.router())
        let plan = Upload(field: "plan", filename: "q3-plan.yaml", data: try ServerFixtures.sample("q3-plan.yaml"))
        let files = try RejectFiles.all()
        #expect(files.count > 20)
        try await app.test(.router) { client in
            for file in files {
                let response = try await client.execute(
                    uri: "/api/reconcile", method: .post, headers: Upload.headers,
                    body: Upload.body([
                        Upload(field: "workbook", filename: file.lastPathComponent, data: try Data(contentsOf: file)),
                        plan,
                    ]))
                #expect([.badRequest, .unprocessableContent].contains(response.status), "\(file.lastPathComponent)")
                let object = try JSONSerialization.jsonObject(with: response.data) as? [String: String]
                #expect(object?["error"]?.contains("\n") == false, "\(file.lastPathComponent)")
            }
        }
        // Each call's files were removed when it answered.
        #expect(try FileManager.default.contentsOfDirectory(atPath: server.folder).isEmpty)
    }

    /// The numbers in `path`'s cells that the findings are about, keyed `Sheet!A1`.
    static func values(_ path: String, at findings: [[String: Any]]) throws -> [String: Decimal] {
        let workbook = try XLSXWorkbook(path: path)
        var wanted: [String: Set<String>] = [:]
        for finding in findings { wanted[finding["sheet"] as! String, default: []].insert(finding["cell"] as! String) }
        var values: [String: Decimal] = [:]
        for (name, cells) in wanted {
            let sheet = try #require(workbook.sheet(named: name))
            _ = try workbook.readRows(of: sheet) { row in
                for cell in row.cells {
                    let address = CellAddress(row: row.index, column: cell.column).description
                    guard cells.contains(address) else { continue }
                    if case .number(let number) = cell.value {
                        values["\(name)!\(address)"] = number
                    }
                }
            }
        }
        return values
    }
}

/// The built `trueup` binary, run as a user would.
enum TrueupBinary {
    static func reconcileJSON() throws -> String {
        let samples = ServerFixtures.samples
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = [
            "reconcile", samples.appendingPathComponent("q3-commissions.xlsx").path, "--plan",
            samples.appendingPathComponent("q3-plan.yaml").path, "--roster",
            samples.appendingPathComponent("roster.csv").path,
            "--deals", samples.appendingPathComponent("crm-deals.csv").path, "--format", "json",
        ]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    static let binary = BuiltBinary.trueup(packageRoot: ServerFixtures.packageRoot)
}
