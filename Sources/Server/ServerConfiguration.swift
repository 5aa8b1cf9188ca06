import Foundation

/// How `trueup serve` listens and what it accepts.
public struct ServerConfiguration: Sendable {
    /// The address to listen on; 127.0.0.1 unless the user asks for another.
    public var host: String
    /// 0 picks a free port (the address printed says which).
    public var port: Int
    /// Required of every request when set (a cookie after the first visit, or `Authorization:
    /// Bearer`); `trueup serve` sets one whenever `host` is not a loopback address.
    public var accessToken: String?
    /// The largest request body accepted, all files of an upload together.
    public var maxUploadBytes: Int
    /// A session left alone this long is ended and its files removed.
    public var sessionIdleSeconds: TimeInterval
    /// Findings per page.
    public var pageSize: Int
    /// `--ledger`: the ledger of closed periods the ledger and true-up pages read and write
    /// (created by the first close); nil leaves those pages out.
    public var ledger: String?

    public init(
        host: String = "127.0.0.1", port: Int = 8080, accessToken: String? = nil,
        maxUploadBytes: Int = 256 << 20, sessionIdleSeconds: TimeInterval = 3600, pageSize: Int = 50,
        ledger: String? = nil
    ) {
        self.host = host
        self.port = port
        self.accessToken = accessToken
        self.maxUploadBytes = maxUploadBytes
        self.sessionIdleSeconds = sessionIdleSeconds
        self.pageSize = pageSize
        self.ledger = ledger
    }

    /// Whether `host` reaches only this machine.
    public static func isLoopback(_ host: String) -> Bool {
        ["127.0.0.1", "localhost", "::1", "[::1]"].contains(host.lowercased()) || host.hasPrefix("127.")
    }

    /// A fresh random token (32 hex digits from the system's secure generator).
    public static func generateToken() -> String { RandomToken.make() }
}

/// Random hex strings for session ids, CSRF tokens and access tokens.
enum RandomToken {
    static func make(bytes: Int = 16) -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<bytes).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }

    /// Compares in time independent of where the strings differ.
    static func same(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for index in x.indices { difference |= x[index] ^ y[index] }
        return difference == 0
    }
}
