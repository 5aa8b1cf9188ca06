import Commission
import Foundation
import Ingest
import Spreadsheet

/// Deals paid twice in a table keeping its commission in a column per period (`PaidAgainCell`:
/// a second figure above 0 in another period's column of the deal's row, beside its own): each
/// such cell is a `duplicate_line` at that cell, expected 0 (the plan pays a deal once, and the
/// row's own figure is compared on its own), its difference the figure paid twice.
///
/// A deal paid in parts is paid once: where the row's own figure falls short of what the plan
/// pays and its figures in the other periods' columns make up the rest (half on booking, half on
/// collection; a later month's top-up), neither the own cell nor the parts are findings.
enum PaidAgainFindings {
    /// The findings of `context`'s deals paid again; `rowFindings` loses the own cells' findings
    /// of the deals paid in parts.
    static func compute(_ context: RowContext, rowFindings: inout [Finding]) -> [Finding] {
        let paid = context.deals.paidAgain
        guard !paid.isEmpty else { return [] }
        var inParts = Set<Int>()
        // The own cell's finding, by sheet and cell, where the plan's figure is more than it.
        var shortOwnCells: [CellPlace: Int] = [:]
        for (position, finding) in rowFindings.enumerated() where !finding.isDerived && finding.difference < 0 {
            shortOwnCells[CellPlace(sheet: finding.sheet, cell: finding.cell)] = position
        }
        var dropped = Set<Int>()
        for (row, parts) in Dictionary(grouping: paid, by: \.row) {
            let (sheet, sheetRow) = context.place(row)
            guard let column = parts[0].paidIn,
                let position = shortOwnCells[CellPlace(sheet: sheet, cell: CellAddress(row: sheetRow, column: column))]
            else { continue }
            let own = rowFindings[position]
            let total = parts.reduce(own.manual ?? 0) { $0 + $1.amount }
            if context.matches(total, own.expected) {
                inParts.insert(row)
                dropped.insert(position)
            }
        }
        if !dropped.isEmpty {
            rowFindings = rowFindings.enumerated().filter { !dropped.contains($0.offset) }.map(\.element)
        }
        return paid.filter { !inParts.contains($0.row) }.map { paid in
            let (sheet, row) = context.place(paid.row)
            let line = context.engine[paid.row]?.line
            let own = paid.paidIn.map { " besides its figure at \(CellAddress(row: row, column: $0))" } ?? ""
            var text: String?
            if case .text(let written) = paid.cell.value { text = written }
            // The plan's period holding the column's month or months, where one does (a quarter's
            // column under a monthly plan names none); else the deal's own.
            let plan = context.plan
            let period = paid.columnMonths.flatMap { months -> Period? in
                let ends = [months.lowerBound, months.upperBound].map {
                    Period(containing: $0, kind: plan.period, fiscalYearStart: plan.fiscalYearStart)
                }
                return ends[0] == ends[1] ? ends[0] : nil
            }
            return Finding(
                sheet: sheet, cell: CellAddress(row: row, column: paid.cell.column), dealID: paid.dealID,
                rep: line?.rep ?? paid.rep, period: period ?? line?.period, manual: paid.amount, manualText: text,
                expected: 0, causes: [.duplicateLine],
                explanation:
                    "deal \(paid.dealID) is paid \(paid.amount.groupedMoneyText) again in another period's column\(own): the plan pays a deal once",
                isDerived: false)
        }
    }
}
