import Commission
import Foundation
import Reconciliation
import Spreadsheet

/// The note a corrected cell carries: what was there (value and formula), the correct value,
/// the cause and the plan clause it comes from. `written` is the value the cell caches, when it
/// is not the engine's (a total whose formula adds up a declined correction's manual figure);
/// `columnFormula` the formula of its column's other rows it was given instead of a typed value;
/// `input` the wrong input its formula reads that was corrected instead, and what it now holds.
enum CorrectionNote {
    static func text(
        _ finding: Finding, formula: String?, written: Decimal? = nil, columnFormula: String? = nil,
        input: (cell: CellAddress, edit: CellEdit)? = nil
    ) -> String {
        let was = finding.manualText ?? finding.manual?.groupedMoneyText ?? "empty"
        var lines = ["trueup: was \(was)" + (formula.map { " (formula =\($0))" } ?? "")]
        lines.append(
            "correct \(finding.expected.groupedMoneyText) (difference \(finding.difference.groupedMoneyText))"
                + (finding.isDerived ? "; the formula stays" : "")
                + (finding.repairedFormula.map { "; its ranges now cover every row: =\($0)" } ?? "")
                + (columnFormula.map { given in
                    formula.map(ColumnFormulas.roundingHalfUp) == given
                        ? "; its formula now rounds with ROUND: =\(given)"
                        : "; it now has the formula of its column's other rows: =\(given)"
                } ?? "")
                + (finding.cause == .rounding
                    ? "; corrected with the totals over it, which its rounding puts beyond the tolerance" : "")
                + (input.map {
                    "; the formula stays: the input it reads, \($0.cell), is corrected from \($0.edit.was ?? "empty") "
                        + "to \($0.edit.writtenText)"
                } ?? ""))
        if let written, finding.isDerived, written.groupedMoneyText != finding.expected.groupedMoneyText {
            lines.append(
                "its formula gives \(written.groupedMoneyText) from the cells as written: rows it adds up that were "
                    + "not corrected (a declined correction, a difference within the tolerance) keep their figures")
        }
        return (lines + causeLines(finding)).joined(separator: "\n")
    }

    /// The note of an input cell written so that the formulas of the wrong figures reading it
    /// give the plan's figures (`CellEdit.feeds`): what it held, what it holds, and each figure
    /// with what it gave and what it gives now; the cause is the first figure's.
    static func input(_ edit: CellEdit, figures: [(cell: CellAddress, finding: Finding, gives: Decimal)]) -> String {
        var lines = ["trueup: was \(edit.was ?? "empty")"]
        lines.append(
            "correct \(edit.writtenText); "
                + figures.map {
                    let gave = $0.finding.manualText ?? $0.finding.manual?.groupedMoneyText ?? "empty"
                    return "the formula of \($0.cell) reads it, and now gives \($0.gives.groupedMoneyText), "
                        + "the plan's figure (it gave \(gave))"
                }.joined(separator: "; "))
        return (lines + (figures.first.map { causeLines($0.finding) } ?? [])).joined(separator: "\n")
    }

    /// A finding's causes with its explanation, and the plan's clause for its main cause.
    private static func causeLines(_ finding: Finding) -> [String] {
        ["cause: \(finding.causes.map(\.rawValue).joined(separator: ", ")) — \(finding.explanation)"]
            + (finding.cause.planClause.map { ["plan: \($0)"] } ?? [])
    }
}

extension CellEdit {
    /// What the cell is written with, as a note says it: its text, or its number.
    var writtenText: String { typed?.text ?? "\(value)" }
}
