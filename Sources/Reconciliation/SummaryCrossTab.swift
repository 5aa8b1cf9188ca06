import Commission
import Foundation
import Ingest
import Spreadsheet

/// A summary laid out as a cross-tab: a row per rep, a column per period (`Rep | Jul 2026 |
/// Aug 2026 | … | Total`), or the other way round (`Month | Ana Lima | Ben Okafor`), one figure
/// in every cell.
///
/// Which figure (earned, payable or commission) a title may say, but titles are loose
/// ("Commission by quarter" over what the reps earned), so the figures decide it when the
/// engine's totals are known (`SummaryFindings`), and a title only breaks a tie.
enum SummaryCrossTab {
    /// The figures a cross-tab may hold, in the order a tie is broken without a title.
    static let candidates: [SummaryField] = [.earned, .payable, .commission]

    /// The sheet as a cross-tab: a header row with a rep column and at least two period columns;
    /// nil when it is not one. Its rows' cells are keyed by `.earned` until the figure is decided.
    /// `ofYears`: read only as a cross-tab of years (`Rep | 2025 | 2026`, one year enough), beside
    /// a summary of the plan's shorter periods (`SummarySheet.find`); nil for any other.
    static func read(_ file: TableFile, table: String?, ofYears: Bool = false) throws -> SummarySheet? {
        guard let (name, mapping) = try? SummarySheet.findHeader(file, table: table, required: [.rep]),
            let repColumn = mapping.columns[.rep]
        else { return nil }
        func isCrossTab(_ periods: [Int: SummaryPeriod]) -> Bool {
            guard ofYears else { return Self.isCrossTab(periods) }
            return !periods.isEmpty && periods.values.allSatisfy(Self.namesYear)
        }
        var periods: [Int: SummaryPeriod] = [:]
        var titles: [String] = [name]
        var rows: [SummaryRow] = []
        var cells: [(row: Int, cell: Cell)] = []
        // The total columns right of the periods (`Total`, `Q1 Total`), the total rows under the
        // reps, and their cells.
        var totalColumns: [(column: Int, label: String)] = []
        var totalRows: [(row: Int, label: String)] = []
        var totalCells: [CellAddress: Cell] = [:]
        // The row right above the header: a block's figure over its periods (`Earned` over `Jan 2026
        // | Feb 2026 | …`, `Payable` over the same months further right).
        var blockTitles: [Int: SummaryField] = [:]
        try file.forEachRow(of: name) { row, _ in
            if row.index < mapping.headerRow {
                titles += row.cells.map { $0.value.plainText }
                if row.index == mapping.headerRow - 1 {
                    blockTitles = [:]
                    for cell in row.cells {
                        guard let field = PeriodFigureHeaders.namedOutright(key: headerKey(cell.value.plainText))
                        else { continue }
                        blockTitles[cell.column] = field
                    }
                }
            } else if row.index == mapping.headerRow {
                for cell in row.cells where cell.column != repColumn {
                    if let period = SummaryPeriod(cell.value), isPeriod(period) {
                        periods[cell.column] = period
                    } else {
                        titles.append(cell.value.plainText)
                        if cell.column > repColumn, SummaryTotals.isTotalHeader(cell.value.plainText) {
                            totalColumns.append((cell.column, cell.value.plainText))
                        }
                    }
                }
            } else if row.index == mapping.headerRow + 1,
                let grouped = Self.yearsOver(row, years: periods, repColumn: repColumn)
            {
                // A pivot's dates grouped by years and months: the months or quarters under their year.
                periods = grouped
            } else if isCrossTab(periods),
                let rep = row.cells.first(where: { $0.column == repColumn })?.value.plainText
                    .trimmingCharacters(in: .whitespaces), !rep.isEmpty
            {
                if TotalRow.label(of: .text(rep), allowingNames: false) != nil {
                    totalRows.append((row.index, rep))
                    for cell in row.cells where cell.column != repColumn {
                        totalCells[CellAddress(row: row.index, column: cell.column)] = cell
                    }
                    return
                }
                for cell in row.cells {
                    if totalColumns.contains(where: { $0.column == cell.column }) {
                        totalCells[CellAddress(row: row.index, column: cell.column)] = cell
                    }
                    guard let period = periods[cell.column] else { continue }
                    rows.append(SummaryRow(row: row.index, rep: rep, period: period, cells: [.earned: cell]))
                    cells.append((row.index, cell))
                }
            }
        }
        guard isCrossTab(periods), !saysTarget(titles) else { return nil }
        if let blocks = Self.blocks(rows, periods: periods, titles: blockTitles) {
            return SummarySheet(
                name: name, headerRow: mapping.headerRow, columns: [.rep: repColumn], layout: .rows, rows: blocks.rows,
                columnCells: blocks.columnCells)
        }
        return SummarySheet(
            name: name, headerRow: mapping.headerRow, columns: [.rep: repColumn],
            layout: .crossTab(figure: titledFigure(titles)), rows: rows, columnCells: [.earned: cells],
            totals: SummaryTotals.lay(
                members: rows.map { CellAddress(row: $0.row, column: $0.cells[.earned]!.column) },
                totalRows: totalRows, totalColumns: totalColumns, cells: totalCells))
    }

    /// A cross-tab of blocks side by side, each a figure's over the same periods (`Earned` over `Jan
    /// 2026 | … | Dec 2026`, then `Payable` over them again), the figure written once above its
    /// block's first period (`titles`, by column): each rep's row and period with a cell of each
    /// block's figure. Nil unless every period column stands under a title, the titles name two
    /// figures or more, and no figure's block names a period twice.
    private static func blocks(_ rows: [SummaryRow], periods: [Int: SummaryPeriod], titles: [Int: SummaryField])
        -> (rows: [SummaryRow], columnCells: [SummaryField: [(row: Int, cell: Cell)]])?
    {
        guard Set(titles.values).count >= 2 else { return nil }
        var figureOf: [Int: SummaryField] = [:]
        var named: Set<[String]> = []
        for (column, period) in periods {
            guard let title = titles.keys.filter({ $0 <= column }).max(), let field = titles[title],
                named.insert([field.rawValue, period.text]).inserted
            else { return nil }
            figureOf[column] = field
        }
        var merged: [SummaryRow] = []
        var at: [[String]: Int] = [:]
        var columnCells: [SummaryField: [(row: Int, cell: Cell)]] = [:]
        for row in rows {
            guard let cell = row.cells[.earned], let field = figureOf[cell.column] else { continue }
            columnCells[field, default: []].append((row.row, cell))
            let key = [String(row.row), row.period.text]
            if let index = at[key] {
                var cells = merged[index].cells
                cells[field] = cell
                merged[index] = SummaryRow(row: row.row, rep: row.rep, period: row.period, cells: cells)
            } else {
                at[key] = merged.count
                merged.append(SummaryRow(row: row.row, rep: row.rep, period: row.period, cells: [field: cell]))
            }
        }
        return (merged, columnCells)
    }

    /// The sheet as a cross-tab laid out the other way round: a header row with a period column
    /// (`Month`, `Quarter`, `Period`) and a column per rep, and at least two rows whose period
    /// cell reads as a period (`2026-07`, `Jul`); nil when it is not one, or when a column is
    /// headed as a figure (`Month | Commission | Bonus`). A column whose header names no rep of the
    /// run holds nothing compared; a `Total` column and a total row are the sheet's totals
    /// (`SummaryTotals`). Its rows' cells are keyed by `.earned` until the figure is decided.
    static func readTransposed(_ file: TableFile, table: String?) throws -> SummarySheet? {
        let periodHeaders = Set(SummaryField.period.synonyms.map(headerKey))
        var header: (row: Int, periodColumn: Int)?
        var reps: [Int: String] = [:]
        var titles: [String] = [table ?? ""]
        var rows: [SummaryRow] = []
        var cells: [(row: Int, cell: Cell)] = []
        var periodRows = 0
        // The total columns beside the reps (`Total`), the total rows under the periods, and their cells.
        var totalColumns: [(column: Int, label: String)] = []
        var totalRows: [(row: Int, label: String)] = []
        var totalCells: [CellAddress: Cell] = [:]
        /// Thrown to stop at the header search's reach (30 rows) without a header.
        struct NoHeader: Error {}
        // A sheet that cannot be read is no summary, as for the other layouts' header searches.
        do {
            try file.forEachRow(of: table) { row, _ in
                guard let (headerRow, periodColumn) = header else {
                    guard row.index <= 30 else { throw NoHeader() }
                    // The header: a cell that is a period's whole header, beside others that are no period.
                    let texts = row.cells.map { ($0, $0.value.plainText.trimmingCharacters(in: .whitespaces)) }
                    guard let first = texts.first(where: { periodHeaders.contains(headerKey($0.1)) })?.0 else {
                        titles += texts.map(\.1)
                        return
                    }
                    for (cell, text) in texts where cell.column != first.column && !text.isEmpty {
                        if let period = SummaryPeriod(cell.value), isPeriod(period) {
                            titles.append(text)
                        } else {
                            reps[cell.column] = text
                            if cell.column > first.column, SummaryTotals.isTotalHeader(text) {
                                totalColumns.append((cell.column, text))
                            }
                        }
                    }
                    header = (row.index, first.column)
                    return
                }
                guard row.index > headerRow, !reps.isEmpty else { return }
                let periodCell = row.cells.first(where: { $0.column == periodColumn })
                if let label = periodCell.flatMap({ TotalRow.label(of: $0.value, allowingNames: false) }) {
                    totalRows.append((row.index, label))
                    for cell in row.cells where reps[cell.column] != nil {
                        totalCells[CellAddress(row: row.index, column: cell.column)] = cell
                    }
                    return
                }
                guard let period = periodCell.flatMap({ SummaryPeriod($0.value) }), isPeriod(period) else { return }
                periodRows += 1
                for cell in row.cells {
                    guard let rep = reps[cell.column] else { continue }
                    if totalColumns.contains(where: { $0.column == cell.column }) {
                        totalCells[CellAddress(row: row.index, column: cell.column)] = cell
                        continue
                    }
                    rows.append(SummaryRow(row: row.index, rep: rep, period: period, cells: [.earned: cell]))
                    cells.append((row.index, cell))
                }
            }
        } catch {
            return nil
        }
        guard let (headerRow, periodColumn) = header else { return nil }
        // Columns headed as figures (`Month | Commission | Bonus`) are a table by period, not by rep.
        let figureHeaders = Set(SummaryField.figures.flatMap(\.synonyms).map(headerKey)).subtracting(["total"])
        guard periodRows >= 2, !saysTarget(titles),
            !reps.values.contains(where: { figureHeaders.contains(headerKey($0)) })
        else { return nil }
        return SummarySheet(
            name: table ?? "", headerRow: headerRow, columns: [.period: periodColumn],
            layout: .crossTab(figure: titledFigure(titles)), rows: rows, columnCells: [.earned: cells],
            isTransposed: true,
            totals: SummaryTotals.lay(
                members: rows.map { CellAddress(row: $0.row, column: $0.cells[.earned]!.column) },
                totalRows: totalRows, totalColumns: totalColumns, cells: totalCells))
    }

    /// Whether a title or header says quota or target as a word (`Quotas by quarter`,
    /// `Objetivos`; `Metalworks GmbH` says no `meta`, `signed quotes` no `Quote`): quotas by
    /// period are laid out as a summary is, and are no summary.
    static func saysTarget(_ titles: [String]) -> Bool {
        titles.contains { FoldedWords.of($0).contains(where: targetWords.contains) }
    }

    /// The words that say quota or target, in every language, and their plurals, folded.
    static let targetWords = Set(
        (["quota", "target", "objective", "goal"] + HeaderSynonyms.other("quota")
            + ["quotas", "targets", "objectives", "goals", "cuotas", "objetivos", "metas", "objectifs", "ziele"])
            .map(FoldedWords.fold))

    /// Whether the header's periods make a cross-tab: two or more, or one that names a month or a
    /// quarter with its year, or is a date (`Sales Rep | Q3 2026`, a one-quarter workbook's summary).
    private static func isCrossTab(_ periods: [Int: SummaryPeriod]) -> Bool {
        guard periods.count == 1, let period = periods.first?.value else { return periods.count >= 2 }
        switch period {
        case .date: return true
        case .label(let text):
            guard let label = PeriodLabel(text) else { return false }
            return label.year != nil && (label.month != nil || label.quarter != nil)
        case .unwritten: return false
        }
    }

    /// The periods of a header of years over a row of the months or quarters in each (a pivot
    /// table's dates grouped by years and months: `Row Labels | 2026 | | | 2026 Total` over
    /// `| Jan | Feb | Mar |`, or `Qtr1`…): each text of `row` that names a month or a quarter
    /// without a year, in the year written at or left of its column. Nil unless every period of
    /// the header (`years`) is a year alone, `row` names no rep (its cell in `repColumn` is blank)
    /// and it names at least two such periods.
    static func yearsOver(_ row: Row, years: [Int: SummaryPeriod], repColumn: Int) -> [Int: SummaryPeriod]? {
        guard !years.isEmpty, years.values.allSatisfy(namesYear),
            row.cells.first(where: { $0.column == repColumn })?.value.plainText.allSatisfy(\.isWhitespace) ?? true
        else { return nil }
        let starts = years.compactMap { column, period -> (column: Int, year: String)? in
            guard case .label(let text) = period else { return nil }
            return (column, text.trimmingCharacters(in: .whitespaces))
        }.sorted { $0.column < $1.column }
        var grouped: [Int: SummaryPeriod] = [:]
        for cell in row.cells {
            guard case .text(let written) = cell.value else { continue }
            let text = written.trimmingCharacters(in: .whitespaces)
            guard let label = PeriodLabel(text), label.year == nil, label.month != nil || label.quarter != nil,
                let year = starts.last(where: { $0.column <= cell.column })?.year
            else { continue }
            grouped[cell.column] = .label("\(text) \(year)")
        }
        return grouped.count >= 2 ? grouped : nil
    }

    /// Whether a header cell names a year and nothing within it (`2026`, `FY2026`).
    private static func namesYear(_ period: SummaryPeriod) -> Bool {
        guard case .label(let text) = period else { return false }
        return PeriodLabel(text)?.namesYearOnly == true
    }

    /// Whether a header cell reads as a period: a date, as a cell or as text (`2026-07-01`), or a
    /// label naming a year, month or quarter (a bare year such as `2026` counts only beside other
    /// periods, as any label does).
    private static func isPeriod(_ period: SummaryPeriod) -> Bool {
        switch period {
        case .date: true
        case .label(let text): PeriodLabel(text) != nil || !SummaryPeriod.dates(writtenIn: text).isEmpty
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
                !PeriodFigureHeaders.bareFigures.contains(headerKey(synonym)) && text.contains(headerKey(synonym))
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
            columnCells: [figure: columnCells[.earned] ?? []], isTransposed: isTransposed, totals: totals)
    }
}

/// A summary whose figure headers carry their period: a row per rep, a column per period and
/// figure (`Sales Rep | Q3 Commission | Q3 Bonus | Q3 Total | Q4 Commission | …`, `Comisión
/// julio`, `Jul Payout`, `Commission (Q3 2026)`), read as a row per rep and period.
enum PeriodFigureHeaders {
    /// The figures by their headers' keys (`headerKey`), in every language; a key two figures
    /// share names neither.
    static let figures: [String: SummaryField] = {
        var found: [String: SummaryField?] = [:]
        for field in SummaryField.figures {
            for key in Set(field.synonyms.map(headerKey)) {
                found[key] = found[key] == nil ? field : .some(nil)
            }
        }
        return found.compactMapValues { $0 }
    }()

    /// Figure headers that alone name no figure of their own (a bare `Total`, `Pay`), by key.
    static let bareFigures: Set<String> = ["total", "pay"]

    /// The figure a header or label names outright, by its key (`headerKey`): a summary figure's
    /// own header in any language, not a bare `Total` or `Pay`; nil for any other.
    static func namedOutright(key: String) -> SummaryField? {
        bareFigures.contains(key) ? nil : figures[key]
    }

    /// A block's title: a row whose one written cell is a period's label (`2026-Q2`, `Q2 FY2026`,
    /// `Jul 2026`); nil for any other row.
    static func blockTitle(_ row: Row) -> SummaryPeriod? {
        let written = row.cells.filter { !$0.value.plainText.trimmingCharacters(in: .whitespaces).isEmpty }
        guard written.count == 1, case .text(let text) = written[0].value,
            PeriodLabel(text.trimmingCharacters(in: .whitespaces)) != nil
        else { return nil }
        return SummaryPeriod(written[0].value)
    }

    /// The period and figure a header names, one beside the other in either order; nil when it
    /// names no period, no figure, only a year (`Commission 2026`) unless `years`, or could be
    /// split two ways.
    static func split(_ header: String, years: Bool = false) -> (period: String, field: SummaryField, bare: Bool)? {
        let words = header.split(separator: " ").map { $0.trimmingCharacters(in: .punctuationCharacters) }
            .filter { !$0.isEmpty }
        guard words.count >= 2 else { return nil }
        var found: [(String, SummaryField, Bool)] = []
        for cut in 1..<words.count {
            let (head, tail) = (words[..<cut].joined(separator: " "), words[cut...].joined(separator: " "))
            for (period, figure) in [(head, tail), (tail, head)] {
                // A bare year beside a figure (`Commission 2026`) is the figure's name more than its period.
                if let field = figures[headerKey(figure)], PeriodLabel(period) != nil,
                    years || !period.allSatisfy(\.isNumber)
                {
                    found.append((period, field, bareFigures.contains(headerKey(figure))))
                }
            }
        }
        return found.count == 1 ? found[0] : nil
    }

    /// The sheet so laid out: a header row with a rep column and at least one column whose header
    /// is a period and a figure; nil when it is not one.
    static func read(_ file: TableFile, table: String?) throws -> SummarySheet? {
        guard let (name, mapping) = try? SummarySheet.findHeader(file, table: table, required: [.rep]),
            let repColumn = mapping.columns[.rep]
        else { return nil }
        var headers: [Int: (period: SummaryPeriod, field: SummaryField)] = [:]
        var named = false
        var titles: [String] = [name]
        /// The headers `row` names as a period and a figure, by column, and whether one names its
        /// figure outright.
        func periodFigures(_ row: Row) -> (headers: [Int: (period: SummaryPeriod, field: SummaryField)], named: Bool) {
            var found: [Int: (period: SummaryPeriod, field: SummaryField)] = [:]
            var named = false
            for cell in row.cells where cell.column != repColumn {
                if let (period, field, bare) = split(cell.value.plainText) {
                    found[cell.column] = (.label(period), field)
                    if !bare { named = true }
                }
            }
            return found.isEmpty ? yearFigures(row) : (found, named)
        }
        /// A bare year beside a figure named outright, in two columns or more of different years
        /// (`Earned 2025 | Earned 2026`): the years are the columns' periods, no figure's name. Each
        /// year and figure once.
        func yearFigures(_ row: Row) -> (headers: [Int: (period: SummaryPeriod, field: SummaryField)], named: Bool) {
            var found: [Int: (period: SummaryPeriod, field: SummaryField)] = [:]
            var pairs: Set<String> = []
            for cell in row.cells where cell.column != repColumn {
                guard let (period, field, bare) = split(cell.value.plainText, years: true),
                    period.allSatisfy(\.isNumber), !bare
                else { continue }
                guard pairs.insert("\(period) \(field)").inserted else { return ([:], false) }
                found[cell.column] = (.label(period), field)
            }
            let years = Set(found.values.map(\.period))
            return years.count >= 2 ? (found, true) : ([:], false)
        }
        // A two-row header (`Jan 2026` merged over `Bookings | Commission`) joins each period over
        // the figures below it, as a deals header's groups are joined (`HeaderSearch.joined`); the
        // merges bounding the groups come last in the sheet, so the rows are kept until then.
        var upper: Row?
        var joined: (upper: Row, lower: Row)?
        // A block per period, each under its period alone on a row and the header written again
        // (`2026-Q1` over `Rep | Commission | …`, then `2026-Q2` over the same header): the first
        // title joins the header, and each later title is the period of the rows below it.
        var blockTitled = false
        var blockPeriod: SummaryPeriod?
        let repHeader = mapping.headers[.rep].map(headerKey)
        var repRows: [(row: Row, period: SummaryPeriod?)] = []
        let merges = try file.forEachRow(of: name) { row, _ in
            if row.index < mapping.headerRow {
                titles += row.cells.map { $0.value.plainText }
                upper = row.index == mapping.headerRow - 1 ? row : nil
            } else if row.index == mapping.headerRow {
                (headers, named) = periodFigures(row)
                if headers.isEmpty, let upper {
                    (headers, named) = periodFigures(HeaderSearch.joined(upper, row))
                    if !headers.isEmpty { joined = (upper, row) }
                    blockTitled = !headers.isEmpty && Self.blockTitle(upper) != nil
                }
            } else if blockTitled, let title = Self.blockTitle(row) {
                blockPeriod = title
            } else if !headers.isEmpty,
                let rep = row.cells.first(where: { $0.column == repColumn })?.value.plainText
                    .trimmingCharacters(in: .whitespaces), !rep.isEmpty
            {
                // The header written again over a block is no rep's row.
                if blockTitled, headerKey(rep) == repHeader { return }
                repRows.append((row, blockPeriod))
            }
        }.mergedRanges
        if let joined, !merges.isEmpty {
            (headers, named) = periodFigures(HeaderSearch.joined(joined.upper, joined.lower, merges: merges))
        }
        var rows: [SummaryRow] = []
        var columnCells: [SummaryField: [(row: Int, cell: Cell)]] = [:]
        for (row, block) in repRows where !headers.isEmpty {
            let rep = row.cells.first { $0.column == repColumn }!.value.plainText.trimmingCharacters(in: .whitespaces)
            var byPeriod: [(SummaryPeriod, [SummaryField: Cell])] = []
            for cell in row.cells {
                guard let (headed, field) = headers[cell.column] else { continue }
                let period = block ?? headed
                columnCells[field, default: []].append((row.index, cell))
                if let at = byPeriod.firstIndex(where: { $0.0 == period }) {
                    byPeriod[at].1[field] = byPeriod[at].1[field] ?? cell
                } else {
                    byPeriod.append((period, [field: cell]))
                }
            }
            rows += byPeriod.map { SummaryRow(row: row.index, rep: rep, period: $0.0, cells: $0.1) }
        }
        // Quotas or targets by period are no totals of the plan's.
        // The bare `Total` and `Pay` count only beside a figure named outright (`Jul Total` alone,
        // on a bookings sheet, is no commission).
        guard !headers.isEmpty, named, !SummaryCrossTab.saysTarget(titles) else { return nil }
        var columns: [SummaryField: Int] = [.rep: repColumn]
        for (column, header) in headers.sorted(by: { $0.key < $1.key }) where columns[header.field] == nil {
            columns[header.field] = column
        }
        return SummarySheet(
            name: name, headerRow: mapping.headerRow, columns: columns, layout: .rows, rows: rows,
            columnCells: columnCells)
    }
}
