import Commission
import Foundation
import Ingest
import Spreadsheet

/// plan-format.md §7, "every row is accounted for", in the reconciler: a value that cannot be read
/// is an `unreadable` finding at its cell, never a row or a total dropped in silence.
enum UnreadableFindings {
    /// One finding per deal row the reader left out, at its first unreadable cell. The engine
    /// never saw the row, so nothing is expected of it here and nothing of it is in the payroll.
    /// A row that holds no figure (`isNote`) is no finding; the report's notes still list it.
    static func skippedRows(_ deals: DealsTable) -> [Finding] {
        deals.skipped.compactMap { skipped in
            guard let first = skipped.cells.first, !isNote(skipped) else { return nil }
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

    /// Whether a row the reader left out holds no deal and no figure: no amount, no commission,
    /// nothing it could not read, only fields left empty, and not both a deal and a rep (a section
    /// title, a note, a sign-off under the table; a deal id and rep without an amount is a deal
    /// never priced), or a row of free text alone (`SkippedRow.note`, on a tab that gives every
    /// row its rep too). Such a row pays nothing.
    static func isNote(_ skipped: SkippedRow) -> Bool {
        skipped.note != nil
            || (skipped.dealID == nil || skipped.rep == nil) && skipped.amount == nil
                && skipped.cells.allSatisfy(\.text.isEmpty)
                && (skipped.commission.map { $0.value == .empty } ?? true)
            || isSubtotalOfAnotherKind(skipped)
    }

    /// Whether a row left out is a subtotal Excel's Subtotal command writes with another function
    /// than a sum (`Ana Lima Count`, `Grand Count`, `Ana Lima Anzahl`): no amount, and a label
    /// closing with that function's name. It pays nothing.
    static func isSubtotalOfAnotherKind(_ skipped: SkippedRow) -> Bool {
        guard skipped.amount == nil else { return false }
        return [skipped.rep, skipped.dealID].contains { text in
            guard let last = text?.split(separator: " ").last else { return false }
            return subtotalFunctionWords.contains(last.lowercased())
        }
    }

    /// The names Excel's Subtotal command gives the count and the average, in six languages
    /// (`Max`, `Min` and `Media` are left out: they are also names).
    static let subtotalFunctionWords: Set<String> = [
        "count", "average", "anzahl", "mittelwert", "cuenta", "promedio", "nombre", "moyenne", "conteggio",
        "contagem", "média",
    ]

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
