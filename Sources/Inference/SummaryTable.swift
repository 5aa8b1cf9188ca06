import Commission
import Foundation
import Ingest
import Spreadsheet

/// A summary sheet read as a table: one row per rep and period, with the columns that say what
/// a rep-period was paid beyond its lines (an attainment bonus, the earnings, a draw's recovery,
/// the payable).
struct SummaryTable {
    struct Entry {
        var row: Int
        /// The rep as the summary writes it, in compared form.
        var rep: String
        /// The period label as written (`2026-07`, `2026-Q3`).
        var period: String
        var bonus: Decimal?
        var earned: Decimal?
        var recovered: Decimal?
        var payable: Decimal?
        var payableFormula: String?
        /// The draw a Draw column writes beside the earnings (`Commission | Draw | MAX(C,D)`).
        var draw: Decimal? = nil
    }

    var sheet: String
    /// Header text of each column read: `bonus`, `earned`, `recovered`, `payable`.
    var headers: [String: String]
    var entries: [Entry]

    /// The first other sheet whose header row names a rep and a period column and at least one
    /// of bonus, earned, recovered or payable; nil when there is none.
    static func find(in evidence: WorkbookEvidence) -> SummaryTable? {
        for sheet in evidence.otherSheets {
            for row in sheet.rows.prefix(30) {
                if let table = read(sheet, header: row) { return table }
            }
        }
        return nil
    }

    private static func key(_ text: String) -> String {
        String(text.lowercased().unicodeScalars.filter(CharacterSet.alphanumerics.contains))
    }

    private static func role(_ header: String) -> String? {
        let k = key(header)
        if ["rep", "salesrep", "repname", "name", "salesperson", "owner", "seller", "ae"].contains(k) { return "rep" }
        if ["period", "month", "quarter", "year"].contains(k) { return "period" }
        if k.contains("recover") { return "recovered" }
        if k.contains("payable") || ["pay", "paid", "netpay", "topay", "payout", "amountpaid"].contains(k) {
            return "payable"
        }
        if k.contains("bonus") || k.contains("club") { return "bonus" }
        if ["earned", "earnings", "totalearned", "grossearnings"].contains(k) { return "earned" }
        if ["commission", "commissions", "totalcommission", "commissionearned"].contains(k) { return "commission" }
        if ["draw", "drawamount", "guarantee", "guaranteed"].contains(k) { return "draw" }
        return translatedRoles[k]
    }

    /// The roles' headers in the other languages `reconcile` reads a summary in (`Venditore`,
    /// `Periodo`, `Premi`, `Totale maturato`; `HeaderSynonyms.other`), by their key; a header two
    /// roles share is neither's.
    private static let translatedRoles: [String: String] = {
        var roles: [String: Set<String>] = [:]
        for role in ["rep", "period", "commission", "bonus", "earned", "draw", "payable"] {
            for header in HeaderSynonyms.other(role) where !key(header).isEmpty {
                roles[key(header), default: []].insert(role)
            }
        }
        return roles.compactMapValues { $0.count == 1 ? $0.first : nil }
    }()

    private static func read(_ sheet: SheetText, header: [SheetCell]) -> SummaryTable? {
        var columns: [String: Int] = [:]
        var headers: [String: String] = [:]
        for cell in header {
            guard case .text(let text) = cell.value, let role = role(text), columns[role] == nil else { continue }
            columns[role] = cell.column
            headers[role] = text
        }
        // Beside a payable column and no earnings column, the commission column is what was earned.
        if columns["earned"] == nil, columns["payable"] != nil, let commission = columns["commission"] {
            columns["earned"] = commission
            headers["earned"] = headers["commission"]
        }
        guard let repColumn = columns["rep"], let periodColumn = columns["period"],
            columns.keys.contains(where: { ["bonus", "earned", "recovered", "payable"].contains($0) }),
            let headerRow = header.first?.row
        else { return nil }
        var entries: [Entry] = []
        for row in sheet.rows where (row.first?.row ?? 0) > headerRow {
            var cells: [Int: SheetCell] = [:]
            for cell in row { cells[cell.column] = cell }
            guard case .text(let rep)? = cells[repColumn]?.value, case .text(let period)? = cells[periodColumn]?.value,
                WorkbookClues.periodLabel(period) != nil
            else { continue }
            func number(_ role: String) -> Decimal? {
                columns[role].flatMap { cells[$0] }.flatMap { WorkbookEvidence.number($0.value) }
            }
            entries.append(
                Entry(
                    row: row.first!.row, rep: rep.normalizedKey, period: period.trimmingCharacters(in: .whitespaces),
                    bonus: columns["bonus"] == nil ? nil : number("bonus") ?? 0, earned: number("earned"),
                    recovered: columns["recovered"] == nil ? nil : number("recovered") ?? 0,
                    payable: number("payable"), payableFormula: columns["payable"].flatMap { cells[$0]?.formula },
                    draw: number("draw")))
        }
        guard entries.count >= 2 else { return nil }
        headers.removeValue(forKey: "rep")
        headers.removeValue(forKey: "period")
        headers.removeValue(forKey: "commission")
        return SummaryTable(sheet: sheet.name, headers: headers, entries: entries)
    }
}
