import Foundation
import Hummingbird
import HummingbirdTesting
import Server
import Testing

/// Paths, multipart bodies and a browser-like client (cookie and CSRF token kept) for the
/// route tests.
enum ServerFixtures {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let samples = packageRoot.appendingPathComponent("samples")
    static let reject = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus/reject")

    static func sample(_ name: String) throws -> Data {
        try Data(contentsOf: samples.appendingPathComponent(name))
    }

    /// The sample workbook, its plan, roster and CRM export, as the upload form sends them.
    static func sampleUpload() throws -> [Upload] {
        [
            Upload(field: "workbook", filename: "q3-commissions.xlsx", data: try sample("q3-commissions.xlsx")),
            Upload(field: "plan", filename: "q3-plan.yaml", data: try sample("q3-plan.yaml")),
            Upload(field: "roster", filename: "roster.csv", data: try sample("roster.csv")),
            Upload(field: "deals", filename: "crm-deals.csv", data: try sample("crm-deals.csv")),
        ]
    }

    /// The sample pipeline's deals that carry their own probability (the Q3 plan maps no stages).
    static func pipelineWithProbabilities() throws -> Data {
        let lines = String(decoding: try sample("pipeline.csv"), as: UTF8.self).components(separatedBy: .newlines)
            .filter { !$0.isEmpty }
        return Data((lines.prefix(1) + lines.dropFirst().filter { !$0.hasSuffix(",") }).joined(separator: "\n").utf8)
    }

    static func server(_ configuration: ServerConfiguration = ServerConfiguration()) throws -> TrueupServer {
        try TrueupServer(configuration: configuration)
    }
}

/// One field of a multipart body: a file when `filename` is set.
struct Upload {
    var field: String
    var filename: String?
    var data: Data

    init(field: String, filename: String? = nil, data: Data) {
        self.field = field
        self.filename = filename
        self.data = data
    }

    init(field: String, value: String) { self.init(field: field, data: Data(value.utf8)) }

    static let boundary = "trueup-test-boundary-7d1f"

    static func body(_ parts: [Upload]) -> ByteBuffer {
        var data = Data()
        for part in parts {
            data += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(part.field)\"".utf8)
            if let filename = part.filename { data += Data("; filename=\"\(filename)\"".utf8) }
            data += Data("\r\n".utf8)
            if part.filename != nil { data += Data("Content-Type: application/octet-stream\r\n".utf8) }
            data += Data("\r\n".utf8) + part.data + Data("\r\n".utf8)
        }
        data += Data("--\(boundary)--\r\n".utf8)
        return ByteBuffer(bytes: data)
    }

    static var headers: HTTPFields { [.contentType: "multipart/form-data; boundary=\(boundary)"] }
}

extension TestResponse {
    var text: String { String(buffer: body) }
    var data: Data { Data(body.readableBytesView) }
}

/// A browser's view of one session: the cookie the server set and the page's CSRF token.
struct Browser {
    let client: any TestClientProtocol
    var cookie = ""
    var csrf = ""

    init(_ client: any TestClientProtocol) { self.client = client }

    /// Opens the upload page, keeping the session cookie and the form's token.
    static func start(_ client: any TestClientProtocol) async throws -> Browser {
        var browser = Browser(client)
        let response = try await client.execute(uri: "/", method: .get)
        #expect(response.status == .ok)
        let setCookie = try #require(response.headers[.setCookie])
        browser.cookie = String(setCookie.split(separator: ";")[0])
        browser.csrf = try #require(Self.csrf(in: response.text))
        return browser
    }

    static func csrf(in page: String) -> String? {
        guard let range = page.range(of: "name=\"csrf\" value=\"") else { return nil }
        return String(page[range.upperBound...].prefix { $0 != "\"" })
    }

    func get(_ uri: String) async throws -> TestResponse {
        try await client.execute(uri: uri, method: .get, headers: [.cookie: cookie])
    }

    /// POSTs a multipart form with the session's token (unless `csrf` is false).
    func post(_ uri: String, _ parts: [Upload], csrf: Bool = true) async throws -> TestResponse {
        var headers = Upload.headers
        headers[.cookie] = cookie
        let all = csrf ? [Upload(field: "csrf", value: self.csrf)] + parts : parts
        return try await client.execute(uri: uri, method: .post, headers: headers, body: Upload.body(all))
    }

    /// POSTs a URL-encoded form with the session's token.
    func postForm(_ uri: String, _ pairs: [(String, String)]) async throws -> TestResponse {
        let allowed = CharacterSet.alphanumerics
        let body = ([("csrf", csrf)] + pairs).map {
            "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")"
        }.joined(separator: "&")
        return try await client.execute(
            uri: uri, method: .post,
            headers: [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"],
            body: ByteBuffer(string: body))
    }
}
