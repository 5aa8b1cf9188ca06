import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import Server

/// The checks behind every request: which Host names a loopback server answers, safe file
/// names for uploads, the multipart reader on cut-short bodies, and a real server on a socket.
@Suite struct SecurityTests {
    @Test func aLoopbackServerAnswersOnlyToThisMachinesNames() {
        for authority in ["127.0.0.1:8080", "localhost:8080", "[::1]:8080", "localhost"] {
            #expect(ServerConfiguration.isLoopback(SecurityMiddleware<BasicRequestContext>.hostName(authority)))
        }
        for authority in ["evil.example:8080", "192.168.1.4:8080", "[2001:db8::1]:80"] {
            #expect(!ServerConfiguration.isLoopback(SecurityMiddleware<BasicRequestContext>.hostName(authority)))
        }
    }

    @Test func aPostFormCarriesTheSessionsToken() {
        let session = Session(id: "s", csrf: "t&1", folder: "/nowhere")
        let field = "<input type=\"hidden\" name=\"csrf\" value=\"t&amp;1\">"
        #expect(HTML.postForm("/map", session) == "<form method=\"post\" action=\"/map\">" + field)
        #expect(
            HTML.postForm("/forecast", class: "card", multipart: true, session)
                == "<form method=\"post\" action=\"/forecast\" enctype=\"multipart/form-data\" class=\"card\">"
                + field)
    }

    @Test func uploadedFileNamesCannotLeaveTheirFolder() {
        #expect(Uploads.safeName("../../etc/passwd", fallback: "x") == "passwd")
        #expect(Uploads.safeName("..", fallback: "workbook") == "workbook")
        #expect(Uploads.safeName("C:\\Users\\ana\\Q3 book.xlsx", fallback: "x") == "Q3 book.xlsx")
        #expect(Uploads.safeName("<script>.xlsx", fallback: "x") == "_script_.xlsx")
        #expect(Uploads.safeName(".hidden.yaml", fallback: "plan") == "hidden.yaml")
    }

    @Test func aCutShortMultipartBodyIsABadRequest() {
        let type = "multipart/form-data; boundary=abc"
        let cut = Data("--abc\r\nContent-Disposition: form-data; name=\"workbook\"; filename=\"a.xlsx\"\r\n\r\nPK".utf8)
        #expect(throws: RequestProblem.self) { try FormData(body: cut, contentType: type) }
        let whole = Data("--abc\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--abc--\r\n".utf8)
        #expect((try? FormData(body: whole, contentType: type))?.value("a") == "1")
        #expect(throws: RequestProblem.self) { try FormData(body: whole, contentType: "multipart/form-data") }
    }

    @Test func theServerAnswersOnARealSocketAndRemovesItsFolderAtTheEnd() async throws {
        let server = try TrueupServer(configuration: ServerConfiguration(port: 0))
        let app = Application(router: server.router(), configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            let page = try await client.execute(uri: "/", method: .get)
            #expect(page.status == .ok)
            #expect(page.headers[.contentSecurityPolicy] != nil)
        }
        #expect(FileManager.default.fileExists(atPath: server.folder))
        server.removeFiles()
        #expect(!FileManager.default.fileExists(atPath: server.folder))
    }
}
