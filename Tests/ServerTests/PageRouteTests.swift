import Foundation
import Hummingbird
import HummingbirdTesting
import Server
import Spreadsheet
import Testing
import XLSX

/// Every page of the workflow, through the router: upload, what was read, a column pinned,
/// findings filtered and paged, a correction declined, the downloads, review, forecast, plan.
@Suite struct PageRouteTests {
    @Test func uploadPageSetsASessionAndServesOnlyItsOwnAssets() async throws {
        let server = try ServerFixtures.server()
        defer { server.removeFiles() }
        let app = Application(router: server.router())
        try await app.test(.router) { client in
            let response = try await client.execute(uri: "/", method: .get)
            #expect(response.status == .ok)
            #expect(response.text.contains("name=\"workbook\""))
            #expect(response.text.contains("enctype=\"multipart/form-data\""))
            let policy = try #require(response.headers[.contentSecurityPolicy])
            #expect(policy.contains("default-src 'none'"))
            #expect(!policy.contains("http"))
            #expect(response.headers[.setCookie]?.contains("HttpOnly") == true)
            #expect(response.headers[.setCookie]?.contains("SameSite=Strict") == true)
            let css = try await client.execute(uri: "/assets/app.css", method: .get)
            #expect(css.headers[.contentType]?.hasPrefix("text/css") == true)
            #expect(!css.text.contains("url("))
            let script = try await client.execute(uri: "/assets/app.js", method: .get)
            #expect(script.text.contains("dataTransfer"))
            let missing = try await client.execute(uri: "/etc/passwd", method: .get)
            #expect(missing.status == .notFound)
        }
        #expect(FileManager.default.fileExists(atPath: server.folder))
    }

    @Test func pagesBeforeAnUploadSayToUploadFirst() async throws {
        let server = try ServerFixtures.server()
        defer { server.removeFiles() }
        let app = Application(router: server.router())
        try await app.test(.router) { client in
            for path in ["/read", "/findings", "/downloads", "/review", "/forecast"] {
                let response = try await client.execute(uri: path, method: .get)
                #expect(response.status == .ok, "\(path)")
                #expect(response.text.contains("Nothing uploaded yet"), "\(path)")
            }
            let download = try await client.execute(uri: "/download/corrected", method: .get)
            #expect(download.status == .notFound)
        }
    }

    @Test func theWholeWorkflowOnTheSample() async throws {
        let server = try ServerFixtures.server(ServerConfiguration(pageSize: 5))
        defer { server.removeFiles() }
        let app = Application(router: server.router())
        try await app.test(.router) { client in
            let browser = try await Browser.start(client)
            let upload = try await browser.post("/upload", try ServerFixtures.sampleUpload())
            #expect(upload.status == .seeOther)
            #expect(upload.headers[.location] == "/read")

            let read = try await browser.get("/read")
            #expect(read.text.contains("&#39;: deals, header row") || read.text.contains("': deals, header row"))
            #expect(read.text.contains("header row"))
            #expect(read.text.contains("q3-commissions.xlsx"))
            #expect(read.text.contains("reconciled row by row"))
            #expect(!read.text.contains(server.folder), "the private folder's path is never shown")

            // Findings: ranked by money, paged, each opening to why, formula and plan clause.
            let findings = try await browser.get("/findings")
            let total = try #require(Self.count(of: " findings, ranked", in: findings.text))
            #expect(total > 5)
            #expect(findings.text.contains("page 1 of \((total + 4) / 5)"))
            #expect(findings.text.components(separatedBy: "<details>").count - 1 == 5)
            #expect(findings.text.contains("<dt>Formula</dt>"))
            #expect(findings.text.contains("<dt>Plan clause</dt>"))
            let differences = Self.differences(findings.text)
            #expect(differences == differences.sorted(by: >), "ranked by money")
            let second = try await browser.get("/findings?page=2")
            #expect(second.text.contains("page 2 of"))

            // Filter by a rep offered in the filter.
            let rep = try #require(Self.options(named: "rep", in: findings.text).first)
            let filtered = try await browser.get("/findings?rep=\(rep)")
            let matching = try #require(Self.count(of: " of \(total) findings", in: filtered.text))
            #expect(matching < total)
            #expect(matching > 0)

            // Decline the first correction shown; everything else stays accepted.
            let shown = Self.acceptBoxes(findings.text)
            let first = try #require(shown.first)
            let decided = try await browser.postForm(
                "/decisions", shown.map { ("shown", String($0)) } + shown.dropFirst().map { ("accept", String($0)) })
            #expect(decided.status == .seeOther)
            let after = try await browser.get("/findings")
            let checked = Self.acceptBoxes(after.text, checkedOnly: true)
            #expect(!checked.contains(first))
            #expect(checked == Array(shown.dropFirst()))
            let downloads = try await browser.get("/downloads")
            #expect(downloads.text.contains("(1 declined)"))

            // The corrected workbook holds every accepted correction, not the declined one.
            let corrected = try await browser.get("/download/corrected")
            #expect(corrected.status == .ok)
            #expect(corrected.headers[.contentDisposition]?.contains("q3-commissions-corrected.xlsx") == true)
            #expect(corrected.data.starts(with: [0x50, 0x4B]))
            let json = try await browser.get("/download/findings")
            let object = try #require(try JSONSerialization.jsonObject(with: json.data) as? [String: Any])
            let kept = try #require(object["findings"] as? [[String: Any]])
            #expect(kept.count == total - 1)

            let payroll = try await browser.get("/download/payroll")
            #expect(payroll.text.hasPrefix("rep_id,name,period,payable,currency"))

            // The end removes the session's files.
            let ended = try await browser.postForm("/end", [])
            #expect(ended.status == .seeOther)
            #expect(await server.sessionCount == 0)
            let leftover = try FileManager.default.contentsOfDirectory(atPath: server.folder)
            #expect(leftover.isEmpty)
        }
    }

    @Test func aPinnedColumnReconcilesAgainAndABadOneIsSaid() async throws {
        let server = try ServerFixtures.server()
        defer { server.removeFiles() }
        let app = Application(router: server.router())
        try await app.test(.router) { client in
            let browser = try await Browser.start(client)
            _ = try await browser.post("/upload", try ServerFixtures.sampleUpload())
            let bad = try await browser.postForm("/map", [("field", "amount"), ("header", "No Such Header")])
            #expect(bad.status == .seeOther)
            let read = try await browser.get("/read")
            // A pinned header the workbook does not have falls back to the synonyms, and says so
            // (plan-format.md §7, "Column pins").
            #expect(read.text.contains("No Such Header"))
            #expect(read.text.contains("pinned header is not here, matched by its synonyms"))
            // A pin to the header the deals' amount was read from gives the same reading.
            let header = try #require(Self.mappedHeader("amount", in: read.text))
            _ = try await browser.postForm("/map", [("field", "amount"), ("header", header)])
            let again = try await browser.get("/read")
            #expect(again.text.contains("Pinned by you: <code>amount=\(header)"))
            #expect(!again.text.contains("class=\"notice\""))
        }
    }

    @Test func reviewForecastAndPlanPages() async throws {
        let server = try ServerFixtures.server()
        defer { server.removeFiles() }
        let app = Application(router: server.router())
        try await app.test(.router) { client in
            let browser = try await Browser.start(client)
            _ = try await browser.post("/upload", try ServerFixtures.sampleUpload())
            let review = try await browser.get("/review")
            #expect(review.status == .ok)
            #expect(review.text.contains("Attainment review"))
            #expect(review.text.contains("href=\"/findings\""))
            #expect(review.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)

            let forecast = try await browser.get("/forecast")
            #expect(forecast.text.contains("name=\"pipeline\""))
            let added = try await browser.post(
                "/forecast",
                [
                    Upload(
                        field: "pipeline", filename: "pipeline.csv",
                        data: try ServerFixtures.pipelineWithProbabilities())
                ])
            #expect(added.status == .seeOther)
            let projected = try await browser.get("/forecast")
            #expect(projected.text.contains("Comm. expected"))
            #expect(projected.text.contains("Organisation"))

            let plan = try await browser.get("/plan")
            #expect(plan.text.contains("the plan checks"))
            #expect(plan.text.contains("The plan in words"))
            let broken = try await browser.postForm(
                "/plan", [("text", "plan: Broken\nperiod: fortnight\n"), ("action", "check")])
            #expect(broken.status == .ok)
            #expect(broken.text.contains("<li id=\"line2\" class=\"error\">"))
            #expect(broken.text.contains("q3-plan.yaml:2:"))
            let text = try String(
                contentsOf: ServerFixtures.samples.appendingPathComponent("q3-plan.yaml"), encoding: .utf8)
            let used = try await browser.postForm("/plan", [("text", text), ("action", "use")])
            #expect(used.status == .seeOther)
            #expect(
                try String(contentsOf: ServerFixtures.samples.appendingPathComponent("q3-plan.yaml"), encoding: .utf8)
                    == text)
        }
    }

    @Test func formsWithoutTheSessionTokenOrFromAnotherSiteAreRefused() async throws {
        let server = try ServerFixtures.server()
        defer { server.removeFiles() }
        let app = Application(router: server.router())
        try await app.test(.router) { client in
            let browser = try await Browser.start(client)
            let noToken = try await browser.post("/upload", try ServerFixtures.sampleUpload(), csrf: false)
            #expect(noToken.status == .forbidden)
            var forged = browser
            forged.csrf = String(repeating: "0", count: 32)
            let wrong = try await forged.postForm("/end", [])
            #expect(wrong.status == .forbidden)
            let noSession = try await client.execute(uri: "/end", method: .post)
            #expect(noSession.status == .forbidden)
            let crossSite = try await client.execute(
                uri: "/end", method: .post,
                headers: [.cookie: browser.cookie, .origin: "https://evil.example"])
            #expect(crossSite.status == .forbidden)
        }
    }

    @Test func badUploadsAreSaidOnTheUploadPage() async throws {
        let server = try ServerFixtures.server(ServerConfiguration(maxUploadBytes: 64 << 10))
        defer { server.removeFiles() }
        let app = Application(router: server.router())
        try await app.test(.router) { client in
            let browser = try await Browser.start(client)
            let plan = Upload(field: "plan", filename: "q3-plan.yaml", data: try ServerFixtures.sample("q3-plan.yaml"))
            let notWorkbook = try await browser.post(
                "/upload", [Upload(field: "workbook", filename: "notes.xlsx", data: Data("just text".utf8)), plan])
            #expect(notWorkbook.status == .unprocessableContent)
            #expect(notWorkbook.text.contains("notes.xlsx"))
            #expect(!notWorkbook.text.contains("/tmp"))
            let hostile = try await browser.post(
                "/upload",
                [
                    Upload(
                        field: "workbook", filename: "laughs.xlsx",
                        data: try RejectFiles.named("synthetic__billion_laughs_sst.xlsx")), plan,
                ])
            #expect(hostile.status == .unprocessableContent)
            let tooLarge = try await browser.post(
                "/upload", [Upload(field: "workbook", filename: "big.xlsx", data: Data(count: 65 << 10)), plan])
            #expect(tooLarge.status == .contentTooLarge)
            #expect(tooLarge.text.contains("too large"))
            let noPlan = try await browser.post(
                "/upload", [Upload(field: "workbook", filename: "q3.xlsx", data: Data("x".utf8))])
            #expect(noPlan.status == .badRequest)
        }
    }

    @Test func anAccessTokenGuardsEveryRequestWhenSet() async throws {
        let token = ServerConfiguration.generateToken()
        let server = try ServerFixtures.server(ServerConfiguration(host: "0.0.0.0", accessToken: token))
        defer { server.removeFiles() }
        let app = Application(router: server.router())
        try await app.test(.router) { client in
            let refused = try await client.execute(uri: "/", method: .get)
            #expect(refused.status == .unauthorized)
            let wrong = try await client.execute(uri: "/?token=nope", method: .get)
            #expect(wrong.status == .unauthorized)
            let entered = try await client.execute(uri: "/?token=\(token)", method: .get)
            #expect(entered.status == .seeOther)
            let cookie = try #require(entered.headers[.setCookie]).split(separator: ";")[0]
            let page = try await client.execute(uri: "/", method: .get, headers: [.cookie: String(cookie)])
            #expect(page.status == .ok)
            let api = try await client.execute(
                uri: "/api/reconcile", method: .post, headers: [.authorization: "Bearer \(token)"])
            #expect(api.status == .badRequest)
        }
    }

    // MARK: Reading pages

    static func count(of suffix: String, in page: String) -> Int? {
        guard let range = page.range(of: suffix) else { return nil }
        let digits = page[..<range.lowerBound].reversed().prefix { $0.isNumber }
        return Int(String(digits.reversed()))
    }

    static func options(named name: String, in page: String) -> [String] {
        guard let start = page.range(of: "<select name=\"\(name)\">"),
            let end = page.range(of: "</select>", range: start.upperBound..<page.endIndex)
        else { return [] }
        return page[start.upperBound..<end.lowerBound].components(separatedBy: "<option>").dropFirst().map {
            String($0.prefix { $0 != "<" })
        }
    }

    static func acceptBoxes(_ page: String, checkedOnly: Bool = false) -> [Int] {
        page.components(separatedBy: "name=\"accept\" value=\"").dropFirst().compactMap { piece in
            let number = Int(piece.prefix { $0.isNumber })
            let tag = piece.prefix { $0 != ">" }
            return checkedOnly && !tag.hasSuffix(" checked") ? nil : number
        }
    }

    /// The Difference column of each row, as numbers.
    static func differences(_ page: String) -> [Decimal] {
        page.components(separatedBy: "<td class=\"num").dropFirst().enumerated().compactMap { index, cell in
            guard index % 3 == 2, let start = cell.firstIndex(of: ">") else { return nil }
            let text = cell[cell.index(after: start)...].prefix { $0 != "<" }.replacingOccurrences(of: ",", with: "")
            guard case .value(let number) = Decimal.parse(text) else { return nil }
            return number < 0 ? -number : number
        }
    }

    /// `amount ← 'Header'` in the mapping notes → Header.
    static func mappedHeader(_ field: String, in page: String) -> String? {
        guard let range = page.range(of: "\(field) ← &#39;") else { return nil }
        return String(page[range.upperBound...].prefix { $0 != "&" })
    }
}

/// Hostile files from the shared corpus (`../shared/corpus/reject`).
enum RejectFiles {
    static func all() throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: ServerFixtures.reject, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "xlsx" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    static func named(_ name: String) throws -> Data {
        try Data(contentsOf: ServerFixtures.reject.appendingPathComponent(name))
    }
}
