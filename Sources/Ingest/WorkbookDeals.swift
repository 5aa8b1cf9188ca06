import Commission
import Foundation
import Spreadsheet
import XLSX

/// One table the deals were read from: its name, its header and, for a tab per rep without a rep
/// column, the rep its name or title line names.
public struct DealsSheet: Sendable {
    public var name: String?
    public var mapping: ColumnMapping<Field>
    /// The rep every row of the sheet takes (from the sheet's name or title), when it has no rep column.
    public var rep: String?
    /// The Excel Table the rows were read from (`tblDeals`), with its range and header and totals
    /// row counts; nil when they were found by their header.
    public var excelTable: TablePart?
    /// The date every row takes when the sheet has no date column (a tab per month or quarter: the
    /// first day of the period its name names).
    public var date: LocalDate?
    /// Whether the rep column is written only on each block's first row, a blank rep cell taking
    /// the rep above (`FilledDownReps`).
    public var repsFilledDown = false
    /// Whether a ditto mark (`"`, `-do-`) in a rep, product, type or date cell is read as the value
    /// above it (`DittoMarks`).
    public var dittoMarksRead = false
    /// The sheet's own rows it marks hidden (`<row hidden="1">`: a filtered list's rows, rows
    /// hidden by hand), which `SUBTOTAL(109,…)` and some `AGGREGATE`s leave out; empty for CSV.
    public var hiddenRows: Set<Int> = []
    /// The year the title above the header writes, in which the date column's dates written
    /// without one (`15-Mar`) were read (`YearlessDates`); nil when none was.
    public var yearOfYearlessDates: Int?
}

extension DealsTable {
    /// A line's `row` when deals come from several sheets: the sheet's ordinal in `sheets` above
    /// the 32 low bits, the sheet's own row number in them (the first sheet's rows stay as they are).
    public static func rowKey(sheet ordinal: Int, row: Int) -> Int { ordinal << 32 | row }
    /// The sheet's own row number of a line's `row`.
    public static func sheetRow(_ key: Int) -> Int { key & 0xFFFF_FFFF }
    /// The ordinal in `sheets` of the sheet a line's `row` stands on: bits 32 to 55, without the
    /// number of a row's other rep above them (`otherRepKey(_:number:)`).
    public static func sheetOrdinal(_ key: Int) -> Int { (key << 8) >> 40 }
    /// A line's `row` for the rep of `key`'s row numbered `rep` among its other reps (1 for the
    /// row's second rep), when the row splits its deal between reps on one row
    /// (`ColumnMapping.otherReps`): the number above the sheet's ordinal, from bit 56.
    public static func otherRepKey(_ key: Int, number rep: Int) -> Int { key | rep << 56 }
    /// The number among its row's other reps of a line's `row` (`otherRepKey(_:number:)`), 0 for
    /// the row's first rep (and any row of one rep).
    public static func otherRep(_ key: Int) -> Int { key < 0 ? 0 : key >> 56 }
    /// A line's `row` without the number of its row's other rep (`otherRepKey(_:number:)`): the
    /// key of the sheet row it stands on, which all of the row's reps share.
    public static func sheetRowKey(_ key: Int) -> Int { key & ((1 << 56) - 1) }
    /// The sheet a line's `row` stands on.
    public func sheet(ofRow key: Int) -> DealsSheet? {
        let ordinal = Self.sheetOrdinal(key)
        return sheets.indices.contains(ordinal) ? sheets[ordinal] : nil
    }
    /// The name of the sheet a line's `row` stands on, or the file's name for CSV.
    public func sheetName(ofRow key: Int) -> String {
        sheet(ofRow: key)?.name ?? sheet ?? (file as NSString).lastPathComponent
    }
    /// The header of the sheet a line's `row` stands on.
    /// For a line of a row's other rep (`otherRepKey(_:number:)`), the header read with that rep's
    /// columns as the rep's, split's and commission's (`ColumnMapping.ofOtherRep`).
    public func mapping(ofRow key: Int) -> ColumnMapping<Field> {
        let mapping = sheet(ofRow: key)?.mapping ?? mapping
        let rep = Self.otherRep(key)
        return rep == 0 ? mapping : mapping.ofOtherRep(rep)
    }
}

extension DealsReader {
    /// Reads the deals of every sheet that holds some (`selection`, when given, names the sheets:
    /// names separated by commas, each may hold `*` and `?` wildcards): a sheet is a deals sheet
    /// when a header row names every required field, or every one but the rep while its name or
    /// title line names one of `knownReps` (a tab per rep). A sheet's Excel Tables whose columns
    /// name them are read instead, each by its own range (several tables are several blocks; what
    /// stands outside them is not read). A sheet without a date column whose name names a month
    /// (`July`, `Jul 2026`) or, with `plan`, a quarter of its fiscal year (`Q3`, `2026-Q3`) is a tab
    /// per period: every row is dated the period's first day (`SheetPeriod`). The others are listed
    /// in `otherSheets` with why. Lines keep their sheet in `row` (`DealsTable.rowKey`).
    ///
    /// `firstDealsSheet`: without a `selection`, when the first sheet that holds deals has a header
    /// naming every required field, only that sheet is read, as plan-format.md §7 says of a deals
    /// file (`calculate --deals`); every other sheet that holds some is listed in `otherSheets`,
    /// its reason starting `DealsReader.notTheFirstDealsSheet`. Tabs whose name gives their rep or
    /// period are read together either way, as are a hand-kept workbook's sheets (false).
    ///
    /// `passingLinesTo`, when given, gets the lines a batch at a time, in sheet and row order, and
    /// the table returned holds none (as `read` does) — unless some sheets are dated by their name
    /// and others are not: those sheets' year may come from the others' lines, so the lines are
    /// read whole and passed on at the end, in the same order. `settingRowsAside`, when given, gets each
    /// sheet's lines and manual cells (their rows keyed by sheet, `DealsTable.rowKey`) with the
    /// sheet's ordinal among those read, as soon as the sheet is read (when some sheets are dated
    /// by their name and others are not, at the end), and the table returned holds none: joined
    /// in the order of the ordinals, they are the table's. Not with `passingLinesTo`. The `plan`'s statuses tell the rows
    /// it does not pay (`UnpaidRow`) and its clawback rows (`ClawbackRow`); its currency, which of
    /// a field's columns in several currencies is read (`ColumnMapping.chosenByCurrency`).
    public static func readWorkbook(
        _ file: TableFile, selection: String? = nil, pins: [String: String] = [:],
        manualCells: ManualCells.Keeping = .nothing,
        knownReps: [String] = [], dateOrder: DateOrder? = nil, plan: Plan? = nil, firstDealsSheet: Bool = false,
        progress: ((_ done: Int64, _ total: Int64) -> Void)? = nil,
        passingLinesTo receive: (([CreditLine]) throws -> Void)? = nil,
        settingRowsAside setAside: ((_ sheet: Int, _ lines: [CreditLine], _ manual: [ManualCells]) throws -> Void)? =
            nil
    ) throws -> DealsTable {
        precondition(receive == nil || setAside == nil, "lines are passed on or set aside, not both")
        let tables = try SheetSelection.tables(of: file, matching: selection)
        // Hidden sheets (a backup copy of a tab) are read only when `--sheet` names them.
        var others = (selection == nil ? file.hiddenTables : []).map {
            (sheet: $0, reason: "a hidden sheet; name it with --sheet to read it")
        }
        // A corrected copy's Findings, Summary and Payroll are trueup's report of an earlier run.
        others += (selection == nil ? file.addedByTrueup : []).map {
            (sheet: $0, reason: "added by trueup to a corrected copy, not the team's figures")
        }
        let knownReps = KnownReps(knownReps)
        // The plan's status words tell the rows it does not pay and its clawback rows.
        let statuses = plan.map(StatusRule.init)
        var found:
            [(table: String?, mapping: ColumnMapping<Field>, rep: String?, region: TableRegion?, period: PeriodLabel?)] =
                []
        var firstError: Error?
        // Sheets whose header names the deals' columns but for the rep or the date, with deals
        // under it, that neither their name nor a title places: with any sheet read, the run stops
        // naming the first (`UnplacedSheet`).
        var unplaced: [(sheet: String, mapping: ColumnMapping<Field>, reason: String)] = []
        // Sheets whose deals are named by their customer, no column holding a deal id.
        var byCustomer: [(table: String?, mapping: ColumnMapping<Field>)] = []
        // Sheets of instructions whose table is a column legend (`ColumnLegend`).
        var legends: Set<String> = []
        // The first rows of each sheet with a commission column, under its header: the sheets it
        // looks its deals up on are read from them once every sheet is found (`LookedUpSheets`).
        var worked: [(rows: [Row], mapping: ColumnMapping<Field>)] = []
        // Tabs of clawbacks kept apart from the deals (`ClawbackTab`), read once the deals are.
        var clawbackTabs: [(table: String, mapping: ColumnMapping<Field>)] = []
        for table in tables {
            let inTables = try ExcelTableDeals.find(
                in: file, sheet: table, pins: pins, knownReps: knownReps, currency: plan?.currency)
            guard inTables.isEmpty else {
                found += inTables.map { (table, $0.mapping, $0.rep, $0.region, nil) }
                continue
            }
            // Enough rows for the header (within the first 30) and the 30 below it (`SheetRep`).
            let start = try HeaderSearch.firstRows(of: table, in: file, count: 2 * HeaderSearch.rowsSearched)
            // The header naming `required`, nil where none does (why is not worked out: no one reads it).
            func header(_ required: [Field]) throws -> ColumnMapping<Field>? {
                try HeaderSearch.mapping(
                    in: file, table: table, rows: start, words: Field.headerWords(plan: plan),
                    required: required, pins: pins)
            }
            do {
                // Why no header names every field is worked out for the first sheet without one
                // only: it is the one reported when no sheet holds deals.
                let named =
                    firstError == nil
                    ? try HeaderSearch.find(
                        in: file, table: table, rows: start, words: Field.headerWords(plan: plan),
                        required: Field.required, pins: pins)
                    : try header(Field.required)
                guard var mapping = named else { throw NoHeader() }
                // No commission column, but a commission column per month or quarter (`Jan comm`).
                if let byPeriod = PeriodCommissionColumns.mapping(mapping, rows: start) { mapping = byPeriod }
                if selection == nil, let table, ColumnLegend.describes(start, under: mapping) { legends.insert(table) }
                if mapping.columns[.commission] != nil { worked.append((start, mapping)) }
                // Tables of deals side by side on one header row: each its own part of the sheet.
                found += ([mapping] + mapping.tablesBeside).map { (table, $0, nil, nil, nil) }
                continue
            } catch {
                if firstError == nil { firstError = error }
            }
            // A tab of clawbacks beside the deals, whose rows the reconciler compares.
            if manualCells != .nothing, selection == nil, let table,
                let tab = ClawbackTab.mapping(start, in: file, table: table, words: Field.headerWords(plan: plan))
            {
                clawbackTabs.append((table, tab))
                continue
            }
            // No deal id column, but a column of customers (`CustomerColumn`).
            if let mapping = try? header(Field.required.filter { $0 != .dealID }),
                let named = CustomerColumn.mapping(mapping, rows: start)
            {
                byCustomer.append((table, named))
                continue
            }
            var repless: ColumnMapping<Field>?
            let withoutRep = try? header(Field.required.filter { $0 != .rep })
            // No rep column, but a `Name` column of known reps (`NameColumn`).
            if let mapping = withoutRep, let named = NameColumn.mapping(mapping, rows: start, knownReps: knownReps) {
                found.append((table, named, nil, nil, nil))
                continue
            }
            if let table, let mapping = withoutRep, mapping.columns[.rep] == nil {
                repless = mapping
                // Each rep's deals in columns of their own, side by side under the rep's name.
                if let titled = try SheetRep.tablesTitled(
                    in: start, mapping: mapping, knownReps: knownReps, table: table, file: file.path)
                {
                    found += titled.map { (table, $0.mapping, $0.rep, nil, nil) }
                    continue
                }
                if let rep = try SheetRep.find(
                    in: start, table: table, above: mapping.headerRow, knownReps: knownReps, file: file.path)
                {
                    // Tables side by side on the header's row (a rep's months) are all the rep's.
                    found += ([mapping] + mapping.tablesBeside).map {
                        (table, $0, rep == BlockTitles.marker ? nil : rep, nil, nil)
                    }
                    continue
                }
            }
            // No date column, but its parts in three (`Year | Month | Day`), or a column naming each
            // row's month (`Month`: `Jul 2026`, `2026-07`).
            let dateless = try? header(Field.required.filter { $0 != .date })
            if let mapping = dateless, mapping.columns[.date] == nil,
                let parts = try DateParts.mapping(
                    mapping, rows: start, plan: plan, location: Location(file: file.path, sheet: table))
            {
                found.append((table, parts, nil, nil, nil))
                continue
            }
            if let mapping = dateless, mapping.columns[.date] == nil,
                let months = MonthColumn.mapping(mapping, rows: start, plan: plan)
            {
                found.append((table, months, nil, nil, nil))
                continue
            }
            if let table, let period = SheetPeriod.label(named: table, plan: plan), let mapping = dateless,
                mapping.columns[.date] == nil
            {
                found.append(
                    (table, mapping, nil, nil, SheetPeriod.withTitleYear(period, of: table, rows: start, mapping)))
                continue
            }
            // A tab per period of blocks per rep (`January`: a rep's name on a row of its own, the
            // rep's deals under it), or titled by its rep, its header naming neither rep nor date.
            if let table, let period = SheetPeriod.label(named: table, plan: plan),
                let mapping = try? header(Field.required.filter { $0 != .rep && $0 != .date }),
                mapping.columns[.rep] == nil, mapping.columns[.date] == nil,
                let rep = SheetRep.titled(in: start, above: mapping.headerRow, knownReps: knownReps)
            {
                let dated = SheetPeriod.withTitleYear(period, of: table, rows: start, mapping)
                found.append((table, mapping, rep == BlockTitles.marker ? nil : rep, nil, dated))
                continue
            }
            guard let table else { continue }
            if let repless {
                let reason =
                    "deals under a header (row \(repless.headerRow)) with no rep column, and the tab's name "
                    + "and title name no known rep: name the tab by the rep's name or id, or add a rep column"
                others.append((table, reason))
                if UnplacedSheet.holdsDeals(start, under: repless) { unplaced.append((table, repless, reason)) }
            } else if let dateless, dateless.columns[.date] == nil,
                SheetPeriod.reading(table, fiscalYearStart: plan?.fiscalYearStart ?? 1) == nil
            {
                let reason =
                    "deals under a header (row \(dateless.headerRow)) with no date column, and the tab's name "
                    + "names no month or quarter: name the tab by its period ('Jan 2026', '2026-Q1'), or add a date column"
                others.append((table, reason))
                if UnplacedSheet.holdsDeals(start, under: dateless) { unplaced.append((table, dateless, reason)) }
            } else {
                others.append((table, SheetRep.reason(file: file, table: table)))
            }
        }
        // Deals named by their customer are read only where no sheet names its deals by id: beside
        // one that does, such a sheet (a list of customers, of bookings) is not read.
        if found.isEmpty {
            found = byCustomer.map { ($0.table, $0.mapping, nil, nil, nil) }
        } else {
            others += byCustomer.compactMap { sheet in
                sheet.table.map {
                    (
                        $0,
                        "its deals named by customer ('\(sheet.mapping.headers[.dealID] ?? "")'), no deal id column, "
                            + "beside sheets that name their deal ids; name it with --sheet to read it"
                    )
                }
            }
        }
        // Open opportunities are no deals to pay: beside deals sheets with a commission column, a
        // sheet without one named as a pipeline (`Pipeline`, `Forecast`, `Lost deals`) is left out.
        if selection == nil, found.contains(where: { $0.mapping.columns[.commission] != nil }) {
            found.removeAll { sheet in
                guard let name = sheet.table, sheet.mapping.columns[.commission] == nil, isNamedAsPipeline(name)
                else { return false }
                others.append(
                    (name, "open opportunities (a pipeline), no commission column; name it with --sheet to read it"))
                return true
            }
        }
        // The deals as the CRM gives them (no commission column) beside a sheet that looks their
        // dates or amounts up on them by deal id and works the commission out: the data that sheet
        // is worked from, not more deals (`LookedUpSheets`).
        let plain = found.compactMap { $0.mapping.columns[.commission] == nil ? $0.table : nil }
        if selection == nil, !plain.isEmpty {
            let sources = worked.reduce(into: Set<String>()) {
                $0.formUnion(LookedUpSheets.sources($1.rows, under: $1.mapping, among: plain))
            }
            found.removeAll { sheet in
                guard let name = sheet.table, sheet.mapping.columns[.commission] == nil, sources.contains(name)
                else { return false }
                others.append(
                    (
                        name,
                        "the deals another sheet looks its lines up on (no commission column); name it with --sheet to read it"
                    ))
                return true
            }
        }
        // A column legend holds no deals: beside a sheet that does, it is left out, and the deals
        // are those of the first sheet that holds them (plan-format.md §7).
        if found.contains(where: { !legends.contains($0.table ?? "") }) {
            found.removeAll { sheet in
                guard let name = sheet.table, legends.contains(name) else { return false }
                others.append((name, "a column legend (the columns described under the header), no deals"))
                return true
            }
        }
        guard let first = found.first else {
            throw firstError ?? SpreadsheetError(Location(file: file.path), "no sheet holds deals")
        }
        // A deals file's deals are its first deals sheet's (plan-format.md §7): the tables of that
        // one sheet, side by side or Excel Tables, are all read; other sheets are named, not read.
        // Only where that sheet's header names every required column: tabs that take their rep
        // or period from their name have no such header, and are read together.
        let namesEveryField =
            first.rep == nil && first.period == nil
            && Field.required.allSatisfy {
                first.mapping.columns[$0] != nil
            }
        if firstDealsSheet, selection == nil, namesEveryField {
            var named = Set<String>()
            for sheet in found where sheet.table != first.table {
                guard let name = sheet.table, named.insert(name).inserted else { continue }
                others.append(
                    (name, "\(notTheFirstDealsSheet) (\(first.table ?? "the first")); name it with --sheet to read it"))
            }
            found.removeAll { $0.table != first.table }
            unplaced.removeAll()
        }
        // Open opportunities (`Pipeline` without a commission column) are no deals to pay, as above.
        if let sheet = unplaced.first(where: {
            selection != nil || $0.mapping.columns[.commission] != nil || !isNamedAsPipeline($0.sheet)
        }) {
            throw UnplacedSheet.error(
                sheet.sheet, reason: sheet.reason, read: found.compactMap(\.table), file: file.path)
        }
        var result = DealsTable(
            lines: [], diagnostics: [], rowsRead: 0, mapping: first.mapping, file: file.path, sheet: first.table)
        result.otherSheets = others
        // Sheets dated by their name are read last: a name without a year takes it from the others.
        var parts = [DealsTable?](repeating: nil, count: found.count)
        let datedByName = found.filter { $0.period != nil }.count
        let streaming = datedByName == 0 || datedByName == found.count ? receive : nil
        // The deals of sheets whose deal id is a customer's: each customer's rows one deal.
        let customers = CustomerColumn.Check(file: file.path)
        // Reads the sheet `ordinal` of `found`: `otherSheetsOrder` is the date order the other
        // sheets' text dates show, for one whose own do not tell theirs.
        func readPart(_ ordinal: Int, years: WorkbookYears, otherSheetsOrder: DateOrder?) throws -> DealsTable {
            let sheet = found[ordinal]
            let date = try sheet.period.map { label in
                try SheetPeriod.firstDay(of: label, sheet: sheet.table ?? "", years: years, plan: plan, file: file.path)
            }
            // A tab per rep whose rep column was left empty: its name gives a blank cell's rep.
            let blankRep =
                sheet.rep == nil
                ? sheet.table.flatMap { try? SheetRep.named(by: $0, knownReps, file: file.path) } : nil
            func readSheet(merges: [CellRange] = [], fillingDownReps: Bool = false, readingDittoMarks: Bool = false)
                throws -> DealsTable
            {
                try Self.read(
                    file, table: sheet.table, mapping: sheet.mapping, sheetRep: sheet.rep, blankRep: blankRep,
                    dateOrder: dateOrder, otherSheetsOrder: otherSheetsOrder, deferringUndecided: streaming == nil,
                    manualCells: manualCells, statuses: statuses,
                    blockReps: sheet.rep == nil && sheet.region == nil ? knownReps : KnownReps([]),
                    region: sheet.region, merges: merges, fillingDownReps: fillingDownReps,
                    readingDittoMarks: readingDittoMarks, sheetDate: date, fiscalYearStart: plan?.fiscalYearStart,
                    progress: progress,
                    passingLinesTo: streaming.map { receive in
                        { lines in
                            if sheet.mapping.dealsByCustomer {
                                try customers.add(lines, sheet: sheet.table, mapping: sheet.mapping)
                            }
                            try receive(ordinal == 0 ? lines : withSheet(ordinal, lines))
                        }
                    })
            }
            var part = try readSheet()
            var merges: [CellRange] = []
            // Rows left out for a value missing under cells merged down over them: the sheet is
            // read again, each merge's value in every row it covers (the merges come last in a
            // sheet's XML; the first read found them).
            let missing = part.skipped.filter { row in
                row.failures.contains { $0.reason.hasSuffix("the row is skipped") }
            }
            if streaming == nil, !missing.isEmpty,
                MergedValues.cover(part.mergedRanges, below: sheet.mapping.headerRow, anyOf: Set(missing.map(\.row)))
            {
                merges = part.mergedRanges
                part = try readSheet(merges: merges)
            }
            // Rows left out for a blank rep on a sheet that writes a rep on its block's first
            // row only: read again, each blank rep cell of a deal row taking the rep above. An
            // Excel Table's rows are kept so as often as a sheet's.
            var fillingDown = false
            if streaming == nil, sheet.rep == nil,
                FilledDownReps.isKept(lines: part.lines, skipped: part.skipped)
            {
                fillingDown = true
                part = try readSheet(merges: merges, fillingDownReps: true)
            }
            // A rep or product ditto-marked on the rows under it (`"`, `-do-`): read again, each
            // mark the value above it.
            if streaming == nil, DittoMarks.marked(lines: part.lines, skipped: part.skipped) {
                part = try readSheet(merges: merges, fillingDownReps: fillingDown, readingDittoMarks: true)
            }
            if sheet.mapping.dealsByCustomer, streaming == nil {
                try customers.add(part.lines, sheet: sheet.table, mapping: sheet.mapping)
            }
            // No other sheet reads this one's lines (for its years) once it is read.
            if let setAside, datedByName == 0 || datedByName == found.count {
                try setRowsAside(of: &part, ordinal: ordinal, to: setAside)
            }
            return part
        }
        // Sheets whose text dates do not tell their order, read again once the others have.
        var undecided: [(ordinal: Int, years: WorkbookYears, error: UndecidedDateOrder)] = []
        // `kept`: sheets kept as read (their rows set aside already), not read again.
        func readParts(keeping kept: Set<Int> = []) throws {
            parts = (0..<found.count).map { kept.contains($0) ? parts[$0] : nil }
            undecided = []
            for pass in [false, true] {
                var years = WorkbookYears(sheetNames: file.tables)
                if pass, found.contains(where: { $0.period != nil }) {
                    for part in parts {
                        for line in part?.lines ?? [] {
                            let (year, month, _) = line.date.components
                            years.months.insert(year * 12 + month - 1)
                        }
                    }
                }
                for (ordinal, sheet) in found.enumerated()
                where (sheet.period != nil) == pass && !kept.contains(ordinal) {
                    do {
                        parts[ordinal] = try readPart(ordinal, years: years, otherSheetsOrder: nil)
                    } catch let error as UndecidedDateOrder {
                        undecided.append((ordinal, years, error))
                    }
                }
            }
            if let first = undecided.first {
                // The workbook's sheets are written by the same hands: one order shown by the others is theirs.
                let shown = parts.reduce(into: Set<DateOrder>()) { $0.formUnion($1?.textDateOrders ?? []) }
                guard shown.count == 1, let order = shown.first else { throw first.error.error }
                for sheet in undecided {
                    parts[sheet.ordinal] = try readPart(sheet.ordinal, years: sheet.years, otherSheetsOrder: order)
                }
            }
        }
        // A second table under a sheet's first, its header rearranged (`MovedHeader`): the sheet is
        // two tables, each read under its own header, and the sheets from it on are read again
        // (those read before it are kept as read, their rows set aside already where they are
        // set aside as each sheet is read). Not once lines are passed on as they are read: the
        // run then stops naming the row.
        var kept = Set<Int>()
        while true {
            do {
                try readParts(keeping: kept)
                break
            } catch let stacked as MovedHeader.Table {
                guard streaming == nil,
                    let ordinal = found.firstIndex(where: {
                        $0.table == stacked.sheet && $0.region == nil && $0.mapping.headerRow == stacked.above
                    })
                else { throw stacked.refusal }
                kept = Set(parts.indices.filter { $0 < ordinal && parts[$0] != nil })
                let above = found[ordinal]
                found[ordinal].mapping.rows = (above.mapping.rows?.lowerBound ?? 1)...(stacked.mapping.headerRow - 1)
                found.insert(
                    (above.table, stacked.mapping, above.rep, nil, above.period), at: ordinal + 1)
            }
        }
        // Each part is moved out of `parts` and its rows keyed in place, then all are joined with
        // room made once: ten sheets of a million rows are not held twice, nor copied to key them.
        var read: [DealsTable] = []
        for ordinal in parts.indices {
            guard var part = parts[ordinal] else { continue }
            parts[ordinal] = nil
            if ordinal > 0 { part.keyRows(bySheet: ordinal) }
            if let setAside { try setRowsAside(of: &part, ordinal: ordinal, to: setAside) }
            result.sheets += part.sheets
            read.append(part)
        }
        result.append(joining: &read)
        for tab in clawbackTabs {
            let ordinal = result.sheets.count
            result.sheets.append(DealsSheet(name: tab.table, mapping: tab.mapping))
            let read = try ClawbackTab.rows(
                of: tab.table, in: file, mapping: tab.mapping, ordinal: ordinal, dateOrder: dateOrder,
                dealsStyle: result.textNumberStyles.count == 1 ? result.textNumberStyles.first : nil)
            result.clawbackRows += read.clawbacks
            result.skipped += read.skipped
            result.diagnostics += read.diagnostics + read.skipped.flatMap(\.failures)
        }
        if let receive, streaming == nil {
            try receive(result.lines)
            result.lines = []
        }
        return result
    }

    /// Hands the lines and manual cells of `part`, the sheet `ordinal` of those read, to
    /// `setAside`, their rows keyed by the sheet, and leaves the part without them. Its other
    /// rows (totals, rows left out) are keyed where the parts are joined.
    private static func setRowsAside(
        of part: inout DealsTable, ordinal: Int,
        to setAside: (_ sheet: Int, _ lines: [CreditLine], _ manual: [ManualCells]) throws -> Void
    ) throws {
        guard !part.lines.isEmpty || !part.manual.isEmpty else { return }
        var lines: [CreditLine] = []
        var manual: [ManualCells] = []
        swap(&lines, &part.lines)
        swap(&manual, &part.manual.cells)
        if ordinal > 0 {
            DealsTable.keyRows(of: &lines, bySheet: ordinal)
            DealsTable.keyRows(of: &manual, bySheet: ordinal)
        }
        try setAside(ordinal, lines, manual)
    }

    /// How `otherSheets` names a sheet of deals left out for the first (`firstDealsSheet`).
    public static let notTheFirstDealsSheet = "deals, not read: a deals file's deals are those of its first deals sheet"

    /// Whether a sheet's name names it as open or lost opportunities (`Pipeline`, `Lost deals`).
    /// No header names every field of a sheet after the first without one (whose error is kept).
    private struct NoHeader: Error {}

    static func isNamedAsPipeline(_ name: String) -> Bool {
        SheetRep.normalized(name).split(separator: " ").contains { pipelineWords.contains(String($0)) }
    }

    /// Words that name a sheet of open or lost opportunities, accents folded.
    static let pipelineWords: Set<String> = [
        "pipeline", "forecast", "forecasts", "prospects", "prospectos", "funnel", "embudo", "lost", "perdidos",
        "perdidas", "verloren", "prognose", "prevision", "previsao", "previsione", "previsioni", "trichter",
    ]

    /// `lines` read from the sheet `ordinal` of those read, their rows keyed by it (`DealsTable.rowKey`).
    private static func withSheet(_ ordinal: Int, _ lines: [CreditLine]) -> [CreditLine] {
        var lines = lines
        DealsTable.keyRows(of: &lines, bySheet: ordinal)
        return lines
    }
}

extension DealsTable {
    /// Keys the rows of lines, manual cells, total rows and rows left out by `ordinal`, the sheet they were read
    /// from (`DealsTable.rowKey`), in place.
    fileprivate mutating func keyRows(bySheet ordinal: Int) {
        Self.keyRows(of: &lines, bySheet: ordinal)
        Self.keyRows(of: &manual.cells, bySheet: ordinal)
        Self.keyRows(of: &totals, bySheet: ordinal)
        Self.keyRows(of: &skipped, bySheet: ordinal)
        Self.keyRows(of: &clawbackRows, bySheet: ordinal)
        Self.keyRows(of: &unpaid, bySheet: ordinal)
        Self.keyRows(of: &paidAgain, bySheet: ordinal)
        Self.keyRows(of: &lateOnMonthEnds, bySheet: ordinal)
        for index in textDates.indices { textDates[index] = Self.rowKey(sheet: ordinal, row: textDates[index]) }
    }

    /// Keys each row of `rows` (lines, manual cells or total rows) by the sheet `ordinal`.
    fileprivate static func keyRows<Element: SheetRowed>(of rows: inout [Element], bySheet ordinal: Int) {
        for index in rows.indices { rows[index].row = rowKey(sheet: ordinal, row: rows[index].row) }
    }
}

/// What has a sheet row, for keying by sheet (`DealsTable.rowKey`).
private protocol SheetRowed { var row: Int { get set } }
extension CreditLine: SheetRowed {}
extension ManualCells: SheetRowed {}
extension SkippedRow: SheetRowed {}
extension TotalRow: SheetRowed {}
extension ClawbackRow: SheetRowed {}
extension UnpaidRow: SheetRowed {}
extension PaidAgainCell: SheetRowed {}
extension LateOnMonthEnd: SheetRowed {}

/// Which sheets `--sheet` names: names separated by commas, each exact or a pattern with `*`/`?`.
public enum SheetSelection {
    public static func tables(of file: TableFile, matching selection: String?) throws -> [String?] {
        guard let selection, case .workbook = file else { return file.tables }
        let patterns = selection.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        let chosen = file.allTables.filter { table in
            guard let table else { return false }
            return patterns.contains { table == $0 || matches(table, pattern: $0) }
        }
        guard !chosen.isEmpty else {
            throw SpreadsheetError(Location(file: file.path), "no sheet '\(selection)'")
        }
        return chosen
    }

    /// A case-insensitive wildcard match: `*` any run of characters, `?` one.
    public static func matches(_ text: String, pattern: String) -> Bool {
        let t = Array(text.lowercased())
        let p = Array(pattern.lowercased())
        var memo: [Int: Bool] = [:]
        func go(_ i: Int, _ j: Int) -> Bool {
            if let known = memo[i * (p.count + 1) + j] { return known }
            let result: Bool
            if j == p.count {
                result = i == t.count
            } else if p[j] == "*" {
                result = go(i, j + 1) || (i < t.count && go(i + 1, j))
            } else {
                result = i < t.count && (p[j] == "?" || p[j] == t[i]) && go(i + 1, j + 1)
            }
            memo[i * (p.count + 1) + j] = result
            return result
        }
        return go(0, 0)
    }
}

/// The rep a tab per rep is about: named by the sheet (`Ana Lima`, `R-101`) or a title line above
/// its header (`Commissions — Ana Lima`).
enum SheetRep {
    private struct Enough: Error {}

    /// The rep the sheet's name or title names; `BlockTitles.marker` when, instead, title rows
    /// among its first rows below the header name reps (blocks per rep); nil when neither.
    static func find(in file: TableFile, table: String, above headerRow: Int, knownReps: KnownReps) throws -> String? {
        if let rep = match(table, knownReps) { return rep }
        var rows: [Row] = []
        do {
            try file.forEachRow(of: table) { row, _ in
                guard row.index < headerRow + HeaderSearch.rowsSearched else { throw Enough() }
                rows.append(row)
            }
        } catch is Enough {}
        return try find(in: rows, table: table, above: headerRow, knownReps: knownReps, file: file.path)
    }

    /// `find` over the sheet's first rows (those above `headerRow` + 30, at least), of the file at `path`.
    static func find(
        in rows: [Row], table: String, above headerRow: Int, knownReps: KnownReps, file path: String
    ) throws -> String? {
        // A full name in the tab's name, then in a title above the header (`Commissions – Ben
        // Okafor` on a tab `May`), before a part of a name in the tab's name (`May` for May Chen).
        if let rep = match(table, knownReps) { return rep }
        if let rep = titled(in: rows, above: headerRow, knownReps: knownReps) { return rep }
        return try named(by: table, knownReps, file: path)
    }

    /// The rep a title line above the header names in full; `BlockTitles.marker` when, instead,
    /// title rows among the first rows below it name reps (blocks per rep); nil when neither. The
    /// sheet's name is not read (a tab per month: `Jan` names no rep there).
    static func titled(in rows: [Row], above headerRow: Int, knownReps: KnownReps) -> String? {
        var titles: [String] = []
        let blocks = BlockTitles(knownReps: knownReps)
        for row in rows where row.index < headerRow + HeaderSearch.rowsSearched {
            if row.index < headerRow {
                titles += row.cells.compactMap { ValueReading.text($0.value) }
            } else if row.index > headerRow, blocks.title(of: row) != nil {
                return BlockTitles.marker
            }
        }
        return titles.lazy.compactMap({ match($0, knownReps) }).first
    }

    /// The tables side by side on the header's row of a sheet without a rep column, each under a
    /// title naming its rep above its own columns (each rep's deals in a block of columns: `Ana
    /// Lima` over A–G, `Rep: Ben Okafor` over I–O), each with that rep. Nil when the row heads one
    /// table, or fewer than two reps title its tables (a tab per rep whose months stand side by
    /// side takes the tab's rep). Throws, naming the columns, when some of them stand under no
    /// such title: their deals would be no one's, and nothing is paid from a partial read.
    static func tablesTitled(
        in rows: [Row], mapping: ColumnMapping<Field>, knownReps: KnownReps, table: String, file path: String
    ) throws -> [(mapping: ColumnMapping<Field>, rep: String)]? {
        let tables = [mapping] + mapping.tablesBeside
        guard tables.count > 1 else { return nil }
        let reps = tables.map { beside in
            beside.columnSpan.flatMap {
                titled(in: rows, above: beside.headerRow, columns: $0, knownReps: knownReps)
            }
        }
        guard Set(reps.compactMap { $0 }).count > 1 else { return nil }
        let untitled = zip(tables, reps).filter { $0.1 == nil }.compactMap(\.0.columnSpan)
        guard untitled.isEmpty else {
            let spans = untitled.map {
                "\(CellAddress.columnName($0.lowerBound))–\(CellAddress.columnName($0.upperBound))"
            }
            throw SpreadsheetError(
                Location(file: path, sheet: table),
                "row \(mapping.headerRow) heads \(tables.count) tables of deals side by side, each under its rep's "
                    + "name, but columns \(spans.joined(separator: ", ")) stand under no title naming a known rep: "
                    + "title each table with its rep's name, or add a rep column")
        }
        return zip(tables, reps).compactMap { beside, rep in rep.map { (beside, $0) } }
    }

    /// The known rep a title above `headerRow` within `columns` names, the nearest the header first.
    static func titled(
        in rows: [Row], above headerRow: Int, columns: ClosedRange<Int>, knownReps: KnownReps
    ) -> String? {
        for row in rows.reversed() where row.index < headerRow {
            for cell in row.cells where columns.contains(cell.column) {
                if let text = ValueReading.text(cell.value), let rep = match(text, knownReps) { return rep }
            }
        }
        return nil
    }

    /// The known rep `text` names: all of it, or a run of its words, or `Last, First` turned
    /// round, also after a label (`Sales rep: Lima, Ana`, `Commissions – Lima, Ana`); the longest
    /// name wins.
    static func match(_ text: String, _ knownReps: KnownReps) -> String? {
        let parts = text.split(separator: ",", maxSplits: 1)
        var turned = ""
        if parts.count == 2 {
            var last = parts[0]
            for mark in [":", " - ", " – ", " — "] {
                if let range = last.range(of: mark, options: .backwards) { last = last[range.upperBound...] }
            }
            turned = " " + normalized(parts[1] + " " + parts[0]) + " " + normalized(parts[1] + " " + last)
        }
        let words = " " + normalized(text) + turned + " "
        return knownReps.reps.filter { words.contains(" " + $0.key + " ") }.max { $0.key.count < $1.key.count }?.name
    }

    /// The known rep a tab's name names: as `match` finds it, or, the name being a first name, a
    /// last name, an id written without its separator (`R101` for `R-101`) or a form of a full
    /// name `NameFit` takes (`OKAFOR Ben`, `A. Lima`, `Ben O`), beside a period, a word such as
    /// `Comm`, a version's or copy's mark or a note in brackets (`Ana Q3`, `Ben - Q3 2026`, `Comm -
    /// Ana`, `Ana Jul-Sep`, `R101 copy`, `Ben O (left Aug)`), the one known name that it fits.
    ///
    /// Throws, naming the tab and the names, when it fits more than one: the tab's rows are no
    /// one's until it names its rep in full (or the sheet has a rep column).
    static func named(by table: String, _ knownReps: KnownReps, file path: String) throws -> String? {
        if let rep = match(table, knownReps) { return rep }
        // The name's words as they stand first (a rep may be called `Julio` or `April`), then
        // without those beside a name, last without what stands in brackets.
        let all = normalized(table).split(separator: " ")
        func fitting(_ words: [Substring]) -> [String] {
            guard (1...4).contains(words.count) else { return [] }
            let names = fittingFirstOrLast(words)
            guard names.isEmpty, words.count == 1 else { return names }
            // One surname of two (`García` for Ana García-López or Ana García López), when no
            // name has it as its first or last word.
            return Array(
                Set(
                    knownReps.reps.filter { rep in
                        let name = rep.key.split(separator: " ").flatMap { $0.split(separator: "-") }
                        return name.count >= 3 && name.dropFirst().contains(words[0])
                    }.map(\.name))
            ).sorted()
        }
        func fittingFirstOrLast(_ words: [Substring]) -> [String] {
            let names = knownReps.reps.filter { rep in
                // An id without its separators, as `RepIdentity.keys` compares one (`R101`, `R-101`, `R 101`).
                if words.count == 1, words[0].contains(where: \.isNumber) {
                    return words[0].filter { $0.isLetter || $0.isNumber }
                        == rep.key.filter { $0.isLetter || $0.isNumber }
                }
                let name = rep.key.split(separator: " ")
                guard name.count >= 2, let first = name.first, let last = name.last else { return false }
                if words.count == 1 { return words[0] == first || words[0] == last }
                // A hyphen joins two surnames: their parts are words, as `RepIdentity` reads a rep cell.
                func parts(_ words: [Substring]) -> [Substring] { words.flatMap { $0.split(separator: "-") } }
                return NameFit.fits(parts(words), parts(name))
            }.map(\.name)
            return Array(Set(names)).sorted()
        }
        let unbracketed = normalized(
            table.replacingOccurrences(of: #"\([^)]*\)"#, with: " ", options: .regularExpression)
        )
        .split(separator: " ")
        let readings = [
            all, all.filter { !SheetPeriod.isVersionMark($0) },
            all.filter { !isBesideAName($0, periods: false) && !SheetPeriod.isVersionMark($0) },
            all.filter { !isBesideAName($0, periods: true) && !SheetPeriod.isVersionMark($0) },
            unbracketed.filter { !isBesideAName($0, periods: true) && !SheetPeriod.isVersionMark($0) },
        ]
        var names: [String] = []
        for words in readings where names.isEmpty { names = fitting(words) }
        guard names.count > 1 else { return names.first }
        throw SpreadsheetError(
            Location(file: path, sheet: table),
            "the tab's name '\(table)' fits more than one rep (\(names.joined(separator: ", "))); "
                + "name the tab by the rep's full name or id, or add a rep column")
    }

    /// The words a tab's name may hold beside a rep's first or last name: a period (`Q3`, `2026`,
    /// `Jul-Sep`, `Julio`), a dash, and what the tab is about (`Comm`, `Deals`, `Provisionen`).
    /// `periods`: month and quarter names too (`Julio` may be a name).
    private static func isBesideAName(_ word: Substring, periods: Bool) -> Bool {
        if word.contains(where: \.isNumber) || tabWords.contains(String(word)) { return true }
        guard periods else { return false }
        let parts = word.split(separator: "-")
        return !parts.isEmpty && parts.allSatisfy { PeriodLabel(String($0)) != nil }
    }

    /// What a tab per rep says it holds, beside the rep's name (normalized, accents folded).
    static let tabWords: Set<String> = [
        "-", "comm", "comms", "commission", "commissions", "deals", "sales", "comision", "comisiones", "ventas",
        "comissao", "comissoes", "vendas", "provision", "provisionen", "umsatz", "provvigioni", "vendite",
    ]

    static func normalized(_ text: String) -> String {
        FoldedWords.plainLetters(FoldedWords.fold(text))
            .map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "'" ? $0 : " " }
            .reduce(into: "") { $0.append($1) }
            .split(separator: " ").joined(separator: " ")
    }

    /// Why a sheet holds no deals, in words, from what its first rows look like.
    static func reason(file: TableFile, table: String) -> String {
        let key = headerKey(table)
        if ["rates", "rate", "tiers", "ratetable", "tasas", "taxas", "taux", "satze", "aliquote"].contains(key) {
            return "a rate table"
        }
        return "no header row names deal_id, rep, date and amount"
    }
}

/// The reps a sheet's name or title may name (roster ids, names, aliases), each with its
/// `SheetRep.normalized` form, made once for every sheet and title row asked.
struct KnownReps: Sendable {
    let reps: [(name: String, key: String)]
    /// The reps' e-mail addresses (`RosterEntry.knownForms`), normalized: a column of addresses
    /// may name the reps (`NameColumn`), but no tab or title is matched against their words.
    let addresses: Set<String>
    var isEmpty: Bool { reps.isEmpty }

    init(_ names: [String]) {
        reps = names.filter { !$0.contains("@") }.map { ($0, SheetRep.normalized($0)) }.filter { !$0.key.isEmpty }
        addresses = Set(names.filter { $0.contains("@") }.map(SheetRep.normalized))
    }
}

/// Blocks per rep on one sheet without a rep column: a title row naming the rep (`Ana Lima`,
/// `Rep: Ana Lima`) opens each block, whose rows take that rep; headers repeated per block are
/// not rows.
struct BlockTitles {
    /// What `SheetRep.find` answers for a sheet of blocks.
    static let marker = "\u{0}blocks"
    /// Why a parent row (`isParentRow`) is read as no deal.
    static let parentRow = "a parent row rolling up its rep's rows below; it is read as no deal"
    /// The column past the last a sheet can have, where a block's rep is put on each of its rows.
    static let repColumn = 16_385

    let knownReps: KnownReps
    /// The header with the rep at `repColumn`.
    var mapping: ColumnMapping<Field>?

    init(knownReps: KnownReps) { self.knownReps = knownReps }

    /// Nil unless the header has no rep column and there are reps to know titles by.
    init?(header: ColumnMapping<Field>, knownReps: KnownReps) {
        guard header.columns[.rep] == nil, !knownReps.isEmpty else { return nil }
        self.knownReps = knownReps
        mapping = header.adding(.rep, column: Self.repColumn, header: "(the block's title row)")
    }

    /// The rep a title row names: at most two text cells and nothing else, not a total row; or one
    /// text cell, the rep's whole name, beside typed numbers, as Smartsheet exports a parent row
    /// (the name in its primary column, its child rows' figures rolled up beside it as values, no
    /// date), whose figures are not read. A figure worked out by a formula (`=SUBTOTAL(9,…)`)
    /// makes a total.
    func title(of row: Row) -> String? {
        var texts: [String] = []
        var numbers = false
        for cell in row.cells {
            switch cell.value {
            case .empty: continue
            case .text(let text): texts.append(text)
            case .number where cell.formula == nil: numbers = true
            default: return nil
            }
        }
        guard (1...(numbers ? 1 : 2)).contains(texts.count),
            texts.allSatisfy({ TotalRow.label(of: .text($0), allowingNames: false) == nil })
        else {
            return nil
        }
        // Beside figures the text is the rep's name and nothing else (`Ana Lima — March 2026` over
        // a typed figure is a month's subtotal).
        if numbers {
            let key = SheetRep.normalized(texts[0])
            return knownReps.reps.first { $0.key == key }?.name
        }
        return SheetRep.match(texts.joined(separator: " "), knownReps)
    }

    /// Whether `row`, on a sheet with a rep column, is a parent row (`title(of:)`) beside its
    /// children: a rep's name outside the rep column, the rep column blank, figures rolled up.
    func isParentRow(_ row: Row, repColumn: Int) -> Bool {
        // Told at a deal row's second text (its id, its rep) or its date, before a cell is copied.
        var texts = 0
        for index in row.cells.indices {
            switch row.cells[index].value {
            case .text:
                texts += 1
                if texts > 1 { return false }
            case .empty, .number: continue
            default: return false
            }
        }
        guard texts == 1, row.cell(at: repColumn)?.value.isBlank ?? true,
            row.cells.contains(where: { if case .number = $0.value { $0.formula == nil } else { false } })
        else { return false }
        return title(of: row) != nil
    }

    /// A parent row's roll-up of its rep's rows below it (Smartsheet's parent row, its children's
    /// commission rolled up beside the rep's name as a typed value) as a total standing above them,
    /// checked as any total is (`TotalRowFindings`: the rows down to the next total): nil for a
    /// title row with no typed figure in the commission column (`Ana Lima` alone, or beside her
    /// quota), whose block has no total to check.
    static func rollUp(_ row: Row, rep: String, commissionColumn: Int?) -> TotalRow? {
        guard let commissionColumn, let cell = row.cell(at: commissionColumn), cell.formula == nil,
            case .number = cell.value
        else { return nil }
        return TotalRow(row: row.index, label: "\(rep)'s parent row", commission: cell)
    }

    func withRep(_ rep: String, _ row: Row) -> Row {
        Row(index: row.index, cells: row.cells + [Cell(column: Self.repColumn, value: .text(rep))])
    }

    /// Whether `row` repeats the header (a block's own header row): its deal id cell, in
    /// `column`, holds the header's text. `key` is `headerKey` of that text, made once for all rows.
    static func repeatsHeader(_ row: Row, dealIDColumn column: Int?, key: String?) -> Bool {
        guard let column, let key, let value = row.text(at: column) else { return false }
        return headerKey(of: value, is: key)
    }
}

/// A sheet whose header names the deals' columns but for the rep (a tab per rep) or the date (a
/// tab per period), with deals under it, whose name and title place it nowhere: its rows are
/// someone's pay. Beside sheets that are read it is no note among the ignored sheets but an
/// error naming it (exit 2), as a lone sheet missing a column is: never pay from a partial read.
enum UnplacedSheet {
    /// Whether a row of `rows` below the header writes a deal: a deal id and an amount.
    static func holdsDeals(_ rows: [Row], under mapping: ColumnMapping<Field>) -> Bool {
        guard let id = mapping.columns[.dealID], let amount = mapping.columns[.amount] else { return false }
        return rows.contains { row in
            row.index > mapping.headerRow
                && [id, amount].allSatisfy { column in row.cell(at: column).map { !$0.value.isEmpty } ?? false }
        }
    }

    static func error(_ sheet: String, reason: String, read: [String], file: String) -> SpreadsheetError {
        let shown = read.prefix(3).map { "'\($0)'" }.joined(separator: ", ") + (read.count > 3 ? ", …" : "")
        return SpreadsheetError(
            Location(file: file, sheet: sheet),
            "\(reason); its deals would be left out of the run beside \(shown), so nothing is paid from a partial read "
                + "(to leave the sheet out, name the sheets to read with --sheet)")
    }
}
