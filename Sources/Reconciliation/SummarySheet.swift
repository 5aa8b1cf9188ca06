import Foundation
import Ingest
import Spreadsheet

/// A column of a per-rep summary sheet.
enum SummaryField: String, CaseIterable, Sendable, Hashable {
    case rep, period, commission, bonus, clawback
    case trueUp = "true_up"
    case earned, draw, payable, balance

    /// The English headers, then the other languages' (`HeaderSynonyms`).
    var synonyms: [String] { english + HeaderSynonyms.other(rawValue) }

    private var english: [String] {
        switch self {
        case .rep: ["Rep", "Sales Rep", "Salesperson", "Name", "Account Executive", "AE", "Rep ID", "Owner"]
        case .period: ["Period", "Quarter", "Month", "Year", "Fiscal Period"]
        case .commission: ["Commission", "Commissions", "Total Commission", "Commission Earned"]
        case .bonus: ["Bonus", "Bonuses", "SPIFF", "SPIFFs"]
        case .clawback: ["Clawback", "Clawbacks"]
        case .trueUp: ["True-up", "True Up", "Trueup", "True-ups"]
        case .earned: ["Earned", "Total", "Total Earned", "Earnings"]
        case .draw: ["Draw", "Draw Paid"]
        case .payable: ["Payable", "Pay", "Net Pay", "Amount Payable", "Payout"]
        case .balance: ["Balance", "Draw Balance"]
        }
    }

    /// The figures a summary row may hold.
    static let figures: [SummaryField] = [.commission, .bonus, .clawback, .trueUp, .earned, .draw, .payable, .balance]
}

/// One row of a summary sheet: a rep, a period, and the figures with their cells.
struct SummaryRow {
    let row: Int
    let rep: String
    let period: String
    let cells: [SummaryField: Cell]
}

/// A per-rep summary sheet: the first sheet other than the deals sheet whose header names a rep,
/// a period and at least one figure.
struct SummarySheet {
    let name: String
    let mapping: ColumnMapping<SummaryField>
    let rows: [SummaryRow]
    /// Every cell of the sheet's figure columns, for formula forensics.
    let columnCells: [SummaryField: [(row: Int, cell: Cell)]]

    static func find(in file: TableFile, excluding dealsSheets: Set<String>) throws -> SummarySheet? {
        for table in file.tables where !dealsSheets.contains(table ?? "") {
            guard let (name, mapping) = try? findHeader(file, table: table),
                SummaryField.figures.contains(where: { mapping.columns[$0] != nil })
            else { continue }
            var rows: [SummaryRow] = []
            var columnCells: [SummaryField: [(row: Int, cell: Cell)]] = [:]
            try file.forEachRow(of: name) { row, _ in
                guard row.index > mapping.headerRow else { return }
                func cell(_ field: SummaryField) -> Cell? {
                    mapping.columns[field].flatMap { column in row.cells.first { $0.column == column } }
                }
                for field in SummaryField.figures {
                    if let found = cell(field) { columnCells[field, default: []].append((row.index, found)) }
                }
                guard let rep = cell(.rep).map({ $0.value.plainText.trimmingCharacters(in: .whitespaces) }),
                    !rep.isEmpty,
                    let period = cell(.period).map({ $0.value.plainText.trimmingCharacters(in: .whitespaces) })
                else { return }
                var figures: [SummaryField: Cell] = [:]
                for field in SummaryField.figures { figures[field] = cell(field) }
                rows.append(SummaryRow(row: row.index, rep: rep, period: period, cells: figures))
            }
            return SummarySheet(name: name, mapping: mapping, rows: rows, columnCells: columnCells)
        }
        return nil
    }

    private static func findHeader(_ file: TableFile, table: String?) throws -> (String, ColumnMapping<SummaryField>) {
        let (found, mapping) = try HeaderSearch.find(
            in: file, tables: [table], keys: SummaryField.allCases, synonyms: \.synonyms, required: [.rep, .period],
            pins: [:])
        return (found ?? "", mapping)
    }
}
