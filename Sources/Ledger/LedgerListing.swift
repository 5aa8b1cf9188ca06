import CSV
import Commission
import Foundation
import Spreadsheet
import XLSX

/// The ledger for auditors: its periods (status, totals, who and when) and one period as paid,
/// as JSON, CSV and a workbook. Money is plain decimal text in JSON and CSV, numbers in the workbook.
public enum LedgerListing {
    public static let periodHeader = [
        "period", "status", "source", "reps", "lines", "payable", "currency", "closed_by", "closed_at", "note",
        "reopened_by", "reopened_at", "reason", "sha256",
    ]

    /// One row of `periodHeader` per period; `reopened_by`, `reopened_at` and `reason` are the
    /// period's latest reopen, kept after it is closed again.
    public static func periodRows(_ statuses: [PeriodStatus]) -> [[String]] {
        statuses.map { status in
            let close = status.close
            return [
                status.period, status.isClosed ? "closed" : "reopened", close.source?.rawValue ?? "",
                String(close.repCount), String(close.lineCount), LedgerMoney.decimal(close.totalPayable).moneyText,
                close.currency, close.actor, close.recordedAt, close.note ?? "", status.lastReopen?.actor ?? "",
                status.lastReopen?.recordedAt ?? "", status.lastReopen?.note ?? "", (status.reopen ?? close).sha256,
            ]
        }
    }

    public static func periodsJSON(_ statuses: [PeriodStatus], ledger: String) -> String {
        let rows = periodRows(statuses).map { row in
            JSONText.object(
                zip(periodHeader, row).map { key, value in
                    switch key {
                    case "reps", "lines": (key, value)
                    case "payable": (key, JSONText.quoted(value))
                    default: (key, value.isEmpty && key != "note" ? "null" : JSONText.quoted(value))
                    }
                })
        }
        return "{\"ledger\": \(JSONText.quoted(ledger)), \"periods\": ["
            + (rows.isEmpty ? "" : "\n  " + rows.joined(separator: ",\n  ")) + "]}\n"
    }

    public static func periodsCSV(_ statuses: [PeriodStatus]) -> String {
        ([periodHeader] + periodRows(statuses)).map { CSVFormatting.record($0) }.joined()
    }

    public static let totalHeader = [
        "rep", "name", "team", "period", "credit", "earned", "draw", "draw_paid", "recovered", "payable", "balance",
    ]

    static func totalRow(_ total: PaidTotal) -> [String?] {
        [
            total.rep, total.name, total.team, total.period, total.credit, total.earned, total.draw, total.drawPaid,
            total.recovered, total.payable, total.balance,
        ]
    }

    /// One period as paid: the close's who, when and inputs, every rep total and line.
    public static func periodJSON(_ paid: PaidPeriod, status: PeriodStatus?) -> String {
        let entry = paid.entry
        func money(_ text: String?) -> String {
            text.map { JSONText.quoted(LedgerMoney.decimal($0).moneyText) } ?? "null"
        }
        func text(_ value: String?) -> String { value.map(JSONText.quoted) ?? "null" }
        let totals = paid.totals.map { total in
            JSONText.object(
                zip(totalHeader, totalRow(total)).map { key, value in
                    (key, ["rep", "name", "team", "period"].contains(key) ? text(value) : money(value))
                })
        }
        let lines = paid.lines.map { line in
            var pairs: [(String, String)] = [
                ("deal_id", text(line.dealID)), ("rep", text(line.rep)), ("period", text(line.period)),
                ("kind", text(line.kind)), ("credit", money(line.credit)), ("amount", money(line.amount)),
                ("explanation", text(line.explanation)),
            ]
            if let row = line.row { pairs.append(("row", String(row))) }
            if !line.flags.isEmpty {
                pairs.append(
                    (
                        "flags",
                        "["
                            + line.flags.split(separator: " ").map { JSONText.quoted(String($0)) }.joined(
                                separator: ", ") + "]"
                    ))
            }
            if let bonus = line.bonus { pairs.append(("bonus", text(bonus))) }
            return JSONText.object(pairs)
        }
        let head: [(String, String)] = [
            ("period", text(entry.period)), ("status", text(status?.isClosed == false ? "reopened" : "closed")),
            ("source", text(entry.source?.rawValue)), ("plan", text(entry.planName)),
            ("currency", text(entry.currency)),
            ("closed_by", text(entry.actor)), ("closed_at", text(entry.recordedAt)), ("note", text(entry.note)),
            ("payable", money(entry.totalPayable)),
            (
                "inputs",
                JSONText.object([
                    ("plan_sha256", text(entry.planSHA256)), ("deals_sha256", text(entry.dealsSHA256)),
                    ("roster_sha256", text(entry.rosterSHA256)), ("workbook_sha256", text(entry.workbookSHA256)),
                ])
            ),
            ("sha256", text(entry.sha256)),
        ]
        var out = "{" + head.map { JSONText.quoted($0.0) + ": " + $0.1 }.joined(separator: ", ")
        out += ",\n \"reps\": [" + (totals.isEmpty ? "" : "\n  " + totals.joined(separator: ",\n  ")) + "]"
        out += ",\n \"lines\": [" + (lines.isEmpty ? "" : "\n  " + lines.joined(separator: ",\n  ")) + "]}\n"
        return out
    }

    /// One period's rep totals as paid, as CSV.
    public static func periodCSV(_ paid: PaidPeriod) -> String {
        ([totalHeader] + paid.totals.map { totalRow($0).map { $0 ?? "" } }).map { CSVFormatting.record($0) }.joined()
    }

    /// A Periods sheet (one row per period) and a Paid sheet (every rep total of every period,
    /// as paid by its latest close).
    public static func writeWorkbook(_ statuses: [PeriodStatus], paid: [PaidPeriod], to writer: WorkbookWriter) throws {
        try writer.beginSheet(
            "Periods",
            layout: SheetLayout(
                columnWidths: [
                    1: 10, 2: 10, 3: 10, 4: 7, 5: 8, 6: 16, 7: 9, 8: 16, 9: 22, 10: 30, 11: 16, 12: 22, 13: 30, 14: 66,
                ],
                frozenRows: 1, autoFilter: true))
        try writer.writeRow(periodHeader.map { .text($0, style: .header) })
        for (status, row) in zip(statuses, periodRows(statuses)) {
            try writer.writeRow(
                row.enumerated().map { column, value in
                    switch column {
                    case 3, 4: .number(Decimal(Int(value) ?? 0))
                    case 5: .number(LedgerMoney.decimal(status.close.totalPayable), style: .money)
                    default: .text(value)
                    }
                })
        }
        try writer.endSheet()
        try writer.beginSheet(
            "Paid",
            layout: SheetLayout(
                columnWidths: [1: 10, 2: 22, 3: 14, 4: 10, 5: 14, 6: 14, 7: 12, 8: 12, 9: 12, 10: 14, 11: 12],
                frozenRows: 1, autoFilter: true))
        try writer.writeRow(totalHeader.map { .text($0, style: .header) })
        for period in paid {
            for total in period.totals {
                try writer.writeRow(
                    totalRow(total).enumerated().map { column, value in
                        guard column >= 4 else { return .text(value ?? "") }
                        return value.map { .number(LedgerMoney.decimal($0), style: .money) } ?? .empty
                    })
            }
        }
        try writer.endSheet()
    }
}
