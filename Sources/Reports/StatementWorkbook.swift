import Commission
import Foundation
import Spreadsheet
import XLSX

/// The statement as a workbook for people: a Totals sheet (one row per rep and period) and a
/// Lines sheet (every line with its explanation), each with a bold frozen header, a filter,
/// money and percentage formats, and widths that fit.
public enum StatementWorkbook {
    public static func write(_ statement: Statement, to writer: WorkbookWriter) throws {
        try writer.beginSheet(
            "Totals",
            layout: SheetLayout(
                columnWidths: [
                    1: 10, 2: 22, 3: 14, 4: 10, 5: 16, 6: 14, 7: 11, 8: 14, 9: 12, 10: 12, 11: 12, 12: 14, 13: 12,
                ],
                frozenRows: 1, autoFilter: true))
        let totalHeaders = [
            "Rep", "Name", "Team", "Period", "Credit", "Quota", "Attainment", "Earned", "Draw", "Draw paid",
            "Recovered",
            "Payable", "Balance",
        ]
        try writer.writeRow(totalHeaders.map { .text($0, style: .header) })
        for total in statement.reps {
            try writer.writeRow([
                .text(total.rep), .text(total.name ?? ""), .text(total.team ?? ""), .text(total.period.description),
                .number(total.credit, style: .money), total.quota.map { .number($0, style: .money) } ?? .empty,
                total.attainment.map { .number($0.ratioRounded, style: .percent) } ?? .empty,
                .number(total.earned, style: .money), .number(total.draw, style: .money),
                .number(total.drawPaid, style: .money), .number(total.recovered, style: .money),
                .number(total.payable, style: .money), .number(total.balance, style: .money),
            ])
        }
        try writer.endSheet()

        try writer.beginSheet(
            "Lines",
            layout: SheetLayout(
                columnWidths: [1: 10, 2: 10, 3: 11, 4: 12, 5: 7, 6: 14, 7: 12, 8: 12, 9: 14, 10: 90],
                frozenRows: 1, autoFilter: true))
        let lineHeaders = [
            "Rep", "Period", "Kind", "Deal ID", "Row", "Credit", "Amount", "Rates", "Flags", "Explanation",
        ]
        try writer.writeRow(lineHeaders.map { .text($0, style: .header) })
        for line in statement.lineGroups.joined() {
            try writer.writeRow([
                .text(line.rep), .text(line.period.description), .text(line.kind.rawValue), .text(line.dealID ?? ""),
                line.row.map { .number(Decimal($0)) } ?? .empty,
                line.credit.map { .number($0, style: .money) } ?? .empty,
                .number(line.amount, style: .money), .text(line.rates.map(\.percentText).joined(separator: ", ")),
                .text(line.flags.names.joined(separator: ", ")), .text(line.explanation),
            ])
        }
        try writer.endSheet()
    }
}
