import Foundation

/// One browser's work: its private folder, its CSRF token, what it uploaded and decided.
struct Session: Sendable {
    let id: String
    /// Sent back in every form; a POST without it is refused.
    let csrf: String
    /// Private (0700), inside the server's own folder; removed when the session ends.
    let folder: String
    var files: InputFiles?
    /// `FIELD=HEADER` pins the user set on the mapping form.
    var map: [String] = []
    var analysis: Analysis?
    /// Indexes (into the findings) of the corrections the user declined.
    var declined: Set<Int> = []
    /// The last problem to show at the top of the next page.
    var notice: String?
    var lastUsed = Date()
    /// Whether the server has a ledger (`--ledger`): its pages are linked only then.
    var hasLedger = false

    init(id: String, csrf: String, folder: String, hasLedger: Bool = false) {
        self.id = id
        self.csrf = csrf
        self.folder = folder
        self.hasLedger = hasLedger
    }
}

/// The sessions of a running server and the folder that holds their files; every folder is
/// made 0700 and removed when its session ends, goes idle, or the server stops.
actor SessionStore {
    /// The server's own temporary folder; each session's folder is inside it.
    nonisolated let root: String
    private let idleSeconds: TimeInterval
    private let hasLedger: Bool
    private var sessions: [String: Session] = [:]

    init(idleSeconds: TimeInterval, ledger: Bool = false) throws {
        let root = (NSTemporaryDirectory() as NSString).appendingPathComponent(
            "trueup-serve-\(RandomToken.make(bytes: 8))")
        try Self.makePrivateFolder(root)
        self.root = root
        self.idleSeconds = idleSeconds
        hasLedger = ledger
    }

    /// A new session with its own folder; idle sessions are ended first.
    func create() throws -> Session {
        sweep()
        let id = RandomToken.make()
        let folder = (root as NSString).appendingPathComponent(id)
        try Self.makePrivateFolder(folder)
        let session = Session(id: id, csrf: RandomToken.make(), folder: folder, hasLedger: hasLedger)
        sessions[id] = session
        return session
    }

    /// The session with `id`, marked as used now.
    func session(_ id: String?) -> Session? {
        guard let id, var session = sessions[id] else { return nil }
        session.lastUsed = Date()
        sessions[id] = session
        return session
    }

    func save(_ session: Session) {
        guard sessions[session.id] != nil else { return }
        sessions[session.id] = session
    }

    /// Ends the session and removes its files.
    func end(_ id: String) {
        guard let session = sessions.removeValue(forKey: id) else { return }
        try? FileManager.default.removeItem(atPath: session.folder)
    }

    var count: Int { sessions.count }

    /// Removes every session's files and the server's folder (at exit).
    nonisolated func removeAll() {
        try? FileManager.default.removeItem(atPath: root)
    }

    private func sweep() {
        let now = Date()
        for (id, session) in sessions where now.timeIntervalSince(session.lastUsed) > idleSeconds { end(id) }
    }

    /// Makes `path` (and nothing above it) readable only by this user.
    static func makePrivateFolder(_ path: String) throws {
        try FileManager.default.createDirectory(
            atPath: path, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
    }

    /// A folder of its own for one API call, inside the server's folder; the caller removes it.
    func scratchFolder() throws -> String {
        let folder = (root as NSString).appendingPathComponent("api-\(RandomToken.make(bytes: 8))")
        try Self.makePrivateFolder(folder)
        return folder
    }
}

/// Uploaded files, stored in a session's folder under the names their owner gave them.
enum Uploads {
    /// Writes `part` as `folder/role/NAME` (0600), NAME being the file's own name made safe.
    static func store(_ part: FormPart, role: String, in folder: String) throws(RequestProblem) -> (
        path: String, name: String
    ) {
        let name = safeName(part.filename ?? role, fallback: role)
        let directory = (folder as NSString).appendingPathComponent(role)
        let path = (directory as NSString).appendingPathComponent(name)
        do {
            try? FileManager.default.removeItem(atPath: directory)
            try SessionStore.makePrivateFolder(directory)
            guard
                FileManager.default.createFile(
                    atPath: path, contents: part.data, attributes: [.posixPermissions: 0o600])
            else { throw RequestProblem(.internalServerError, "\(name): cannot be stored") }
        } catch let problem as RequestProblem {
            throw problem
        } catch {
            throw RequestProblem(.internalServerError, "\(name): cannot be stored")
        }
        return (path, name)
    }

    /// The last path component, with anything but letters, digits, `.`, `-`, `_` and spaces
    /// replaced; never empty, never `.` or `..`, at most 120 characters.
    static func safeName(_ raw: String, fallback: String) -> String {
        let last = raw.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_ ")
        var name = String(last.map { allowed.contains($0) ? $0 : "_" }.suffix(120))
        while name.hasPrefix(".") { name.removeFirst() }
        return name.trimmingCharacters(in: .whitespaces).isEmpty ? fallback : name
    }

    /// Stores the upload's `workbook`, `plan`, `roster`, `deals` and `pipeline` files (the first
    /// two required) and names them for messages.
    static func inputFiles(_ form: FormData, in folder: String) throws(RequestProblem)
        -> InputFiles
    {
        guard let workbook = form.file("workbook") else {
            throw RequestProblem(.badRequest, "no workbook was uploaded")
        }
        guard let plan = form.file("plan") else { throw RequestProblem(.badRequest, "no plan file was uploaded") }
        var names: [String: String] = [:]
        func keep(_ part: FormPart, _ role: String) throws(RequestProblem) -> String {
            let stored = try store(part, role: role, in: folder)
            names[stored.path] = stored.name
            return stored.path
        }
        var files = InputFiles(workbook: try keep(workbook, "workbook"), plan: try keep(plan, "plan"))
        if let roster = form.file("roster") { files.roster = try keep(roster, "roster") }
        if let deals = form.file("deals") { files.deals = try keep(deals, "deals") }
        if let pipeline = form.file("pipeline") { files.pipeline = try keep(pipeline, "pipeline") }
        files.names = names
        return files
    }
}
