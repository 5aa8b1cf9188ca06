import ArgumentParser
import Foundation
import Server

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the reconcile-and-correct workflow as local web pages, with a JSON API beside them.",
        discussion: """
            Listens on 127.0.0.1 (this machine only) and prints its address. Upload the workbook, \
            plan, roster and CRM export; see what was read and fix a column; go through the findings, \
            declining any correction; download the corrected workbook and the payroll file; see the \
            review, the forecast and the plan; with --ledger, the ledger's periods, closing and \
            reopening a period, and the true-ups against it. POST /api/reconcile and /api/correct answer what \
            `reconcile --format json` and `correct` write. Files stay in a private temporary folder, \
            removed when a session ends and when the server stops (Ctrl-C). --host to listen \
            elsewhere requires an access token: --token, or one generated and printed.
            """)

    @Option(help: "The port to listen on (0: any free port).")
    var port: Int = 8080

    @Option(help: "The address to listen on; other than 127.0.0.1 requires an access token.")
    var host: String = "127.0.0.1"

    @Option(help: "The access token every request must carry (default: generated when --host is not loopback).")
    var token: String?

    @Option(help: ArgumentHelp("The largest upload accepted, all files together, in MB.", valueName: "MB"))
    var maxUpload: Int = 256

    @Option(
        help: ArgumentHelp(
            "A ledger of closed periods (created when missing): adds pages that list it, close and reopen periods on the uploaded inputs, and show their true-ups; the payroll file then pays closed periods by adjustment.",
            valueName: "ledger"))
    var ledger: String?

    func run() throws {
        guard (0...65535).contains(port) else { throw UsageError("--port \(port): expected 0 to 65535") }
        guard maxUpload > 0 else { throw UsageError("--max-upload \(maxUpload): expected a positive number of MB") }
        if let token, token.count < 16 || !token.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) {
            throw UsageError("--token: expected at least 16 letters, digits, - or _")
        }
        let accessToken = token ?? (ServerConfiguration.isLoopback(host) ? nil : ServerConfiguration.generateToken())
        let server = try TrueupServer(
            configuration: ServerConfiguration(
                host: host, port: port, accessToken: accessToken, maxUploadBytes: maxUpload << 20, ledger: ledger))
        // The command line runs synchronously; the server runs on Swift's tasks until SIGINT or
        // SIGTERM, and this thread waits for it.
        let outcome = ServerOutcome()
        Task {
            do {
                try await server.run { address in
                    let shown = accessToken.map { "\(address)?token=\($0)" } ?? address
                    FileHandle.standardOutput.write(Data("trueup: serving on \(shown) (Ctrl-C to stop)\n".utf8))
                }
            } catch {
                outcome.fail(error)
            }
            outcome.finished.signal()
        }
        outcome.finished.wait()
        if let error = outcome.error { throw UsageError("serve: \(error)") }
    }
}

/// How the server's task ended, for the waiting command.
private final class ServerOutcome: @unchecked Sendable {
    let finished = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var failure: (any Error)?

    func fail(_ error: any Error) { lock.withLock { failure = error } }
    var error: (any Error)? { lock.withLock { failure } }
}
