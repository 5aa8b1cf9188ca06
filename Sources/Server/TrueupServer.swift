import Foundation
import Hummingbird
import Ledger

/// `trueup serve`: the reconcile-and-correct workflow as local web pages, and a small JSON API
/// beside them. Build the router (for tests) or run the server; every session's files live in a
/// private folder removed when the session ends and when the server stops.
public struct TrueupServer: Sendable {
    public let configuration: ServerConfiguration
    let store: SessionStore

    /// Opens the configuration's ledger, creating it when missing (as `trueup close` does); a
    /// file that is not a ledger is refused with one line naming it.
    public init(configuration: ServerConfiguration) throws {
        if let ledger = configuration.ledger { _ = try LedgerFile(path: ledger, creating: true) }
        self.configuration = configuration
        store = try SessionStore(idleSeconds: configuration.sessionIdleSeconds, ledger: configuration.ledger != nil)
    }

    /// The server's temporary folder (each session's folder is inside it).
    public var folder: String { store.root }

    /// Removes every session's files and the server's folder (what `run` does when it stops).
    public func removeFiles() { store.removeAll() }

    /// The number of open sessions.
    public var sessionCount: Int { get async { await store.count } }

    /// Every route, behind the security middleware.
    public func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: SecurityMiddleware(configuration: configuration))
        PageRoutes(server: self).add(to: router)
        APIRoutes(server: self).add(to: router)
        return router
    }

    /// Listens until SIGINT or SIGTERM, calling `onListening` with the address (`http://HOST:PORT/`)
    /// once it is; then removes every session's files.
    public func run(onListening: @escaping @Sendable (String) -> Void) async throws {
        let host = configuration.host
        let app = Application(
            router: router(),
            configuration: .init(address: .hostname(host, port: configuration.port), serverName: "trueup"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                let shown = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
                onListening("http://\(shown):\(port)/")
            })
        defer { store.removeAll() }
        try await app.runService()
    }
}
