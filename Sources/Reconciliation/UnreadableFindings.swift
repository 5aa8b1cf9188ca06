import Commission
import Foundation
import Ingest
import Spreadsheet

/// plan-format.md §7, "every row is accounted for", in the reconciler: a value that cannot be read
/// is an `unreadable` finding at its cell, never a row or a total dropped in silence.
enum UnreadableFindings {
    /// One finding per deal row the reader left out, at its first unreadable cell. The engine
    /// never saw the row, so nothing is expected of it here and nothing of it is in the payroll.
    /// A row that holds no figure (`SkippedRow.isNote`) is no finding; the report's notes still list it.
    static func skippedRows(_ deals: DealsTable) -> [Finding] {
        deals.skipped.compactMap { skipped in
            guard let first = skipped.cells.first, !skipped.isNote else { return nil }
            let sheet = deals.sheetName(ofRow: skipped.row)
            let reasons = skipped.failures.map(\.reason).joined(separator: "; ")
            let commission = skipped.commission.flatMap { Decimal.fromCell($0.value).number }
            var finding = Finding(
                sheet: sheet, cell: first.cell, dealID: skipped.dealID, rep: skipped.rep, period: nil,
                manual: commission, manualText: first.text, expected: commission ?? 0, causes: [.unreadable],
                explanation:
                    "\(reasons); the row cannot be calculated, so its commission is in no total and no payroll until it is corrected",
                isDerived: false)
            finding.isInput = true
            return finding
        }
    }

    /// A total cell holding an error value (`#VALUE!`) or text that is no number. A total with a
    /// formula keeps it when corrected (the error comes from what it adds up).
    static func total(
        sheet: String, cell: Cell, at address: CellAddress, rep: String?, period: Period?, expected: Decimal,
        what: String
    ) -> Finding {
        Finding(
            sheet: sheet, cell: address, dealID: nil, rep: rep, period: period, manual: nil,
            manualText: cell.value.plainText, expected: expected, causes: [.unreadable],
            explanation:
                "\(cell.value.notANumber(subject: what)); the plan's total is \(expected.groupedMoneyText)",
            isDerived: cell.formula != nil)
    }
}

extension CellValue {
    /// Why a cell that should hold a number does not, as a finding says it: `"TBD" is not a
    /// number`, after `subject` when given (`commission "TBD" is not a number`), or that it holds a
    /// formula saved without a value that trueup cannot evaluate (`CellValue.notEvaluated`).
    func notANumber(subject: String?) -> String {
        guard self == .notEvaluated else {
            return (subject.map { $0 + " " } ?? "") + "\"\(plainText)\" is not a number"
        }
        return (subject ?? "the cell")
            + " holds a formula saved without its value, which trueup cannot evaluate (saving the workbook in "
            + "Excel stores the values)"
    }
}
