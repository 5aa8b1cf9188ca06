import Commission
import Formula
import Ingest
import Recalculation
import Spreadsheet
import XLSX

/// A hand-kept commission workbook as read: its deal rows with their manual figures, its summary
/// sheet, and what its own formulas say. The reading stage of reconciliation: `Reconciler` takes
/// this value and opens no file.
public struct HandKeptWorkbook {
    /// The deal rows read from the deals sheets, with each row's manual cells.
    public var deals: DealsTable
    /// The per-rep summary sheet, when the workbook has one.
    var summary: SummarySheet?
    /// Summaries of each rep's years beside a plan of shorter periods (`SummarySheet.Found.yearly`).
    var yearlySummaries: [SummarySheet] = []
    /// Summaries of other periods beside `summary`, laid out as it is (`SummarySheet.Found.others`).
    var otherSummaries: [SummarySheet] = []
    /// Per-rep totals kept on the deals sheets themselves (`RepTotalsBlock`), each read as a summary.
    var repTotals: [SummarySheet] = []
    /// The workbook's formulas evaluated: values for formulas saved without one, stale cells.
    var formulas: FormulaReading

    /// Reads `file` (opened with `TableFile.open`): reads the deals sheets
    /// (`sheet`: the names to read, each may hold `*` and `?`; nil: every sheet whose header names
    /// the deals' columns) with `pins` over the header synonyms, finds the summary sheet, and
    /// evaluates the workbook's formulas (from the same pass over the file).
    /// Rep names of `roster` (the plan's reps when empty) tell the rep column from a name column;
    /// the plan's fiscal year numbers the quarters that tabs per quarter are named by.
    /// `progress` hears what stage the reading is in, and how far it is. `rowBudget`, when given,
    /// sets a workbook's deal rows aside as each sheet is read, in a spool held in memory up to
    /// that many bytes and on disk beyond it, while the formulas are evaluated
    /// (`TRUEUP_RECONCILE_BUDGET`); the workbook read is the same. `checkingFormulasBeside`: the
    /// formula check may go on beside the reconciliation where its result cannot change how the
    /// deals read (`FormulaReading.evaluate`); false finishes it here, for a workbook held a while
    /// before it is reconciled (several read ahead), which then holds only the cells kept.
    public static func read(
        _ file: TableFile, plan: Plan, roster: [RosterEntry], sheet: String? = nil, pins: [String: String] = [:],
        dateOrder: DateOrder? = nil, rowBudget: Int? = nil, checkingFormulasBeside: Bool = true,
        progress: @escaping (_ stage: String, _ done: Int64, _ total: Int64) -> Void = { _, _, _ in }
    ) throws -> HandKeptWorkbook {
        let knownReps = (roster.isEmpty ? plan.reps : roster).flatMap(\.knownForms)
        func readSheets(keeping: ManualCells.Keeping = .values, settingAsideIn spooled: SpooledRows? = nil) throws -> (
            DealsTable, SummarySheet.Found
        ) {
            let deals = try DealsReader.readWorkbook(
                file, selection: sheet, pins: pins, manualCells: keeping, knownReps: knownReps, dateOrder: dateOrder,
                plan: plan, progress: { progress("reading the workbook", $0, $1) },
                settingRowsAside: spooled.map { spooled in { try spooled.add(sheet: $0, lines: $1, manual: $2) } })
            // A text file's one table, named by no sheet (`""` to `find`), is no summary of its own deals.
            let summaries = try SummarySheet.find(
                in: file, excluding: Set(deals.sheets.map { $0.name ?? "" }), period: plan.period,
                commissionHeader: deals.mapping.headers[.commission])
            try requireFigures(deals, hasSummary: summaries.summary != nil || !summaries.yearly.isEmpty, file: file)
            return (deals, summaries)
        }
        guard case .workbook(let workbook) = file else {
            // A CSV file holds nothing but text: its numbers are not numbers stored as text.
            var (deals, summaries) = try readSheets()
            deals.textNumbers = [:]
            for index in deals.manual.indices { deals.manual[index].typeNumbersWrittenAsText() }
            for index in deals.totals.indices {
                guard let cell = deals.totals[index].commission, let typed = ManualCells.typed(cell.value) else {
                    continue
                }
                deals.totals[index].commission = Cell(
                    column: cell.column, value: typed, formula: cell.formula, numberFormat: cell.numberFormat)
            }
            return HandKeptWorkbook(
                deals: deals, summary: summaries.summary, yearlySummaries: summaries.yearly,
                otherSummaries: summaries.others, formulas: FormulaReading())
        }
        // The formulas' workbook keeps the cells of each sheet the readers read whole as they read
        // it: the file is parsed once (the sheets no reader read whole are read for it afterwards).
        let collector = FormulaCollector(workbook)
        workbook.observer = collector
        defer { workbook.observer = nil }
        let spooled = rowBudget.map(SpooledRows.init(memoryBudget:))
        var (deals, summaries) = try readSheets(settingAsideIn: spooled)
        workbook.observer = nil
        // The rows searched for per-rep totals beside or above the deals, read while the shared
        // strings are held (`besideOrAbove` below comes after they are let go). A sheet read again
        // below may read otherwise: its rows are then read again too. A read that fails here is
        // made again there, and fails where it always has.
        var searchedRows = (try? RepTotalsBlock.rowsSearched(of: deals, in: file)) ?? [:]
        // Once the collector has read the sheets no reader read whole, the shared strings are not
        // held while the formulas are evaluated (a second read of the sheets reads them again).
        // A workbook held in memory is checked beside the reconciliation when the check cannot
        // change how its deal rows read (one spooled is checked before its rows come back).
        var formulas = FormulaReading.evaluate(
            collector, recalculatesOnLoad: workbook.recalculatesOnLoad,
            afterReading: { workbook.releaseSharedStrings() },
            mayCheckBeside: {
                checkingFormulasBeside && spooled == nil && Self.noFormulaStandsInAnInput($0, of: deals)
            },
            progress: progress)
        // The cells the evaluation read are let go before the lines set aside come back, not
        // after (ten million rows' lines are 560 MB, the cells their formulas read ~300 MB),
        // unless the sheets are to be read again below (formulas without values, stale inputs),
        // which may name other columns whose cells are then kept.
        var keptForColumns: Set<Int>?
        if spooled != nil, formulas.values.isEmpty, formulas.staleCells.isEmpty {
            keptForColumns = Self.rateOrCommissionColumns(of: deals)
            formulas.keepCellsReadByRateFormulas(in: keptForColumns!)
        }
        if let spooled {
            (deals.lines, deals.manual) = try spooled.takeRows()
        }
        // Formulas saved without a value, and the deal rows' stale inputs (an ACV whose `=MRR*12`
        // was not recalculated): the sheets are read again, showing what the formulas give.
        var shown = formulas.values
        if !formulas.isCheckingBeside {
            for (sheet, cells) in StaleFindings.recalculatedInputs(formulas.staleCells, of: deals) {
                shown[sheet, default: [:]].merge(cells) { $1 }
            }
        }
        if !shown.isEmpty {
            workbook.formulaValues = shown
            (deals, summaries) = try readSheets()
            searchedRows = [:]
        }
        if formulas.workbook == nil, deals.manual.contains(where: \.commissionHasFormula) {
            // Forensics read the commission formulas' texts from the formulas' workbook; without
            // one (the check could not read the file whole), the deals keep their own.
            (deals, summaries) = try readSheets(keeping: .valuesAndFormulas)
            searchedRows = [:]
        }
        // Per-rep totals kept on the deals sheets: below the deals (in their columns or in columns of
        // their own), and beside or above them.
        let reps = roster.isEmpty ? plan.reps : roster
        var repTotals = RepTotalsBlock.take(from: &deals, roster: reps, plan: plan)
        repTotals += try RepTotalsBlock.belowInColumnsOfTheirOwn(in: file, deals: &deals, roster: reps, plan: plan)
        repTotals += try StatementBelowDeals.take(from: &deals, in: file, plan: plan)
        repTotals += try RepTotalsBlock.besideOrAbove(
            in: file, deals: deals, roster: reps, plan: plan, searchedRows: searchedRows)
        // The cells are read: the shared strings are not held through the reconciliation.
        workbook.releaseSharedStrings()
        // Kept here when not above.
        let rateOrCommissionColumns = Self.rateOrCommissionColumns(of: deals)
        if rateOrCommissionColumns != keptForColumns {
            formulas.keepCellsReadByRateFormulas(in: rateOrCommissionColumns)
        }
        return HandKeptWorkbook(
            deals: deals, summary: summaries.summary, yearlySummaries: summaries.yearly,
            otherSummaries: summaries.others, repTotals: repTotals, formulas: formulas)
    }

    /// The columns whose formulas' cells the reconciliation reads to the end
    /// (`FormulaReading.keepCellsReadByRateFormulas`): each deals sheet's rate column, or without
    /// one its commission column, whose formulas may read the rate from a cell (`=ROUND(D5*$H$1,2)`).
    private static func rateOrCommissionColumns(of deals: DealsTable) -> Set<Int> {
        let mappings = [deals.mapping] + deals.sheets.map(\.mapping)
        return Set(mappings.compactMap { $0.columns[.rate] ?? $0.columns[.commission] })
    }

    /// Whether no formula of `formulas` stands in a column a deals sheet's lines are read from,
    /// other than their commission and bonus: then no deal row's input can be stale, and the
    /// formula check cannot have the sheets read again (`StaleFindings.recalculatedInputs`).
    private static func noFormulaStandsInAnInput(_ formulas: FormulaWorkbook, of deals: DealsTable) -> Bool {
        var inputs: [String: Set<Int>] = [:]
        guard !deals.sheets.isEmpty else { return false }
        for sheet in deals.sheets {
            guard let name = sheet.name else { return false }
            inputs[name, default: []].formUnion(StaleFindings.columns(of: sheet.mapping).inputs)
        }
        let columns = formulas.sheets.map { inputs[$0.name] }
        let cells = formulas.formulas
        return !cells.indices.contains { position in
            let (sheet, address) = cells.location(at: position)
            return columns[sheet]?.contains(address.column) == true
        }
    }

    /// A workbook file past this many bytes has its deal rows set aside as it is read
    /// (`rowBudget(forWorkbookOf:)`): 128 MB, two million rows or so of a plain sheet.
    public static let spillingFileSize = 128 << 20
    /// The bytes of rows held in memory before the rest go to disk, once a workbook is set aside.
    public static let spillingBudget = 64 << 20

    /// The row budget `read` is given for a workbook file of `bytes` bytes when none is asked for:
    /// `spillingBudget` past `spillingFileSize` (a workbook of millions of rows), nil (the rows held
    /// as read) at or below it, where setting them aside would cost time and save nothing.
    public static func rowBudget(forWorkbookOf bytes: Int) -> Int? {
        bytes > spillingFileSize ? spillingBudget : nil
    }

    /// Stops a run that would compare nothing, rather than report no errors: no deals sheet has a
    /// commission or bonus column (one under a name trueup does not know, or two columns that
    /// could each be it) and the workbook has no summary.
    static func requireFigures(_ deals: DealsTable, hasSummary: Bool, file: TableFile) throws {
        let mappings = [deals.mapping] + deals.sheets.map(\.mapping)
        guard !hasSummary, !mappings.contains(where: { $0.columns[.commission] != nil || $0.columns[.bonus] != nil })
        else { return }
        struct Enough: Error {}
        var headers: [String] = []
        do {
            try file.forEachRow(of: deals.sheet) { row, _ in
                guard row.index >= deals.mapping.headerRow else { return }
                headers = row.cells.compactMap { cell in
                    let text = cell.value.plainText.trimmingCharacters(in: .whitespaces)
                    return text.isEmpty ? nil : "'\(text)'"
                }
                throw Enough()
            }
        } catch is Enough {}
        throw SpreadsheetError(
            Location(file: file.path, sheet: deals.sheet),
            "no column holds the commission the sheet pays (header row \(deals.mapping.headerRow): "
                + headers.joined(separator: ", ")
                + "), and there is no summary sheet: nothing could be compared; name the commission column with "
                + "--map commission=HEADER or the plan's columns:")
    }

    /// Refuses a workbook whose summaries were read but none compared (a rep × period table whose
    /// figures are no total of the plan's), where no deals column holds the commission or a bonus
    /// and nothing else was reported either (`compared` false: no clawback tab's row, no unreadable
    /// row): nothing was compared, and "no errors" would be a partial read passed for a whole one
    /// (`requireFigures` refuses such a workbook without a summary).
    static func requireCompared(_ deals: DealsTable, summaries: [String], compared: Bool) throws {
        let mappings = [deals.mapping] + deals.sheets.map(\.mapping)
        guard !compared, !summaries.isEmpty,
            !mappings.contains(where: { $0.columns[.commission] != nil || $0.columns[.bonus] != nil })
        else { return }
        let names = summaries.map { "'\($0)'" }.joined(separator: ", ")
        throw SpreadsheetError(
            Location(file: deals.file, sheet: deals.sheet),
            "no column holds the commission the sheet pays (header row \(deals.mapping.headerRow)), and no figure "
                + "of the summary \(names) totals the plan's for a rep it names: nothing could be compared; name the "
                + "commission column with --map commission=HEADER or the plan's columns:, or check the summary's "
                + "reps and periods against the plan's")
    }

    /// The deal rows, moved out: the lines and manual cells are left empty here so that the
    /// reconciler changes them in place (a million lines are not held twice).
    mutating func takeDeals() -> DealsTable {
        let taken = deals
        deals.lines = []
        deals.manual = []
        return taken
    }
}

extension ManualCells {
    /// The commission and bonus read as the numbers their texts write (`1,234.50`, `1.234,56 €`),
    /// for a file whose every value is text: nothing in it is a number stored as text.
    /// `value` as the number its text writes, when the text tells its style (`1.500` could be 1.5
    /// or 1,500: a text that does not tell stays text, `text_number`); nil when it is no such text.
    fileprivate static func typed(_ value: CellValue) -> CellValue? {
        guard case .text(let text) = value, NumberStyle.tellsItsStyle(text),
            let number = NumberStyle.money(inText: text)
        else { return nil }
        return .number(number)
    }

    fileprivate mutating func typeNumbersWrittenAsText() {
        func typed(_ value: CellValue?) -> CellValue? { value.flatMap(Self.typed) ?? value }
        let commission = self.commission
        guard typed(commission?.value) != commission?.value || typed(bonus) != bonus else { return }
        self = ManualCells(
            row: row, rate: rate,
            commission: commission.map { cell in
                Cell(
                    column: cell.column, value: typed(cell.value) ?? cell.value, formula: cell.formula,
                    numberFormat: cell.numberFormat)
            },
            bonus: typed(bonus), keeping: commission?.formula != nil ? .valuesAndFormulas : .values,
            shown: (commission?.shownText, bonusShownText))
    }
}
