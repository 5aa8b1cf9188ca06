import Commission
import Formula
import Foundation
import Ingest
import Spreadsheet

/// A column of a per-rep summary sheet.
enum SummaryField: String, CaseIterable, Sendable, Hashable {
    case rep, period, commission, bonus, clawback
    case trueUp = "true_up"
    case earned, draw, payable, balance

    /// The English headers, then the other languages' (`HeaderSynonyms`).
    var synonyms: [String] { english + HeaderSynonyms.other(rawValue) }

    private var english: [String] {
        switch self {
        case .rep:
            [
                "Rep", "Sales Rep", "Salesperson", "Name", "Account Executive", "AE", "Rep ID", "Owner",
                // A pivot table's row field, as Excel heads it in its languages (its cells are
                // read as reps only where they name reps).
                "Row Labels", "Etiquetas de fila", "Zeilenbeschriftungen", "Étiquettes de lignes", "Rótulos de Linha",
                "Etichette di riga", "Rijlabels",
            ]
        case .period: ["Period", "Quarter", "Month", "Year", "Fiscal Period", "Fiscal Year"]
        case .commission: ["Commission", "Commissions", "Total Commission", "Commission Earned"]
        case .bonus: ["Bonus", "Bonuses", "SPIFF", "SPIFFs"]
        case .clawback: ["Clawback", "Clawbacks", "Claw-back", "Claw-backs", "Chargeback", "Chargebacks"]
        case .trueUp: ["True-up", "True Up", "Trueup", "True-ups"]
        case .earned: ["Earned", "Total", "Total Earned", "Earnings"]
        case .draw: ["Draw", "Draw Paid"]
        case .payable: ["Payable", "Pay", "Net Pay", "Amount Payable", "Payout", "Net Payable", "Due This Period"]
        case .balance: ["Balance", "Draw Balance"]
        }
    }

    /// The header words of a summary's columns, made once: every sheet of a workbook is asked
    /// whether it is a summary, and making them was most of the asking.
    static let headerWords = HeaderWords(keys: allCases, synonyms: \.synonyms, loose: looseNames)

    /// Every column a header may name among other words (`Sales Rep Name`, `Commission ($)`,
    /// `Period Ending`; `LooseHeaders`), with names the rep goes by only there.
    static let looseNames: [SummaryField: [String]] = Dictionary(
        uniqueKeysWithValues: allCases.map {
            ($0, $0 == .rep ? ["Employee", "Sales Person", "Representative", "Agent"] : [])
        })

    /// The figures a summary row may hold.
    static let figures: [SummaryField] = [.commission, .bonus, .clawback, .trueUp, .earned, .draw, .payable, .balance]
}

/// A summary row's period as the sheet writes it: a label (`2026-Q3`, `Jul 2026`, `Q3`) or a date;
/// or, on a sheet named as a summary that writes no period, the run's period when it has only one.
enum SummaryPeriod: Sendable, Hashable {
    case label(String)
    case date(LocalDate)
    case unwritten

    init?(_ value: CellValue) {
        switch value {
        case .date(let date):
            guard let day = LocalDate(year: date.year, month: date.month, day: date.day) else { return nil }
            self = .date(day)
        default:
            let text = value.plainText.trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { return nil }
            self = .label(text)
        }
    }

    /// The period of the plan's calendar this names among `candidates`: a label as `PeriodLabel`
    /// reads it; a date when it is the first or last day of a period (a month's date in a
    /// quarterly plan's summary names no quarter), typed in a date cell or as text (`2026-07-01`,
    /// `31/07/2026`: a day-first and a month-first reading are both tried, and the text names a
    /// period only when one period is all its readings name).
    func period(kind: PeriodKind, fiscalYearStart: Int, among candidates: Set<Period>) -> Period? {
        func bounded(_ date: LocalDate) -> Period? {
            let period = Period(containing: date, kind: kind, fiscalYearStart: fiscalYearStart)
            return date == period.start || date == period.end ? period : nil
        }
        switch self {
        case .unwritten:
            return candidates.count == 1 ? candidates.first : nil
        case .label(let text):
            if let label = PeriodLabel(text) {
                return label.period(kind: kind, fiscalYearStart: fiscalYearStart, among: candidates)
            }
            let named = Set(Self.dates(writtenIn: text).compactMap(bounded))
            guard named.count == 1, let period = named.first, candidates.contains(period) else { return nil }
            return period
        case .date(let date):
            return bounded(date)
        }
    }

    /// The dates `text` may write in digits: year first (`2026-07-01`, `2026/07/01`), or year last
    /// day-first and month-first (`31/07/2026`, `07-31-2026`, `01.07.2026`); none for other text.
    static func dates(writtenIn text: String) -> [LocalDate] {
        let parts = text.split(omittingEmptySubsequences: false) { "-/.".contains($0) }
        guard parts.count == 3, text.utf8.count <= 10,
            parts.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy { $0 &- 48 < 10 } })
        else { return [] }
        let numbers = parts.map { Int($0)! }
        if parts[0].count == 4, parts[1].count <= 2, parts[2].count <= 2 {
            return LocalDate(year: numbers[0], month: numbers[1], day: numbers[2]).map { [$0] } ?? []
        }
        guard parts[2].count == 4, parts[0].count <= 2, parts[1].count <= 2 else { return [] }
        return [
            LocalDate(year: numbers[2], month: numbers[1], day: numbers[0]),
            LocalDate(year: numbers[2], month: numbers[0], day: numbers[1]),
        ].compactMap { $0 }
    }

    var text: String {
        switch self {
        case .label(let text): text
        case .date(let date): date.description
        case .unwritten: "none written"
        }
    }
}

/// One rep and period of a summary sheet, and its figures with their cells.
struct SummaryRow {
    let row: Int
    let rep: String
    let period: SummaryPeriod
    let cells: [SummaryField: Cell]
    /// The row's year-to-date figures (`SummaryToDate`): what its rep earned over the year so far.
    var toDate: [SummaryField: Cell] = [:]
}

/// A per-rep summary sheet: the first sheet other than the deals sheets whose header names a rep
/// and either a period and at least one figure (a row per rep and period), or periods across
/// (a row per rep, a column per period: `Rep | Q1 2026 | Q2 2026 | …`), or figures whose headers
/// carry their period (`Sales Rep | Q3 Commission | Q3 Bonus | Q4 Commission`); or, on a sheet whose name
/// says it is a summary, a rep and a figure with no period (`PeriodlessSummary`); else a cross-tab
/// laid out the other way round (`Month | Ana Lima | Ben Okafor`, a row per period).
struct SummarySheet {
    /// How the sheet sets out its figures.
    enum Layout {
        /// A row per rep and period, a column per figure.
        case rows
        /// A row per rep, a column per period, one figure in every cell: the one a title names
        /// (`Earned by quarter`), or nil when none does and the figures decide it.
        case crossTab(figure: SummaryField?)
    }

    let name: String
    let headerRow: Int
    /// The figure columns of a `.rows` sheet; the rep column of either.
    let columns: [SummaryField: Int]
    let layout: Layout
    let rows: [SummaryRow]
    /// Every cell of each figure, for formula forensics.
    let columnCells: [SummaryField: [(row: Int, cell: Cell)]]
    /// Whether the commission column is net of the clawbacks: its header says so (`Net Commission`,
    /// `Total Commission`, `Commission Earned`, `Commission Payout`) and no column of the sheet
    /// holds the clawbacks, the earned or the payable figure.
    var commissionIsNet = false
    /// Whether a cross-tab is laid out a row per period and a column per rep.
    var isTransposed = false
    /// The sheet's own totals of its figures (a `Total` row under the reps, a `Total` column
    /// beside a cross-tab's periods).
    var totals: [SummaryTotals.Total] = []
    /// The columns of running year-to-date figures beside the figures (`YTD Commission`).
    var toDateColumns: [SummaryField: Int] = [:]
    /// The header text of each figure column of a `.rows` sheet read a row per rep and period
    /// (`Premie`, `Totaal verdiend`), for naming what is read from it.
    var headers: [SummaryField: String] = [:]
    /// The deals' commission header the commission column was taken under where no word of the
    /// sheet's header names a figure (`Amount Due`): compared only where its figures are commission
    /// sums (`SummaryFindings`).
    var commissionByDealsHeader: String?

    /// The words of a commission column's header that say it is net of the clawbacks, accents folded.
    static let netWords: Set<String> = [
        "net", "neto", "neta", "netto", "nette", "liquido", "liquida", "total", "earned", "devengado", "devengada",
        "payout", "payable",
    ]

    /// The words of a figure's header that make it a goal rather than a figure paid, accents
    /// folded (`Commission Target`, `Target Commission`, `Commission Forecast`, `Objetivo de
    /// comisión`): a sheet whose every figure is one is a plan of the reps' figures (next year's
    /// targets beside a quarterly plan's summary), no summary of what they are paid. The words of
    /// a quota or target (`SummaryCrossTab.targetWords`), and those of a figure foreseen.
    static let goalWords = SummaryCrossTab.targetWords.union([
        "budget", "budgeted", "forecast", "forecasted", "projected", "projection", "ote", "zielwert", "prognose",
        "obiettivi", "previsione", "prevision", "doelstelling",
    ])

    /// Whether every figure `mapping` found is headed as a goal (`goalWords`).
    static func namesGoalsOnly(_ mapping: ColumnMapping<SummaryField>) -> Bool {
        let headers = SummaryField.figures.filter { mapping.columns[$0] != nil }.map { mapping.headers[$0] ?? "" }
        return !headers.isEmpty && headers.allSatisfy { FoldedWords.of($0).contains(where: goalWords.contains) }
    }

    /// The summary sheets of a workbook: the one of the plan's periods, and those of years beside
    /// it (`yearly`), whose figures add up the plan's periods of each year.
    struct Found {
        var summary: SummarySheet?
        var yearly: [SummarySheet] = []
        /// Summaries of other periods than `summary`'s, laid out as it is (a summary per year: `Summary
        /// 2025` beside `Summary 2026`, or one beside each year's deals): each compared as it is. A
        /// sheet naming a rep and period another summary names (a copy kept as a backup) is not one.
        var others: [SummarySheet] = []

        /// Sets `sheet` beside the summary found, as `summary` when there is none, among `others`
        /// when it names no rep and period the summaries found name.
        mutating func add(_ sheet: SummarySheet) {
            guard let summary else {
                self.summary = sheet
                return
            }
            let named = ([summary] + others).reduce(into: Set<String>()) { $0.formUnion($1.repPeriodKeys) }
            let own = sheet.repPeriodKeys
            if !own.isEmpty, own.isDisjoint(with: named) { others.append(sheet) }
        }
    }

    /// Each row's rep and period as the sheet writes them, compared loosely (`ana lima|2026-Q1`).
    var repPeriodKeys: Set<String> {
        Set(rows.map { "\($0.rep.normalizedKey)|\($0.period.text.lowercased())" })
    }

    /// The first sheet laid out a row per rep and period, else the first cross-tab; and, when the
    /// plan's period (`period`) is shorter than a year, every sheet laid out a row per rep and
    /// year (`Rep | Year | Commission` beside a quarterly plan's summary), which is set beside it
    /// rather than taken for it.
    /// `commissionHeader` is the header the deals' commission was read under: a summary column
    /// headed so (`Amount Due` beside `Amount Due` on the deals) is the commission where no word
    /// of the summary's names a figure.
    static func find(
        in file: TableFile, excluding dealsSheets: Set<String>, period: PeriodKind? = nil,
        commissionHeader: String? = nil
    ) throws -> Found {
        var found = Found()
        var tables = file.tables.filter { !dealsSheets.contains($0 ?? "") }
        // The header, and whether its commission was taken under the deals' header.
        func header(_ table: String?) -> (String, ColumnMapping<SummaryField>, pinned: Bool)? {
            let named = try? findHeader(file, table: table, required: [.rep, .period])
            if let named, SummaryField.figures.contains(where: { named.1.columns[$0] != nil }) {
                return (named.0, named.1, false)
            }
            if let commissionHeader,
                let pinned = try? findHeader(
                    file, table: table, required: [.rep, .period],
                    pins: [SummaryField.commission.rawValue: commissionHeader])
            {
                return (pinned.0, pinned.1, true)
            }
            return named.map { ($0.0, $0.1, false) }
        }
        for table in tables {
            // A period column headed by a period itself (`3e trimestre 2026`, `3. Quartal 2026`,
            // read loosely as `Trimestre`) is a cross-tab's column of that period.
            guard let (name, mapping, pinned) = header(table),
                SummaryField.figures.contains(where: { mapping.columns[$0] != nil }),
                mapping.headers[.period].flatMap(PeriodLabel.init) == nil, !namesGoalsOnly(mapping)
            else { continue }
            var sheet = try readRows(file, name: name, mapping: mapping)
            if pinned { sheet.commissionByDealsHeader = commissionHeader }
            // Only a plan of shorter periods has sheets of years beside its summary to look for.
            guard let period, period != .year else { return Found(summary: sheet) }
            if sheet.isOfYears {
                found.yearly.append(sheet)
            } else {
                found.add(sheet)
            }
        }
        tables.removeAll { table in found.yearly.contains { $0.name == table ?? "" } }
        if let summary = found.summary {
            // A cross-tab of each rep's years beside it (`Rep | 2025 | 2026`) is set beside it too.
            for table in tables where table != summary.name {
                if let years = try SummaryCrossTab.read(file, table: table, ofYears: true) {
                    found.yearly.append(years)
                }
            }
            return found
        }
        found.summary = try findOther(in: file, tables: tables)
        if found.summary == nil {
            for sheet in try besideTheDeals(
                in: file, sheets: file.tables.compactMap { $0 }.filter(dealsSheets.contains))
            {
                found.add(sheet)
            }
        }
        return found
    }

    /// The summaries kept on the deals sheets, right of the deals with an empty column between (`Rep |
    /// Period | Commission` beside `Deal ID | … | Commission`): each sheet's first such table laid
    /// out a row per rep and period, read where no other sheet holds a summary (a tab per year
    /// with its own summary beside its deals has one a tab). Its header is found as a
    /// table beside another on the header's row (`ColumnMapping.columnSpan`), never the deals' own
    /// columns (a deals sheet with a period column is no summary).
    private static func besideTheDeals(in file: TableFile, sheets: [String]) throws -> [SummarySheet] {
        var found: [SummarySheet] = []
        for sheet in sheets {
            guard let (name, mapping) = try? findHeader(file, table: sheet, required: [.rep, .period]),
                mapping.columnSpan != nil, SummaryField.figures.contains(where: { mapping.columns[$0] != nil }),
                mapping.headers[.period].flatMap(PeriodLabel.init) == nil, !namesGoalsOnly(mapping)
            else { continue }
            let summary = try readRows(file, name: name, mapping: mapping)
            if !summary.rows.isEmpty { found.append(summary) }
        }
        return found
    }

    /// Whether the sheet's every row is of a year and nothing within it (`2026`, `FY2026`).
    var isOfYears: Bool {
        !rows.isEmpty
            && rows.allSatisfy { row in
                if case .label(let text) = row.period { return PeriodLabel(text)?.namesYearOnly == true }
                return false
            }
    }

    /// A summary laid out otherwise than a row per rep and period: a cross-tab, periods in the
    /// figures' headers, a sheet named as a summary without periods, a transposed cross-tab.
    private static func findOther(in file: TableFile, tables: [String?]) throws -> SummarySheet? {
        for table in tables {
            if let crossTab = try SummaryCrossTab.read(file, table: table) { return crossTab }
        }
        for table in tables {
            if let sheet = try PeriodFigureHeaders.read(file, table: table) { return sheet }
        }
        for case let table? in tables {
            guard let period = PeriodlessSummary.period(sheetName: table),
                let (name, mapping) = try? findHeader(file, table: table, required: [.rep]),
                SummaryField.figures.contains(where: { mapping.columns[$0] != nil })
            else { continue }
            let sheet = try readRows(file, name: name, mapping: mapping, period: period)
            let reps = sheet.rows.map(\.rep.normalizedKey)
            // Each rep once: a log of commission per deal is no summary.
            if !reps.isEmpty && Set(reps).count == reps.count { return sheet }
        }
        for table in tables {
            if let crossTab = try SummaryCrossTab.readTransposed(file, table: table) { return crossTab }
        }
        return nil
    }

    /// `period`: every row's, on a sheet without a period column.
    private static func readRows(
        _ file: TableFile, name: String, mapping: ColumnMapping<SummaryField>, period unwritten: SummaryPeriod? = nil
    ) throws -> SummarySheet {
        // The rows with a period, their rep nil where its cell is blank.
        var read:
            [(row: Int, rep: String?, period: SummaryPeriod, cells: [SummaryField: Cell], toDate: [SummaryField: Cell])] =
                []
        var columnCells: [SummaryField: [(row: Int, cell: Cell)]] = [:]
        // Rows labelled as totals in the rep column (`Total`, `Ana Lima Total`), and their figure cells.
        var totalRows: [(row: Int, label: String)] = []
        var totalCells: [CellAddress: Cell] = [:]
        // A cell merged down over rows (a period over its reps) gives each of them its value; the
        // merges come last in a sheet, so the rows are read first (a summary is small).
        var sheetRows: [Row] = []
        var header: [Cell] = []
        let merges = try file.forEachRow(of: name) { row, _ in
            if row.index > mapping.headerRow { sheetRows.append(row) }
            if row.index == mapping.headerRow { header = row.cells }
        }.mergedRanges
        // A figure's year to date (`Earned YTD`) is read as one (`SummaryToDate`), never as the
        // figure itself, even where no other header names the figure.
        var columns = mapping.columns
        for field in SummaryField.figures {
            if let text = mapping.headers[field], SummaryToDate.figure(named: text) != nil { columns[field] = nil }
        }
        let toDateColumns = SummaryToDate.columns(of: header, taken: Set(columns.values))
        var merged = MergedValues(
            merges, below: mapping.headerRow, paid: Set(SummaryField.figures.compactMap { columns[$0] }))
        for sheetRow in sheetRows {
            let row = merged?.fill(sheetRow) ?? sheetRow
            func cell(_ field: SummaryField) -> Cell? {
                columns[field].flatMap { column in row.cells.first { $0.column == column } }
            }
            for field in SummaryField.figures {
                if let found = cell(field) { columnCells[field, default: []].append((row.index, found)) }
            }
            if let label = cell(.rep).flatMap({ TotalRow.label(of: $0.value, allowingNames: false) }) {
                // A row named after a total that works a figure out of others (`Ana share of
                // total =C2/C4`, `Check vs Deals total =Deals!F5-C4`) is no total, nor a rep's row.
                let figures = SummaryField.figures.compactMap { cell($0)?.formula }
                if !figures.isEmpty, figures.allSatisfy(Self.worksOutOfOthers) { continue }
                totalRows.append((row.index, label))
                for field in SummaryField.figures {
                    if let found = cell(field) { totalCells[CellAddress(row: row.index, column: found.column)] = found }
                }
                continue
            }
            guard let period = unwritten ?? cell(.period).flatMap({ SummaryPeriod($0.value) }) else { continue }
            let rep = cell(.rep).map { $0.value.plainText.trimmingCharacters(in: .whitespaces) } ?? ""
            var figures: [SummaryField: Cell] = [:]
            for field in SummaryField.figures { figures[field] = cell(field) }
            guard !rep.isEmpty || figures.values.contains(where: { $0.value != .empty }) else { continue }
            let toDate = toDateColumns.compactMapValues { column in row.cells.first { $0.column == column } }
            read.append((row.index, rep.isEmpty ? nil : rep, period, figures, toDate))
        }
        // A rep written on the first row of its periods only, the rows below blank: a blank rep is
        // the one above, when the sheet keeps its reps so throughout (its first row names a rep, no
        // rep is written on two rows in a row, and no period comes twice in a rep's rows: a
        // period's subtotal under them is no row of the rep's); else rows without a rep are left out.
        let reps = read.map { $0.rep?.normalizedKey }
        var blockPeriods: [Set<String>] = []
        for entry in read {
            if entry.rep != nil || blockPeriods.isEmpty { blockPeriods.append([]) }
            blockPeriods[blockPeriods.count - 1].insert(entry.period.text)
        }
        let blockSizes = read.reduce(into: [Int]()) { sizes, entry in
            if entry.rep != nil || sizes.isEmpty { sizes.append(0) }
            sizes[sizes.count - 1] += 1
        }
        let fillsDown =
            reps.contains(nil) && reps.first != nil && reps.first! != nil
            && !zip(reps, reps.dropFirst()).contains { above, below in above != nil && above == below }
            && zip(blockPeriods, blockSizes).allSatisfy { $0.count == $1 }
        var rows: [SummaryRow] = []
        var above: String?
        for entry in read {
            above = entry.rep ?? above
            guard let rep = entry.rep ?? (fillsDown ? above : nil) else { continue }
            rows.append(
                SummaryRow(row: entry.row, rep: rep, period: entry.period, cells: entry.cells, toDate: entry.toDate))
        }
        return SummarySheet(
            name: name, headerRow: mapping.headerRow, columns: columns, layout: .rows, rows: rows,
            columnCells: columnCells,
            commissionIsNet: FoldedWords.of(mapping.headers[.commission] ?? "").contains(where: netWords.contains)
                && [.clawback, .earned, .payable].allSatisfy { columns[$0] == nil },
            totals: SummaryTotals.lay(
                members: rows.flatMap { row in row.cells.values.map { CellAddress(row: row.row, column: $0.column) } },
                totalRows: totalRows, totalColumns: [], cells: totalCells), toDateColumns: toDateColumns,
            headers: mapping.headers.filter { SummaryField.figures.contains($0.key) && columns[$0.key] != nil })
    }

    /// The summary's header on `table` naming `required`; nil where no row within the first 30
    /// names them (why is not worked out: each sheet is asked, and most hold no summary).
    static func findHeader(
        _ file: TableFile, table: String?, required: [SummaryField], pins: [String: String] = [:]
    ) throws -> (String, ColumnMapping<SummaryField>)? {
        try HeaderSearch.mapping(
            in: file, tables: [table], words: SummaryField.headerWords, required: required, pins: pins
        ).map { ($0.table ?? "", $0.mapping) }
    }
}

/// A sheet named as a summary (`Summary`, `Q3 2026 Totals`, `Resumen`, `Übersicht`) whose header
/// names a rep and a figure but no period: its rows are the period its name gives, else the
/// run's when the run has only one. Any other sheet without a period column (last quarter's
/// recap, notes) is not read as a summary: its figures could be any period's.
enum PeriodlessSummary {
    /// The words that may stand beside a summary word in its sheet's name, accents folded.
    static let fillerWords: Set<String> = [
        "by", "per", "of", "the", "all", "rep", "reps", "team", "sales", "commission", "commissions", "comm", "sheet",
        "report", "tab", "final", "hoja", "informe", "blatt", "bericht", "feuille", "rapport", "foglio",
        "por", "de", "del", "comercial", "comerciales", "vendedor", "vendedores", "comisiones", "comision", "ventas",
        "par", "commerciaux", "pro", "je", "nach", "mitarbeiter", "vertrieb", "provision", "provisionen", "comissoes",
        "comissao", "vendas", "provvigioni", "agenti", "da", "do", "dos",
    ]

    /// The words that name a summary sheet, accents folded; a pivot table's sheet is one too.
    static let words: Set<String> = Set([
        "summary", "overview", "total", "totals", "payout", "payouts", "resumen", "resumo", "resume", "synthese",
        "zusammenfassung", "ubersicht", "uebersicht", "riepilogo", "sintesi",
    ]).union(pivotWords)

    /// What spreadsheet programs name a pivot table's sheet: `Pivot`, Google Sheets' `Pivot Table
    /// 1`, LibreOffice's `Pivot Table_Deals_1` (numbered, and named after its source sheet).
    static let pivotWords: Set<String> = ["pivot", "pivottable", "pivots"]

    /// The period of a sheet so named: the label the rest of its name makes (`Q3 2026`), or
    /// `.unwritten` when the rest names none and holds no figure that could be one; nil for a
    /// sheet not named as a summary, or named with a period trueup does not read (`Summary v2`).
    static func period(sheetName: String) -> SummaryPeriod? {
        let words = sheetName.split { !$0.isLetter && !$0.isNumber }.map(String.init)
        func isSummaryWord(_ word: String) -> Bool { Self.words.contains(FoldedWords.fold(word)) }
        guard words.contains(where: isSummaryWord) else { return nil }
        let rest = words.filter { !isSummaryWord($0) }.joined(separator: " ")
        if PeriodLabel(rest) != nil { return .label(rest) }
        // A pivot's sheet is named by the program, with the pivot's number and its source sheet's
        // name (`Pivot Table_Ventas_1`): they say which pivot it is, not its period.
        if words.contains(where: { pivotWords.contains(FoldedWords.fold($0)) }) { return .unwritten }
        // Only words saying whose summary it is may stand beside: `YTD Totals`, `Last Quarter
        // Summary` or `Summary v2` name a period (or a version) trueup does not read.
        return FoldedWords.of(rest).allSatisfy(fillerWords.contains) ? .unwritten : nil
    }
}

extension SummarySheet {
    /// Whether `formula` works a figure out of others rather than adding them up: a ratio, a
    /// product or a power (`C2/C4`, `C4*0.1`), or one figure less another (`Deals!F5-C4`, a
    /// check), rounded or not (`ROUND(C2/C4,2)`).
    static func worksOutOfOthers(_ formula: String) -> Bool {
        (try? Parser.parse(formula)).map(worksOutOfOthers) ?? false
    }

    private static func worksOutOfOthers(_ expression: FormulaExpression) -> Bool {
        switch expression {
        case .binary(.divide, _, _), .binary(.multiply, _, _), .binary(.power, _, _): true
        case .binary(.subtract, .reference, .reference): true
        case .call(let name, let arguments) where name.hasPrefix("ROUND"):
            arguments.first.map(worksOutOfOthers) ?? false
        default: false
        }
    }
}
