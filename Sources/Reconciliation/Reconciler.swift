import Commission
import Formula
import Foundation
import Ingest
import Primitives
import Spreadsheet

/// Reconciles a hand-kept commission workbook against the engine (plan-format.md section 6).
///
/// Row level: each row's manual commission (and bonus) against the engine's lines for that row.
/// Rep-period level: a summary sheet's totals against the engine's. Every difference beyond the
/// plan's tolerance gets a cause, found by re-running the engine under the readings a sheet's
/// author may have used and by reading the sheet's formulas; differences within it are `rounding`.
public enum Reconciler {
    /// Reconciles `workbook` (read with `HandKeptWorkbook.read`) against `plan` and `roster` (the
    /// plan's reps when empty). `source`, when given, is a trusted export of the same deals (a CRM),
    /// read like any deals file (`DealsReader.read`): its deals are the ones priced, the rows
    /// compared with what the plan pays on them (`SourceTruth`). `carried`: draw balances from periods paid
    /// before (a ledger's). `progress` hears what stage the work is in. `keepingLines`: the result
    /// keeps the deal lines the engine calculated (`Reconciliation.lines`), to calculate them again
    /// with other workbooks' lines. `keepingStatementLines`: false leaves the statement without
    /// lines (totals and issues only; a million lines are ~180 MB, their explanations ~80 MB
    /// more), for callers that show or record no lines: the comparisons read only the amounts
    /// gathered from them as they are computed.
    /// `otherWorkbooks`: the deal lines of the other workbooks reconciled beside this one (a
    /// month's each under a quarterly plan): the engine runs over them too, so that a period's
    /// cumulative credit, its tiers and its true-ups run across the files, but only this
    /// workbook's rows are compared, and its statement keeps the rep-periods and issues of its own
    /// rows (`ContextLines`).
    public static func reconcile(
        _ workbook: consuming HandKeptWorkbook, plan: Plan, roster: [RosterEntry], source: DealsTable? = nil,
        otherWorkbooks: [[CreditLine]] = [], carried: CarriedBalances = .none, keepingLines: Bool = false,
        keepingStatementLines: Bool = true,
        progress: @escaping (_ stage: String, _ done: Int64, _ total: Int64) -> Void = { _, _, _ in }
    ) throws -> Reconciliation {
        var deals = workbook.takeDeals()
        if let source { try SourceTruth.requireDealIDs(deals, toMatch: source) }
        // Its check may run beside the rows' findings, until the rate tables are checked.
        var formulas = workbook.formulas
        progress("comparing with the plan", 0, 0)
        let rosterEntries = roster.isEmpty ? plan.reps : roster
        let (identities, copies, copiedSheetNotes) = linesForTheEngine(
            &deals, roster: rosterEntries, formulas: formulas.workbook)
        // A trusted source's deals are the ones priced: its amounts and reps on the rows it
        // matches, its lines the workbook lacks beside them (`SourceTruth`).
        var truth: SourceTruth?
        if let source { truth = SourceTruth(source, deals: &deals, roster: rosterEntries) }
        // One run for the statement and for the plan's other readings (`Alternatives`).
        let context = ContextLines(otherWorkbooks)
        let besides = context.lines + (truth?.missingLines ?? [])
        let run = try CommissionEngine.run(
            plan: plan, roster: rosterEntries, lines: besides.isEmpty ? deals.lines : deals.lines + besides,
            carried: carried, explaining: keepingStatementLines)
        progress("pricing the rows", 0, 0)
        var (statement, amounts) = try EngineAmounts.calculate(
            run, rows: deals.lines, keepingLines: keepingStatementLines)
        truth?.leaveOutUnpricedDeals(&statement)
        if !context.lines.isEmpty {
            var own = Set<RepPeriod>()
            for line in deals.lines {
                if let reference = amounts.rows[line.row]?.line {
                    own.insert(RepPeriod(rep: reference.rep.normalizedKey, period: reference.period))
                }
            }
            context.keepOwn(&statement, repPeriods: own)
        }
        var findings: [Finding] = []
        var staleInputs: [String: StaleFindings.Input] = [:]
        var sheetTotals: [RepPeriod: SheetTotal] = [:]
        var result = Reconciliation(findings: [], statement: statement, mappingNotes: [], sheetTotals: [:])
        // The rows are held by the context alone, let go at the end of this block: the precedent
        // walk after it needs only the findings (a million rows are ~150 MB).
        do {
            var context = RowContext(
                plan: plan, roster: rosterEntries, deals: consume deals, statement: statement, amounts: consume amounts,
                copies: copies)
            let deals = context.deals
            context.rateScale = RateScale.of(deals)
            context.readBonusesOnSummary(workbook.summary)
            if let source, let truth {
                context.sheetLines = truth.sheetLines
                context.sourceName = (source.file as NSString).lastPathComponent
            }
            progress("explaining each row", 0, 0)
            // The engine's stages keep every core busy; the findings after them leave one idle
            // for long stretches, where the formula check runs.
            formulas.beginCheckBeside()
            // The run is let go once the rows are explained: the later stages need only the statement.
            findings = RowFindings.compute(context, run: consume run, workbook: formulas.workbook)
            // Deals paid twice in a column per period; the own cells of those paid in parts are
            // right, before the totals over them are checked.
            let paidAgain = PaidAgainFindings.compute(context, rowFindings: &findings)
            // Rows of reps on no roster are wrong rows the totals over them add up.
            findings += RepIdentity.findings(identities, context: context)
            // So are the rows the trusted source says are wrong, and the lines the workbook lacks.
            if let source, let truth {
                SourceFindings.add(SourceFindings.compute(source, truth: truth, context: context), to: &findings)
            }
            progress("checking the totals", 0, 0)
            findings += TotalRowFindings.compute(context, rowFindings: findings)
            findings += UnreadableFindings.skippedRows(deals)
            findings += ClawbackRowFindings.compute(context)
            findings += paidAgain
            let summary = workbook.summary
            var summaryNote: String?
            // Gathered apart and added after: added to the row findings the summaries read, the
            // row findings would be copied.
            var totalsFindings: [Finding] = []
            var summaryCompared = false
            if let summary {
                var note = ""
                totalsFindings += SummaryFindings.compute(
                    summary, context: context, rowFindings: findings, sheetTotals: &sheetTotals, note: &note,
                    compared: &summaryCompared)
                summaryNote = note
            }
            var summaryNotes = summary.map { [($0.name, summaryNote ?? "")] } ?? []
            // Summaries of other periods (a summary per year), each compared as the first is.
            for other in workbook.otherSummaries {
                var note = ""
                totalsFindings += SummaryFindings.compute(
                    other, context: context, rowFindings: findings, sheetTotals: &sheetTotals, note: &note,
                    compared: &summaryCompared)
                summaryNotes.append((other.name, note))
            }
            // Summaries of the reps' years beside the plan's: each year the sum of its periods,
            // split as the summary beside splits its figures.
            for yearly in workbook.yearlySummaries {
                var note = ""
                totalsFindings += SummaryFindings.compute(
                    yearly, context: context, rowFindings: findings, sheetTotals: &sheetTotals, note: &note,
                    compared: &summaryCompared, namingEveryRep: false, splitLike: summary)
                summaryNotes.append((yearly.name, note))
            }
            var blockNotes: [String] = []
            for block in workbook.repTotals {
                var note = ""
                totalsFindings += SummaryFindings.compute(
                    block, context: context, rowFindings: findings, sheetTotals: &sheetTotals, note: &note,
                    compared: &summaryCompared, namingEveryRep: false)
                let rows = "rows \(block.rows.first!.row)–\(block.rows.last!.row)"
                blockNotes.append(
                    note.replacingOccurrences(
                        of: "summary, header row \(block.headerRow)",
                        with: "per-rep totals kept with its deals, \(rows)"))
            }
            // A tab adding up the same cell of the tabs whose figures were compared (`ThreeDSums`).
            if let formulaWorkbook = formulas.workbook {
                totalsFindings += ThreeDSums.findings(
                    formulaWorkbook,
                    compared: ThreeDSums.compared(
                        in: (summary.map { [$0] } ?? []) + workbook.otherSummaries + workbook.repTotals),
                    totals: totalsFindings, tolerance: plan.tolerance)
            }
            try HandKeptWorkbook.requireCompared(
                deals, summaries: summaryNotes.map(\.0) + workbook.repTotals.map(\.name),
                compared: summaryCompared || !totalsFindings.isEmpty || !findings.isEmpty)
            findings += totalsFindings
            progress("checking the rate tables and the rest", 0, 0)
            findings += UnreadableRows.findings(deals, besides: findings)
            formulas.settle()
            findings += RateTableFindings.compute(context, findings: &findings, workbook: formulas.workbook)
            result.mappingNotes =
                WorkbookReport.lines(deals: deals, summaries: summaryNotes)
                + blockNotes + identities.notes + copiedSheetNotes
            // A note among the deals is no deal row left out: a payroll from the statement misses nothing.
            result.rowsOfUnknownReps = identities.unknown.map { (DealsTable.sheetRow($0.line.row), $0.line.rep) }
            result.skippedRows = deals.skipped.filter { !$0.isNote }.map {
                DealsTable.sheetRow($0.row)
            }
            result.commissionsUnread = deals.sheets.compactMap { sheet in
                guard sheet.mapping.columns[.commission] == nil, let headers = sheet.mapping.tied[.commission] else {
                    return nil
                }
                return (sheet.name ?? (deals.file as NSString).lastPathComponent, headers)
            }
            if keepingLines { result.lines = deals.lines }
            staleInputs = StaleFindings.inputs(formulas.staleCells, context: context)
        }
        progress("tracing the formulas", 0, 0)
        StaleFindings.add(formulas.staleCells, tolerance: plan.tolerance, inputs: staleInputs, to: &findings)
        FindingPrecedents.link(&findings, formulas: formulas.workbook)
        Finding.sortByCost(&findings)
        RateTableFindings.group(&findings)
        if let note = formulas.note { result.mappingNotes.append(note) }
        result.findings = findings
        result.sheetTotals = sheetTotals
        return result
    }
}

extension Reconciler {
    /// The deal lines of `workbook` as `reconcile` gives them to the engine: reps resolved
    /// against the roster (the plan's reps when empty), rows that copy an earlier row and sheets
    /// that show another's rows left out. For `reconcile`'s `otherWorkbooks`.
    public static func engineLines(of workbook: HandKeptWorkbook, plan: Plan, roster: [RosterEntry]) -> [CreditLine] {
        var deals = workbook.deals
        _ = linesForTheEngine(&deals, roster: roster.isEmpty ? plan.reps : roster, formulas: workbook.formulas.workbook)
        return deals.lines
    }

    /// Readies `deals` for the engine: credit notes told from clawback rows (`CreditNotes`), reps
    /// resolved against `roster`, rows that copy an earlier
    /// row taken out (returned with the row each copies), sheets that show another's rows left out.
    static func linesForTheEngine(
        _ deals: inout DealsTable, roster: [RosterEntry], formulas: FormulaWorkbook?
    ) -> (identities: RepIdentity.Resolution, copies: [CopiedRow], copiedSheetNotes: [String]) {
        CreditNotes.separate(&deals, roster: roster)
        let identities = RepIdentity.resolve(&deals, roster: roster)
        let (copies, notes) = CopiedSheets.leaveOut(
            DuplicateRows.takeCopies(from: &deals, roster: roster), from: &deals, formulas: formulas)
        let (current, stale) = CopiedSheets.leaveOutStale(copies, from: &deals)
        return (identities, current, notes + stale)
    }
}

/// The deal lines of the other workbooks of one run, which the engine prices beside a
/// workbook's own but which are not its rows: each is given a row of its own that names no sheet
/// of the workbook (`DealsTable.sheetOrdinal` from `firstOrdinal` on), so that no finding, row
/// amount or reading takes it for one of the workbook's rows.
struct ContextLines {
    /// Past every sheet a workbook can have (`RowAmountsTable` slots ordinals below 4,096).
    static let firstOrdinal = 1 << 20
    let lines: [CreditLine]

    init(_ workbooks: [[CreditLine]]) {
        var lines: [CreditLine] = []
        for (number, workbook) in workbooks.enumerated() {
            for (index, line) in workbook.enumerated() {
                var line = line
                line.row = (Self.firstOrdinal + number) << 32 | index
                lines.append(line)
            }
        }
        self.lines = lines
    }

    static func isContext(_ row: Int) -> Bool { DealsTable.sheetOrdinal(row) >= firstOrdinal }

    /// Keeps of `statement` the rep-periods of `own` (those of the workbook's own rows: their
    /// totals run over every file's lines), the lines of its own rows or of no row, and the
    /// issues about its own rows or no row.
    func keepOwn(_ statement: inout Statement, repPeriods own: Set<RepPeriod>) {
        statement.issues.removeAll { issue in !issue.rows.isEmpty && issue.rows.allSatisfy(Self.isContext) }
        statement.reps.removeAll { !own.contains(RepPeriod(rep: $0.rep.normalizedKey, period: $0.period)) }
        statement.lineGroups = statement.lineGroups.map { group in
            group.filter { line in
                line.row.map { !Self.isContext($0) }
                    ?? own.contains(RepPeriod(rep: line.rep.normalizedKey, period: line.period))
            }
        }
    }
}

/// Rows that could not be read: never dropped in silence, each is an `unreadable` finding at the
/// first cell that could not be read (plan-format.md §7, "Every row is accounted for").
enum UnreadableRows {
    /// Rows the reader reported but did not skip; a row already among `found` is not named twice,
    /// nor a row that holds no figure (`SkippedRow.isNote`).
    static func findings(_ deals: DealsTable, besides found: [Finding]) -> [Finding] {
        var seen = Set(found.filter { $0.cause == .unreadable }.map { "\($0.sheet)|\($0.cell.row)" })
        let notes = Set(deals.skipped.filter(\.isNote).flatMap(\.failures).map(\.location))
        return deals.diagnostics.compactMap { diagnostic in
            guard let cell = diagnostic.location.cell, !notes.contains(diagnostic.location) else { return nil }
            let sheet = diagnostic.location.sheet ?? (deals.file as NSString).lastPathComponent
            guard seen.insert("\(sheet)|\(cell.row)").inserted else { return nil }
            return Finding(
                sheet: sheet, cell: cell, dealID: nil, rep: nil, period: nil, manual: nil, manualText: nil,
                expected: 0, causes: [.unreadable], explanation: "the row is not read: \(diagnostic.reason)",
                isDerived: false)
        }
    }
}
