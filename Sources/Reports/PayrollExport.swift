import CSV
import Commission
import Foundation
import Spreadsheet

/// One line payroll pays: what a rep is owed for one period, in the plan's currency.
public struct PayrollLine: Sendable, Hashable {
    public var rep: String
    public var name: String
    public var period: Period
    /// The engine's payable: earned commission after draws and recoveries, rounded by the plan.
    public var payable: Decimal
    public var currency: String

    public init(rep: String, name: String, period: Period, payable: Decimal, currency: String) {
        self.rep = rep
        self.name = name
        self.period = period
        self.payable = payable
        self.currency = currency
    }
}

/// The payroll hand-off: one line per rep and period, constant values in the order the engine
/// reported them, so the lines add up to the statement's payable total to the cent.
public enum PayrollExport {
    public static let header = ["rep_id", "name", "period", "payable", "currency"]

    public static func lines(_ statement: Statement) -> [PayrollLine] {
        statement.reps.map { total in
            PayrollLine(
                rep: total.rep, name: total.name ?? "", period: total.period, payable: total.payable,
                currency: statement.currency)
        }
    }

    /// The sum every payroll file must add up to.
    public static func total(_ lines: [PayrollLine]) -> Decimal {
        lines.reduce(Decimal(0)) { $0 + $1.payable }
    }

    /// Writes the lines as CSV (RFC 4180, UTF-8, CRLF; a BOM first when asked, for Excel).
    /// Text that a spreadsheet would run as a formula is neutralised; amounts are plain
    /// decimals with at least two places, no grouping and no currency symbol.
    public static func writeCSV(_ lines: [PayrollLine], byteOrderMark: Bool, emit: @escaping ([UInt8]) -> Void) {
        var writer = CSVWriter(options: CSVWriter.Options(byteOrderMark: byteOrderMark), emit: emit)
        writer.write(texts: header)
        for line in lines {
            writer.write([
                .text(line.rep), .text(line.name), .text(line.period.description), .text(line.payable.moneyText),
                .text(line.currency),
            ])
        }
    }
}
