import Foundation
import Ingest
import Spreadsheet

/// Deals paid twice in a table keeping its commission in a column per period (`PaidAgainCell`:
/// a second figure above 0 in another period's column of the deal's row, beside its own): each
/// such cell is a `duplicate_line` at that cell, expected 0 (the plan pays a deal once, and the
/// row's own figure is compared on its own), its difference the figure paid twice.
enum PaidAgainFindings {
    static func compute(_ context: RowContext) -> [Finding] {
        context.deals.paidAgain.map { paid in
            let (sheet, row) = context.place(paid.row)
            let line = context.engine[paid.row]?.line
            let own = paid.paidIn.map { " besides its figure at \(CellAddress(row: row, column: $0))" } ?? ""
            var text: String?
            if case .text(let written) = paid.cell.value { text = written }
            return Finding(
                sheet: sheet, cell: CellAddress(row: row, column: paid.cell.column), dealID: paid.dealID,
                rep: line?.rep ?? paid.rep, period: line?.period, manual: paid.amount, manualText: text,
                expected: 0, causes: [.duplicateLine],
                explanation:
                    "deal \(paid.dealID) is paid \(paid.amount.groupedMoneyText) again in another period's column\(own): the plan pays a deal once",
                isDerived: false)
        }
    }
}
