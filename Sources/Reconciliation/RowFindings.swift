import Commission
import Formula
import Foundation
import Ingest
import Spreadsheet

/// Row-level findings: each row's manual commission (and bonus) against the engine's.
enum RowFindings {
    /// The findings of the rows of `context`; `run` is the run its statement was computed from,
    /// priced again under the readings a sheet's author may have used (`Alternatives`).
    /// `workbook` holds the commission formulas' texts, for the rows whose cause reads them.
    static func compute(_ context: RowContext, run: Run, workbook: FormulaWorkbook?) -> [Finding] {
        let engine = context.engine
        let hasBonusColumn = !context.rowsHoldBonus
        func expectedCommission(_ row: Int) -> Decimal {
            context.commissionsOfAllReps
                ? context.expectedCommission(ofRow: row, withBonus: !hasBonusColumn)
                : engine.amount(ofRow: row, withBonus: !hasBonusColumn)
        }
        // Rows beyond the tolerance get a cause; rows not exactly right may read their formula.
        let triage = Triage.of(context)
        let differing = Set(triage.differing)
        var (asked, inexact) = (triage.asked, triage.inexact)
        // A column pasted as text throughout is the sheet's way of keeping it, read as such (the
        // report counts it); a right figure stored as text among numbers is a `text_number` finding.
        let textAmongNumbers = triage.rightTexts.filter { sheet, _ in
            let counts = triage.figures[sheet, default: (0, 0)]
            return !Triage.keptAsText(texts: counts.texts, of: counts.all)
        }
        if !textAmongNumbers.isEmpty {
            let rows = textAmongNumbers.values.joined()
            inexact = (inexact + rows).sorted()
            asked = (asked + rows).sorted()
        }
        let formulas = CommissionFormulas(context, workbook: workbook, asked: asked)
        let alternatives = Alternatives(context: context, run: run, rows: differing, among: inexact)
        var findings: [Finding] = []
        // The sheets whose rows have commissions, found at the first blank cell (most runs meet none).
        var sheetsWithCommissions: Set<Int>?
        func hasCommissions(_ sheet: Int) -> Bool {
            if sheetsWithCommissions == nil {
                sheetsWithCommissions = Set(
                    context.deals.manual.lazy.filter {
                        ($0.commission?.value ?? .empty) != .empty || $0.commissionHasFormula
                    }.map { DealsTable.sheetOrdinal($0.row) })
            }
            return sheetsWithCommissions?.contains(sheet) ?? false
        }
        for index in inexact {
            let line = context.deals.lines[index]
            let found = engine[line.row]
            let expected = expectedCommission(line.row)
            // A formula without a value is not blank: its finding says what it is.
            guard let cell = context.deals.manual[index].commission, cell.value != .empty || cell.hasFormula else {
                // A blank commission cell on a sheet whose other rows have theirs: the plan pays it,
                // the sheet pays nothing.
                guard expected != 0, hasCommissions(DealsTable.sheetOrdinal(line.row)),
                    let column = context.deals.mapping(ofRow: line.row).columns[.commission]
                else { continue }
                var finding = base(
                    context, line: line, reference: found?.line, column: column, cell: nil, expected: expected)
                finding.causes = [.unexplained]
                finding.explanation =
                    "the commission cell is blank; the plan pays \(expected.groupedMoneyText) for this row"
                findings.append(finding)
                continue
            }
            let column = cell.column
            var finding = base(
                context, line: line, reference: found?.line, column: column, cell: cell.value, shown: cell.shownText,
                expected: expected)
            // Equal figures were passed over above: a match here differs within the tolerance.
            if let value = finding.manual, finding.manualText == nil, context.matches(value, expected) {
                finding.causes = [.rounding]
                finding.explanation = "within the plan's tolerance of \(context.plan.tolerance.moneyText)"
                findings.append(finding)
                continue
            }
            // The row's one commission for its reps together: no reading of one line's explains it.
            if let parts = Self.repsTogether(context, row: line.row) {
                let sum = parts.map { "\($0.rep) \($0.amount.groupedMoneyText)" }.joined(separator: " + ")
                let only = parts.filter { context.matches(finding.manual ?? 0, $0.amount) }.map(\.rep)
                finding.causes = [.unexplained]
                finding.explanation =
                    "the row's commission is its reps' together: \(sum) = \(expected.groupedMoneyText)"
                    + (only.isEmpty ? "" : "; the sheet pays \(only[0])'s line alone")
                findings.append(finding)
                continue
            }
            let reasons = RowCauses(
                context: context, alternatives: alternatives, index: index, engine: found, formulas: formulas)
            (finding.causes, finding.explanation) = reasons.explain(
                manual: finding.manual, isText: finding.manualText != nil, cell: cell, expected: expected)
            finding.wrongInput = reasons.wrongRateInput(causes: finding.causes, cell: cell)
            findings.append(finding)
        }
        for copy in context.copies {
            guard let cell = copy.manual.commission else { continue }
            let column = cell.column
            var finding = base(
                context, line: copy.line, reference: engine[copy.original]?.line, column: column,
                cell: cell.value, shown: cell.shownText,
                expected: 0)
            guard finding.manual != 0 || finding.manualText != nil else { continue }
            finding.causes = [.duplicateLine]
            finding.explanation =
                "row \(context.place(copy.line.row).row) repeats \(context.placeText(copy.original, from: copy.line.row)) "
                + (copy.isRedated
                    ? "(same deal, rep and amount, dated \(copy.line.date): with it the deal's splits add up to more than 100%)"
                    : "(same deal, rep, date and amount)") + "; it earns nothing"
            findings.append(finding)
        }
        if hasBonusColumn { findings += bonusFindings(context, engine: engine) }
        return findings
    }

    /// The reps and amounts of the lines of the row keyed `row` when its one commission is its
    /// reps' together and it names more than one (`ColumnMapping.commissionOfAllReps`); nil otherwise.
    static func repsTogether(_ context: RowContext, row: Int) -> [(rep: String, amount: Decimal)]? {
        guard context.commissionsOfAllReps, DealsTable.otherRep(row) == 0 else { return nil }
        let mapping = context.deals.mapping(ofRow: row)
        guard mapping.commissionOfAllReps else { return nil }
        let hasBonusColumn = !context.rowsHoldBonus
        let keys = [row] + mapping.otherReps.indices.map { DealsTable.otherRepKey(row, number: $0 + 1) }
        let parts = keys.compactMap { key in
            context.engine[key].map { found in
                (found.line?.rep ?? "", context.engine.amount(ofRow: key, withBonus: !hasBonusColumn))
            }
        }
        return parts.count > 1 ? parts : nil
    }

    /// A finding for `line`'s cell in `column`, located and valued, its causes still to be named;
    /// `shown` is the text the cell holds when `cell` writes it again in its column's style.
    static func base(
        _ context: RowContext, line: CreditLine, reference: LineReference?, column: Int, cell: CellValue?,
        shown: String? = nil, expected: Decimal
    ) -> Finding {
        let (value, isText) = cell.map { Decimal.fromCell($0) } ?? (0, false)
        let period =
            reference?.period
            ?? Period(containing: line.date, kind: context.plan.period, fiscalYearStart: context.plan.fiscalYearStart)
        let (sheet, row) = context.place(line.row)
        return Finding(
            sheet: sheet, cell: CellAddress(row: row, column: column), dealID: line.dealID,
            rep: reference?.rep ?? line.rep, period: period, manual: value,
            manualText: isText || value == nil ? shown ?? cell?.plainText : nil, expected: expected, causes: [],
            explanation: "", isDerived: false)
    }

    /// Each row's manual bonus against the engine's per-deal bonuses for it: the deals' rows in
    /// place (a million lines and manual cells are not copied into a list of pairs), then the copies.
    static func bonusFindings(_ context: RowContext, engine: RowAmountsTable) -> [Finding] {
        guard context.deals.mapping.columns[.bonus] != nil else { return [] }
        var findings: [Finding] = []
        let deals = context.deals
        // Each sheet's bonus cells holding a figure, and those holding it as text: a column pasted as
        // text throughout is the sheet's way of keeping it, read at its values as the commission
        // column so kept is (a right figure there is no `text_number`, a wrong one has the cause
        // its value gives). The rows first judged `text_number` are judged so again.
        var figures: [Int: (texts: Int, all: Int, row: Int)] = [:]
        var judgedText: [(finding: Int, line: Int)] = []
        deals.lines.withUnsafeBufferPointer { lines in
            deals.manual.forEachRow { index, manual in
                if let cell = manual.bonus, cell != .empty {
                    let isText = if case .text = cell { true } else { false }
                    let row = lines[index].row
                    let counts = figures[DealsTable.sheetOrdinal(row)] ?? (0, 0, row)
                    figures[DealsTable.sheetOrdinal(row)] = (
                        counts.texts + (isText ? 1 : 0), counts.all + 1, counts.row
                    )
                }
                if let finding = bonusFinding(context, engine: engine, line: lines[index], manual: manual, copied: nil)
                {
                    if finding.causes == [.textNumber] { judgedText.append((findings.count, index)) }
                    findings.append(finding)
                }
            }
        }
        // By name, as findings name their sheet (a row of each table names it).
        let textSheets = Set(
            figures.values.filter { Triage.keptAsText(texts: $0.texts, of: $0.all) }.map {
                deals.sheetName(ofRow: $0.row)
            })
        if !textSheets.isEmpty, !judgedText.isEmpty {
            var dropped: Set<Int> = []
            for (at, index) in judgedText where textSheets.contains(findings[at].sheet) {
                let again = bonusFinding(
                    context, engine: engine, line: deals.lines[index], manual: deals.manual[index], copied: nil,
                    textAsNumber: true)
                if let again { findings[at] = again } else { dropped.insert(at) }
            }
            findings = findings.enumerated().filter { !dropped.contains($0.offset) }.map(\.element)
        }
        for copy in context.copies {
            if let finding = bonusFinding(
                context, engine: engine, line: copy.line, manual: copy.manual, copied: copy.original)
            {
                findings.append(finding)
            }
        }
        return findings
    }

    /// The finding of one row's manual bonus, nil when it is right; `copied`: the row it copies.
    /// `textAsNumber`: the cell's text read at its value, in a column kept as text throughout.
    private static func bonusFinding(
        _ context: RowContext, engine: RowAmountsTable, line: CreditLine, manual cells: ManualCells, copied: Int?,
        textAsNumber: Bool = false
    ) -> Finding? {
        guard let column = context.deals.mapping(ofRow: line.row).columns[.bonus] else { return nil }
        let expected = copied == nil ? engine[line.row]?.bonus ?? 0 : 0
        // A number that is the engine's bonus exactly (nearly every row) is right: no finding made.
        if copied == nil, case (let value?, let isText) = cells.bonus.map({ Decimal.fromCell($0) }) ?? (0, false),
            !isText || textAsNumber, value == expected
        {
            return nil
        }
        let reference = engine[copied ?? line.row]?.line
        var finding = base(
            context, line: line, reference: reference, column: column, cell: cells.bonus,
            shown: cells.bonusShownText, expected: expected)
        if textAsNumber, finding.manual != nil { finding.manualText = nil }
        let manual = finding.manual ?? 0
        if manual == 0, expected == 0, copied == nil, cells.bonus?.isZeroDash == true { return nil }
        if finding.manualText == nil, finding.manual != nil, context.matches(manual, expected) {
            guard manual != expected else { return nil }
            finding.causes = [.rounding]
        } else if finding.manual == nil {
            finding.causes = [.unreadable]
        } else if copied != nil {
            // A copied row earns nothing, its figure stored as text or not.
            finding.causes = [.duplicateLine]
        } else if finding.manualText != nil {
            finding.causes = [.textNumber]
        } else if manual == 0 {
            finding.causes = [.bonusMissing]
        } else if expected == 0 {
            finding.causes = [.bonusNotDue]
        } else if line.split != 1, context.matchesComputed(manual, expected / line.split) {
            finding.causes = [.splitNotApplied]
        } else {
            finding.causes = [.unexplained]
        }
        finding.explanation =
            "bonus \(manual.groupedMoneyText), the plan pays \(expected.groupedMoneyText)"
            + (finding.cause == .bonusMissing ? "; the line qualifies for a per-deal bonus" : "")
            + (finding.cause == .bonusNotDue ? "; the line does not qualify for a per-deal bonus" : "")
            + (copied.map { "; the row repeats \(context.placeText($0, from: line.row)) and earns nothing" } ?? "")
        return finding
    }
}

/// The engine re-run under the readings a sheet's author may have used instead of the plan's.
final class Alternatives {
    enum Reading: Hashable {
        case flippedMode, perDealOrCumulative, noGate, noOverrides, otherRoundingMode
        /// The plan's per-deal cap left out, its period cap, or both: a sheet may forget one
        /// and apply the other.
        case noDealCap, noPeriodCap, noCaps
        /// The plan's own rules, every split ignored (`Run.ignoringSplits`).
        case noSplits
    }

    /// The two readings of the tiers' structure (the other mode; per deal or cumulative), which
    /// tie on a period's first rows in the lowest band.
    static let tierReadings: Set<Reading> = [.flippedMode, .perDealOrCumulative]

    private let context: RowContext
    /// The run the context's statement was computed from.
    private let run: Run
    /// Per reading, the commission of each row that may be asked about (not every row's: a
    /// million rows would be held once per reading).
    private var cache: [Reading: [Int: Decimal]] = [:]
    /// The reps whose rows need a re-run (indices into the run's reps): a rep's tiers depend on
    /// its other lines.
    private let reps: Set<Int>

    /// The manual commission of each row with a difference to explain.
    private let manual: [Int: Decimal]
    /// The rows whose commission a caller may ask for: those with a difference to explain and a
    /// number, and those whose number is stored as text (explained even within tolerance).
    private let asked: Set<Int>
    /// The asked rows' lines and what pricing them needs, worked out once for every reading.
    private lazy var askedRows = run.asking(asked, reps: reps)
    /// The rep (an index into the run's reps) of each row with a difference to explain.
    private let repOfRow: [Int: Int]
    private var reproducedCounts: [Reading: Int] = [:]

    /// Re-runs cover only the reps of `rows` (source rows with a difference to explain), priced
    /// again from `run`, the one the context's statement was computed from. `candidates`: the
    /// line indices, ascending, of every row in `rows` and of every row whose number is text.
    init(context: RowContext, run: Run, rows: Set<Int>, among candidates: [Int]) {
        self.context = context
        self.run = run
        var reps = Set<Int>()
        var repOfRow: [Int: Int] = [:]
        var manual: [Int: Decimal] = [:]
        var asked = Set<Int>()
        for index in candidates {
            let row = context.deals.lines[index].row
            if rows.contains(row) {
                reps.insert(run.book.repOfLine[index])
                repOfRow[row] = run.book.repOfLine[index]
            }
            // A formula without a value is not blank: its finding says what it is.
            guard let cell = context.deals.manual[index].commission, cell.value != .empty || cell.hasFormula else {
                continue
            }
            let (number, isText) = Decimal.fromCell(cell.value)
            guard let number else { continue }
            if rows.contains(row) { manual[row] = number }
            if rows.contains(row) || isText { asked.insert(row) }
        }
        self.reps = reps
        self.repOfRow = repOfRow
        self.manual = manual
        self.asked = asked
    }

    /// The rows with a difference whose figure is their credit at the band their rep-period's
    /// running credit had reached at them (before the row or with it), under retroactive tiers of
    /// a period: a sheet applying the tiers row by row as it goes. Only where two rows of a
    /// rep-period or more do so (plan-format.md §7: "a retroactive sheet whose rows each show
    /// another band's rate"); one row alone stays the typed rate it looks like. Worked out the
    /// first time it is asked, in one pass over the lines of the reps with a difference.
    private(set) lazy var runningBandRows: Set<Int> = {
        let tiers = context.plan.commission.tiers
        guard tiers.mode == .retroactive, tiers.basis == .period, tiers.bands.count > 1, !manual.isEmpty else {
            return []
        }
        var quotas: [RepPeriod: Decimal] = [:]
        if tiers.metric == .attainment {
            for total in context.statement.reps {
                if let quota = total.quota {
                    quotas[RepPeriod(rep: total.rep.normalizedKey, period: total.period)] = quota
                }
            }
        }
        // The lines of each rep-period of the reps with a difference, in the engine's order.
        var groups: [RepPeriod: [(date: LocalDate, row: Int, credit: Decimal, factor: Decimal?)]] = [:]
        for (index, line) in context.deals.lines.enumerated() where reps.contains(run.book.repOfLine[index]) {
            guard let priced = context.engine[line.row]?.line else { continue }
            let factor: Decimal? =
                switch context.plan.override(of: line)?.effect {
                case nil: 1
                case .multiplier(let value): value
                case .rate: nil
                }
            groups[RepPeriod(rep: priced.rep.normalizedKey, period: priced.period), default: []].append(
                (line.date, line.row, line.amount * line.split, factor))
        }
        var found: Set<Int> = []
        for (key, lines) in groups {
            if tiers.metric == .attainment, (quotas[key] ?? 0) == 0 { continue }
            // The bands as the engine prices the rep-period (thresholds of attainment times its quota).
            let bands = PricedBands(tiers, quota: quotas[key])
            func rate(at credit: Decimal) -> Decimal { bands.rates[bands.band(containing: credit)] }
            // A row at the period's own band shows nothing of the running total (its difference is
            // another's: a cap left out, a bonus): only rows at another band follow the running one.
            let periodRate = rate(at: lines.reduce(0) { $0 + $1.credit })
            var running: Decimal = 0
            var following: [Int] = []
            for line in lines.sorted(by: { ($0.date, $0.row) < ($1.date, $1.row) }) {
                let before = running
                running += line.credit
                guard let figure = manual[line.row], let factor = line.factor else { continue }
                let bonus = context.rowsHoldBonus ? context.engine[line.row]?.bonus ?? 0 : 0
                if [rate(at: before), rate(at: running)].contains(where: {
                    $0 != periodRate && context.matchesComputed(figure, line.credit * $0 * factor + bonus)
                }) {
                    following.append(line.row)
                }
            }
            if following.count >= 2 { found.formUnion(following) }
        }
        return found
    }()

    /// How many of the rows with a difference `reading` reproduces: a reading the sheet follows
    /// throughout, rather than one row that happens to fit it.
    func reproduced(under reading: Reading) -> Int {
        if let count = reproducedCounts[reading] { return count }
        let count = manual.filter { row, value in
            commission(row: row, under: reading).map { context.matches(value, $0) } ?? false
        }.count
        reproducedCounts[reading] = count
        return count
    }

    /// Whether `row`, one with a difference to explain, is the only line of its rep in the run.
    func isRepsOnlyRow(_ row: Int) -> Bool {
        repOfRow[row].map { run.lineCount(ofRep: $0) == 1 } ?? false
    }

    /// The row's commission under `reading`, or nil when the reading is the plan's own or fails.
    /// `row` is one with a difference to explain, or one whose number is stored as text.
    func commission(row: Int, under reading: Reading) -> Decimal? {
        if cache[reading] == nil {
            var plan = context.plan
            switch reading {
            case .flippedMode:
                plan.commission.tiers.mode = plan.commission.tiers.mode == .marginal ? .retroactive : .marginal
            case .perDealOrCumulative:
                plan.commission.tiers.basis = plan.commission.tiers.basis == .perDeal ? .period : .perDeal
            case .noDealCap:
                guard plan.commission.capPerDeal != nil else { return nil }
                plan.commission.capPerDeal = nil
            case .noPeriodCap:
                guard plan.commission.capPerPeriod != nil else { return nil }
                plan.commission.capPerPeriod = nil
            case .noCaps:
                // With one cap, leaving both out is leaving that one out (`noDealCap`, `noPeriodCap`).
                guard plan.commission.capPerDeal != nil, plan.commission.capPerPeriod != nil else { return nil }
                plan.commission.capPerDeal = nil
                plan.commission.capPerPeriod = nil
            case .noGate:
                guard plan.commission.gate != nil else { return nil }
                plan.commission.gate = nil
            case .noOverrides:
                guard !plan.commission.overrides.isEmpty else { return nil }
                plan.commission.overrides = []
            case .otherRoundingMode: plan.rounding.mode = plan.rounding.mode == .halfUp ? .halfEven : .halfUp
            case .noSplits: break
            }
            let priced = reading == .noSplits ? run.ignoringSplits() : run
            guard
                let amounts = try? priced.rowAmounts(
                    of: askedRows, pricedUnder: plan.commission, rounding: plan.rounding)
            else { return nil }
            var commissions: [Int: Decimal] = [:]
            for (row, amount) in amounts { commissions[row, default: 0] += amount }
            cache[reading] = commissions
        }
        return cache[reading]?[row]
    }
}
