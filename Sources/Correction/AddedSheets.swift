import Commission
import Foundation
import Reconciliation
import Reports
import Spreadsheet
import XLSX

/// A sheet trueup appends to a corrected workbook (Findings, Summary, Payroll): constant values
/// only, so every reader sees the right numbers without recalculating.
struct AddedSheet {
    /// What it is: its mark's value (`AddedSheets.markName`) and its header.
    var kind: AddedSheetKind
    var name: String
    var header: [String] { kind.header }
    var rows: [[WriteCell]]
    var columnWidths: [Double]
    /// Rows (0-based, below the header) whose first cell links to a place in the workbook.
    var links: [Int: String] = [:]

    /// The worksheet part, written by the one worksheet writer; `moneyStyle` is the cell format
    /// index for amounts in the package's styles part.
    func xml(moneyStyle: Int) -> [UInt8] {
        WorksheetPart.xml(
            rows: [header.map { WriteCell.text($0) }] + rows,
            layout: SheetLayout(
                columnWidths: Dictionary(uniqueKeysWithValues: columnWidths.enumerated().map { ($0 + 1, $1) }),
                frozenRows: 1),
            links: links.sorted { $0.key < $1.key }.map { (CellAddress(row: $0.key + 2, column: 1), $0.value) },
            styleID: { $0 == .money ? moneyStyle : 0 })
    }
}

extension WriteCell {
    fileprivate static func money(_ amount: Decimal) -> WriteCell { .number(amount, style: .money) }
}

/// The Findings, Summary and Payroll sheets of a corrected workbook.
///
/// Each is marked by a hidden name local to it (`XLSXWorkbook.addedSheetMark`), whose value is its
/// kind (`"findings"`). Correcting a corrected copy again replaces the marked sheets' contents
/// (their names and places kept) instead of appending another set; reconciling it leaves them out.
enum AddedSheets {
    static let markName = XLSXWorkbook.addedSheetMark

    /// The mark's value for `kind`: a text constant.
    static func markFormula(_ kind: AddedSheetKind) -> String { "\"\(kind.rawValue)\"" }

    static func build(_ input: CorrectionInput, workbook: XLSXWorkbook) -> [AddedSheet] {
        [findings(input, workbook: workbook), summary(input, workbook: workbook), payroll(input.payroll)]
    }

    /// One row per finding, ranked by money, each linking to its cell when it is in the workbook.
    static func findings(_ input: CorrectionInput, workbook: XLSXWorkbook) -> AddedSheet {
        var sheet = AddedSheet(
            kind: .findings, name: "Findings", rows: [], columnWidths: [16, 10, 12, 10, 14, 14, 14, 22, 12, 90])
        for (index, finding) in input.findings.enumerated() {
            let inWorkbook = workbook.sheets.contains { $0.name == finding.sheet }
            let place = "\(Location.quotedSheetName(finding.sheet))!\(finding.cell)"
            if inWorkbook { sheet.links[index] = place }
            let action =
                !finding.isError
                ? "none (rounding)"
                : !inWorkbook || (finding.isInput && finding.cause == .clawbackMissed)
                    ? "add to workbook"
                    : finding.isInput ? "check the data" : finding.isDerived ? "recalculated" : "corrected"
            sheet.rows.append([
                .text(place), .text(finding.rep ?? ""), .text(finding.dealID ?? ""),
                .text(finding.period?.description ?? ""),
                finding.manual.map { .money($0) } ?? finding.manualText.map { .text($0) } ?? .empty,
                .money(finding.expected), .money(finding.difference), .text(finding.cause.rawValue), .text(action),
                .text(finding.explanation),
            ])
        }
        return sheet
    }

    /// Per rep and period: what the sheet pays (its summary sheet's figure when it has one, else
    /// its rows'), what the plan pays for the same deals, and the difference. Deals another source says are missing are in Findings, not here: the
    /// workbook pays nothing for them and the engine, paying the workbook's deals, neither.
    static func summary(_ input: CorrectionInput, workbook: XLSXWorkbook) -> AddedSheet {
        var differences: [RepPeriod: Decimal] = [:]
        let sheets = Set(workbook.sheets.map(\.name))
        for finding in input.findings
        where finding.isRowPayDifference && sheets.contains(finding.sheet) {
            guard let rep = finding.rep, let period = finding.period else { continue }
            differences[RepPeriod(rep: rep, period: period), default: 0] += finding.difference
        }
        var sheet = AddedSheet(
            kind: .summary, name: "Summary", rows: [],
            columnWidths: [10, 22, 10, 14, 14, 14, 12])
        for total in input.repPeriods {
            let key = RepPeriod(rep: total.rep, period: total.period)
            let rowDifference = differences[key] ?? 0
            var figures =
                input.sheetTotals[key] ?? SheetTotal(manual: total.earned + rowDifference, expected: total.earned)
            // A declined correction leaves the workbook paying its own figure.
            figures.expected += total.declined
            let difference = figures.manual - figures.expected
            let status = difference > 0 ? "overpaid" : difference < 0 ? "underpaid" : "correct"
            sheet.rows.append([
                .text(total.rep), .text(total.name), .text(total.period.description), .money(figures.manual),
                .money(figures.expected), .money(difference), .text(status),
            ])
        }
        return sheet
    }

    static func payroll(_ lines: [PayrollLine]) -> AddedSheet {
        AddedSheet(
            kind: .payroll, name: "Payroll",
            rows: lines.map {
                [.text($0.rep), .text($0.name), .text($0.period.description), .money($0.payable), .text($0.currency)]
            }, columnWidths: [10, 22, 10, 14, 10])
    }
}
