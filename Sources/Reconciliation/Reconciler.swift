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
        let formulas = workbook.formulas
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
            if let source, let truth {
                context.sheetLines = truth.sheetLines
                context.sourceName = (source.file as NSString).lastPathComponent
            }
            progress("explaining each row", 0, 0)
            // The run is let go once the rows are explained: the later stages need only the statement.
            findings = RowFindings.compute(context, run: consume run, workbook: formulas.workbook)
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
            let summary = workbook.summary
            var summaryNote: String?
            let rowLevel = findings
            if let summary {
                var note = ""
                findings += SummaryFindings.compute(
                    summary, context: context, rowFindings: rowLevel, sheetTotals: &sheetTotals, note: &note)
                summaryNote = note
            }
            var blockNotes: [String] = []
            for block in workbook.repTotals {
                var note = ""
                findings += SummaryFindings.compute(
                    block, context: context, rowFindings: rowLevel, sheetTotals: &sheetTotals, note: &note,
                    namingEveryRep: false)
                let rows = "rows \(block.rows.first!.row)–\(block.rows.last!.row)"
                blockNotes.append(
                    note.replacingOccurrences(
                        of: "summary, header row \(block.headerRow)",
                        with: "per-rep totals kept with its deals, \(rows)"))
            }
            progress("checking the rate tables and the rest", 0, 0)
            findings += UnreadableRows.findings(deals, besides: findings)
            findings += RateTableFindings.compute(context, findings: &findings, workbook: formulas.workbook)
            result.mappingNotes =
                WorkbookReport.lines(deals: deals, summary: summary.map { ($0.name, summaryNote ?? "") })
                + blockNotes + identities.notes + copiedSheetNotes
            // A note among the deals is no deal row left out: a payroll from the statement misses nothing.
            result.rowsOfUnknownReps = identities.unknown.map { (DealsTable.sheetRow($0.line.row), $0.line.rep) }
            result.skippedRows = deals.skipped.filter { !$0.isNote }.map {
                DealsTable.sheetRow($0.row)
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
            DuplicateRows.takeCopies(from: &deals), from: &deals, formulas: formulas)
        return (identities, copies, notes)
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

/// Rows that copy an earlier row (same deal, rep, date, amount and split): the later copy earns nothing.
enum DuplicateRows {
    /// What makes two rows copies of each other: the deal and rep in compared form, the day, the
    /// amount and the split.
    private struct Key: Equatable {
        let deal: String
        let rep: String
        let day: Int
        let amount: Decimal
        let split: Decimal
    }

    /// Moves the rows that copy an earlier one out of `deals` (in place: a million lines are not
    /// copied), returning them with the row each one copies.
    static func takeCopies(from deals: inout DealsTable) -> [CopiedRow] {
        var found = find(deals.lines)
        let redated = redated(deals.lines, besides: found)
        found.merge(redated) { same, _ in same }
        guard !found.isEmpty else { return [] }
        var copies: [CopiedRow] = []
        var write = 0
        for read in deals.lines.indices {
            if let original = found[read] {
                copies.append(
                    CopiedRow(
                        line: deals.lines[read], manual: deals.manual[read], original: original,
                        isRedated: redated[read] != nil))
                continue
            }
            if write != read {
                deals.lines[write] = deals.lines[read]
                deals.manual[write] = deals.manual[read]
            }
            write += 1
        }
        deals.lines.removeLast(deals.lines.count - write)
        deals.manual.removeLast(deals.manual.count - write)
        return copies
    }

    static func find(_ lines: [CreditLine]) -> [Int: Int] {
        var seen = FirstPositions(capacity: lines.count)
        var result: [Int: Int] = [:]
        // Through a buffer, so that reading five fields does not copy (retain) whole lines.
        lines.withUnsafeBufferPointer { lines in
            func key(_ index: Int) -> Key {
                Key(
                    deal: lines[index].dealID.normalizedKey, rep: lines[index].rep.normalizedKey,
                    day: lines[index].date.dayNumber, amount: lines[index].amount, split: lines[index].split)
            }
            for index in lines.indices {
                // The deal, rep and day alone are hashed, without making their compared forms
                // (equal keys still hash alike): Foundation's hash of a Decimal costs more than the
                // rest of the key, and rows alike in those three but not in amount or split are rare.
                // Whole keys are made only where hashes meet.
                var hasher = Hasher()
                lines[index].dealID.hashNormalizedKey(into: &hasher)
                lines[index].rep.hashNormalizedKey(into: &hasher)
                hasher.combine(lines[index].date.dayNumber)
                let first = seen.first(ofHash: hasher.finalize(), at: index) { earlier in
                    key(earlier) == key(index)
                }
                if let first { result[index] = lines[first].row }
            }
        }
        return result
    }

    /// Rows that repeat an earlier row of the same deal in all but the date (the same rep, amount,
    /// split, product, type and status: a deal paid again in a later month, or on a later month's
    /// tab that dates its rows), where leaving them out makes the deal's splits add up to 100%,
    /// which with them they exceed (the engine's `split_total`): each row to the row it repeats.
    /// `found`: the rows already known as copies, which are none of these.
    static func redated(_ lines: [CreditLine], besides found: [Int: Int]) -> [Int: Int] {
        var seen = FirstPositions(capacity: lines.count)
        var repeats: [Int: Int] = [:]
        lines.withUnsafeBufferPointer { lines in
            func same(_ a: Int, _ b: Int) -> Bool {
                lines[a].dealID.normalizedKey == lines[b].dealID.normalizedKey
                    && lines[a].rep.normalizedKey == lines[b].rep.normalizedKey && lines[a].amount == lines[b].amount
                    && lines[a].split == lines[b].split && lines[a].labels == lines[b].labels
            }
            for index in lines.indices where found[index] == nil {
                var hasher = Hasher()
                lines[index].dealID.hashNormalizedKey(into: &hasher)
                lines[index].rep.hashNormalizedKey(into: &hasher)
                if let first = seen.first(ofHash: hasher.finalize(), at: index, isEqual: { same($0, index) }) {
                    repeats[index] = first
                }
            }
        }
        guard !repeats.isEmpty else { return [:] }
        // The splits of each deal repeated, with and without its repeats.
        let deals = Set(repeats.keys.map { lines[$0].dealID.normalizedKey })
        func hash(_ line: CreditLine) -> Int {
            var hasher = Hasher()
            line.dealID.hashNormalizedKey(into: &hasher)
            return hasher.finalize()
        }
        // Each line's deal in compared form is made only where its hash is a repeated deal's.
        let hashes = Set(repeats.keys.map { hash(lines[$0]) })
        var total: [String: Decimal] = [:]
        for (index, line) in lines.enumerated() where found[index] == nil && hashes.contains(hash(line)) {
            let deal = line.dealID.normalizedKey
            guard deals.contains(deal) else { continue }
            total[deal, default: 0] += line.split
        }
        var repeated: [String: Decimal] = [:]
        for index in repeats.keys { repeated[lines[index].dealID.normalizedKey, default: 0] += lines[index].split }
        var result: [Int: Int] = [:]
        for (index, first) in repeats {
            let deal = lines[index].dealID.normalizedKey
            guard let all = total[deal], all - (repeated[deal] ?? 0) == 1 else { continue }
            result[index] = lines[first].row
        }
        return result
    }
}

/// A row that repeats an earlier one: it should earn nothing.
struct CopiedRow {
    let line: CreditLine
    let manual: ManualCells
    /// The row it copies.
    let original: Int
    /// Whether it copies the row under another date (`DuplicateRows.redated`).
    var isRedated = false
}
