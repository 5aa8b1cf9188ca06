import Crypto
import Foundation

/// The ledger's hash chain: how an entry's content and fields are hashed, and the check of it.
///
/// Fields are joined with the unit separator (U+001F) and records end with the record separator
/// (U+001E), so no text a field can hold shifts one field into the next; nil is written as U+0000.
public enum HashChain {
    /// The `previousSHA256` of the first entry.
    public static let genesis = String(repeating: "0", count: 64)

    /// The SHA-256 of an entry's rep totals and lines, in their recorded order.
    static func contentDigest(totals: [PaidTotal], lines: [PaidLine]) -> String {
        var hasher = SHA256()
        for total in totals {
            hasher.update(
                record: [
                    "total", String(total.position), total.rep, total.name, total.team, total.period, total.credit,
                    total.earned, total.draw, total.drawPaid, total.recovered, total.payable, total.balance,
                ])
        }
        for line in lines {
            hasher.update(
                record: [
                    "line", String(line.position), line.rep, line.period, line.kind, line.dealID,
                    line.row.map(String.init), line.credit, line.amount, line.bonus, line.flags, line.explanation,
                ])
        }
        return hex(hasher.finalize())
    }

    /// The SHA-256 of every field of `entry` but its id and its own digest.
    static func entryDigest(_ entry: LedgerEntry) -> String {
        var hasher = SHA256()
        hasher.update(
            record: [
                entry.action.rawValue, entry.period, entry.periodKind, String(entry.fiscalYearStart),
                entry.source?.rawValue, entry.recordedAt, entry.actor, entry.note, entry.planName, entry.currency,
                entry.planText, entry.planSHA256, entry.dealsSHA256, entry.rosterSHA256, entry.workbookSHA256,
                entry.totalPayable, String(entry.lineCount), String(entry.repCount), entry.contentSHA256,
                entry.previousSHA256,
            ])
        return hex(hasher.finalize())
    }

    static func hex(_ digest: SHA256.Digest) -> String {
        digest.map { byte in (byte < 16 ? "0" : "") + String(byte, radix: 16) }.joined()
    }
}

extension SHA256 {
    fileprivate mutating func update(record fields: [String?]) {
        var bytes: [UInt8] = []
        for (index, field) in fields.enumerated() {
            if index > 0 { bytes.append(0x1F) }
            if let field { bytes += field.utf8 } else { bytes.append(0) }
        }
        bytes.append(0x1E)
        update(data: bytes)
    }
}
