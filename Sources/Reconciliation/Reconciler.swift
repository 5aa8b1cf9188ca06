import Commission
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
    /// read like any deals file (`DealsReader.read`). `carried`: draw balances from periods paid
    /// before (a ledger's). `progress` hears what stage the work is in. `keepingLines`: the result
    /// keeps the deal lines the engine calculated (`Reconciliation.lines`), to calculate them again
    /// with other workbooks' lines. `explaining`: false leaves the statement's line explanations
    /// empty (a million of them are ~80 MB), for callers that show or record no lines.
    public static func reconcile(
        _ workbook: consuming HandKeptWorkbook, plan: Plan, roster: [RosterEntry], source: DealsTable? = nil,
        carried: CarriedBalances = .none, keepingLines: Bool = false, explaining: Bool = true,
        progress: @escaping (_ stage: String, _ done: Int64, _ total: Int64) -> Void = { _, _, _ in }
    ) throws -> Reconciliation {
        var deals = workbook.takeDeals()
        let formulas = workbook.formulas
        progress("comparing with the plan", 0, 0)
        let rosterEntries = roster.isEmpty ? plan.reps : roster
        let identities = RepIdentity.resolve(&deals, roster: rosterEntries)
        let copies = DuplicateRows.takeCopies(from: &deals)
        // One run for the statement and for the plan's other readings (`Alternatives`).
        let run = try CommissionEngine.run(
            plan: plan, roster: rosterEntries, lines: deals.lines, carried: carried, explaining: explaining)
        let statement = try run.statement()
        var context = RowContext(
            plan: plan, roster: rosterEntries, deals: deals, statement: statement, copies: copies)
        context.rateScale = RateScale.of(deals)
        // The run is let go once the rows are explained: the later stages need only the statement.
        var findings = RowFindings.compute(context, run: consume run)
        findings += TotalRowFindings.compute(context, rowFindings: findings)
        findings += UnreadableFindings.skippedRows(deals, sheet: context.sheetName)
        var sheetTotals: [RepPeriod: SheetTotal] = [:]
        let summary = workbook.summary
        var summaryNote: String?
        if let summary {
            var note = ""
            findings += SummaryFindings.compute(
                summary, context: context, rowFindings: findings, sheetTotals: &sheetTotals, note: &note)
            summaryNote = note
        }
        findings +=
            UnreadableRows.findings(deals, besides: findings) + RepIdentity.findings(identities, context: context)
        findings += RateTableFindings.compute(context, findings: &findings, workbook: formulas.workbook)
        if let source { findings += try SourceFindings.compute(source, context: context) }
        StaleFindings.add(formulas.staleCells, to: &findings)
        FindingPrecedents.link(&findings, formulas: formulas.workbook)
        findings.sort {
            abs($0.difference) > abs($1.difference)
                || (abs($0.difference) == abs($1.difference) && ($0.sheet, $0.cell) < ($1.sheet, $1.cell))
        }
        RateTableFindings.group(&findings)
        var notes =
            WorkbookReport.lines(deals: deals, summary: summary.map { ($0.name, summaryNote ?? "") })
            + identities.notes
        if let note = formulas.note { notes.append(note) }
        var result = Reconciliation(
            findings: findings, statement: statement, mappingNotes: notes, sheetTotals: sheetTotals)
        result.skippedRows = deals.skipped.map(\.row)
        if keepingLines { result.lines = deals.lines }
        return result
    }
}

/// Rows that could not be read: never dropped in silence, each is an `unreadable` finding at the
/// first cell that could not be read (plan-format.md §7, "Every row is accounted for").
enum UnreadableRows {
    /// Rows the reader reported but did not skip; a row already among `found` is not named twice.
    static func findings(_ deals: DealsTable, besides found: [Finding]) -> [Finding] {
        var seen = Set(found.filter { $0.cause == .unreadable }.map { "\($0.sheet)|\($0.cell.row)" })
        return deals.diagnostics.compactMap { diagnostic in
            guard let cell = diagnostic.location.cell else { return nil }
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
    /// Line index → the row it copies.
    private struct Key: Hashable {
        let deal: String
        let rep: String
        let day: Int
        let amount: Decimal
        let split: Decimal
    }

    /// Moves the rows that copy an earlier one out of `deals` (in place: a million lines are not
    /// copied), returning them with the row each one copies.
    static func takeCopies(from deals: inout DealsTable) -> [CopiedRow] {
        let found = find(deals.lines)
        guard !found.isEmpty else { return [] }
        var copies: [CopiedRow] = []
        var write = 0
        for read in deals.lines.indices {
            if let original = found[read] {
                copies.append(CopiedRow(line: deals.lines[read], manual: deals.manual[read], original: original))
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
        var seen = FirstPositions<Key>(capacity: lines.count)
        var result: [Int: Int] = [:]
        // Through a buffer, so that reading five fields does not copy (retain) whole lines.
        lines.withUnsafeBufferPointer { lines in
            func key(_ index: Int) -> Key {
                Key(
                    deal: lines[index].dealID.normalizedKey, rep: lines[index].rep.normalizedKey,
                    day: lines[index].date.dayNumber, amount: lines[index].amount, split: lines[index].split)
            }
            for index in lines.indices {
                if let first = seen.first(of: key(index), at: index, keyAt: key) { result[index] = lines[first].row }
            }
        }
        return result
    }
}

/// What the engine pays one source row, and where its commission line is in the statement
/// (a position, not a copy: a million rows would otherwise hold the statement twice).
struct RowAmounts {
    var commission: Decimal = 0
    var bonus: Decimal = 0
    var group: Int32 = -1
    var index: Int32 = -1
}

/// The engine's amounts per source row: held by row, not hashed (a million rows would make a
/// dictionary of a million entries). The rows of the deals' lines have a slot found from the
/// row's sheet and sheet row; any other row is kept in a dictionary.
struct RowAmountsTable {
    /// Per sheet (the row's upper half): each sheet row's slot in `amounts`, -1 for none.
    private var slots: [[Int32]] = []
    private var amounts: [RowAmounts] = []
    /// Whether the slot's row has a line in the statement.
    private var held: [Bool] = []
    private var others: [Int: RowAmounts] = [:]

    /// Slots for `rows` (`count` of them); the slots take about four times as many entries as
    /// rows at most, beyond that rows are in the dictionary.
    init(rows: some Sequence<Int>, count: Int) {
        var lengths: [Int] = []
        for row in rows where row >= 0 {
            let (sheet, own) = (DealsTable.sheetOrdinal(row), DealsTable.sheetRow(row))
            guard sheet < 4096, own < 1 << 21 else { continue }
            if sheet >= lengths.count { lengths += repeatElement(0, count: sheet + 1 - lengths.count) }
            lengths[sheet] = max(lengths[sheet], own + 1)
        }
        var budget = 4 * count + 1024
        slots = lengths.map { length in
            guard length <= budget else { return [] }
            budget -= length
            return [Int32](repeating: -1, count: length)
        }
        for row in rows {
            guard let (sheet, own) = place(row), slots[sheet][own] < 0 else { continue }
            slots[sheet][own] = Int32(amounts.count)
            amounts.append(RowAmounts())
        }
        held = [Bool](repeating: false, count: amounts.count)
    }

    private func place(_ row: Int) -> (Int, Int)? {
        guard row >= 0 else { return nil }
        let (sheet, own) = (DealsTable.sheetOrdinal(row), DealsTable.sheetRow(row))
        return sheet < slots.count && own < slots[sheet].count ? (sheet, own) : nil
    }

    private func slot(_ row: Int) -> Int? {
        guard let (sheet, own) = place(row) else { return nil }
        let slot = slots[sheet][own]
        return slot >= 0 ? Int(slot) : nil
    }

    /// The row's amounts, nil when the statement has no line of it.
    subscript(row: Int) -> RowAmounts? {
        guard let slot = slot(row) else { return others[row] }
        return held[slot] ? amounts[slot] : nil
    }

    /// Changes the row's amounts (from none when it has none yet).
    mutating func update(_ row: Int, _ change: (inout RowAmounts) -> Void) {
        guard let slot = slot(row) else { return change(&others[row, default: RowAmounts()]) }
        held[slot] = true
        change(&amounts[slot])
    }
}

/// Where a `RowContext` keeps its engine amounts once worked out.
final class EngineAmounts {
    var table: RowAmountsTable?
}

/// A row that repeats an earlier one: it should earn nothing.
struct CopiedRow {
    let line: CreditLine
    let manual: ManualCells
    /// The row it copies.
    let original: Int
}

/// What the row-level and summary comparisons share.
struct RowContext {
    let plan: Plan
    let roster: [RosterEntry]
    /// The deals as read, without the copied rows: what the engine calculated.
    let deals: DealsTable
    let statement: Statement
    let copies: [CopiedRow]
    /// What a rate cell's number is multiplied by to be a fraction: 1, or 1/100 when the sheet
    /// writes rates in whole percent (`5` for 5%).
    var rateScale: Decimal = 1
    /// `engine`, once worked out (shared by the context's copies).
    let engineAmounts = EngineAmounts()

    /// Row `index`'s rate cell as a fraction (a sheet's whole percents scaled by `rateScale`).
    func manualRate(_ index: Int) -> Decimal? {
        deals.manual[index].rate.flatMap { Decimal.fromCell($0).number }.map { $0 * rateScale }
    }

    var sheetName: String { deals.sheet ?? (deals.file as NSString).lastPathComponent }

    /// The sheet and the sheet's own row of a line's `row` (deals may span several sheets).
    func place(_ row: Int) -> (sheet: String, row: Int) { (deals.sheetName(ofRow: row), DealsTable.sheetRow(row)) }

    /// `row 12`, or `'Ana Lima' row 12` when `row` is on another sheet than `from`.
    func placeText(_ row: Int, from: Int) -> String {
        let (sheet, own) = place(row)
        return sheet == place(from).sheet ? "row \(own)" : "\(Location.quotedSheetName(sheet)) row \(own)"
    }

    /// The engine's amounts per source row in `statement`, by kind, with where the row's
    /// commission line is.
    func amounts(in statement: Statement) -> RowAmountsTable {
        var result = RowAmountsTable(rows: deals.lines.lazy.map(\.row), count: deals.lines.count)
        for group in statement.lineGroups.indices {
            // Through a buffer, so that reading three fields does not copy (retain) whole lines.
            statement.lineGroups[group].withUnsafeBufferPointer { lines in
                for index in lines.indices {
                    guard let row = lines[index].row else { continue }
                    switch lines[index].kind {
                    case .commission:
                        result.update(row) {
                            $0.commission += lines[index].amount
                            $0.group = Int32(group)
                            $0.index = Int32(index)
                        }
                    case .bonus: result.update(row) { $0.bonus += lines[index].amount }
                    case .trueUp, .clawback: break
                    }
                }
            }
        }
        return result
    }

    /// The engine's amounts per source row in this context's statement, worked out once for
    /// every stage that reads them.
    var engine: RowAmountsTable {
        if let known = engineAmounts.table { return known }
        let table = amounts(in: statement)
        engineAmounts.table = table
        return table
    }

    /// The commission line behind `amounts`, in this context's statement.
    func line(_ amounts: RowAmounts?) -> StatementLine? {
        guard let amounts, amounts.index >= 0 else { return nil }
        return statement.lineGroups[Int(amounts.group)][Int(amounts.index)]
    }

    /// Whether `manual` is `expected` within the plan's tolerance.
    func matches(_ manual: Decimal, _ expected: Decimal) -> Bool {
        let difference = manual - expected
        return (difference < 0 ? -difference : difference) <= plan.tolerance
    }

    /// Whether `manual` is `exact` as a sheet would write it: exact, or rounded to cents.
    func matchesComputed(_ manual: Decimal, _ exact: Decimal) -> Bool {
        matches(manual, exact) || matches(manual, exact.rounded(places: 2, mode: .halfUp))
    }
}

extension Decimal {
    /// A cell's number at Excel's precision, or the number in a text cell; nil otherwise.
    public static func fromCell(_ value: CellValue) -> (number: Decimal?, isText: Bool) {
        switch value {
        case .number(let number): return (number.excelPrecision, false)
        case .text(let text):
            if case .value(let number) = Decimal.parse(text.trimmingCharacters(in: .whitespaces)) {
                return (number, true)
            }
            return (nil, true)
        case .empty: return (0, false)
        default: return (nil, false)
        }
    }
}
