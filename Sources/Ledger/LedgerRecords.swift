import Foundation
import GRDB
import Spreadsheet

/// One entry of the ledger's log: a period closed (from the engine or from a hand-kept workbook)
/// or reopened. Entries are only ever appended; a period's status is its latest entry's action.
///
/// Each entry holds the SHA-256 of the one before (`previousSHA256`), of its own rep totals and
/// lines (`contentSHA256`), and of all its own fields (`sha256`), so a changed row breaks the chain.
public struct LedgerEntry: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "entry"

    public enum Action: String, Codable, Sendable, Hashable {
        case close, reopen
    }

    /// Where a close's figures come from.
    public enum Source: String, Codable, Sendable, Hashable {
        /// The engine's statement: every line and rep total.
        case engine
        /// What a hand-kept workbook paid: its rep totals only.
        case workbook
    }

    public var id: Int64?
    public var action: Action
    /// The period's label, e.g. `2026-Q1`.
    public var period: String
    /// `month`, `quarter` or `year`, and the fiscal year's first month, as the plan had them.
    public var periodKind: String
    public var fiscalYearStart: Int
    public var source: Source?
    /// When, in UTC, as ISO 8601 to the second.
    public var recordedAt: String
    /// Who approved the close (or asked for the reopen).
    public var actor: String
    /// The close's note, or the reopen's reason.
    public var note: String?
    public var planName: String
    public var currency: String
    /// The plan file's text as it was when the period closed.
    public var planText: String?
    public var planSHA256: String?
    public var dealsSHA256: String?
    public var rosterSHA256: String?
    public var workbookSHA256: String?
    /// Σ payable of the rep totals, as a plain decimal.
    public var totalPayable: String
    public var lineCount: Int
    public var repCount: Int
    public var contentSHA256: String
    public var previousSHA256: String
    public var sha256: String

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// One rep's totals for a closed period, as paid. Money is kept as plain decimal text, exactly.
///
/// A period closed from a hand-kept workbook knows only what was paid: its other figures are nil.
public struct PaidTotal: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "repTotal"

    public var entryID: Int64
    public var position: Int
    public var rep: String
    public var name: String?
    public var team: String?
    public var period: String
    public var credit: String?
    public var earned: String?
    public var draw: String?
    public var drawPaid: String?
    public var recovered: String?
    public var payable: String
    public var balance: String?
}

/// One statement line of a closed period, as paid.
public struct PaidLine: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "line"

    public var entryID: Int64
    public var position: Int
    public var rep: String
    public var period: String
    /// `commission`, `bonus`, `true_up` or `clawback`.
    public var kind: String
    public var dealID: String?
    public var row: Int?
    public var credit: String?
    public var amount: String
    public var bonus: String?
    /// Flags joined by spaces.
    public var flags: String
    public var explanation: String
}

extension PaidTotal {
    public var payableValue: Decimal { LedgerMoney.decimal(payable) }
    public var balanceValue: Decimal? { balance.map(LedgerMoney.decimal) }
}

extension PaidLine {
    public var amountValue: Decimal { LedgerMoney.decimal(amount) }
    public var creditValue: Decimal? { credit.map(LedgerMoney.decimal) }
}

/// Money as the ledger stores it: plain decimal text, read back exactly.
public enum LedgerMoney {
    public static func decimal(_ text: String) -> Decimal {
        if case .value(let value) = Decimal.parse(text) { return value }
        return 0
    }
}

// Reading rows by column instead of through Decodable: verify and the true-ups read every line
// of a period, and a decoder per row costs several times the read itself.
extension PaidLine {
    public init(row: GRDB.Row) throws {
        self.init(
            entryID: try row.decode(forColumn: "entryID"), position: try row.decode(forColumn: "position"),
            rep: try row.decode(forColumn: "rep"), period: try row.decode(forColumn: "period"),
            kind: try row.decode(forColumn: "kind"), dealID: try row.decode(forColumn: "dealID"),
            row: try row.decode(forColumn: "row"), credit: try row.decode(forColumn: "credit"),
            amount: try row.decode(forColumn: "amount"),
            bonus: try row.decode(forColumn: "bonus"), flags: try row.decode(forColumn: "flags"),
            explanation: try row.decode(forColumn: "explanation"))
    }
}

extension PaidTotal {
    public init(row: GRDB.Row) throws {
        self.init(
            entryID: try row.decode(forColumn: "entryID"), position: try row.decode(forColumn: "position"),
            rep: try row.decode(forColumn: "rep"), name: try row.decode(forColumn: "name"),
            team: try row.decode(forColumn: "team"), period: try row.decode(forColumn: "period"),
            credit: try row.decode(forColumn: "credit"), earned: try row.decode(forColumn: "earned"),
            draw: try row.decode(forColumn: "draw"),
            drawPaid: try row.decode(forColumn: "drawPaid"), recovered: try row.decode(forColumn: "recovered"),
            payable: try row.decode(forColumn: "payable"), balance: try row.decode(forColumn: "balance"))
    }
}
