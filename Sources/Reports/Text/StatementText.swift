import CSV
import Commission
import Foundation
import Spreadsheet

/// The statement as a terminal table: per rep and period, and optionally every line.
public struct StatementText: Sendable {
    public let statement: Statement
    public let showLines: Bool
    /// The terminal's width, when the output goes to one: tables wrap to fit it.
    public var width: Int?

    public init(statement: Statement, showLines: Bool, width: Int? = nil) {
        self.statement = statement
        self.showLines = showLines
        self.width = width
    }

    public func render() -> String {
        var out = statement.plan + (statement.currency.isEmpty ? "" : " (\(statement.currency))") + "\n\n"
        let header = [
            "Rep", "Name", "Period", "Credit", "Quota", "Attain.", "Earned", "Draw paid", "Recovered", "Payable",
        ]
        var rows: [[String]] = []
        for total in statement.reps {
            rows.append([
                total.rep, total.name ?? "", total.period.description, total.credit.groupedMoneyText,
                total.quota?.groupedMoneyText ?? "—", total.attainment.map(\.attainmentPercent) ?? "—",
                total.earned.groupedMoneyText, total.drawPaid.groupedMoneyText, total.recovered.groupedMoneyText,
                total.payable.groupedMoneyText,
            ])
        }
        out += TextTable(header: header, rows: rows, rightAligned: Set(3..<header.count)).render(width: width)
        let payable = statement.reps.reduce(Decimal(0)) { $0 + $1.payable }
        out +=
            "\nTotal payable: \(payable.groupedMoneyText) \(statement.currency) across \(statement.reps.count) rep-periods\n"
        if showLines {
            out += "\nLines:\n"
            for line in statement.lineGroups.joined() {
                let deal = line.dealID ?? "—"
                out +=
                    "  \(line.rep)  \(line.period)  \(line.kind.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0))"
                out +=
                    "  \(deal.padding(toLength: 10, withPad: " ", startingAt: 0))  \(line.amount.groupedMoneyText)  \(line.explanation)"
                // A line read from a workbook names its sheet and row: two sheets' row 2 are two rows.
                if let sheet = line.sheet, let row = line.row {
                    out += "  (\(Location.quotedSheetName(sheet)) row \(row))"
                }
                out += "\n"
            }
        }
        if !statement.issues.isEmpty {
            out += "\nNoted in the data:\n"
            for issue in statement.issues {
                let sheet = issue.details.first { $0.0 == "sheet" }.map { Location.quotedSheetName($0.1) + " " } ?? ""
                let rows =
                    issue.rows.isEmpty
                    ? "" : " (\(sheet)row " + issue.rows.map(String.init).joined(separator: ", ") + ")"
                out += "  \(issue.code)\(rows): \(issue.message)\n"
            }
        }
        return out
    }
}

extension Decimal {
    public var attainmentPercent: String { (self * 100).rounded(places: 1, mode: .halfUp).plainText + "%" }
}

extension Statement {
    /// Text fields a spreadsheet would run as formulas are neutralised (`CSVWriter`).
    public var totalsCSV: String {
        var out = ""
        var writer = CSVWriter { out += String(decoding: $0, as: UTF8.self) }
        writer.write(texts: [
            "rep", "name", "team", "period", "credit", "quota", "attainment", "earned", "draw", "draw_paid",
            "recovered",
            "payable", "balance",
        ])
        for t in reps {
            writer.write(texts: [
                t.rep, t.name ?? "", t.team ?? "", t.period.description, t.credit.moneyText, t.quota?.moneyText ?? "",
                t.attainment?.ratioText ?? "", t.earned.moneyText, t.draw.moneyText, t.drawPaid.moneyText,
                t.recovered.moneyText, t.payable.moneyText, t.balance.moneyText,
            ])
        }
        return out
    }

    public var linesCSV: String {
        var out = ""
        var writer = CSVWriter { out += String(decoding: $0, as: UTF8.self) }
        writer.write(texts: [
            "rep", "period", "kind", "deal_id", "row", "credit", "amount", "rates", "flags", "explanation",
        ])
        for l in lineGroups.joined() {
            writer.write(texts: [
                l.rep, l.period.description, l.kind.rawValue, l.dealID ?? "", l.row.map(String.init) ?? "",
                l.credit?.moneyText ?? "", l.amount.moneyText, l.rates.map(\.plainText).joined(separator: " "),
                l.flags.names.joined(separator: " "), l.explanation,
            ])
        }
        return out
    }
}
