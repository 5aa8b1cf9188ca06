import Foundation
import Hummingbird
import Spreadsheet

/// What every response carries and every request must pass: the access token when the server
/// listens beyond this machine, a Host that is this machine's when it does not (so another
/// site's name cannot be pointed at it), an Origin that is the server's own on POST, the
/// security headers, a body its Content-Length says is larger than the upload limit refused before
/// any of it is read (413), and errors answered in one line, never a stack trace.
struct SecurityMiddleware<Context: RequestContext>: RouterMiddleware {
    let configuration: ServerConfiguration

    /// Nothing from elsewhere; the page's own CSS and script only.
    static var contentSecurityPolicy: String {
        "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'"
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        var response: Response
        if let refusal = refusal(request) {
            response = refusal
        } else if let token = configuration.accessToken, let entry = tokenEntry(request, token: token) {
            response = entry
        } else if let length = request.headers[.contentLength].flatMap({ Int($0) }),
            length > configuration.maxUploadBytes
        {
            response = Responses.problem(
                RequestProblem(.contentTooLarge, "the upload is too large"), api: request.uri.path.hasPrefix("/api/"))
        } else {
            do {
                response = try await next(request, context)
            } catch let problem as RequestProblem {
                response = Responses.problem(problem, api: request.uri.path.hasPrefix("/api/"))
            } catch let error as HTTPResponseError {
                let problem = RequestProblem(
                    error.status, error.status == .contentTooLarge ? "the upload is too large" : "\(error.status)")
                response = Responses.problem(problem, api: request.uri.path.hasPrefix("/api/"))
            } catch {
                response = Responses.problem(
                    RequestProblem(.internalServerError, "the request could not be done"),
                    api: request.uri.path.hasPrefix("/api/"))
            }
        }
        if response.headers[.contentSecurityPolicy] == nil {
            response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        }
        response.headers[.xContentTypeOptions] = "nosniff"
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        return response
    }

    /// A response refusing the request, or nil when it may go on.
    private func refusal(_ request: Request) -> Response? {
        let api = request.uri.path.hasPrefix("/api/")
        let authority = request.head.authority
        if configuration.accessToken == nil, let authority, !ServerConfiguration.isLoopback(Self.hostName(authority)) {
            return Responses.problem(RequestProblem(.forbidden, "this server answers only on this machine"), api: api)
        }
        if request.method == .post, let origin = request.headers[.origin] {
            let originAuthority = URL(string: origin).map { url in
                (url.host.map { $0.contains(":") ? "[\($0)]" : $0 } ?? "") + (url.port.map { ":\($0)" } ?? "")
            }
            if originAuthority == nil || originAuthority != authority {
                return Responses.problem(
                    RequestProblem(.forbidden, "a request from another site was refused"), api: api)
            }
        }
        return nil
    }

    /// Nil when the request carries the token (cookie or `Authorization: Bearer`); a redirect
    /// setting the cookie when it is in the query (`?token=…`); else a refusal.
    private func tokenEntry(_ request: Request, token: String) -> Response? {
        if let cookie = request.cookies["trueup_access"]?.value, RandomToken.same(cookie, token) { return nil }
        if let header = request.headers[.authorization], header.hasPrefix("Bearer "),
            RandomToken.same(String(header.dropFirst(7)), token)
        {
            return nil
        }
        if request.method == .get, let given = request.uri.queryParameters.get("token"), RandomToken.same(given, token)
        {
            var response = Responses.redirect(request.uri.path)
            response.setCookie(
                Cookie(name: "trueup_access", value: token, path: "/", httpOnly: true, sameSite: .strict))
            return response
        }
        return Responses.problem(
            RequestProblem(.unauthorized, "open the address trueup serve printed, with its ?token=…"),
            api: request.uri.path.hasPrefix("/api/"))
    }

    /// `127.0.0.1:8080` → `127.0.0.1`; `[::1]:8080` → `::1`.
    static func hostName(_ authority: String) -> String {
        if authority.hasPrefix("["), let end = authority.firstIndex(of: "]") {
            return String(authority[authority.index(after: authority.startIndex)..<end])
        }
        return String(authority.split(separator: ":").first ?? "")
    }
}

/// The responses the routes build.
enum Responses {
    static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func text(_ text: String, type: String) -> Response {
        Response(
            status: .ok, headers: [.contentType: type, .cacheControl: "max-age=3600"],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func json(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// A file the server made, as an attachment named `name`.
    static func download(_ data: Data, name: String, type: String) -> Response {
        let safe = Uploads.safeName(name, fallback: "download").replacingOccurrences(of: "\"", with: "_")
        return Response(
            status: .ok,
            headers: [.contentType: type, .contentDisposition: "attachment; filename=\"\(safe)\""],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// 303 See Other: the page to load after a POST.
    static func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }

    /// `{"error": "…"}` for the API; a page with the reason for the browser.
    static func problem(_ problem: RequestProblem, api: Bool) -> Response {
        if api {
            let line = problem.description.replacingOccurrences(of: "\n", with: " ")
            return json("{\"error\": \(JSONText.quoted(line))}\n", status: problem.status)
        }
        return html(
            Layout.page(
                "Something went wrong", active: "", session: nil, notice: problem.description,
                body: "<p><a href=\"/\">Back to the upload</a></p>\n"),
            status: problem.status)
    }
}
