import Foundation
import Ingest
import Spreadsheet

/// A summary's running year-to-date columns beside its figures (`YTD Commission`, `Earned YTD`,
/// `Commission year to date`, `Comisión acumulada`): a row's cell holds what its rep earned over
/// the fiscal year up to the row's period, which the plan's figures of those periods add up to
/// (`SummaryFindings` compares them). A header saying year to date without naming a figure
/// (`YTD` alone) names no column to compare.
enum SummaryToDate {
    /// Words saying a figure runs from the year's start, accents folded.
    static let words: Set<String> = [
        "ytd", "fytd", "cumulative", "acumulado", "acumulada", "acumulados", "kumuliert", "kumulativ", "cumul",
        "cumule", "cumulee", "progressivo", "acumulat",
    ]

    /// The figure a header names as its year to date (`YTD Commission`, `Earned YTD`,
    /// `Commission year-to-date` → commission, earned), or nil.
    static func figure(named header: String) -> SummaryField? {
        var rest = FoldedWords.of(header)
        var marked = false
        if let start = rest.indices.first(where: { rest[$0...].starts(with: ["year", "to", "date"]) }) {
            rest.removeSubrange(start..<start + 3)
            marked = true
        }
        if rest.contains(where: words.contains) { marked = true }
        rest.removeAll(where: words.contains)
        guard marked, !rest.isEmpty else { return nil }
        return PeriodFigureHeaders.figures[headerKey(rest.joined(separator: " "))]
    }

    /// The year-to-date columns of a header row (the first column of each figure), of the
    /// columns other than `taken`.
    static func columns(of header: [Cell], taken: Set<Int>) -> [SummaryField: Int] {
        var found: [SummaryField: Int] = [:]
        for cell in header where !taken.contains(cell.column) {
            guard case .text(let text) = cell.value, let field = figure(named: text), found[field] == nil else {
                continue
            }
            found[field] = cell.column
        }
        return found
    }
}
