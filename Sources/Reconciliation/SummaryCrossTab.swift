import Commission
import Foundation
import Ingest
import Spreadsheet

/// A summary laid out as a cross-tab: a row per rep, a column per period (`Rep | Jul 2026 |
/// Aug 2026 | … | Total`), one figure in every cell.
///
/// Which figure (earned, payable or commission) a title may say, but titles are loose
/// ("Commission by quarter" over what the reps earned), so the figures decide it when the
/// engine's totals are known (`SummaryFindings`), and a title only breaks a tie.
enum SummaryCrossTab {
    /// The figures a cross-tab may hold, in the order a tie is broken without a title.
    static let candidates: [SummaryField] = [.earned, .payable, .commission]

    /// The sheet as a cross-tab: a header row with a rep column and at least two period columns;
    /// nil when it is not one. Its rows' cells are keyed by `.earned` until the figure is decided.
    static func read(_ file: TableFile, table: String?) throws -> SummarySheet? {
        guard let (name, mapping) = try? SummarySheet.findHeader(file, table: table, required: [.rep]),
            let repColumn = mapping.columns[.rep]
        else { return nil }
        var periods: [Int: SummaryPeriod] = [:]
        var titles: [String] = [name]
        var rows: [SummaryRow] = []
        var cells: [(row: Int, cell: Cell)] = []
        try file.forEachRow(of: name) { row, _ in
            if row.index < mapping.headerRow {
                titles += row.cells.map { $0.value.plainText }
            } else if row.index == mapping.headerRow {
                for cell in row.cells where cell.column != repColumn {
                    if let period = SummaryPeriod(cell.value), isPeriod(period) {
                        periods[cell.column] = period
                    } else {
                        titles.append(cell.value.plainText)
                    }
                }
            } else if periods.count >= 2,
                let rep = row.cells.first(where: { $0.column == repColumn })?.value.plainText
                    .trimmingCharacters(in: .whitespaces), !rep.isEmpty
            {
                for cell in row.cells {
                    guard let period = periods[cell.column] else { continue }
                    rows.append(SummaryRow(row: row.index, rep: rep, period: period, cells: [.earned: cell]))
                    cells.append((row.index, cell))
                }
            }
        }
        // Quotas or targets by period are laid out the same way and are no summary.
        let targetWords = ["quota", "target", "objective", "goal"] + HeaderSynonyms.other("quota")
        let title = titles.joined(separator: " ").lowercased()
        guard periods.count >= 2, !targetWords.contains(where: { title.contains($0.lowercased()) }) else {
            return nil
        }
        return SummarySheet(
            name: name, headerRow: mapping.headerRow, columns: [.rep: repColumn],
            layout: .crossTab(figure: titledFigure(titles)), rows: rows, columnCells: [.earned: cells])
    }

    /// Whether a header cell reads as a period: a date, or a label naming a year, month or quarter
    /// (a bare year such as `2026` counts only beside other periods, as any label does).
    private static func isPeriod(_ period: SummaryPeriod) -> Bool {
        switch period {
        case .date: true
        case .label(let text): PeriodLabel(text) != nil
        case .unwritten: false
        }
    }

    /// The figure a title or header names, if exactly one does, by the summary's own header
    /// synonyms in every language (`SummaryField.synonyms`; the bare `Total` and `Pay`, which name
    /// nothing in a title, left out). A title naming commission and one of earned or payable
    /// (`Commission earned by quarter`, `Commission payout`) names the latter.
    private static func titledFigure(_ texts: [String]) -> SummaryField? {
        let text = headerKey(texts.joined(separator: " "))
        let named = candidates.filter { field in
            field.synonyms.contains { synonym in
                !["total", "pay"].contains(headerKey(synonym)) && text.contains(headerKey(synonym))
            }
        }
        let beyondCommission = named.filter { $0 != .commission }
        return named.count == 1 ? named[0] : beyondCommission.count == 1 ? beyondCommission[0] : nil
    }
}

extension SummarySheet {
    /// The cross-tab with its cells keyed by `figure`; any other sheet as it is.
    func reading(figure: SummaryField) -> SummarySheet {
        guard case .crossTab = layout else { return self }
        return SummarySheet(
            name: name, headerRow: headerRow, columns: columns, layout: .crossTab(figure: figure),
            rows: rows.map { row in
                SummaryRow(row: row.row, rep: row.rep, period: row.period, cells: [figure: row.cells[.earned]!])
            },
            columnCells: [figure: columnCells[.earned] ?? []])
    }
}
