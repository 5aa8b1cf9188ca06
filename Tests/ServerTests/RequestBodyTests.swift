import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import Server

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Request bodies a client gets wrong, sent as raw bytes to a server on a real socket (a test
/// client would write them correctly): a malformed chunked body is a bad request, and a body
/// declared larger than the upload limit is refused at once, before any of it is read.
@Suite struct RequestBodyTests {
    struct SocketFailure: Error {
        var call: String
    }

    /// The status line the server at `port` answers `request` with (nil if it closes without
    /// one, or says nothing for `timeout` seconds). The socket is read on a thread of its own: a
    /// blocking read on the tasks' threads could leave none to the server's handlers.
    static func statusLine(_ request: String, port: Int, timeout: Int = 20) async throws -> String? {
        try await withCheckedThrowingContinuation { continuation in
            Thread {
                continuation.resume(with: Result { try blockingStatusLine(request, port: port, timeout: timeout) })
            }
            .start()
        }
    }

    private static func blockingStatusLine(_ request: String, port: Int, timeout: Int) throws -> String? {
        let socketHandle = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socketHandle >= 0 else { throw SocketFailure(call: "socket") }
        defer { close(socketHandle) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socketHandle, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { throw SocketFailure(call: "connect") }
        var wait = timeval(tv_sec: timeout, tv_usec: 0)
        setsockopt(socketHandle, SOL_SOCKET, SO_RCVTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
        let bytes = Array(request.utf8)
        guard send(socketHandle, bytes, bytes.count, Int32(MSG_NOSIGNAL)) == bytes.count else {
            throw SocketFailure(call: "send")
        }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !received.contains(10) {
            let count = recv(socketHandle, &buffer, buffer.count, 0)
            guard count > 0 else { break }
            received += buffer[0..<count]
        }
        guard let end = received.firstIndex(of: 13) ?? received.firstIndex(of: 10) else { return nil }
        return String(decoding: received[..<end], as: UTF8.self)
    }

    /// Runs `body` with the port of a live server of `configuration`.
    static func withServer(
        _ configuration: ServerConfiguration, _ body: @escaping @Sendable (Int) async throws -> Void
    ) async throws {
        let server = try TrueupServer(configuration: configuration)
        defer { server.removeFiles() }
        let app = Application(router: server.router(), configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            let port = try #require(client.port)
            try await body(port)
        }
    }

    @Test func aMalformedChunkedBodyIsABadRequest() async throws {
        try await Self.withServer(ServerConfiguration(port: 0)) { port in
            for path in ["/api/reconcile", "/api/correct"] {
                let request =
                    "POST \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n"
                    + "Content-Type: multipart/form-data; boundary=abc\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "5\r\n--abc\r\nzz\r\nnot a chunk\r\n0\r\n\r\n"
                let status = try await Self.statusLine(request, port: port)
                #expect(status?.hasPrefix("HTTP/1.1 400") == true, "\(path): \(status ?? "no answer")")
            }
        }
    }

    @Test func aBodyDeclaredLargerThanTheLimitIsRefusedBeforeItIsSent() async throws {
        // The default limit, 256 MB; then a smaller one, on a page route as on the API.
        let limits = [ServerConfiguration().maxUploadBytes, 1 << 20]
        #expect(limits[0] == 256 << 20)
        for limit in limits {
            try await Self.withServer(ServerConfiguration(port: 0, maxUploadBytes: limit)) { port in
                for path in ["/api/reconcile", "/upload"] {
                    let request =
                        "POST \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n"
                        + "Content-Type: multipart/form-data; boundary=abc\r\nContent-Length: \(limit + 1)\r\n\r\n--abc\r\n"
                    let status = try await Self.statusLine(request, port: port)
                    #expect(status?.hasPrefix("HTTP/1.1 413") == true, "\(path): \(status ?? "no answer")")
                }
            }
        }
    }
}
