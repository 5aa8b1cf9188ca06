import Commission
import Foundation
import Parallel
import Primitives
import Spreadsheet

/// What `trueup calculate --format json` prints (plan-format.md section 4): every line, every
/// rep-period's totals and the conditions the engine reported. Money and ratios are strings of
/// plain decimals.
public struct StatementDocument: Codable, Sendable {
    public var plan: String
    public var currency: String
    public var lines: [Line]
    public var reps: [RepTotal]
    public var issues: [Issue]

    public init(plan: String, currency: String, lines: [Line], reps: [RepTotal], issues: [Issue]) {
        self.plan = plan
        self.currency = currency
        self.lines = lines
        self.reps = reps
        self.issues = issues
    }

    public init(_ statement: Statement) {
        self.init(
            plan: statement.plan, currency: statement.currency, lines: statement.lineGroups.joined().map(Line.init),
            reps: statement.reps.map(RepTotal.init), issues: statement.issues.map(Issue.init))
    }

    public struct Line: Codable, Sendable, Hashable {
        public var dealID: String?
        public var rep: String
        public var period: String
        public var kind: String
        public var credit: MoneyText?
        public var amount: MoneyText
        public var rates: [PlainDecimalText]
        public var explanation: String
        // A line names its row, flags and bonus only when it has them, as the contract's
        // expected output does.
        @OmittedWhenDefault public var row: Int?
        /// The sheet `row` stands on, for a line read from a workbook (an addition to the contract).
        @OmittedWhenDefault public var sheet: String?
        @OmittedWhenDefault public var flags: [String]
        @OmittedWhenDefault public var bonus: String?

        enum CodingKeys: String, CodingKey {
            case dealID = "deal_id"
            case rep, period, kind, credit, amount, rates, explanation, row, sheet, flags, bonus
        }

        public init(_ line: StatementLine) {
            dealID = line.dealID
            rep = line.rep
            period = line.period.description
            kind = line.kind.rawValue
            credit = line.credit.map(MoneyText.init)
            amount = MoneyText(line.amount)
            rates = line.rates.map(PlainDecimalText.init)
            explanation = line.explanation
            row = line.row
            sheet = line.sheet
            flags = line.flags.names
            bonus = line.bonusName
        }
    }

    public struct RepTotal: Codable, Sendable, Hashable {
        public var rep: String
        public var name: String?
        /// `team` and `ytd_quota` stand only where they apply, as in the contract's output.
        @OmittedWhenDefault public var team: String?
        public var period: String
        public var credit: MoneyText
        public var quota: MoneyText?
        public var attainment: RatioText?
        /// The annual quota, for `basis: ytd` (plan-format.md section 7).
        @OmittedWhenDefault public var ytdQuota: MoneyText?
        public var earned: MoneyText
        public var draw: MoneyText
        public var drawPaid: MoneyText
        public var recovered: MoneyText
        public var payable: MoneyText
        public var balance: MoneyText
        /// Read as false from a document without it (the contract's expected output has none).
        @DefaultWhenAbsent public var gated: Bool

        enum CodingKeys: String, CodingKey {
            case rep, name, team, period, credit, quota, attainment
            case ytdQuota = "ytd_quota"
            case earned, draw
            case drawPaid = "draw_paid"
            case recovered, payable, balance, gated
        }

        public init(_ total: RepPeriodTotal) {
            rep = total.rep
            name = total.name
            team = total.team
            period = total.period.description
            credit = MoneyText(total.credit)
            quota = total.quota.map(MoneyText.init)
            attainment = total.attainment.map(RatioText.init)
            ytdQuota = total.ytdQuota.map(MoneyText.init)
            earned = MoneyText(total.earned)
            draw = MoneyText(total.draw)
            drawPaid = MoneyText(total.drawPaid)
            recovered = MoneyText(total.recovered)
            payable = MoneyText(total.payable)
            balance = MoneyText(total.balance)
            gated = total.gated
        }
    }

    /// A condition the engine reported: `row` for one row or `rows` for several, then its
    /// figures by name (`status`, `days`, `window_days`, `total`) beside the code, as the
    /// contract's output writes them.
    public struct Issue: Codable, Sendable, Hashable {
        public var code: StatementIssue.Code
        public var rows: [Int]
        public var dealID: String?
        public var rep: String?
        public var details: [String: String]
        public var message: String

        public init(_ issue: StatementIssue) {
            code = issue.code
            rows = issue.rows
            dealID = issue.dealID
            rep = issue.rep
            details = Dictionary(issue.details, uniquingKeysWith: { first, _ in first })
            message = issue.message
        }

        private static let fixedKeys: Set = ["code", "row", "rows", "deal_id", "rep", "message"]

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: AnyKey.self)
            code = try container.decode(StatementIssue.Code.self, forKey: AnyKey("code"))
            rows =
                try container.decodeIfPresent([Int].self, forKey: AnyKey("rows"))
                ?? container.decodeIfPresent(Int.self, forKey: AnyKey("row")).map { [$0] } ?? []
            dealID = try container.decodeIfPresent(String.self, forKey: AnyKey("deal_id"))
            rep = try container.decodeIfPresent(String.self, forKey: AnyKey("rep"))
            message = try container.decodeIfPresent(String.self, forKey: AnyKey("message")) ?? ""
            var details: [String: String] = [:]
            for key in container.allKeys where !Self.fixedKeys.contains(key.stringValue) {
                details[key.stringValue] =
                    try (try? container.decode(String.self, forKey: key))
                    ?? String(container.decode(Int.self, forKey: key))
            }
            self.details = details
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: AnyKey.self)
            try container.encode(code, forKey: AnyKey("code"))
            if rows.count == 1 {
                try container.encode(rows[0], forKey: AnyKey("row"))
            } else {
                try container.encode(rows, forKey: AnyKey("rows"))
            }
            if let dealID { try container.encode(dealID, forKey: AnyKey("deal_id")) }
            if let rep { try container.encode(rep, forKey: AnyKey("rep")) }
            // Details in name order; whole numbers as numbers.
            for key in details.keys.sorted() {
                let value = details[key]!
                if let number = Int(value) {
                    try container.encode(number, forKey: AnyKey(key))
                } else {
                    try container.encode(value, forKey: AnyKey(key))
                }
            }
            try container.encode(message, forKey: AnyKey("message"))
        }
    }
}

extension StatementDocument {
    /// Writes `statement`'s document piece by piece, byte for byte as `OrderedJSONEncoder` writes
    /// `StatementDocument(statement)` whole, so a million lines never sit in one string.
    public static func write(_ statement: Statement, to write: (String) -> Void) throws {
        try Self.write(statement, adding: String?.none, to: write)
    }

    /// The statement's document with `members`' own members (an object's) after the issues, in
    /// the same object, as `ExtendedDocument` adds them.
    public static func write<Members: Encodable>(
        _ statement: Statement, adding members: Members?, to write: (String) -> Void
    ) throws {
        try Self.write(statement, adding: members) { write(String(decoding: $0, as: UTF8.self)) }
    }

    /// The statement's document with `members`' own members after the issues, handed to `write`
    /// as UTF-8 bytes (valid only during each call).
    public static func write<Members: Encodable>(
        _ statement: Statement, adding members: Members?, writingBytes write: (UnsafeRawBufferPointer) -> Void
    ) throws {
        try withoutActuallyEscaping(write) { write in
            var writer = StatementDocumentWriter(
                plan: statement.plan, currency: statement.currency, writingBytes: write)
            // Windows of about 50,000 lines, each rendered on all cores.
            let groups = statement.lineGroups
            for window in windows(over: groups.count, holding: 50_000, size: { groups[$0].count }) {
                writer.append(Array(groups[window]))
            }
            try writer.finish(reps: statement.reps, issues: statement.issues, adding: members)
        }
    }
}

/// Lines of a statement's document rendered as text (`StatementDocumentWriter.render`), to be
/// written in order.
public struct RenderedLines: Sendable {
    /// UTF-8 text, each chunk's lines after a comma (`,\n  `).
    fileprivate let chunks: [TextBuffer]
}

/// Writes a statement's document (`calculate --format json`) as its lines come: the head, then
/// each batch of lines (rendered on all cores, written in order), then the totals, the issues and
/// any further members. The text is byte for byte what `OrderedJSONEncoder` writes for the whole
/// `StatementDocument`.
public struct StatementDocumentWriter {
    /// Takes the document's UTF-8 bytes in order; they are valid only during the call.
    private let writeBytes: (UnsafeRawBufferPointer) -> Void
    private var first = true

    /// Writes the document's head (`plan`, `currency`, the opening of `lines`), handing the text
    /// to `write` as UTF-8 bytes (valid only during each call): the lines' bytes, rendered on
    /// other threads, reach it without being copied into strings.
    public init(plan: String, currency: String, writingBytes write: @escaping (UnsafeRawBufferPointer) -> Void) {
        writeBytes = write
        let head = #"{"plan": "# + JSONText.quoted(plan) + #",\#n "currency": "# + JSONText.quoted(currency)
        self.write(head + #",\#n "lines": ["#)
    }

    private func write(_ text: String) {
        var text = text
        text.withUTF8 { writeBytes(UnsafeRawBufferPointer($0)) }
    }

    /// Writes the next lines: `groups` in order, each a rep's lines in order.
    public mutating func append(_ groups: [[StatementLine]]) { append(Self.render(groups)) }

    /// The text of `groups`' lines, in order, for `append(_:)`: each line's object after a comma,
    /// rendered on all cores when there are many. Safe on any thread, for rendering lines where
    /// they are computed.
    public static func render(_ groups: [[StatementLine]]) -> RenderedLines {
        let chunks = chunkCount(items: groups.reduce(0) { $0 + $1.count }, minimum: 2_000)
        let rendered = inParallel(chunks: chunks) { chunk in
            let slice = groups[chunkRange(chunk, of: chunks, total: groups.count)]
            // About what a line takes, so that the bytes seldom move as they grow.
            var bytes = TextBuffer(capacity: slice.reduce(0) { $0 + $1.count } * 320)
            var periods = StatementDocument.Line.PeriodText()
            for line in slice.joined() {
                StatementDocument.Line.appendJSON(of: line, to: &bytes, after: ",\n  ", periods: &periods)
            }
            return bytes
        }
        return RenderedLines(chunks: rendered)
    }

    /// Writes the next lines, rendered by `render`.
    public mutating func append(_ lines: RenderedLines) {
        for chunk in lines.chunks where chunk.count > 0 {
            chunk.withUnsafeBytes { bytes in
                if first {
                    // The document's first line follows the opening bracket, not a comma.
                    write("\n  ")
                    writeBytes(UnsafeRawBufferPointer(rebasing: bytes[4...]))
                } else {
                    writeBytes(bytes)
                }
            }
            first = false
        }
    }

    /// Closes the lines and writes the totals, the issues and `members`' own members (an
    /// object's), then closes the document.
    public func finish<Members: Encodable>(
        reps: [RepPeriodTotal], issues: [StatementIssue], adding members: Members?
    ) throws {
        let encoder = OrderedJSONEncoder()
        func list(_ items: [some Encodable]) throws -> String {
            try "[" + items.map { "\n  " + (try encoder.encodeListElement($0)) }.joined(separator: ",") + "]"
        }
        let totals = try list(reps.map(StatementDocument.RepTotal.init))
        write(#"],\#n "reps": "# + totals)
        let noted = try list(issues.map(StatementDocument.Issue.init))
        write(#",\#n "issues": "# + noted)
        // The members' object as the encoder writes it, less its braces, continues this one.
        let more = try members.map { try encoder.encode($0).dropFirst().dropLast(2) } ?? ""
        write((more.isEmpty ? "" : ",\n " + String(more)) + "}\n")
    }
}
