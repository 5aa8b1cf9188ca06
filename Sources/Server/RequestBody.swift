import Hummingbird

/// A request's body read whole, within the upload limit.
enum RequestBody {
    /// The body of `request`, at most `limit` bytes: more is 413 (said before any of it is read
    /// when its Content-Length says so, by `SecurityMiddleware`), and a body that cannot be read
    /// (a chunked body whose chunks do not parse, a connection closed mid-body) is 400, not a 500.
    static func collect(_ request: Request, limit: Int) async throws -> ByteBuffer {
        do {
            return try await request.body.collect(upTo: limit)
        } catch let error as HTTPResponseError {
            throw error
        } catch {
            throw RequestProblem(.badRequest, "the request's body could not be read (malformed or cut short)")
        }
    }
}
