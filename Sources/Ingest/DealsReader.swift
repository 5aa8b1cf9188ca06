import Commission
import Foundation
import Parallel
import Primitives
import Spreadsheet

/// Reads credit lines (plan-format.md 1.1) from a CSV file or a workbook's deals sheet.
public enum DealsReader {
    /// The fields whose numbers and dates stored as text are counted (`DealsTable.textNumbers`).
    private static let textNumberFields: [Field] = [.date, .amount, .split, .cancelDate, .quota, .rate]

    /// Data rows read before the columns' number styles are decided.
    static let styleSample = 1000
    /// Data rows held at most, past `styleSample`, for a row whose text date tells the date order.
    static let dateOrderWait = 65_536
    /// Rows converted together, split across the cores. Up to five batches are held at once
    /// (one being read, and four queued or being converted: `BatchConverter`).
    static let batchSize = 8_192
    /// A table's first batch, once its styles are decided; each next one is twice the one before,
    /// up to `batchSize`. A small table (a tab per rep) is converted as it is read, not all at
    /// its end, where the next tab's read waits for it.
    static let firstBatchSize = 1_024

    /// Converts a batch of rows into lines in parallel slices, each slice's table in row order:
    /// appended one by one where they are kept, not joined into one table first, so that each
    /// line is copied once.
    static func convert(
        _ batch: [(Row, RowPlace)], mapping: ColumnMapping<Field>, styles: ColumnStyles,
        manualCells: ManualCells.Keeping, file: String
    ) -> [DealsTable] {
        let slices = chunkCount(items: batch.count, minimum: 4096)
        return inParallel(chunks: slices) { slice in
            var part = DealsTable(lines: [], diagnostics: [], rowsRead: 0, mapping: mapping, file: file, sheet: nil)
            var context = RowContext(mapping: mapping, styles: styles)
            // Through the buffer, each row and place borrowed, not copied: a copy retains the
            // place's file name, one object every slice's thread shares.
            batch.withUnsafeBufferPointer { rows in
                for index in chunkRange(slice, of: slices, total: batch.count) {
                    read(
                        rows[index].0, rows[index].1, styles: styles, manualCells: manualCells, context: &context,
                        into: &part)
                }
            }
            for field in Field.allCases where context.textNumbers[field.ordinal] > 0 {
                part.textNumbers[field, default: 0] += context.textNumbers[field.ordinal]
            }
            return part
        }
    }

    /// Finds the header (the first sheet with every required field, unless `sheet` names one),
    /// maps the columns (`pins` first, then synonyms) and reads every row below it. A row with a
    /// value that cannot be read is skipped and reported at its cell; the run goes on.
    /// `manualCells` keeps each row's rate, commission and bonus cells (for the reconciler; a
    /// million of them take about 48 MB without formula texts). `progress`, when given, gets bytes
    /// read and the total as the rows stream in. `passingLinesTo`, when given, gets the lines a
    /// batch at a time, in row order, as they are read, and the table returned holds none (the
    /// rest as usual): for callers that keep them more compactly or not at all. It is called on
    /// another thread, one batch after another, never at the same time as itself; the call
    /// returns after its last. `statuses`, the plan's status words, tell the rows the plan does
    /// not pay (`UnpaidRow`) and, with the manual cells, clawback rows (`ClawbackRow`); its
    /// `currency` (`USD`) which of a field's columns in several currencies is read
    /// (`ColumnMapping.chosenByCurrency`).
    public static func read(
        _ file: TableFile, sheet: String? = nil, pins: [String: String] = [:],
        manualCells: ManualCells.Keeping = .nothing, statuses: StatusRule? = nil, currency: String? = nil,
        dateOrder: DateOrder? = nil, progress: ((_ done: Int64, _ total: Int64) -> Void)? = nil,
        passingLinesTo receive: (([CreditLine]) throws -> Void)? = nil
    ) throws -> DealsTable {
        let tables = sheet.map { [$0] } ?? file.tables
        let (table, mapping) = try HeaderSearch.find(
            in: file, tables: tables, words: Field.headerWords(currency: currency), required: Field.required,
            pins: pins)
        if !mapping.tablesBeside.isEmpty {
            let spans = ([mapping] + mapping.tablesBeside).compactMap(\.columnSpan).map {
                "\(CellAddress.columnName($0.lowerBound))–\(CellAddress.columnName($0.upperBound))"
            }
            throw SpreadsheetError(
                Location(file: file.path, sheet: table),
                "row \(mapping.headerRow) heads \(spans.count) tables of deals side by side (columns "
                    + spans.joined(separator: ", ") + "); read the file as a workbook, or keep one table a sheet")
        }
        do {
            return try read(
                file, table: table, mapping: mapping, sheetRep: nil, dateOrder: dateOrder, manualCells: manualCells,
                statuses: statuses, progress: progress, passingLinesTo: receive)
        } catch let stacked as MovedHeader.Table {
            throw stacked.refusal
        }
    }

    /// The rows of one table under its header `mapping`; `sheetRep` is every row's rep when the
    /// table has no rep column (a tab per rep), `blankRep` the rep of a row whose rep cell is blank
    /// (a tab per rep whose rep column was left empty). With `region` (an Excel Table), only the
    /// rows and columns inside it are read, and its totals rows are totals. `fillingDownReps`: a
    /// blank rep cell of a deal row takes the rep above (`FilledDownReps`); `readingDittoMarks`: a
    /// ditto mark (`"`, `-do-`) in a rep, product, type or date cell is the value above (`DittoMarks`). A date column whose
    /// texts do not tell their order (`03/04/2026` only) takes `dateOrder`, else the order the
    /// table's other date column shows, else `otherSheetsOrder` (the one the workbook's other sheets
    /// show); failing those the read throws, an `UndecidedDateOrder` when `deferringUndecided`.
    /// `statuses`: the plan's status words (`read(_:sheet:…)`); `fiscalYearStart`, the plan's
    /// `fiscal_year_start` (nil without a plan), tells whether a title's `FY2026` is a calendar
    /// year (`YearlessDates`).
    static func read(
        _ file: TableFile, table: String?, mapping header: ColumnMapping<Field>, sheetRep: String?,
        blankRep: String? = nil, dateOrder: DateOrder?, otherSheetsOrder: DateOrder? = nil,
        deferringUndecided: Bool = false, manualCells: ManualCells.Keeping, statuses: StatusRule? = nil,
        blockReps: KnownReps = KnownReps([]),
        region: TableRegion? = nil, merges: [CellRange] = [], fillingDownReps: Bool = false,
        readingDittoMarks: Bool = false, sheetDate: LocalDate? = nil, fiscalYearStart: Int? = nil,
        progress: ((_ done: Int64, _ total: Int64) -> Void)?,
        passingLinesTo receive: (([CreditLine]) throws -> Void)? = nil
    ) throws -> DealsTable {
        let blocks = BlockTitles(header: header, knownReps: blockReps)
        // A parent row over its rep's rows, on a sheet with a rep column (`BlockTitles.isParentRow`):
        // looked for only on rows with fewer cells than the header maps, as it writes no rep and no date.
        let parents = header.columns[.rep].flatMap { column in
            blockReps.isEmpty
                ? nil : (titles: BlockTitles(knownReps: blockReps), repColumn: column, mapped: header.columns.count)
        }
        let mapping = blocks?.mapping ?? header
        var result = DealsTable(
            lines: [], diagnostics: [], rowsRead: 0, mapping: mapping, file: file.path, sheet: table)
        result.sheets = [
            DealsSheet(
                name: table, mapping: mapping, rep: sheetRep, excelTable: region?.part, date: sheetDate,
                repsFilledDown: fillingDownReps, dittoMarksRead: readingDittoMarks)
        ]
        var pending: [(Row, RowPlace)] = []
        var styles: ColumnStyles?
        var blockRep: String?
        // The years the title rows above the header write (`YearlessDates`).
        var titleYears = Set<Int>()
        var titleFiscalYears = Set<Int>()
        let headerID = (column: header.columns[.dealID], key: header.headers[.dealID].map(headerKey))
        let amountColumn = mapping.columns[.amount]
        var tableTotals: [TotalRow] = []
        // The parent rows' roll-ups of their rep's rows below (`BlockTitles.rollUp`).
        var parentTotals: [TotalRow] = []
        // Why the rows are not read, under a second table's header that names no table.
        var unreadableTable: String?
        // The header row of a table of another kind under the deals, and its last row read; and
        // the row read last, and whether it held one text alone (a title over such a table).
        var otherTable: (header: Int, last: Int)?
        var previous: (index: Int, lone: Bool)?
        var merged = MergedValues(
            merges, below: mapping.headerRow,
            paid: Set(
                [mapping.columns[.commission], mapping.columns[.bonus]].compactMap { $0 }
                    + (mapping.addedColumns[.bonus] ?? []) + mapping.commissionColumns))
        var filledDown = fillingDownReps && blocks == nil ? FilledDownReps(mapping) : nil
        var ditto = readingDittoMarks ? DittoMarks(mapping) : nil
        let continuation = ContinuationRow(mapping)
        let converter = BatchConverter(
            mapping: mapping, file: file.path, manualCells: manualCells, receive: receive)
        // Reads the rows, handing them to `converter` a batch at a time.
        // How far through the table the read is, to size the lines' room from the first batch.
        var position: (done: Int64, total: Int64) = (0, 0)
        var reserved = receive != nil
        var nextBatch = firstBatchSize
        var sent = 0
        // Rows past the sample are held while the sample's text dates do not tell their order
        // and none since has (`13/04/2026`), up to `dateOrderWait` of them.
        var awaitingDateOrder = false
        func decide(_ rows: [Row]) throws -> ColumnStyles {
            var decided = try decideStyles(
                rows, mapping: mapping, file: file.path, table: table, dateOrder: dateOrder,
                otherSheetsOrder: otherSheetsOrder, deferringUndecided: deferringUndecided, into: &result)
            decided.rep = sheetRep ?? blankRep
            decided.date = sheetDate
            decided.dateSystem = file.dateSystem
            if case .workbook = file { decided.inWorkbook = true }
            decided.statuses = statuses
            (decided.titleYear, decided.titleYearUnread) = YearlessDates.titleYear(
                calendar: titleYears, fiscal: titleFiscalYears, fiscalYearStart: fiscalYearStart)
            if decided.titleYear != nil, YearlessDates.writesDaysWithoutYear(rows, mapping: mapping) {
                result.sheets[result.sheets.count - 1].yearOfYearlessDates = decided.titleYear
            }
            return decided
        }
        do {
            let tail = try file.forEachRow(
                of: table,
                progress: { done, total in
                    position = (done, total)
                    progress?(done, total)
                }
            ) { row, place in
                // Another table's rows, above or below this one on the sheet (`MovedHeader`).
                if let rows = header.rows, !rows.contains(row.index) { return }
                var row = merged?.fill(row) ?? row
                // A table beside another on the header's row: only its own columns are read.
                if let span = mapping.columnSpan { row = row.clipped(to: span) }
                if let region {
                    if region.isTotals(row.index) {
                        tableTotals.append(
                            region.total(
                                row, commissionColumn: mapping.columns[.commission],
                                bonusColumn: mapping.columns[.bonus]))
                    }
                    guard region.isData(row.index) else { return }
                    row = region.clipped(row)
                }
                // The first block's title may stand above the header, and so may a total of the
                // whole table (`Total` over the header, its figure in the commission column).
                if row.index < mapping.headerRow, let rep = blocks?.title(of: row) { blockRep = rep }
                if row.index < mapping.headerRow {
                    let years = YearlessDates.years(in: row)
                    titleYears.formUnion(years.calendar)
                    titleFiscalYears.formUnion(years.fiscal)
                }
                if row.index < mapping.headerRow, region == nil,
                    let total = TotalRow.aboveHeader(row, commissionColumn: mapping.columns[.commission])
                {
                    result.totals.append(total)
                }
                guard row.index > mapping.headerRow else { return }
                // A table of another kind under the deals (`MovedHeader.headsOtherTable`): its
                // rows, down to the next blank row, are no deals.
                if let other = otherTable, row.index == other.last + 1 {
                    otherTable?.last = row.index
                    Self.skip(
                        row, place: place, because: MovedHeader.otherTable(headerRow: other.header), asNote: true,
                        into: &result)
                    return
                }
                otherTable = nil
                // Looked for only after a blank row or a title: never among the deals.
                let opensTable = previous.map { row.index > $0.index + 1 || $0.lone } ?? true
                previous = (row.index, Self.holdsOneValue(row))
                if opensTable, MovedHeader.headsOtherTable(row, commissionColumn: mapping.columns[.commission]) {
                    otherTable = (row.index, row.index)
                    Self.skip(
                        row, place: place, because: MovedHeader.otherTable(headerRow: row.index), asNote: true,
                        into: &result)
                    return
                }
                // A second table's header (`MovedHeader`): a table of its own, read again under
                // it; or, when it names no table, its rows each unreadable, until the first
                // header stands again.
                if MovedHeader.mayHead(row, amountColumn: amountColumn),
                    let found = MovedHeader.header(row, mapping: mapping)
                {
                    switch MovedHeader.reading(of: row, under: header) {
                    case .same:
                        unreadableTable = nil
                        return
                    case .table(let below):
                        let column = found.moved.first?.column ?? row.cells.first?.column ?? 1
                        let refusal = SpreadsheetError(
                            place.location(column: column), MovedHeader.message(found, mapping: mapping))
                        throw MovedHeader.Table(sheet: table, above: header.headerRow, mapping: below, refusal: refusal)
                    case .unreadable(let missing):
                        unreadableTable = MovedHeader.unreadable(
                            headerRow: row.index, missing: missing, mapping: mapping)
                        return
                    }
                }
                if BlockTitles.repeatsHeader(row, dealIDColumn: headerID.column, key: headerID.key) {
                    unreadableTable = nil
                    return
                }
                if let reason = unreadableTable {
                    Self.skip(row, place: place, because: reason, into: &result)
                    return
                }
                // A row of units under the header (`USD`, `%`, `date`), or of what each column
                // holds in words (`USD, net of discounts`), holds no deal.
                if row.index == mapping.headerRow + 1 {
                    if UnitsRow.holdsOnlyUnits(row) { return }
                    if DescriptionRow.describes(row, mapping: mapping) {
                        // Said at the sheet, not a cell: a diagnostic at a cell is a value unread.
                        let first = row.cells.first { !$0.value.isBlank }?.value.plainText ?? ""
                        result.diagnostics.append(
                            SpreadsheetError(
                                Location(file: file.path, sheet: table),
                                "row \(row.index) describes the columns in words ('\(first)', …); it is read as no deal"
                            ))
                        return
                    }
                }
                // A deal's product on the row under it (`ContinuationRow`): read with the deal.
                if let continuation, continuation.mayContinue(row), let (above, abovePlace) = pending.last,
                    let joined = continuation.joined(row, to: above)
                {
                    pending[pending.count - 1] = (joined, abovePlace)
                    Self.skip(
                        row, place: place,
                        because: ContinuationRow.reason(product: continuation.product(of: row), above: above.index),
                        asNote: true, into: &result)
                    return
                }
                if ditto != nil { row = ditto!.fill(row) }
                row = filledDown?.fill(row) ?? row
                if let blocks {
                    if let rep = blocks.title(of: row) {
                        blockRep = rep
                        if let total = BlockTitles.rollUp(row, rep: rep, commissionColumn: mapping.columns[.commission])
                        {
                            parentTotals.append(total)
                        }
                        return
                    }
                    if let blockRep { row = blocks.withRep(blockRep, row) }
                }
                if let parents, row.cells.count < parents.mapped,
                    parents.titles.isParentRow(row, repColumn: parents.repColumn)
                {
                    if let rep = parents.titles.title(of: row),
                        let total = BlockTitles.rollUp(row, rep: rep, commissionColumn: mapping.columns[.commission])
                    {
                        parentTotals.append(total)
                    }
                    Self.skip(row, place: place, because: BlockTitles.parentRow, asNote: true, into: &result)
                    return
                }
                pending.append((row, place))
                if styles == nil && pending.count >= styleSample {
                    let wait: Bool
                    if awaitingDateOrder {
                        wait = pending.count < dateOrderWait && !DateOrder.isShown(by: row, mapping: mapping)
                    } else {
                        wait = dateOrder == nil && DateOrder.isUndecided(pending.map(\.0), mapping: mapping)
                        awaitingDateOrder = wait
                    }
                    if !wait { styles = try decide(pending.map(\.0)) }
                }
                if let styles, pending.count >= nextBatch {
                    nextBatch = min(2 * nextBatch, batchSize)
                    sent += pending.count - 1
                    // Sized from a full batch's worth of rows, as the share of the bytes they took
                    // says little of the table's rows sooner (the parse runs thousands of rows ahead).
                    if !reserved, sent >= batchSize {
                        reserved = true
                        if let rows = Self.expectedRows(sent, of: position) { converter.reserve(rows: rows) }
                    }
                    // The last row is kept back: the row under it may continue it (`ContinuationRow`).
                    let last = pending.removeLast()
                    try converter.add(pending, styles: styles)
                    pending.removeAll(keepingCapacity: true)
                    pending.append(last)
                }
            }
            result.mergedRanges = tail.mergedRanges
            result.sheets[0].hiddenRows = Set(tail.hiddenRows)
            try converter.add(pending, styles: styles ?? decide(pending.map(\.0)))
        } catch {
            // The batches queued before whatever stopped the reading are converted first, and
            // one of them may have failed first.
            try converter.drain()
            throw error
        }
        result.append(try converter.finish())
        result.totals += tableTotals
        // Among the totals in the sheet's order: a total is judged by the totals above it.
        if !parentTotals.isEmpty { result.totals = (result.totals + parentTotals).sorted { $0.row < $1.row } }
        return result
    }

    /// Whether `row` holds exactly one value (a title over a table): a deal row is told at its
    /// second value, its cells read in place.
    private static func holdsOneValue(_ row: Row) -> Bool {
        var values = 0
        for index in row.cells.indices where !row.cells[index].value.isBlank {
            values += 1
            if values == 2 { return false }
        }
        return values == 1
    }

    /// Leaves out `row`, a row of a table that cannot be read, as unreadable for `reason` at its
    /// first cell (a note is left out as a note, and so is every row `asNote`: a row of another
    /// table); a blank row is no row.
    private static func skip(
        _ row: Row, place: RowPlace, because reason: String, asNote: Bool = false, into result: inout DealsTable
    ) {
        guard let first = row.cells.first(where: { !$0.value.isBlank }) else { return }
        let note = NoteRow.text(of: row) ?? (asNote ? (text: first.value.plainText, column: first.column) : nil)
        let failure = SpreadsheetError(place.location(column: note?.column ?? first.column), reason)
        result.diagnostics.append(failure)
        result.skipped.append(
            SkippedRow(
                row: row.index, failures: [failure],
                cells: [
                    SkippedRow.Unread(
                        cell: CellAddress(row: row.index, column: note?.column ?? first.column),
                        text: note?.text ?? first.value.plainText)
                ],
                note: note?.text))
    }

    /// The rows a table will have, from the `rows` read by `position` (bytes read of the total;
    /// a CSV reader counts its whole chunk read, so on a file of a few chunks this falls short
    /// and the batches past the room are joined as before):
    /// a tenth more than the share says, at most 2,097,152 (an XLSX sheet holds 1,048,576; a
    /// longer CSV file's lines past that are joined at the end); nil before any byte is counted.
    static func expectedRows(_ rows: Int, of position: (done: Int64, total: Int64)) -> Int? {
        guard position.done > 0, position.total >= position.done else { return nil }
        let share = Double(rows) * Double(position.total) / Double(position.done)
        return Int(min(share * 1.1 + Double(batchSize), 2_097_152))
    }

    /// Hands the lines read so far to `receive`, when there is one, and drops them with their
    /// room: the batch's table is kept until the read ends (for its counts and diagnostics), so
    /// room kept would hold every line's worth of memory, 1.8 GB for 10M lines.
    static func handOn(_ result: inout DealsTable, to receive: (([CreditLine]) throws -> Void)?) throws {
        guard let receive, !result.lines.isEmpty else { return }
        try receive(result.lines)
        result.lines = []
    }

    /// A money cell whose text does not tell its style by itself (`1.000`, `1,250`: whole euros or
    /// dollars grouped), written again as the number its column's style reads (`1000`), so that
    /// the commission and bonus are read as the column writes them wherever they are read again;
    /// `shown` is then the text the cell holds (`1.000`), for findings to show. Any other cell
    /// comes back as it is, `shown` nil.
    static func inColumnStyle(_ cell: Cell?, _ style: NumberStyle?) -> (cell: Cell?, shown: String?) {
        guard let cell, let style, case .text(let text) = cell.value, !NumberStyle.tellsItsStyle(text),
            let number = try? ValueReading.parseMoney(text, style: style)
        else { return (cell, nil) }
        let written = Cell(
            column: cell.column, value: .text(number.plainString), formula: cell.formula,
            numberFormat: cell.numberFormat)
        return (written, text)
    }

    /// The bonus written in several columns (`SPIFF`, `Bonus`): the one written when the others
    /// are blank, else their sum when every one written is a number or money text; else the
    /// first one written, to be read as it stands.
    static func added(_ values: [CellValue]) -> CellValue {
        let written = values.filter { $0 != .empty }
        guard written.count > 1 else { return written.first ?? .empty }
        var sum: Decimal = 0
        for value in written {
            switch value {
            case .number(let number): sum += number
            case .text(let text):
                guard let number = NumberStyle.money(inText: text) else { return written[0] }
                sum += number
            default: return written[0]
            }
        }
        return .number(sum)
    }

    /// Whether `row` is one of the rows a team fills its formulas down into past the last deal,
    /// ready for the next (`=ROUND(B60*H60*K60,2)` giving 0 while the row is blank, a rate's
    /// `VLOOKUP` giving `#N/A`): the deal's own cells (its id, rep, date and amount, `value`'s
    /// for their fields) empty, and every cell written a formula giving 0, nothing or an error.
    /// Such a row is no deal and pays nothing; a typed figure, or a formula giving money, keeps it
    /// a row to read (and to report when it cannot be read). A deal row is told by its id alone,
    /// with nothing gathered (every row is asked).
    static func isFilledDown(_ row: Row, value: (Field) -> CellValue) -> Bool {
        func isBlank(_ field: Field) -> Bool { value(field).isBlank }
        guard isBlank(.dealID), isBlank(.rep), isBlank(.date), isBlank(.amount) else { return false }
        return row.cells.allSatisfy { cell in
            switch cell.value {
            case .empty: true
            case .number(let number): cell.formula != nil && number == 0
            case .text(let text): cell.formula != nil && text.allSatisfy(\.isWhitespace)
            case .error: cell.formula != nil
            default: false
            }
        }
    }

    /// Whether the cell of `row` in `column` is a number its format shows scaled (`FormatScale`).
    static func shownScaled(_ row: Row, column: Int) -> Bool {
        guard let format = row.cells.first(where: { $0.column == column })?.numberFormat else { return false }
        return FormatScale.of(format) != 1
    }

    private static func read(
        _ row: Row, _ place: RowPlace, styles: ColumnStyles, manualCells: ManualCells.Keeping,
        context: inout RowContext, into result: inout DealsTable
    ) {
        // The row's values by field, looked up once.
        for ordinal in context.cellOfField.indices { context.cellOfField[ordinal] = -1 }
        var any = false
        // Through the indices, so that each cell is not copied whole.
        for index in row.cells.indices {
            let column = row.cells[index].column
            guard column >= 0, column < context.fieldByColumn.count else { continue }
            let ordinal = context.fieldByColumn[column]
            guard ordinal >= 0 else { continue }
            context.cellOfField[ordinal] = index
            any = true
            for (ordinal, mappedColumn) in context.moreMapped where mappedColumn == column {
                context.cellOfField[ordinal] = index
            }
        }
        guard any else { return }
        let cellOfField = context.cellOfField
        func value(_ field: Field) -> CellValue {
            let index = cellOfField[field.ordinal]
            return index < 0 ? .empty : row.cells[index].value
        }
        if Self.isFilledDown(row, value: value) { return }
        // Without a style to write it in (the column's texts tell none), the cell is as it stands.
        var commissionCell =
            context.commissionColumns.isEmpty
            ? context.commissionColumn.flatMap { column in row.cells.first { $0.column == column } }
            : PeriodCommissionColumns.cell(of: row, among: context.commissionColumns)
        var commissionText: String?
        if let style = context.commissionStyle {
            (commissionCell, commissionText) = Self.inColumnStyle(commissionCell, style)
        }
        if let label = TotalRow.label(
            of: row, dealID: value(.dealID), rep: value(.rep),
            date: context.hasDateColumn ? value(.date) : nil, commission: commissionCell)
        {
            result.totals.append(
                TotalRow(
                    row: row.index, label: label, commission: commissionCell, commissionText: commissionText,
                    bonus: context.bonusColumn.flatMap { column in row.cells.first { $0.column == column } }))
            return
        }
        if TotalRow.isTypedUnlabelled(
            row, commissionColumn: context.commissionColumn, afterTotals: !result.totals.isEmpty)
        {
            result.totals.append(
                TotalRow(row: row.index, label: "(total)", commission: commissionCell, commissionText: commissionText))
            return
        }
        result.rowsRead += 1
        let columns = context.columnByField
        var failures: [SpreadsheetError] = []
        var failed: [Field] = []
        func attempt<T>(_ field: Field, _ read: () throws(ValueReading.Failure) -> T?) -> T? {
            do throws(ValueReading.Failure) {
                return try read()
            } catch {
                let message = error.message
                failures.append(SpreadsheetError(place.location(column: columns[field.ordinal]), message))
                failed.append(field)
                return nil
            }
        }
        func required<T>(_ field: Field, _ found: T?) -> T? {
            if found == nil && !failed.contains(field) {
                failures.append(
                    SpreadsheetError(
                        place.location(column: columns[field.ordinal]), "no \(field.rawValue); the row is skipped"))
                failed.append(field)
            }
            return found
        }
        let dealID = required(.dealID, ValueReading.text(value(.dealID)))
        let rep = required(.rep, ValueReading.text(value(.rep)) ?? styles.rep)
        let (dateOrder, cancelOrder, system) = (context.dateOrder, context.cancelOrder, context.dateSystem)
        let (datesNameMonths, amountScale) = (context.datesNameMonths, context.amountScale)
        let (dateParts, quarterStart) = (context.dateParts, context.quartersFiscalYearStart)
        let (titleYear, titleYearUnread) = (context.titleYear, context.titleYearUnread)
        let ownDate = attempt(.date) { () throws(ValueReading.Failure) in
            // The date's parts in three columns (`Year | Month | Day`): read from the row, never remembered by the day.
            if let dateParts { return try dateParts.date(of: row, day: value(.date)) }
            return try RowContext.remembered(value(.date), in: &context.dates) { (value) throws(ValueReading.Failure) in
                if datesNameMonths, let first = MonthColumn.firstDay(value, quartersFrom: quarterStart) {
                    return first
                }
                // `15-Mar`: the day and month a CSV keeps of a date shown without its year (`YearlessDates`).
                return try YearlessDates.date(value, titleYear: titleYear, unread: titleYearUnread, order: dateOrder) {
                    () throws(ValueReading.Failure) in
                    try ValueReading.date(value, order: dateOrder, system: system)
                }
            }
        }
        let date = required(.date, ownDate ?? styles.date)
        let amount = required(
            .amount,
            attempt(.amount) { () throws(ValueReading.Failure) in
                let written = value(.amount)
                // An amount in another currency than the plan's is never paid on as the plan's.
                if let foreign = context.foreignAmount(written, on: row) { throw .wrong(foreign) }
                let amount: Decimal?
                do throws(ValueReading.Failure) {
                    amount = try ValueReading.money(written, style: context.amountStyle)
                } catch {
                    // `10k`, `$1.2M`: the cell names its own unit, whatever the header's.
                    guard let scaled = ValueReading.moneyInThousandsOrMillions(written, style: context.amountStyle)
                    else { throw error }
                    return scaled
                }
                guard let scale = amountScale else { return amount }
                // A figure kept in full, shown scaled by its format (`#,##0.0,"K"` under `Amount ($K)`):
                // the header names the scale it is shown at.
                if case .number = written, let column = columns[Field.amount.ordinal],
                    Self.shownScaled(row, column: column)
                {
                    return amount
                }
                return amount.map { $0 * scale }
            })
        let (splitStyle, wholePercents) = (context.splitStyle, context.splitInWholePercents)
        let split = attempt(.split) { () throws(ValueReading.Failure) in
            if case .number(let number) = value(.split), let bits = number.packedStorage {
                if let last = context.lastNumberSplit, last.bits == bits { return last.split }
                let split = try ValueReading.fraction(.number(number), style: splitStyle, wholePercents: wholePercents)
                context.lastNumberSplit = (bits, split)
                return split
            }
            return try RowContext.remembered(value(.split), in: &context.splits) {
                (value) throws(ValueReading.Failure) in
                try ValueReading.fraction(value, style: splitStyle, wholePercents: wholePercents)
            }
        }
        let cancel = attempt(.cancelDate) { () throws(ValueReading.Failure) in
            try RowContext.remembered(value(.cancelDate), in: &context.cancelDates) {
                (value) throws(ValueReading.Failure) in try ValueReading.date(value, order: cancelOrder, system: system)
            }
        }
        let quota = attempt(.quota) { () throws(ValueReading.Failure) in
            try ValueReading.money(value(.quota), style: context.quotaStyle)
        }
        // A deal split between reps on one row: each rep's share, the first's perhaps the rest.
        let shares =
            context.otherReps.isEmpty || failed.contains(.split)
            ? nil : SplitRow.shares(of: row, first: split, context: context, place: place, failures: &failures)
        // A row taking a deal's commission back by hand is the reconciler's to compare, not a deal.
        if manualCells != .nothing,
            var clawback = ClawbackRow.recognized(
                row: row.index, dealID: dealID, rep: rep, date: date, ownDate: ownDate != nil,
                cancelDate: cancel ?? nil,
                status: value(.status), type: value(.type),
                amount: amount, amountCell: value(.amount), failed: failed, commission: commissionCell,
                style: context.commissionStyle, statuses: styles.statuses)
        {
            // With its own negative amount, read whole, it may be a credit note: a line too, until
            // the reconciler knows whether the workbook holds the deal's own row.
            clawback.isAlsoALine = failures.isEmpty && amount != nil && date != nil
            // A deal split between reps on one row is taken back from each of them.
            let others =
                context.otherReps.isEmpty ? [] : SplitRow.clawbacks(of: row, first: &clawback, context: context)
            result.clawbackRows.append(clawback)
            result.clawbackRows += others
            guard clawback.isAlsoALine else { return }
        }
        // An open opportunity without a close date, under a plan that does not pay its status.
        if !failed.isEmpty,
            let unpaid = UnpaidRow.recognized(
                row: row.index, dealID: dealID, rep: rep, status: value(.status), failed: failed,
                commission: commissionCell, statuses: styles.statuses)
        {
            result.unpaid.append(unpaid)
            return
        }
        guard failures.isEmpty, let dealID, let rep, let date, let amount else {
            if let note = NoteRow.text(of: row) {
                let failure = SpreadsheetError(
                    place.location(column: note.column), "a note, not a deal ('\(note.text)'); the row is left out")
                result.diagnostics.append(failure)
                result.skipped.append(
                    SkippedRow(
                        row: row.index, failures: [failure],
                        cells: [
                            SkippedRow.Unread(cell: CellAddress(row: row.index, column: note.column), text: note.text)
                        ],
                        dealID: dealID, rep: rep, amount: nil, commission: commissionCell, note: note.text))
                return
            }
            result.diagnostics += failures
            result.skipped.append(
                SkippedRow(
                    row: row.index, failures: failures,
                    cells: failed.map { field in
                        SkippedRow.Unread(
                            cell: CellAddress(row: row.index, column: columns[field.ordinal] ?? 1),
                            text: value(field).plainText)
                    } + SplitRow.unread(shares, row: row.index),
                    dealID: dealID, rep: rep, amount: amount,
                    commission: commissionCell))
            return
        }
        if !context.commissionColumns.isEmpty {
            // A commission in a column per period: the close period's cell is the figure owed, and a
            // negative figure in another period's column takes it back (a clawback row).
            if let own = PeriodCommissionColumns.closePeriodCell(
                of: row, among: context.commissionColumns, periods: context.commissionPeriods, closed: date),
                own.column != commissionCell?.column
            {
                commissionCell = own
                if let style = context.commissionStyle {
                    (commissionCell, commissionText) = Self.inColumnStyle(own, style)
                }
            }
            if manualCells != .nothing {
                for taken in PeriodCommissionColumns.takenBack(
                    in: row, among: context.commissionColumns, besides: commissionCell)
                {
                    guard case .number(let figure) = taken.value else { continue }
                    result.clawbackRows.append(
                        ClawbackRow(
                            row: row.index, dealID: dealID, rep: rep, date: date,
                            status: "taken back in another period's column", commission: taken, amount: figure))
                }
                result.paidAgain += PeriodCommissionColumns.paidAgain(
                    in: row, among: context.commissionColumns, periods: context.commissionPeriods, closed: date,
                    besides: commissionCell, dealID: dealID, rep: rep, style: context.commissionStyle)
            }
        }
        func cell(_ column: Int?) -> Cell? {
            column.flatMap { column in row.cells.first { $0.column == column } }
        }
        for field in Self.textNumberFields where value(field).isText {
            // A date's parts in columns of their own (`March`, `003` under `Month`) are no date stored as text.
            if field == .date && context.dateParts != nil { continue }
            if field == .rate && ValueReading.percentage(value(.rate), style: context.rateStyle) == nil {
                continue
            }
            context.textNumbers[field.ordinal] += 1
        }
        if manualCells != .nothing {
            // A rate stored as text (`7.5%`) is read as the number it is.
            // The rate cell's value read in place, not the cell copied whole.
            let rateIndex = context.rateColumn.flatMap { column in row.cells.firstIndex { $0.column == column } }
            let rate = rateIndex.map { index -> CellValue in
                guard row.cells[index].value.isText,
                    let number = ValueReading.percentage(row.cells[index].value, style: context.rateStyle)
                else { return row.cells[index].value }
                return .number(number)
            }
            // A bonus in several columns is their sum, which no cell shows as text.
            let bonus: (value: CellValue?, shown: String?)
            if context.addedBonusColumns.isEmpty, context.bonusStyle == nil {
                // The value read in place, the cell not copied whole.
                let index = context.bonusColumn.flatMap { column in row.cells.firstIndex { $0.column == column } }
                bonus = (index.map { row.cells[$0].value }, nil)
            } else if context.addedBonusColumns.isEmpty {
                let (bonusCell, shown) = Self.inColumnStyle(cell(context.bonusColumn), context.bonusStyle)
                bonus = (bonusCell?.value, shown)
            } else {
                let values = ([context.bonusColumn] + context.addedBonusColumns).map {
                    Self.inColumnStyle(cell($0), context.bonusStyle).cell?.value ?? .empty
                }
                bonus = (Self.added(values), nil)
            }
            result.manual.append(
                ManualCells(
                    row: row.index, rate: rate, commission: commissionCell, bonus: bonus.value,
                    keeping: manualCells, shown: (commissionText, bonus.shown)))
        }
        let labels = context.labels(
            product: ValueReading.text(value(.product)), type: ValueReading.text(value(.type)),
            status: ValueReading.text(value(.status)))
        let shared = context.line(sharing: cancel, quota, previous: result.lines.last)
        let line = CreditLine(
            row: row.index, dealID: dealID, rep: rep, date: date, amount: amount,
            split: (shares == nil ? split : shares?.first) ?? 1,
            labels: labels, cancelDate: cancel, quota: quota, sharingWith: shared,
            nameCode: context.nameCode(rep: rep, labels: labels))
        if shared == nil { context.remember(sharing: line) }
        result.lines.append(line)
        if manualCells != .nothing, ownDate != nil {
            if case .date(let written) = value(.date),
                let late = LateOnMonthEnd(row: row.index, date: date, written: written)
            {
                result.lateOnMonthEnds.append(late)
            } else if styles.inWorkbook, value(.date).isText {
                result.textDates.append(row.index)
            }
        }
        if let shares { Self.addOtherReps(shares, of: row, manualCells: manualCells, context: context, into: &result) }
    }

    /// The lines of `row`'s other reps (`shares.others`) after its first rep's, the last of
    /// `result.lines`, whose deal, date, amount and labels they take: each with its own commission
    /// cell (none when the row's one commission is its reps' together), its row keyed apart from
    /// the first's (`DealsTable.otherRepKey`). Apart from `read`, which reads every row.
    @inline(never)
    private static func addOtherReps(
        _ shares: SplitRow.Shares, of row: Row, manualCells: ManualCells.Keeping, context: RowContext,
        into result: inout DealsTable
    ) {
        guard let first = result.lines.last else { return }
        for other in shares.others {
            let key = DealsTable.otherRepKey(row.index, number: other.number)
            if manualCells != .nothing {
                let own = context.otherReps[other.number - 1].commission.flatMap { column in
                    row.cells.first { $0.column == column }
                }
                let (commission, shown) = Self.inColumnStyle(own, context.commissionStyle)
                result.manual.append(
                    ManualCells(
                        row: key, rate: result.manual.last?.rate, commission: commission, bonus: nil,
                        keeping: manualCells, shown: (shown, nil)))
            }
            var line = first
            line.row = key
            line.rep = other.rep
            line.split = other.split
            result.lines.append(line)
        }
    }
}
