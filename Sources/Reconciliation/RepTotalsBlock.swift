import Commission
import Foundation
import Ingest
import Primitives
import Spreadsheet

/// Per-rep totals kept on a deals sheet itself, below its deals (a `Payout summary` block after a
/// blank row or the sheet's total: a rep's name in the rep column and
/// `=SUMIF(B$2:B$35,B40,F$2:F$35)` in the commission column, on each of a few rows): the period's
/// per-rep totals, read as a summary sheet's are (plan-format.md §6 compares per-rep totals) and
/// never as deal rows that could not be read.
///
/// A block is two rows or more in a row, each naming a different rep of the roster and holding a
/// figure in the commission column, with no deal id, date or amount, standing at least two rows
/// below the sheet's last deal; a row right above it with text in both columns (`Rep | Total
/// payout`) is its header. Its period is the one the sheet's deals all fall in, else the one the
/// sheet's name names, else the run's when it has one.
enum RepTotalsBlock {
    /// The blocks of `deals`' sheets, each a summary named as its sheet, their rows taken out of
    /// the rows `deals` could not read (and out of its diagnostics).
    static func take(from deals: inout DealsTable, roster: [RosterEntry], plan: Plan) -> [SummarySheet] {
        guard !deals.skipped.isEmpty else { return [] }
        let (lastDeal, periods) = dealRows(deals, plan: plan)
        var blocks: [SummarySheet] = []
        var taken: Set<Int> = []
        for (ordinal, sheet) in deals.sheets.enumerated() {
            guard let repColumn = sheet.mapping.columns[.rep], let figureColumn = sheet.mapping.columns[.commission]
            else { continue }
            let below = deals.skipped.filter {
                DealsTable.sheetOrdinal($0.row) == ordinal && DealsTable.sheetRow($0.row) > lastDeal[ordinal] + 1
            }
            guard let rows = firstBlock(below, roster: roster) else { continue }
            let name = deals.sheetName(ofRow: rows[0].row)
            let period = Self.period(of: name, dealsIn: periods[ordinal])
            let first = DealsTable.sheetRow(rows[0].row)
            // A header right above the block (`Rep | Total payout`): text in both columns, no figure.
            let header = below.first { skipped in
                DealsTable.sheetRow(skipped.row) == first - 1 && skipped.dealID == nil && skipped.amount == nil
                    && skipped.rep != nil && skipped.commission.map(isLabel) == true
            }
            let figure = header?.commission.flatMap { Self.figure(named: $0.value.plainText) } ?? .commission
            let summaryRows = rows.map { skipped in
                SummaryRow(
                    row: DealsTable.sheetRow(skipped.row), rep: skipped.rep!, period: period,
                    cells: [figure: skipped.commission!])
            }
            blocks.append(
                SummarySheet(
                    name: name, headerRow: header.map { DealsTable.sheetRow($0.row) } ?? first - 1,
                    columns: [.rep: repColumn, figure: figureColumn], layout: .rows, rows: summaryRows,
                    columnCells: [figure: summaryRows.map { ($0.row, $0.cells[figure]!) }]))
            taken.formUnion(rows.map(\.row) + (header.map { [$0.row] } ?? []))
        }
        leaveOut(taken, from: &deals)
        return blocks
    }

    /// Takes the rows `taken` (row keys) out of the rows `deals` could not read, and out of its
    /// diagnostics: they are per-rep totals, not deal rows.
    static func leaveOut(_ taken: Set<Int>, from deals: inout DealsTable) {
        guard !taken.isEmpty else { return }
        let takenCells = Set(
            deals.skipped.filter { taken.contains($0.row) }.flatMap { skipped in
                skipped.failures.compactMap { failure in
                    failure.location.cell.map { "\(failure.location.sheet ?? "")!\($0)" }
                }
            })
        deals.diagnostics.removeAll { diagnostic in
            diagnostic.location.cell.map { takenCells.contains("\(diagnostic.location.sheet ?? "")!\($0)") } ?? false
        }
        deals.skipped.removeAll { taken.contains($0.row) }
        deals.rowsRead -= taken.count
    }

    /// Per deals sheet (by ordinal), its last deal row and the periods its deals fall in.
    static func dealRows(_ deals: DealsTable, plan: Plan) -> (lastDeal: [Int], periods: [Set<Period>]) {
        var lastDeal = [Int](repeating: 0, count: deals.sheets.count)
        var periods = [Set<Period>](repeating: [], count: deals.sheets.count)
        // The last period met and its days: a line dated within them is in it, found without
        // working out its period, and is not filed again under the sheet it was last filed under.
        var last: (days: ClosedRange<LocalDate>, period: Period, ordinal: Int)?
        for line in deals.lines {
            let ordinal = DealsTable.sheetOrdinal(line.row)
            guard lastDeal.indices.contains(ordinal) else { continue }
            lastDeal[ordinal] = max(lastDeal[ordinal], DealsTable.sheetRow(line.row))
            if let known = last, known.days.contains(line.date) {
                guard known.ordinal != ordinal else { continue }
                last?.ordinal = ordinal
                periods[ordinal].insert(known.period)
                continue
            }
            let period = Period(containing: line.date, kind: plan.period, fiscalYearStart: plan.fiscalYearStart)
            last = (period.start...period.end, period, ordinal)
            periods[ordinal].insert(period)
        }
        return (lastDeal, periods)
    }

    /// A block's period: the one the sheet's deals all fall in, else the one its name names, else
    /// the run's when it has one.
    private static func period(of sheet: String, dealsIn periods: Set<Period>) -> SummaryPeriod {
        if periods.count == 1, let only = periods.first { return .date(only.start) }
        return PeriodLabel(sheet) != nil ? .label(sheet) : .unwritten
    }

    /// The figure a block's header names: a summary figure's own header in any language the
    /// synonyms hold (`Payable`, `Provision`, `Comisión`), or, among other words (`Total payout`,
    /// `Commission total`, `Provision gesamt`), a one-word name of the payable, the earned or the
    /// commission, in that order. Nil for a header naming none, a bare `Total`, or a header naming
    /// what is no pay: a deal's amount, a quota or a draw (`Bookings`, `Cuota`, `Vorschuss`).
    static func figure(named header: String) -> SummaryField? {
        let words = Set(FoldedWords.of(header))
        guard words.isDisjoint(with: HeaderWords.noPay) else { return nil }
        if let field = PeriodFigureHeaders.namedOutright(key: headerKey(header)) { return field }
        return HeaderWords.payFigures.first { !words.isDisjoint(with: $0.words) }?.field
    }

    /// The words headers of per-rep totals are told by, from the synonyms (every language).
    private enum HeaderWords {
        /// The folded one-word names among `synonyms`, bare figures left out.
        static func oneWord(_ synonyms: [String]) -> Set<String> {
            Set(synonyms.map(FoldedWords.of).filter { $0.count == 1 }.map { $0[0] })
                .subtracting(PeriodFigureHeaders.bareFigures)
        }
        /// What a header naming no pay says: a deal's amount, a quota, a draw.
        static let noPay = oneWord(Field.amount.synonyms + Field.quota.synonyms + SummaryField.draw.synonyms)
        /// The pay figures, in the order a header naming several is read by.
        static let payFigures: [(field: SummaryField, words: Set<String>)] = [
            (.payable, oneWord(SummaryField.payable.synonyms).union(["payouts"])),
            (.earned, oneWord(SummaryField.earned.synonyms)),
            (.commission, oneWord(SummaryField.commission.synonyms + Field.commission.synonyms)),
        ]
    }

    /// Per-rep totals beside the deals (right of their columns, `Salesperson | Commission total` on
    /// the header's row) or above their header (`Rep | Commission` over a row per rep): a header
    /// naming the rep (`SummaryField.rep`) and, in the next cell right of it, a figure
    /// (`figure(named:)`), over two rows or more in a row, each a different rep of the roster with
    /// a figure (a number or a formula). Read from the sheet's first rows, up to `reach` below the
    /// header.
    ///
    /// `searchedRows`: rows read before (`rowsSearched(of:in:)`), by sheet: the first rows of a sheet up
    /// to the count asked, taken from there when as many as are searched were asked, else read
    /// from `file`.
    static func besideOrAbove(
        in file: TableFile, deals: DealsTable, roster: [RosterEntry], plan: Plan, reach: Int = 200,
        searchedRows: [String: (asked: Int, rows: [Row])] = [:]
    ) throws -> [SummarySheet] {
        let (_, periods) = dealRows(deals, plan: plan)
        var blocks: [SummarySheet] = []
        var read: Set<String> = []
        for sheet in deals.sheets {
            guard let name = sheet.name, read.insert(name).inserted else { continue }
            // The columns of every table of deals on the sheet (tables side by side are parts of it).
            let ordinals = deals.sheets.indices.filter { deals.sheets[$0].name == name }
            let parts = ordinals.map { deals.sheets[$0] }
            let tables = parts.map { part in
                (
                    header: part.mapping.headerRow,
                    columns: part.mapping.columnSpan
                        ?? (part.mapping.columns.values.min() ?? 1)...(part.mapping.columns.values.max() ?? 1)
                )
            }
            let headerRow = tables.map(\.header).min() ?? 1
            func inTables(_ row: Int, _ column: Int) -> Bool {
                tables.contains { row >= $0.header && $0.columns.contains(column) }
            }
            let searched = headerRow + reach
            let rows =
                try searchedRows[name].flatMap { $0.asked >= searched ? Array($0.rows.prefix(searched)) : nil }
                ?? HeaderSearch.firstRows(of: name, in: file, count: searched)
            let dealPeriods = ordinals.reduce(into: Set<Period>()) { $0.formUnion(periods[$1]) }
            let period = Self.period(of: name, dealsIn: dealPeriods)
            for index in rows.indices {
                blocks += headed(at: index, of: rows, sheet: name, period: period, roster: roster) { row, column in
                    !inTables(row, column)
                }
            }
            if let rep = sheet.rep,
                let box = statementBox(rows.filter { $0.index < headerRow }, rep: rep, period: period)
            {
                blocks.append(
                    SummarySheet(
                        name: name, headerRow: box.rows[0].row - 1, columns: box.columns, layout: .rows, rows: box.rows,
                        columnCells: box.rows.reduce(into: [:]) { cells, row in
                            for (field, cell) in row.cells { cells[field, default: []].append((row.row, cell)) }
                        }))
            }
        }
        return blocks
    }

    /// The rows `besideOrAbove` searches of each sheet of `deals`, read from `file` while its
    /// shared strings are held (read after they are let go, a million rows' table is read again):
    /// sheet by sheet in the deals' order, until the rows held come to `cellsHeld` cells (some
    /// 80 bytes each: a thousand tabs, one a rep, are not held whole meanwhile); `besideOrAbove`
    /// reads the sheets past those. The rows are those `besideOrAbove` reads while `deals` names
    /// the same header rows and the file reads as it did.
    static func rowsSearched(
        of deals: DealsTable, in file: TableFile, reach: Int = 200, cellsHeld: Int = 1 << 18
    ) throws -> [String: (asked: Int, rows: [Row])] {
        var names: [String] = []
        var headerRows: [String: Int] = [:]
        for sheet in deals.sheets {
            guard let name = sheet.name else { continue }
            if headerRows[name] == nil { names.append(name) }
            headerRows[name] = min(headerRows[name] ?? .max, sheet.mapping.headerRow)
        }
        var rows: [String: (asked: Int, rows: [Row])] = [:]
        var cells = 0
        for name in names where cells < cellsHeld {
            let asked = headerRows[name, default: 1] + reach
            let read = try HeaderSearch.firstRows(of: name, in: file, count: asked)
            cells += read.reduce(0) { $0 + $1.cells.count }
            rows[name] = (asked, read)
        }
        return rows
    }

    /// Per-rep totals below the deals in columns of their own (`Rep | Commission` in A:B, under
    /// the deals' id and rep columns, `=SUMIF($B$2:$B$5,A9,$H$2:$H$5)` beside each rep): rows the
    /// deals reader could not read, after a blank row or the sheet's total, that read as
    /// `besideOrAbove`'s blocks do (a header naming the rep and, right of it, a figure, over a row
    /// per rep of the roster), or as a summary's rows (`Rep | Period | Commission`, a row per rep
    /// and period, in whatever columns). Their rows are taken out of the rows `deals` could not read, as
    /// `take`'s are, and out of those it read as open deals the plan does not pay (a block's header,
    /// `Period | Commission | Earned`, with `Earned` under the deals' status: `UnpaidRow`); the sheet
    /// is read again (up to the last of those rows) only when three rows in a row below its deals
    /// were read as neither deals nor clawbacks.
    static func belowInColumnsOfTheirOwn(
        in file: TableFile, deals: inout DealsTable, roster: [RosterEntry], plan: Plan
    ) throws -> [SummarySheet] {
        guard deals.skipped.count + deals.unpaid.count >= 3 else { return [] }
        let (lastDeal, periods) = dealRows(deals, plan: plan)
        var blocks: [SummarySheet] = []
        var taken: Set<Int> = []
        var takenUnpaid: Set<Int> = []
        var read: Set<String> = []
        for sheet in deals.sheets {
            guard let name = sheet.name, read.insert(name).inserted else { continue }
            let ordinals = Set(deals.sheets.indices.filter { deals.sheets[$0].name == name })
            let last = ordinals.map { lastDeal[$0] }.max() ?? 0
            let isBelow = { (row: Int) in
                ordinals.contains(DealsTable.sheetOrdinal(row)) && DealsTable.sheetRow(row) > last + 1
            }
            let below = deals.skipped.filter { isBelow($0.row) }
            let unpaidBelow = deals.unpaid.filter { isBelow($0.row) }
            let wanted = Set((below.map(\.row) + unpaidBelow.map(\.row)).map(DealsTable.sheetRow))
            // A header and two reps at least, in a row.
            guard wanted.contains(where: { wanted.contains($0 + 1) && wanted.contains($0 + 2) }) else { continue }
            let rows = try Self.rows(wanted, of: name, in: file)
            let period = Self.period(
                of: name, dealsIn: ordinals.reduce(into: Set<Period>()) { $0.formUnion(periods[$1]) })
            // A tab per rep keeps the rep's figures by period under the deals: the rep its rows
            // take from its name or title, or the one its name names, of the roster or of every
            // deal row on it.
            let tabRep =
                sheet.rep ?? RepIdentity.identify(name, roster: roster).map { _ in name }
                ?? Self.onlyRep(of: ordinals, in: deals).flatMap { $0 == name.normalizedKey ? name : nil }
            for index in rows.indices {
                var found = headed(
                    at: index, of: rows, sheet: name, period: period, roster: roster, periodColumns: true,
                    free: { _, _ in true })
                if found.isEmpty, let tabRep, let block = periodBlock(at: index, of: rows, sheet: name, rep: tabRep) {
                    found = [block]
                }
                for block in found {
                    blocks.append(block)
                    let blockRows = Set([block.headerRow] + block.rows.map(\.row))
                    taken.formUnion(below.filter { blockRows.contains(DealsTable.sheetRow($0.row)) }.map(\.row))
                    takenUnpaid.formUnion(
                        unpaidBelow.filter { blockRows.contains(DealsTable.sheetRow($0.row)) }.map(\.row))
                }
            }
        }
        leaveOut(taken, from: &deals)
        deals.unpaid.removeAll { takenUnpaid.contains($0.row) }
        deals.rowsRead -= takenUnpaid.count
        return blocks
    }

    /// The rows of sheet `name` whose numbers are among `wanted`, read up to the last of them.
    static func rows(_ wanted: Set<Int>, of name: String, in file: TableFile) throws -> [Row] {
        struct Enough: Error {}
        let last = wanted.max() ?? 0
        var rows: [Row] = []
        do {
            try file.forEachRow(of: name) { row, _ in
                if row.index > last { throw Enough() }
                if wanted.contains(row.index) { rows.append(row) }
            }
        } catch is Enough {}
        return rows
    }

    /// The per-rep totals under `rows[index]` read as a header: a cell naming the rep
    /// (`SummaryField.rep`) and, in the next cell right of it, a figure (`figure(named:)`), over
    /// two rows or more in a row, each a different rep of the roster with a figure (a number or a
    /// formula) under those two cells. With `periodColumns`, a period's header may stand between
    /// the two (`Rep | Period | Commission`, a summary kept under the deals): each row is then the
    /// period its own cell names, and the rows each a different rep and period. `free`: whether a
    /// cell (row, column) may hold such totals (not one of the deals' tables).
    private static func headed(
        at index: Int, of rows: [Row], sheet name: String, period: SummaryPeriod, roster: [RosterEntry],
        periodColumns: Bool = false, free: (_ row: Int, _ column: Int) -> Bool
    ) -> [SummarySheet] {
        let row = rows[index]
        var blocks: [SummarySheet] = []
        func written(rightOf column: Int) -> Cell? {
            row.cells.first { $0.column > column && !$0.value.plainText.trimmingCharacters(in: .whitespaces).isEmpty }
        }
        for repCell in row.cells where free(row.index, repCell.column) {
            guard repHeaders.contains(headerKey(repCell.value.plainText)),
                var figureCell = written(rightOf: repCell.column)
            else { continue }
            var periodColumn: Int?
            if periodColumns, periodHeaders.contains(headerKey(figureCell.value.plainText)),
                let after = written(rightOf: figureCell.column)
            {
                periodColumn = figureCell.column
                figureCell = after
            }
            guard free(row.index, figureCell.column), let field = Self.figure(named: figureCell.value.plainText)
            else { continue }
            var summaryRows: [SummaryRow] = []
            struct Key: Hashable {
                let rep: String
                let period: SummaryPeriod
            }
            var keys: Set<Key> = []
            for later in rows[(index + 1)...] {
                let rowPeriod = periodColumn.map { later.cell(at: $0).flatMap { SummaryPeriod($0.value) } } ?? period
                guard later.index == row.index + 1 + summaryRows.count,
                    free(later.index, repCell.column), free(later.index, figureCell.column),
                    let rep = later.cell(at: repCell.column)?.value.plainText.trimmingCharacters(in: .whitespaces),
                    let entry = RepIdentity.identify(rep, roster: roster), let rowPeriod,
                    keys.insert(Key(rep: entry.id.normalizedKey, period: rowPeriod)).inserted,
                    let value = later.cell(at: figureCell.column),
                    Decimal.fromCell(value.value).number != nil || value.formula != nil
                else { break }
                summaryRows.append(SummaryRow(row: later.index, rep: rep, period: rowPeriod, cells: [field: value]))
            }
            guard summaryRows.count >= 2 else { continue }
            var columns: [SummaryField: Int] = [.rep: repCell.column, field: figureCell.column]
            columns[.period] = periodColumn
            blocks.append(
                SummarySheet(
                    name: name, headerRow: row.index, columns: columns, layout: .rows, rows: summaryRows,
                    columnCells: [field: summaryRows.map { ($0.row, $0.cells[field]!) }]))
        }
        return blocks
    }

    /// A period's label in a rep's figures by period (`periodBlock`): a text, or a year typed as a
    /// number (`2026` under a yearly plan's `Period`: a whole number from 1900 to 2200, as
    /// `PeriodLabel` reads four digits); nil for any other value.
    private static func periodText(_ value: CellValue) -> String? {
        switch value {
        case .text(let text): return text.trimmingCharacters(in: .whitespaces)
        case .number(let number):
            guard let year = SmallDecimal(number)?.integer, (1900...2200).contains(year) else { return nil }
            return String(year)
        default: return nil
        }
    }

    /// The rep every deal line of the sheets `ordinals` names, by key; nil for none or several.
    private static func onlyRep(of ordinals: Set<Int>, in deals: DealsTable) -> String? {
        var found: String?
        for line in deals.lines where ordinals.contains(DealsTable.sheetOrdinal(line.row)) {
            let key = line.rep.normalizedKey
            if found == nil { found = key } else if found != key { return nil }
        }
        return found
    }

    /// A rep's figures by period under the deals of the rep's own tab (`Period | Commission | Bonus |
    /// Earned | Payable`, a row per period): `rows[index]` read as the header, a period's header
    /// first and each written cell right of it a summary figure's own header
    /// (`PeriodFigureHeaders.figures`), over rows in a row each a different period's label with
    /// a figure (a number or a formula) under every header. Two rows at least, or one under two
    /// figures; nil otherwise. Every row is `rep`'s, the rep the tab is.
    private static func periodBlock(at index: Int, of rows: [Row], sheet name: String, rep: String) -> SummarySheet? {
        let written = rows[index].cells.filter { !$0.value.plainText.trimmingCharacters(in: .whitespaces).isEmpty }
        guard written.count >= 2, periodHeaders.contains(headerKey(written[0].value.plainText)) else { return nil }
        var columns: [SummaryField: Int] = [.period: written[0].column]
        for cell in written.dropFirst() {
            guard let field = PeriodFigureHeaders.namedOutright(key: headerKey(cell.value.plainText)),
                columns[field] == nil
            else { return nil }
            columns[field] = cell.column
        }
        var summaryRows: [SummaryRow] = []
        var periods: Set<String> = []
        for later in rows[(index + 1)...] {
            guard later.index == rows[index].index + 1 + summaryRows.count,
                let label = later.cell(at: written[0].column), let text = periodText(label.value),
                PeriodLabel(text) != nil, let period = SummaryPeriod(label.value),
                periods.insert(period.text).inserted
            else { break }
            var cells: [SummaryField: Cell] = [:]
            for (field, column) in columns where field != .period {
                guard let cell = later.cell(at: column),
                    Decimal.fromCell(cell.value).number != nil || cell.formula != nil
                else { break }
                cells[field] = cell
            }
            guard cells.count == columns.count - 1 else { break }
            summaryRows.append(SummaryRow(row: later.index, rep: rep, period: period, cells: cells))
        }
        guard summaryRows.count >= 2 || (summaryRows.count == 1 && columns.count >= 3) else { return nil }
        var columnCells: [SummaryField: [(row: Int, cell: Cell)]] = [:]
        for row in summaryRows {
            for (field, cell) in row.cells { columnCells[field, default: []].append((row.row, cell)) }
        }
        return SummarySheet(
            name: name, headerRow: rows[index].index, columns: columns, layout: .rows, rows: summaryRows,
            columnCells: columnCells)
    }

    /// The headers naming the rep, by key.
    private static let repHeaders = Set(SummaryField.rep.synonyms.map(headerKey))
    /// The headers naming a summary's period, by key.
    private static let periodHeaders = Set(SummaryField.period.synonyms.map(headerKey))

    /// A statement's box above a rep's tab (`Commission | =SUM(E9:E15)`, `Draw | 2000`, `Payable |
    /// …`, a label beside its figure on each row): the rep's figures for the period, one row each;
    /// nil without two labels naming a figure of the summary (`PeriodFigureHeaders.figures`; a bare
    /// `Total` or `Pay` names none) each with a figure right of it.
    private static func statementBox(_ rows: [Row], rep: String, period: SummaryPeriod) -> (
        rows: [SummaryRow], columns: [SummaryField: Int]
    )? {
        var found: [SummaryRow] = []
        var columns: [SummaryField: Int] = [:]
        for row in rows {
            for label in row.cells {
                guard let field = PeriodFigureHeaders.namedOutright(key: headerKey(label.value.plainText)),
                    columns[field] == nil,
                    let figure = row.cells.first(where: {
                        $0.column > label.column && !$0.value.plainText.trimmingCharacters(in: .whitespaces).isEmpty
                    }),
                    Decimal.fromCell(figure.value).number != nil || figure.formula != nil
                else { continue }
                columns[field] = figure.column
                found.append(SummaryRow(row: row.index, rep: rep, period: period, cells: [field: figure]))
                break
            }
        }
        return found.count >= 2 ? (found, columns) : nil
    }

    /// Whether `cell` holds a header's text: text that reads as no number.
    private static func isLabel(_ cell: Cell) -> Bool {
        guard case .text(let text) = cell.value else { return false }
        return !text.isEmpty && Decimal.fromCell(cell.value).number == nil
    }

    /// The first block among `rows` (rows of one sheet the reader skipped, in sheet order): two
    /// rows or more in a row, each a different rep's total; nil when there is none.
    private static func firstBlock(_ rows: [SkippedRow], roster: [RosterEntry]) -> [SkippedRow]? {
        var run: [SkippedRow] = []
        var reps: Set<String> = []
        for skipped in rows {
            let follows = run.last.map { DealsTable.sheetRow($0.row) + 1 == DealsTable.sheetRow(skipped.row) } ?? true
            let rep = isRepTotal(skipped, roster: roster)
            if let rep, follows, !reps.contains(rep) {
                run.append(skipped)
                reps.insert(rep)
                continue
            }
            if run.count >= 2 { return run }
            run = []
            reps = []
            if let rep {
                run = [skipped]
                reps = [rep]
            }
        }
        return run.count >= 2 ? run : nil
    }

    /// The roster id of the rep whose total `skipped` holds: no deal id, date or amount, a rep of
    /// the roster and a figure (a number, or a formula) in the commission column; nil otherwise.
    private static func isRepTotal(_ skipped: SkippedRow, roster: [RosterEntry]) -> String? {
        guard skipped.dealID == nil, skipped.amount == nil, skipped.cells.allSatisfy(\.text.isEmpty),
            let rep = skipped.rep, let cell = skipped.commission,
            Decimal.fromCell(cell.value).number != nil || cell.formula != nil,
            let entry = RepIdentity.identify(rep, roster: roster)
        else { return nil }
        return entry.id.normalizedKey
    }
}
