import Commission
import Foundation
import Ingest
import Spreadsheet

/// Total rows inside the deals sheet: each one's commission against the engine's commission for
/// the rows it stands for (those since the previous total row), whatever its own formula covers.
enum TotalRowFindings {
    static func compute(_ context: RowContext, rowFindings: [Finding]) -> [Finding] {
        guard let column = context.deals.mapping.columns[.commission], !context.deals.totals.isEmpty else { return [] }
        let engine = context.amounts(in: context.statement)
        let hasBonusColumn = context.deals.mapping.columns[.bonus] != nil
        let dataRows = context.deals.lines.map(\.row) + context.copies.map(\.line.row)
        let errorsByRow = Dictionary(
            rowFindings.filter {
                $0.isError && !$0.isDerived && $0.sheet == context.sheetName && $0.cell.column == column
            }
            .map { ($0.cell.row, $0) }, uniquingKeysWith: { a, _ in a })
        var findings: [Finding] = []
        var previousTotal = context.deals.mapping.headerRow
        for total in context.deals.totals {
            defer { previousTotal = total.row }
            guard let cell = total.commission else { continue }
            // A conditional sum's criteria are not evaluated here, so such totals are not judged.
            if let formula = cell.formula, formula.uppercased().contains("SUMIF") { continue }
            let block = (previousTotal + 1)...max(previousTotal + 1, total.row - 1)
            let spans = cell.formula.map(FormulaForensics.localRowSpans(in:)) ?? []
            let rows = dataRows.filter { block.contains($0) }
            let expected = rows.reduce(Decimal(0)) { sum, row in
                sum + (engine[row]?.commission ?? 0) + (hasBonusColumn ? 0 : engine[row]?.bonus ?? 0)
            }
            guard case let (value?, isText) = Decimal.fromCell(cell.value) else {
                findings.append(
                    UnreadableFindings.total(
                        sheet: context.sheetName, cell: cell, at: CellAddress(row: total.row, column: column),
                        rep: nil, period: nil, expected: expected, what: total.label))
                continue
            }
            guard !context.matches(value, expected) || isText else { continue }
            var finding = Finding(
                sheet: context.sheetName, cell: CellAddress(row: total.row, column: column), dealID: nil, rep: nil,
                period: nil, manual: value, manualText: isText ? cell.value.plainText : nil, expected: expected,
                causes: [],
                explanation:
                    "\(total.label) \(value.groupedMoneyText), the plan's total is \(expected.groupedMoneyText)",
                isDerived: false)
            if !spans.isEmpty,
                let short = spans.first(where: { span in rows.contains { !span.contains($0) } && span.count > 1 })
            {
                finding.causes = [.sumRange]
                if let first = rows.min(), let last = rows.max(), let formula = cell.formula {
                    finding.repairedFormula = FormulaForensics.extendingRanges(
                        in: formula, sheet: nil, to: first...last)
                }
                finding.explanation +=
                    "; its range covers rows \(short.lowerBound)–\(short.upperBound), the rows above it \(block.lowerBound)–\(block.upperBound)"
            } else if cell.formula == nil, context.deals.totals.contains(where: { $0.commission?.formula != nil }) {
                finding.causes = [.hardcodedFormula]
                finding.explanation += "; a typed value where the other totals are formulas"
            } else if let cause = SummaryFindings.derivedCause(
                value - expected, from: rows.compactMap { errorsByRow[$0] }, tolerance: context.plan.tolerance)
            {
                finding.causes = [cause.cause]
                finding.isDerived = true
                finding.explanation += "; the difference comes from " + cause.cells.joined(separator: ", ")
            } else {
                finding.causes = [.unexplained]
            }
            findings.append(finding)
        }
        return findings
    }
}
