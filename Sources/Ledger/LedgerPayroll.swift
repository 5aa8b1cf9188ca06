import CSV
import Commission
import Foundation
import Spreadsheet

/// The payroll hand-off against a ledger: open periods paid in full (`regular`), closed periods
/// paid by their adjustment only (`adjustment`), each line naming its period. A period closed and
/// reopened since is paid by its adjustment too (what is due now less what its last close
/// recorded as paid), never in full a second time.
public enum LedgerPayroll {
    public static let header = ["rep_id", "name", "period", "kind", "payable", "currency"]

    public enum Kind: String, Sendable {
        case regular, adjustment
    }

    public struct Line: Sendable, Hashable {
        public var rep: String
        public var name: String
        public var period: String
        public var kind: Kind
        public var payable: Decimal
    }

    /// Adjustments first (they settle periods already paid), then every rep-period never closed.
    public static func lines(_ statement: Statement, trueUp: TrueUp) -> [Line] {
        let closed = Set(trueUp.closedPeriods + trueUp.reopenedPeriods)
        var lines = trueUp.adjustments.map { adjustment in
            Line(
                rep: adjustment.rep, name: adjustment.name ?? "", period: adjustment.period.description,
                kind: .adjustment, payable: adjustment.difference)
        }
        for total in statement.reps where !closed.contains(total.period) {
            lines.append(
                Line(
                    rep: total.rep, name: total.name ?? "", period: total.period.description, kind: .regular,
                    payable: total.payable))
        }
        return lines
    }

    public static func total(_ lines: [Line]) -> Decimal { lines.reduce(Decimal(0)) { $0 + $1.payable } }

    /// Writes the lines as CSV as `PayrollExport` does (RFC 4180, UTF-8, CRLF, formulas neutralised).
    public static func writeCSV(
        _ lines: [Line], currency: String, byteOrderMark: Bool, emit: @escaping ([UInt8]) -> Void
    ) {
        var writer = CSVWriter(options: CSVWriter.Options(byteOrderMark: byteOrderMark), emit: emit)
        writer.write(texts: header)
        for line in lines {
            writer.write([
                .text(line.rep), .text(line.name), .text(line.period), .text(line.kind.rawValue),
                .text(line.payable.moneyText), .text(currency),
            ])
        }
    }
}
