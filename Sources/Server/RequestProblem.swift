import Foundation
import Hummingbird

/// A request the server cannot do, with the one line that says why; pages show it, the API
/// answers `{"error": "…"}` with its status.
struct RequestProblem: Error, Sendable, CustomStringConvertible {
    var status: HTTPResponse.Status
    var description: String

    init(_ status: HTTPResponse.Status, _ description: String) {
        self.status = status
        self.description = description
    }

    /// An input that was received but cannot be used (a bad workbook, a plan error): 422.
    static func unusable(_ description: String) -> RequestProblem { RequestProblem(.unprocessableContent, description) }
}

/// Runs blocking work (reading, reconciling, writing workbooks) on a thread of its own, so the
/// server's tasks go on answering meanwhile.
func offload<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global().async { continuation.resume(with: Result { try work() }) }
    }
}
