import Commission
import Foundation
import Ingest
import Spreadsheet

/// Rep-period findings: a summary sheet's totals against the engine's.
///
/// A wrong total is first read for its own mechanics (a typed value among formulas, a SUM range
/// that stops short of the data, a clawback left out of its formula); otherwise, when the row
/// errors of its rep and period add up to its difference, it is a derived finding carrying their cause.
enum SummaryFindings {
    /// The summary's findings; `note` says how the sheet was read (for the report's first lines),
    /// and `compared` is set when a figure of it was compared with the plan's (a sheet ignored, or
    /// one naming no rep-period of the run, leaves it as it was).
    /// `namingEveryRep`: whether the sheet is to hold every rep (a summary sheet; not the totals
    /// kept with one sheet's deals), so that a rep the plan pays it has no row for is said.
    /// `splitLike`: the summary whose columns say which figures the sheet's commission leaves
    /// out (bonuses, true-ups), for a sheet of years beside it that holds the commission alone.
    static func compute(
        _ sheet: SummarySheet, context: RowContext, rowFindings: [Finding], sheetTotals: inout [RepPeriod: SheetTotal],
        note: inout String, compared anyCompared: inout Bool, namingEveryRep: Bool = true,
        splitLike beside: SummarySheet? = nil
    ) -> [Finding] {
        let totals = Dictionary(
            context.statement.reps.map { (RepPeriod(rep: $0.rep.normalizedKey, period: $0.period), $0) },
            uniquingKeysWith: { a, _ in a }
        )
        // Each deals sheet's data rows, from below its header to its last row read.
        // Each row's key read where it is: the two joined with `+` were an array of them (80 MB
        // at ten million rows).
        var lastRows = [Int](repeating: 0, count: context.deals.sheets.count)
        func meet(_ key: Int) {
            let ordinal = DealsTable.sheetOrdinal(key)
            guard lastRows.indices.contains(ordinal) else { return }
            lastRows[ordinal] = max(lastRows[ordinal], DealsTable.sheetRow(key))
        }
        for cells in context.deals.manual { meet(cells.row) }
        for copy in context.copies { meet(copy.line.row) }
        let dataRows: [(sheet: String, rows: ClosedRange<Int>)] = context.deals.sheets.enumerated().map {
            ordinal, sheet in
            let name = context.deals.sheetName(ofRow: DealsTable.rowKey(sheet: ordinal, row: 0))
            let first = sheet.mapping.headerRow + 1
            return (name, first...max(first, lastRows[ordinal]))
        }
        // The row findings by position (a copy of each is a few hundred bytes, and there may be
        // a hundred thousand of them): the wrong rows of each rep-period, and its rows within the
        // tolerance, for a total that a sheet rounding otherwise puts beyond it.
        var errorsByRepPeriod: [RepPeriod: [Int32]] = [:]
        var roundedByRepPeriod: [RepPeriod: [Int32]] = [:]
        for (position, finding) in rowFindings.enumerated() where !finding.isDerived {
            guard let period = finding.period, finding.isError || finding.cause == .rounding else { continue }
            let key = RepPeriod(rep: finding.rep?.normalizedKey ?? "", period: period)
            if finding.isError {
                errorsByRepPeriod[key, default: []].append(Int32(position))
            } else {
                roundedByRepPeriod[key, default: []].append(Int32(position))
            }
        }
        func findingsAt(_ positions: [Int32]?) -> [Finding]? { positions?.map { rowFindings[Int($0)] } }
        // A row a trusted source credits to another rep (`wrong_rep`) is, to that rep's total, the
        // commission the sheet leaves out: the finding again, as the owed rep's 0 of what is owed.
        var owedByRepPeriod: [RepPeriod: [Finding]] = [:]
        for finding in rowFindings where finding.isError && !finding.isDerived {
            for share in finding.owedElsewhere {
                guard let period = share.period else { continue }
                var owed = finding
                (owed.rep, owed.period, owed.manual, owed.manualText, owed.expected) = (
                    share.rep, period, 0, nil, share.amount
                )
                owed.owedElsewhere = []
                owedByRepPeriod[RepPeriod(rep: share.rep.normalizedKey, period: period), default: []].append(owed)
            }
        }
        // Each deals sheet's bonus column: a commission total adds up the commission column and a
        // bonus total the bonus column, so the other column's wrong cells are no part of it.
        let bonusColumns = Dictionary(
            context.deals.sheets.enumerated().compactMap { ordinal, sheet in
                sheet.mapping.columns[.bonus].map {
                    (context.deals.sheetName(ofRow: DealsTable.rowKey(sheet: ordinal, row: 0)), $0)
                }
            },
            uniquingKeysWith: { a, _ in a })
        // The rows taking a deal's commission back by hand (`ClawbackRow`), beside a clawback
        // column: their wrong cells are the clawback's, no part of a commission or bonus total.
        let clawbackRows =
            sheet.columns[.clawback] == nil && beside?.columns[.clawback] == nil
            ? []
            : Set(
                context.deals.clawbackRows.map {
                    "\(context.deals.sheetName(ofRow: $0.row))!\(DealsTable.sheetRow($0.row))"
                })
        func ofColumn(_ findings: [Finding], _ field: SummaryField) -> [Finding] {
            let findings =
                clawbackRows.isEmpty || field == .clawback
                ? findings : findings.filter { !clawbackRows.contains("\($0.sheet)!\($0.cell.row)") }
            guard !bonusColumns.isEmpty, field == .commission || field == .bonus else { return findings }
            return findings.filter { (bonusColumns[$0.sheet] == $0.cell.column) == (field == .bonus) }
        }
        // Under `level: period` a rep-period's total is rounded once, the sheet's (`=ROUND(C2+D2,0)`)
        // as the plan's: it differs from the exact figures it adds up by up to a unit each way.
        let periodRounding =
            context.plan.rounding.level == .period
            ? Decimal(sign: .plus, exponent: -context.plan.rounding.places, significand: 1) : 0
        let hasBonusColumn = sheet.columns[.bonus] != nil || beside?.columns[.bonus] != nil
        let hasTrueUpColumn = sheet.columns[.trueUp] != nil || beside?.columns[.trueUp] != nil
        let hasDrawColumn = sheet.columns[.draw] != nil || beside?.columns[.draw] != nil
        let dealsHaveBonus = context.deals.mapping.columns[.bonus] != nil
        let plan = context.plan
        let periods = Set(context.statement.reps.map(\.period))
        // Whom each row names (`SummaryReps`); a misspelled name is no rep's for a period another
        // row names her in.
        var reps = SummaryReps(statement: context.statement, roster: context.roster)
        // A row of a year beside a plan of quarters or months (`YearReading`) stands for the run's
        // periods within it, read as the sheet's figures say (the first reading till then).
        let yearReadings = YearReading.readings(of: plan)
        var yearReading = yearReadings.first
        var periodsWithin: [Period: [Period]] = [:]
        func within(_ year: Period) -> [Period] {
            if let known = periodsWithin[year] { return known }
            let found = periods.filter { year.contains($0) }.sorted()
            periodsWithin[year] = found
            return found
        }
        // A quarter beside a plan of months (a tab per quarter's per-rep totals, `Q1 2026`) stands
        // for the run's months within it, as a year does, where the fiscal year starts in January:
        // its label then names calendar months, whichever year of a fiscal year it is written by.
        lazy var quarters = Set(periods.map { Period(containing: $0.start, kind: .quarter, fiscalYearStart: 1) })
        func quarterOfMonths(_ period: SummaryPeriod) -> Period? {
            guard plan.period == .month, plan.fiscalYearStart == 1, case .label(let text) = period,
                let label = PeriodLabel(text),
                let quarter = label.period(kind: .quarter, fiscalYearStart: 1, among: quarters)
            else { return nil }
            return within(quarter).isEmpty ? nil : quarter
        }
        func runPeriod(of row: SummaryRow) -> Period? {
            if let period = row.period.period(kind: plan.period, fiscalYearStart: plan.fiscalYearStart, among: periods)
            {
                return period
            }
            if let quarter = quarterOfMonths(row.period) { return quarter }
            guard let year = yearReading?.year(row.period, plan: plan), !within(year).isEmpty else { return nil }
            return year
        }
        /// The rep-periods of the plan's a row's rep-period stands for: itself, or a year's.
        func keys(_ repPeriod: RepPeriod) -> [RepPeriod] {
            guard repPeriod.period.kind != plan.period else { return [repPeriod] }
            return within(repPeriod.period).map { RepPeriod(rep: repPeriod.rep, period: $0) }
        }
        /// One of the engine's sums (`LineSums`) over the rep-periods of the plan's `repPeriod` stands for.
        func periodSum(_ repPeriod: RepPeriod, _ value: KeyPath<LineSums, Decimal>) -> Decimal {
            keys(repPeriod).reduce(Decimal(0)) { $0 + (context.repPeriodSums[$1]?[keyPath: value] ?? 0) }
        }
        func along<Value>(_ repPeriod: RepPeriod, _ table: [RepPeriod: [Value]]) -> [Value]? {
            let found = keys(repPeriod).flatMap { table[$0] ?? [] }
            return found.isEmpty ? nil : found
        }
        var namedPlainly: Set<RepPeriod> = []
        /// The figures the plan gives the rep-period of the plan's `repPeriod`: 0 for a rep of the run
        /// it pays nothing in it.
        func expectedOfPeriod(_ repPeriod: RepPeriod) -> [SummaryField: Decimal] {
            let total = totals[repPeriod]
            let sums = context.repPeriodSums[repPeriod] ?? LineSums()
            var commission = hasTrueUpColumn ? sums.commission : sums.commissionAndTrueUp
            if !hasBonusColumn && !dealsHaveBonus { commission += sums.rowBonus }
            if sheet.commissionIsNet { commission += sums.clawback }
            var figures: [SummaryField: Decimal] = [
                .commission: commission, .bonus: sums.bonus, .clawback: sums.clawback, .trueUp: sums.trueUp,
                .earned: total?.earned ?? 0, .payable: total?.payable ?? 0,
            ]
            // Under a plan without a draw a sheet's `Draw` or `Balance due` is something of its own
            // (an advance, what is left after it): no figure of the plan's to compare, nor is the
            // payable a sheet nets of its own draw (`Net Payable` `=MAX(C2-D2,0)` beside `Draw`).
            if context.plan.draw != nil {
                figures[.draw] = total?.draw ?? 0
                figures[.balance] = total?.balance ?? 0
            } else if hasDrawColumn {
                figures[.payable] = nil
            }
            return figures
        }
        /// The figures the plan gives `repPeriod`, those of its periods added up for a year (a
        /// balance carried, not added: the year's last).
        func expected(_ repPeriod: RepPeriod) -> [SummaryField: Decimal] {
            guard repPeriod.period.kind != plan.period else { return expectedOfPeriod(repPeriod) }
            let each = keys(repPeriod).map(expectedOfPeriod)
            var figures = each.reduce(into: [SummaryField: Decimal]()) { sum, figures in
                sum.merge(figures, uniquingKeysWith: +)
            }
            figures[.balance] = each.last?[.balance]
            return figures
        }
        /// The row's rep-period, its rep's id and the figures the plan gives it.
        func expectation(_ row: SummaryRow) -> (RepPeriod, String, [SummaryField: Decimal])? {
            guard let period = runPeriod(of: row), let rep = reps.rep(row.rep) else { return nil }
            let repPeriod = RepPeriod(rep: rep.key, period: period)
            guard !rep.misspelled || !namedPlainly.contains(repPeriod) else { return nil }
            return (repPeriod, keys(repPeriod).lazy.compactMap { totals[$0]?.rep }.first ?? rep.id, expected(repPeriod))
        }
        if yearReadings.count > 1 {
            let yearRows = sheet.rows.filter {
                $0.period.period(kind: plan.period, fiscalYearStart: plan.fiscalYearStart, among: periods) == nil
            }
            yearReading = YearReading.chosen(among: yearReadings, rows: yearRows, plan: plan) { reading in
                yearReading = reading
                return yearRows.count { row in
                    guard let (_, _, expected) = expectation(row),
                        let (field, manual) = SummaryField.figures.lazy.compactMap({ field in
                            row.cells[field].flatMap { Decimal.fromCell($0.value).0 }.map { (field, $0) }
                        }).first
                    else { return false }
                    return context.matches(manual, expected[field] ?? 0)
                }
            }
        }
        for row in sheet.rows {
            guard let period = runPeriod(of: row), let rep = reps.rep(row.rep), !rep.misspelled else { continue }
            namedPlainly.insert(RepPeriod(rep: rep.key, period: period))
        }
        let unread = sheet.rows.filter { runPeriod(of: $0) == nil }
        note = "sheet '\(sheet.name)': summary, header row \(sheet.headerRow)"
        if let yearReading, sheet.rows.contains(where: { runPeriod(of: $0)?.kind == .year }) {
            note += "; its years (\(yearReading.text(plan))) add up their \(plan.period.rawValue)s"
        }
        // A commission column taken under the deals' commission header for want of a figure's word
        // may share the header alone (a count of deals, a quota): compared only where half its
        // figures or more are the rep-period's sum of the deals' commission figures, or the plan's.
        if let pinned = sheet.commissionByDealsHeader {
            lazy var own = SummaryCrossTab.ownRows(context, key: reps.key(ofLine:))
            var (read, agreeing) = (0, 0)
            for row in sheet.rows {
                guard let manual = row.cells[.commission].flatMap({ Decimal.fromCell($0.value).number }),
                    let (repPeriod, _, expected) = expectation(row)
                else { continue }
                read += 1
                let rows = keys(repPeriod).compactMap { own[$0] }
                let sums = [
                    rows.reduce(0) { $0 + $1.commission }, rows.reduce(0) { $0 + $1.commission + $1.bonus },
                    expected[.commission] ?? 0,
                ]
                if sums.contains(where: { context.matches(manual, $0) }) { agreeing += 1 }
            }
            if agreeing * 2 < read {
                note =
                    "sheet '\(sheet.name)': ignored (its column '\(pinned)', headed as the deals' commission, holds no sums of the deals' commission: \(read - agreeing) of \(read) figures are not; not compared)"
                return []
            }
        }
        var summary = sheet
        if case .crossTab(let titled) = sheet.layout {
            var found = crossTabFigure(sheet, titled: titled, expectation, context: context).map {
                ($0.0, $0.agreeing, $0.read, nil as String?)
            }
            if found == nil,
                let evident = SummaryCrossTab.evidentFigure(
                    sheet, titled: titled, expectation,
                    namesNoRep: { runPeriod(of: $0) != nil && reps.rep($0.rep) == nil },
                    ownRows: { SummaryCrossTab.ownRows(context, key: reps.key(ofLine:)) },
                    dealsSheets: dataRows.map(\.sheet), context: context)
            {
                found = (evident.figure, evident.agreeing, evident.read, evident.why)
            }
            guard let (figure, agreeing, read, why) = found else {
                note = "sheet '\(sheet.name)': ignored (a rep × period table whose figures are no total of the plan's)"
                return []
            }
            summary = sheet.reading(figure: figure)
            let evidence: String = why.map { " with the plan's; a summary all the same: \($0)" } ?? ""
            note =
                "sheet '\(sheet.name)': summary, "
                + (sheet.isTransposed
                    ? "a row per period and a column per rep" : "a row per rep and a column per period")
                + ", header row \(sheet.headerRow); "
                + "figures read as \(figure.rawValue) (\(agreeing) of \(read) agree\(evidence))"
        }
        if !unread.isEmpty {
            let labels = Array(Set(unread.map { "'\($0.period.text)'" })).sorted()
            note +=
                "; \(unread.count) figure\(unread.count == 1 ? "" : "s") not compared, their period "
                + labels.prefix(5).joined(separator: ", ") + (labels.count > 5 ? ", …" : "")
                + " names no \(plan.period.rawValue) of this run"
        }
        let patterns = summary.columnCells.mapValues { FormulaForensics.ColumnPattern($0) }
        // A figure column pasted as text throughout (`1.234,56` typed in every cell) is the sheet's way
        // of keeping it, read at its values, as a deals column so kept is: a right figure there is no
        // `text_number`, and a total over it is no sum skipping it.
        let textStyles = summary.columnCells.compactMapValues { cells in
            NumberStyle.shown(
                byColumn: cells.compactMap { if case .text(let text) = $0.cell.value { text } else { nil } })
        }
        let textColumns = Set(
            summary.columnCells.compactMap { field, cells -> SummaryField? in
                let read = cells.filter { $0.cell.value != .empty }
                let texts = read.filter { if case .text = $0.cell.value { true } else { false } }
                return !read.isEmpty && RowFindings.Triage.keptAsText(texts: texts.count, of: read.count) ? field : nil
            })
        // The rows of each rep-period's commission lines, found the first time a formula is read for them.
        var linesOfRepPeriod: [RepPeriod: [Int32]]?
        func commissionLines(_ repPeriod: RepPeriod) -> [Int32] {
            if linesOfRepPeriod == nil { linesOfRepPeriod = context.engine.commissionLines(of: context.deals.lines) }
            return linesOfRepPeriod?[repPeriod] ?? []
        }
        func commissionRows(_ repPeriod: RepPeriod) -> [Int] {
            context.deals.lines.withUnsafeBufferPointer { lines in
                commissionLines(repPeriod).map { lines[Int($0)].row }
            }
        }
        // Each rep-period's clawback lines, gathered the first time a total is tried against them.
        var clawbackLines: [RepPeriod: [(row: Int?, amount: Decimal)]]?
        func clawbacks(_ repPeriod: RepPeriod) -> [(row: Int?, amount: Decimal)] {
            if clawbackLines == nil {
                var found: [RepPeriod: [(row: Int?, amount: Decimal)]] = [:]
                for line in context.statement.lineGroups.joined() where line.kind == .clawback && line.amount != 0 {
                    found[RepPeriod(rep: line.rep.normalizedKey, period: line.period), default: []].append(
                        (line.row, line.amount))
                }
                clawbackLines = found
            }
            return clawbackLines?[repPeriod] ?? []
        }
        // What each of the plan's attainment bonuses (a quota club) pays.
        let clubBonuses: [Decimal] = plan.bonuses.compactMap { bonus in
            guard case .atAttainment(_, let amount) = bonus.kind, amount != 0 else { return nil }
            return amount
        }
        // The totals that hold the clawbacks: earned, payable, and a commission said to be net.
        let netFigures: Set<SummaryField> =
            summary.commissionIsNet ? [.earned, .payable, .commission] : [.earned, .payable]
        // The other sheets' wrong figures by place, for a figure reading them one by one
        // (`=Deals!G6`, a tab's total): made when a formula first asks.
        lazy var wrongAt = Dictionary(
            rowFindings.indices.lazy.filter { rowFindings[$0].isError && rowFindings[$0].isPay }.map {
                (CellPlace(sheet: rowFindings[$0].sheet, cell: rowFindings[$0].cell), $0)
            },
            uniquingKeysWith: { a, _ in a })
        lazy var wrongSheets = Set(wrongAt.keys.map(\.sheet))
        func wrongCellsRead(_ formula: String?) -> [Finding] {
            guard let formula, formula.contains("!") else { return [] }
            return FormulaForensics.cellsRead(in: formula, sheets: wrongSheets).compactMap {
                wrongAt[$0].map { rowFindings[$0] }
            }
        }
        // The wrong commission cells of the rows whose clawbacks a clawback figure takes back,
        // in whatever period they were paid.
        func clawedBackCells(_ rows: [Int]) -> [Finding] {
            rows.compactMap { key in
                guard let column = context.deals.mapping(ofRow: key).columns[.commission] else { return nil }
                let (sheet, row) = context.place(key)
                return wrongAt[CellPlace(sheet: sheet, cell: CellAddress(row: row, column: column))].map {
                    rowFindings[$0]
                }
            }
        }
        // The wrong figures of the row a formula reads on the summary's own sheet (a payable
        // `=E2` beside its earned, wrong through the rows it adds up): the one it repeats.
        func sameRowRead(_ formula: String?, _ sameRow: [Finding]) -> [Finding] {
            guard let formula, !sameRow.isEmpty else { return [] }
            let read = Set(FormulaForensics.cellsRead(in: formula))
            return sameRow.filter { read.contains($0.cell) }
        }
        // The cells each of a row's wrong figures stands for, by its cell (an earned that is wrong
        // through the clawback beside it stands for that clawback).
        var standsFor: [CellAddress: [CellPlace]] = [:]
        // The row's wrong figures, each counted once: without those another of them stands for (a
        // typed payable repeating an earned that is wrong through the clawback beside it).
        func sameRowOnce(_ sameRow: [Finding]) -> [Finding] {
            let beneath = Set(sameRow.flatMap { standsFor[$0.cell] ?? [] })
            guard !beneath.isEmpty else { return [] }
            return sameRow.filter { !beneath.contains(CellPlace(sheet: summary.name, cell: $0.cell)) }
        }
        var findings: [Finding] = []
        // What the plan gives each figure cell compared, for the sheet's own totals.
        var expectedAt: [CellAddress: Decimal] = [:]
        // And whose figure each is, for a total over one rep's figures (a cross-tab's `Total` column).
        var ownerAt: [CellAddress: SummaryTotals.Owner] = [:]
        // The rep-periods the rows name, the rows naming no one of the run, and the misspelled names read.
        var compared: Set<RepPeriod> = []
        // And the rep-years of a summary of years (`YearReading`).
        var comparedYears: Set<RepPeriod> = []
        var unknownRows: [(row: SummaryRow, period: Period)] = []
        var misspellings: [String: String] = [:]
        // Each rep's balance as the sheet last showed it under a recoverable draw, or as its earned
        // figures make it: its period, figure and the finding it is wrong through, the balance
        // carried into the rep's next period (`DrawChain`).
        var balanceShown: [String: DrawChain.Shown] = [:]
        for row in summary.rows {
            guard let (repPeriod, repID, expected) = expectation(row) else {
                if let period = runPeriod(of: row) { unknownRows.append((row, period)) }
                continue
            }
            let period = repPeriod.period
            let ofYear = period.kind != plan.period
            if ofYear { comparedYears.insert(repPeriod) } else { compared.insert(repPeriod) }
            anyCompared = true
            let misspelled = reps.rep(row.rep)?.misspelled == true
            if misspelled { misspellings[row.rep] = reps.described(repPeriod.rep) }
            let clawedBack = keys(repPeriod).flatMap { context.repPeriodSums[$0]?.clawedBackRows ?? [] }
            // What a summary pays each rep-period (the payroll's comparison): not a year's figure.
            for field in [SummaryField.payable, .earned, .commission] where !ofYear {
                guard let cell = row.cells[field], let manual = Decimal.fromCell(cell.value).0,
                    let want = expected[field]
                else { continue }
                sheetTotals[RepPeriod(rep: repID, period: period)] = SheetTotal(manual: manual, expected: want)
                break
            }
            let rowErrors =
                (findingsAt(along(repPeriod, errorsByRepPeriod)) ?? []) + (along(repPeriod, owedByRepPeriod) ?? [])
            let roundedRows = findingsAt(along(repPeriod, roundedByRepPeriod))
            // Read by a formula's cell, once for all of them; their amounts only where a formula
            // may leave out a sheet (a rep-period's lines lie far apart among a million).
            lazy var own = keys(repPeriod).flatMap(commissionRows)
            lazy var ownAmounts = own.map { (row: $0, amount: context.engine.commission(ofRow: $0) ?? 0) }
            var sameRow: [Finding] = []
            // The balance the sheet carries into this period from the rep's period before.
            let carriedIn = balanceShown[repID].flatMap { $0.period.next == period ? $0 : nil }
            for field in SummaryField.figures {
                // A bonus, clawback or true-up cell left blank where the plan pays one, in a column the
                // other rows fill: the figure left out is the blank cell's (read as 0), not the
                // total's beside it that adds it up.
                let blankOwed =
                    row.cells[field] == nil && (field == .bonus || field == .clawback || field == .trueUp)
                    && (expected[field] ?? 0) != 0 && summary.columnCells[field]?.isEmpty == false
                let blank = blankOwed ? summary.columns[field].map { Cell(column: $0, value: .empty) } : nil
                guard let cell = row.cells[field] ?? blank, let want = expected[field] else { continue }
                let column = cell.column
                expectedAt[CellAddress(row: row.row, column: column)] = want
                ownerAt[CellAddress(row: row.row, column: column)] = SummaryTotals.Owner(rep: repID, period: period)
                let (read, isTextCell) = Decimal.fromCell(cell.value)
                let isText = isTextCell && !textColumns.contains(field)
                // A text figure whose one separator could be either (`325,452`) in the style its
                // column's other texts show.
                let value =
                    read
                    ?? (isTextCell
                        ? textStyles[field].flatMap { NumberStyle.money(inText: cell.value.plainText, style: $0) }
                        : nil)
                guard let manual = value else {
                    findings.append(
                        UnreadableFindings.total(
                            sheet: summary.name, cell: cell, at: CellAddress(row: row.row, column: column),
                            rep: repID, period: period, expected: want, what: field.rawValue))
                    continue
                }
                // A formula whose figure is right only because the wrong rows it adds up make up for
                // rows its range misses (a row copied above, the rep's last row left out) is wrong
                // all the same: once those rows are corrected its figure is not (`sum_range`).
                var offsetBy: [Finding] = []
                if context.matchesTotal(manual, want), !isText {
                    guard let formula = cell.formula, field != .clawback,
                        case let wrong = ofColumn(rowErrors, field).filter({ $0.isError && $0.isPay }),
                        !context.matches(wrong.reduce(Decimal(0)) { $0 + effect($1) }, 0),
                        !shortRanges(formula, own: own, dataRows: dataRows, context: context, home: summary.name)
                            .isEmpty
                    else { continue }
                    offsetBy = wrong
                }
                var finding = Finding(
                    sheet: summary.name, cell: CellAddress(row: row.row, column: column), dealID: nil, rep: repID,
                    period: period, manual: manual, manualText: isText ? cell.value.plainText : nil, expected: want,
                    causes: [], explanation: "", isDerived: false)
                let difference = manual - want
                var words = [
                    "\(field.rawValue) \(manual.groupedMoneyText), the plan's total is \(want.groupedMoneyText)"
                ]
                if misspelled, cell.formula != nil, manual == 0 {
                    // `=SUMIFS(…, Deals!B:B, A2)` over `Ana Lina`: no row is hers by that name.
                    finding.causes = [.wrongRep]
                    words.append(
                        "its rep '\(row.rep)' is \(reps.described(repPeriod.rep)) misspelled: a formula looking up the rep's rows by that name finds none"
                    )
                    // The name cell, spelled as the run names her, for the correction to write.
                    if let column = summary.columns[.rep], let name = reps.name(repPeriod.rep) {
                        finding.wrongInput = WrongInput(
                            cell: CellAddress(row: row.row, column: column), value: .text(name))
                    }
                } else if isText, context.matchesTotal(manual, want) {
                    // The plan's figure, stored as text in a column of numbers: nothing else is wrong
                    // with it, and a SUM over the column skips it.
                    finding.causes = [.textNumber]
                    words.append("the number is stored as text (SUM skips it)")
                } else if blank == nil, patterns[field]?.anomaly(cell, row: row.row) == .hardcodedFormula {
                    finding.causes = [.hardcodedFormula]
                    words.append("a typed value where the column has formulas")
                } else if field == .clawback,
                    case let bonuses = clawedBack.reduce(Decimal(0)) { $0 + (context.engine[$1]?.bonus ?? 0) },
                    bonuses != 0, context.matchesTotal(difference, bonuses)
                {
                    // The cancelled deals' commission taken back, their SPIFFs not (§7: a
                    // clawback reverses a line's own commission and per-deal bonuses).
                    finding.causes = [.clawbackMissed]
                    words.append(
                        "it takes back the cancelled deals' commission but not their per-deal bonuses of \(bonuses.groupedMoneyText), which the clawback reverses with the line"
                    )
                } else if field == .clawback, manual.magnitude < want.magnitude,
                    case let missed = missedClawbacks(cell.formula, rows: clawedBack, context: context),
                    !missed.isEmpty
                {
                    finding.causes = [.clawbackMissed]
                    words.append(
                        "the clawback of row " + missed.map { String(context.place($0).row) }.joined(separator: ", ")
                            + " is left out")
                } else if let formula = cell.formula,
                    case let shorts = shortRanges(
                        formula, own: own, dataRows: dataRows, context: context, home: summary.name),
                    !shorts.isEmpty
                {
                    finding.causes = [.sumRange]
                    // Each sheet's range stretched over the rep's rows there (a SUMIFS per tab, two
                    // of them stopping short of rows added since).
                    let repaired = shorts.reduce(formula) { formula, short in
                        FormulaForensics.extendingRanges(in: formula, sheet: short.formulaSheet, to: short.repaired)
                            ?? formula
                    }
                    finding.repairedFormula = repaired == formula ? nil : repaired
                    words += shorts.map { short in
                        let sheet = shorts.count > 1 ? short.formulaSheet.map { " on '\($0)'" } ?? "" : ""
                        return
                            "its range\(sheet) covers rows \(short.span.lowerBound)–\(short.span.upperBound), the rep's rows reach \(short.repaired.lowerBound)–\(short.repaired.upperBound)"
                    }
                    if !offsetBy.isEmpty {
                        words.append(
                            "its figure is right only because the wrong cells it adds up ("
                                + offsetBy.prefix(5).map { "\(Location.quotedSheetName($0.sheet))!\($0.cell)" }
                                .joined(separator: ", ") + (offsetBy.count > 5 ? ", …" : "")
                                + ") make up for the rows it leaves out")
                    }
                } else if field != .clawback, let formula = cell.formula,
                    case let left = sheetsLeftOut(
                        formula, own: ownAmounts, dataRows: dataRows, context: context),
                    !left.isEmpty
                {
                    finding.causes = [.sumRange]
                    words.append(
                        "its formula adds up other deals sheets but not "
                            + left.map { "'\($0)'" }.joined(separator: ", ") + ", which hold this rep's deals")
                } else if let formula = cell.formula, keys(repPeriod) == [repPeriod],
                    let dates = OtherPeriodDates.reading(
                        formula, period: period, manual: manual,
                        figure: { other in
                            // The other period's figure as the sheet has it: the plan's, and its wrong rows.
                            let key = RepPeriod(rep: repPeriod.rep, period: other)
                            let wrong = ofColumn(findingsAt(errorsByRepPeriod[key]) ?? [], field)
                            return wrong.reduce(expectedOfPeriod(key)[field] ?? 0) { $0 + effect($1) }
                        }, matches: context.matchesTotal)
                {
                    finding.causes = [.sumRange]
                    finding.repairedFormula = dates.repaired
                    words.append(dates.words)
                } else if let formula = cell.formula,
                    let bound = DateBound.leavingOut(
                        formula,
                        lines: { keys(repPeriod).flatMap(commissionLines).map { context.deals.lines[Int($0)] } },
                        periods: keys(repPeriod).map(\.period), difference: difference, context: context)
                {
                    finding.causes = [.sumRange]
                    finding.repairedFormula = bound.repaired
                    words.append(bound.words)
                } else if let formula = cell.formula,
                    let textDates = TextDatesLeftOut.leavingOut(
                        formula, lines: { keys(repPeriod).flatMap(commissionLines).map { Int($0) } },
                        difference: difference, context: context)
                {
                    finding.causes = [.textNumber]
                    words.append(textDates.words)
                } else if field == .clawback,
                    let cause = derivedCause(
                        difference,
                        sources: [wrongCellsRead(cell.formula), clawedBackCells(clawedBack)].map(negated),
                        tolerance: context.plan.tolerance)
                {
                    // A clawback taking back the cancelled deals' commission cells as they stand
                    // (`=-(Deals!K7)`): wrong through them, negated, and taking their
                    // overpayment back (the headline counts it so).
                    finding.causes = [cause.cause]
                    finding.isDerived = true
                    finding.reversesPrecedents = true
                    finding.precedents = cause.places
                    words.append("it takes back the wrong figure of " + cause.cells.joined(separator: ", "))
                } else if case let columnErrors = ofColumn(rowErrors, field),
                    let cause = derivedCause(
                        difference,
                        sources: [wrongCellsRead(cell.formula), sameRowRead(cell.formula, sameRow), sameRow]
                            + [columnErrors, columnErrors + sameRow]
                            + (cell.formula == nil ? [asTyped(columnErrors), asTyped(columnErrors) + sameRow] : [])
                            + (addsTextAtItsValue(cell.formula)
                                ? [asTyped(wrongCellsRead(cell.formula)), asTyped(sameRowRead(cell.formula, sameRow))]
                                : [])
                            + [sameRowOnce(sameRow)],
                        tolerance: context.plan.tolerance, rounding: periodRounding)
                        // The wrong rows beside the others' rounding (a sheet that rounds each row
                        // down): what the rows within the tolerance add up to is no part of the rest.
                        ?? derivedCause(
                            difference - (roundedRows ?? []).reduce(0) { $0 + $1.difference },
                            sources: [columnErrors], tolerance: context.plan.tolerance)
                {
                    finding.causes = [cause.cause]
                    finding.isDerived = true
                    standsFor[finding.cell] = cause.places
                    // A typed figure has no formula to follow: the cells it stands for are its
                    // precedents, so the headline counts them once (a formula's are traced).
                    if cell.formula == nil { finding.precedents = cause.places }
                    words.append("the difference comes from " + cause.cells.joined(separator: ", "))
                } else if field == .payable || field == .balance, let draw = plan.draw,
                    let total = repPeriod.period.kind == plan.period ? totals[repPeriod] : nil,
                    let source = DrawChain.source(
                        of: manual, field: field, sameRow: sameRow, earnedColumn: row.cells[.earned]?.column,
                        carriedIn: carriedIn, total: total, recoverable: draw.recoverable, context: context)
                {
                    // The draw applied to a wrong earned figure (`=MAX(D4,E4)`, a payable topped up
                    // to the draw or less what it recovers), or a recoverable draw to a wrong
                    // balance carried in from the period before: wrong through that cell alone.
                    let (wrong, place) = (
                        source.finding, CellPlace(sheet: source.finding.sheet, cell: source.finding.cell)
                    )
                    finding.causes = [wrong.cause]
                    finding.isDerived = true
                    standsFor[finding.cell] = [place]
                    if cell.formula == nil { finding.precedents = [place] }
                    words.append(
                        source.isEarned
                            ? "the draw applied to the earned figure of \(wrong.sheet)!\(wrong.cell)"
                            : "the draw's balance carried in from the period before is wrong through \(wrong.sheet)!\(wrong.cell)"
                    )
                } else if field == .bonus || field == .earned || field == .payable,
                    case let attained = periodSum(repPeriod, \.periodBonus),
                    attained != 0, context.matchesTotal(difference, -attained)
                {
                    // The per-deal bonuses added up, the period's attainment bonus (a quota club)
                    // not written in beside them.
                    finding.causes = [.bonusMissing]
                    words.append("it leaves out the plan's attainment bonus of \(attained.groupedMoneyText)")
                } else if field == .bonus || field == .earned || field == .payable,
                    periodSum(repPeriod, \.periodBonus) == 0,
                    let club = clubBonuses.first(where: { context.matchesTotal(difference, $0) })
                {
                    // A quota club paid (`=SUMIFS(…)+2000`) where the rep's attainment does not reach it.
                    finding.causes = [.bonusNotDue]
                    words.append(
                        "it adds an attainment bonus of \(club.groupedMoneyText) the plan does not pay: the rep's attainment does not reach it"
                    )
                } else if let formula = cell.formula,
                    patterns[field]?.anomaly(cell, row: row.row) == .inconsistentFormula
                        || patterns[field]?.readsOtherThanItsColumn(formula, row: row.row) == true
                {
                    // Unlike the column's others (`=SUMIFS(…,A3)` on row 4, which adds up the rep
                    // above's deals): the break is the formula.
                    finding.causes = [.inconsistentFormula]
                    words.append("the formula =\(formula) differs from the column's")
                } else if netFigures.contains(field),
                    let left = clawbacksLeftOut(
                        difference, lines: keys(repPeriod).flatMap(clawbacks), sum: expected[.clawback] ?? 0,
                        rows: clawedBack, tolerance: context.plan.tolerance)
                {
                    finding.causes = [.clawbackMissed]
                    let rows = left.sorted().map { String(context.place($0).row) }
                    words.append(
                        "it leaves out the clawback" + (left.count == 1 ? "" : "s")
                            + (rows.isEmpty
                                ? "" : " of row" + (rows.count == 1 ? " " : "s ") + rows.joined(separator: ", ")))
                } else if netFigures.contains(field),
                    let both = clawbacksLeftOutBesideWrongCells(
                        difference, sources: [sameRow, rowErrors, rowErrors + sameRow],
                        lines: keys(repPeriod).flatMap(clawbacks),
                        sum: expected[.clawback] ?? 0, rows: clawedBack, tolerance: context.plan.tolerance)
                {
                    // Its own error (the clawback left out) beside the wrong cells it adds up, which
                    // the headline counts at those cells (its precedents, when it has no formula).
                    finding.causes = [.clawbackMissed, both.cause]
                    finding.precedents = both.places
                    standsFor[finding.cell] = both.places
                    let rows = both.left.sorted().map { String(context.place($0).row) }
                    words.append(
                        "it leaves out the clawback" + (both.left.count == 1 ? "" : "s")
                            + (rows.isEmpty
                                ? "" : " of row" + (rows.count == 1 ? " " : "s ") + rows.joined(separator: ", "))
                            + "; the rest comes from " + both.cells.joined(separator: ", "))
                } else if field == .earned || field == .payable || (field == .commission && !hasTrueUpColumn),
                    case let trueUps = periodSum(repPeriod, \.trueUp),
                    trueUps != 0, context.matchesTotal(difference, -trueUps)
                {
                    finding.causes = [.unexplained]
                    words.append(
                        "it leaves out the plan's true-up of \(trueUps.groupedMoneyText) for the periods paid before")
                } else if field == .trueUp, manual == 0 {
                    // A true-up the plan pays (a year-to-date rate risen above what earlier
                    // periods paid) left out: no cause code names it (§4).
                    finding.causes = [.unexplained]
                    words.append(
                        "the plan's true-up of \(want.groupedMoneyText) for the periods paid before is left out")
                } else if field == .bonus, manual == 0 || want == 0 {
                    // A bonus the plan pays left out (a quota club not written in), or one written
                    // where the plan pays none.
                    finding.causes = [manual == 0 ? .bonusMissing : .bonusNotDue]
                    words.append(
                        manual == 0
                            ? "the plan pays a bonus of \(want.groupedMoneyText) the sheet leaves out"
                            : "the plan pays no bonus in this period")
                } else if rowErrors.isEmpty, let rounded = roundedRows,
                    abs(rounded.reduce(Decimal(0)) { $0 + $1.difference } - difference) <= context.plan.tolerance
                {
                    finding.causes = [.roundingMode]
                    finding.isDerived = true
                    words.append(
                        "the rows it adds up are rounded otherwise than the plan rounds ("
                            + rounded.prefix(5).map { "\(Location.quotedSheetName($0.sheet))!\($0.cell)" }
                            .joined(separator: ", ") + (rounded.count > 5 ? ", …" : "") + ")")
                } else if field == .earned || (field == .payable && plan.draw == nil),
                    let how = roundedOtherwise(
                        manual, want: want,
                        exact: keys(repPeriod).map { context.repPeriodSums[$0]?.earned ?? 0 },
                        rule: plan.rounding, matches: context.matches)
                {
                    finding.causes = [.roundingMode]
                    words.append(how)
                } else {
                    finding.causes = [.unexplained]
                }
                // A formula over rows within the tolerance that add up beyond it stays that far off
                // once its own cause is corrected: their rounding is a cause too, and the
                // correction rounds those rows as the plan does.
                if cell.formula != nil, !finding.causes.contains(.roundingMode),
                    !context.matches((roundedRows ?? []).reduce(Decimal(0)) { $0 + $1.difference }, 0)
                {
                    finding.causes.append(.roundingMode)
                }
                finding.explanation = words.joined(separator: "; ")
                findings.append(finding)
                sameRow.append(finding)
            }
            if !ofYear, plan.draw?.recoverable == true {
                balanceShown[repID] = DrawChain.carriedOut(
                    balance: row.cells[.balance], earned: row.cells[.earned], sameRow: sameRow, carriedIn: carriedIn,
                    period: period, total: totals[repPeriod], context: context)
            }
        }
        // Each row's running year to date (`YTD Commission`): what the plan gives its rep's periods
        // of the year up to the row's, its cause the wrong figures it adds up. The year is the
        // fiscal one, or the calendar one when the sheet's formulas say so more often (a monthly
        // sheet running its year to date from January under a fiscal year from July), else when
        // its figures agree with that more often.
        if !summary.toDateColumns.isEmpty {
            // The figures' findings so far, in their order (the explanation names them so).
            let figureFindings = findings
            let calendarFits =
                plan.fiscalYearStart != 1 && (plan.period == .month || (plan.fiscalYearStart - 1) % 3 == 0)
            let years = [plan.fiscalYearStart] + (calendarFits ? [1] : [])
            // A year-to-date cell, with its row, period, rep and figure.
            typealias ToDate = (row: SummaryRow, period: Period, key: String, cell: Cell, field: SummaryField)
            var toDate: [ToDate] = []
            for row in summary.rows where !row.toDate.isEmpty {
                guard let period = runPeriod(of: row), period.kind == plan.period, let rep = reps.rep(row.rep),
                    !rep.misspelled
                else { continue }
                for (field, cell) in row.toDate.sorted(by: { $0.value.column < $1.value.column }) {
                    toDate.append((row, period, rep.key, cell, field))
                }
            }
            func span(_ period: Period, key: String, yearStart: Int) -> [RepPeriod] {
                let year = Period(containing: period.start, kind: .year, fiscalYearStart: yearStart)
                return periods.filter { year.contains($0) && $0 <= period }.map { RepPeriod(rep: key, period: $0) }
            }
            func want(_ entry: ToDate, _ start: Int) -> Decimal {
                span(entry.period, key: entry.key, yearStart: start).reduce(Decimal(0)) {
                    $0 + (expectedOfPeriod($1)[entry.field] ?? 0)
                }
            }
            // Whether a figure's formula says its year starts as `start` has it: the first date it
            // adds up from (`">="&DATE(2026,7,1)`), or the earliest period of the rows it adds up
            // (`=C2+C3+C4`) within that year; nil when it says nothing.
            // The earliest period of the plan's kind of the summary rows on each sheet row (a
            // cross-tab's row holds several), found once.
            let periodOfRow = Dictionary(
                summary.rows.compactMap { row in
                    runPeriod(of: row).flatMap { $0.kind == plan.period ? (row.row, $0) : nil }
                },
                uniquingKeysWith: min)
            func named(_ entry: ToDate, _ start: Int) -> Bool? {
                guard let formula = entry.cell.formula else { return nil }
                let year = Period(containing: entry.period.start, kind: .year, fiscalYearStart: start)
                if let first = YearReading.firstDate(in: formula) { return first == year.start }
                let earliest = Set(FormulaForensics.cellsRead(in: formula).map(\.row)).compactMap { periodOfRow[$0] }
                    .min()
                return earliest.map(year.contains)
            }
            let naming = years.map { start in toDate.count { named($0, start) == true } }
            let agreeing = years.map { start in
                toDate.count { entry in
                    Decimal.fromCell(entry.cell.value).0.map { context.matchesTotal($0, want(entry, start)) } ?? false
                }
            }
            let counts = Set(naming).count > 1 ? naming : agreeing
            let yearStart = years[counts.firstIndex(of: counts.max() ?? 0) ?? 0]
            for entry in toDate {
                let (row, period, cell, field) = (entry.row, entry.period, entry.cell, entry.field)
                let spanned = span(period, key: entry.key, yearStart: yearStart)
                let want = want(entry, yearStart)
                let repID = totals[RepPeriod(rep: entry.key, period: period)]?.rep ?? reps.rep(row.rep)?.id
                let address = CellAddress(row: row.row, column: cell.column)
                let (value, isText) = Decimal.fromCell(cell.value)
                guard let manual = value else {
                    findings.append(
                        UnreadableFindings.total(
                            sheet: summary.name, cell: cell, at: address, rep: repID, period: period, expected: want,
                            what: "\(field.rawValue) year to date"))
                    continue
                }
                guard !context.matchesTotal(manual, want) || isText else { continue }
                var finding = Finding(
                    sheet: summary.name, cell: address, dealID: nil, rep: repID, period: period, manual: manual,
                    manualText: isText ? cell.value.plainText : nil, expected: want, causes: [.unexplained],
                    explanation: "", isDerived: false)
                var words = [
                    "\(field.rawValue) year to date \(manual.groupedMoneyText), the plan's is \(want.groupedMoneyText)"
                ]
                // The summary's own figures it adds up (`=C2+C3`), the cells it reads on other
                // sheets, the rep's figures of the year so far it stands for (typed), else the
                // wrong rows of those periods.
                let read = Set(cell.formula.map(FormulaForensics.cellsRead(in:)) ?? [])
                let standsFor = Set(
                    toDate.filter { other in
                        other.key == entry.key && other.field == field && spanned.contains { $0.period == other.period }
                    }.compactMap { other in
                        other.row.cells[field].map { CellAddress(row: other.row.row, column: $0.column) }
                    })
                let rowsOfYear = ofColumn(spanned.flatMap { findingsAt(errorsByRepPeriod[$0]) ?? [] }, field)
                if let cause = derivedCause(
                    manual - want,
                    sources: [
                        figureFindings.filter { read.contains($0.cell) }, wrongCellsRead(cell.formula),
                        cell.formula == nil ? figureFindings.filter { standsFor.contains($0.cell) } : [], rowsOfYear,
                    ], tolerance: context.plan.tolerance, rounding: periodRounding)
                {
                    finding.causes = [cause.cause]
                    finding.isDerived = true
                    if cell.formula == nil { finding.precedents = cause.places }
                    words.append("the difference comes from " + cause.cells.joined(separator: ", "))
                }
                finding.explanation = words.joined(separator: "; ")
                findings.append(finding)
            }
            note +=
                "; its year-to-date figures compared"
                + (yearStart == plan.fiscalYearStart ? "" : " over calendar years, as most of them run")
        }
        // Rows naming no one, and reps the plan pays that a summary of every rep has no row for.
        var leftOut: [Period: [RepLeftOut]] = [:]
        let held = Set(summary.columnCells.keys)
        let figure = [SummaryField.payable, .earned, .commission].first(where: held.contains)
        if namingEveryRep, let figure {
            let covered = Set(compared.map(\.period)).union(unknownRows.map(\.period))
            for total in context.statement.reps where covered.contains(total.period) {
                let repPeriod = RepPeriod(rep: total.rep.normalizedKey, period: total.period)
                guard !compared.contains(repPeriod), let amount = expected(repPeriod)[figure],
                    !context.matches(amount, 0)
                else { continue }
                leftOut[total.period, default: []].append(
                    RepLeftOut(
                        key: repPeriod.rep, rep: reps.described(repPeriod.rep), period: total.period, figure: figure,
                        amount: amount))
            }
        }
        // On a summary of years (one beside the plan's too), a rep the plan pays within a year its
        // other rows name.
        if let figure {
            for year in Set(comparedYears.map(\.period)).sorted() {
                let paid = Set(context.statement.reps.filter { year.contains($0.period) }.map(\.rep.normalizedKey))
                for rep in paid.sorted() where !comparedYears.contains(RepPeriod(rep: rep, period: year)) {
                    let repYear = RepPeriod(rep: rep, period: year)
                    guard let amount = expected(repYear)[figure], !context.matches(amount, 0) else { continue }
                    leftOut[year, default: []].append(
                        RepLeftOut(key: rep, rep: reps.described(rep), period: year, figure: figure, amount: amount))
                }
            }
        }
        let unmatched = unmatched(
            unknownRows, sheet: summary.name, leftOut: leftOut, isTeam: { reps.isTeam($0) },
            near: { reps.near($0) })
        findings += unmatched.findings
        let unsaid = leftOut.values.joined().filter {
            !unmatched.named.contains(RepPeriod(rep: $0.key, period: $0.period))
        }
        .sorted { ($0.period, $0.rep) < ($1.period, $1.rep) }
        let said =
            misspellings.sorted { $0.key < $1.key }.map { "rep '\($0.key)' read as \($0.value), its name misspelled" }
            + unmatched.notes + unsaid.prefix(5).map { "no row for \($0.text)" } + (unsaid.count > 5 ? ["…"] : [])
        if !said.isEmpty { note += "; " + said.joined(separator: "; ") }
        let findingAt = Dictionary(findings.map { ($0.cell, $0) }, uniquingKeysWith: { a, _ in a })
        return findings
            + SummaryTotals.findings(
                summary.totals, sheet: summary.name, expected: expectedAt, owners: ownerAt, findings: findingAt,
                context: context)
    }

    /// The figure a cross-tab holds: of earned, payable and commission, the one most of its cells
    /// agree with (a tie broken by the title, then in that order), with how many agree and how
    /// many were compared; nil when fewer than half agree with any (quotas, or another table).
    static func crossTabFigure(
        _ sheet: SummarySheet, titled: SummaryField?,
        _ expectation: (SummaryRow) -> (RepPeriod, String, [SummaryField: Decimal])?, context: RowContext
    ) -> (SummaryField, agreeing: Int, read: Int)? {
        var agreeing: [SummaryField: Int] = [:]
        // Cells that agree with the titled figure but for the rep-period's clawbacks left out.
        var clawbacksOnly = 0
        var read = 0
        for row in sheet.rows {
            guard let cell = row.cells[.earned], let manual = Decimal.fromCell(cell.value).0,
                let (_, _, expected) = expectation(row)
            else { continue }
            read += 1
            for field in SummaryCrossTab.candidates where context.matches(manual, expected[field] ?? 0) {
                agreeing[field, default: 0] += 1
            }
            if let titled, titled != .commission, let clawback = expected[.clawback], clawback != 0,
                context.matches(manual + clawback, expected[titled] ?? 0)
            {
                clawbacksOnly += 1
            }
        }
        let best = agreeing.values.max() ?? 0
        // A title naming earned or payable is taken at its word when its figure is wrong only
        // where clawbacks are left out: that is the error to report, not another figure.
        if let titled, titled != .commission, (agreeing[titled] ?? 0) + clawbacksOnly >= max(best, 1),
            ((agreeing[titled] ?? 0) + clawbacksOnly) * 2 >= read
        {
            return (titled, agreeing[titled] ?? 0, read)
        }
        guard read > 0, best * 2 >= read else { return nil }
        let tied = SummaryCrossTab.candidates.filter { agreeing[$0] == best }
        let figure = titled.flatMap { tied.contains($0) ? $0 : nil } ?? tied[0]
        return (figure, best, read)
    }

    /// Whether `formula` adds its cells with `+` and no function that skips text (`=C6+D6+E6`):
    /// Excel turns a number stored as text into its number there, so such a cell adds its
    /// difference, as in a typed total (`asTyped`), where `SUM` would skip it.
    static func addsTextAtItsValue(_ formula: String?) -> Bool {
        guard let formula, formula.contains("+") else { return false }
        // The functions as called: a sheet's name (`Summary!C2`) may hold the same letters.
        let upper = formula.uppercased().filter { !$0.isWhitespace }
        return !["SUM(", "SUMIF", "SUBTOTAL(", "AGGREGATE(", "SUMPRODUCT("].contains { upper.contains($0) }
    }

    /// `findings` as a typed total adds them up: a number stored as text counted at its value
    /// (whoever typed the total added it in; SUM, which skips it, is a formula's), so that a cell
    /// wrong only by being text is no part of the difference.
    /// The findings as a figure taking them back sees them: each manual and expected figure negated.
    static func negated(_ findings: [Finding]) -> [Finding] {
        findings.map { finding in
            var negated = finding
            (negated.manual, negated.expected) = (finding.manual.map { -$0 }, -finding.expected)
            return negated
        }
    }

    static func asTyped(_ findings: [Finding]) -> [Finding] {
        findings.compactMap { finding in
            // Counted at its value, a text cell adds its difference (`effect`).
            var typed = finding
            typed.manualText = nil
            guard finding.causes.contains(.textNumber) else { return typed }
            typed.causes.removeAll { $0 == .textNumber }
            return typed.causes.isEmpty ? nil : typed
        }
    }

    /// What a wrong cell takes from or adds to a total over it: its difference, or, for a cell
    /// holding text (a number stored as text, right or wrong), the plan's whole figure for it (SUM
    /// and SUMIFS skip it). A total wrong through such a number (derived, its cause `text_number`
    /// too) is a number: its difference.
    static func effect(_ finding: Finding) -> Decimal {
        isText(finding) ? -finding.expected : finding.difference
    }

    /// Whether the finding's cell holds text, which SUM and SUMIFS skip.
    static func isText(_ finding: Finding) -> Bool {
        finding.manualText != nil || (finding.causes.contains(.textNumber) && !finding.isDerived)
    }

    /// A net figure wrong both by clawbacks it leaves out and by the wrong cells it adds up (one
    /// of `sources`, tried in turn): the main cause of those cells, the cells, and the clawbacks'
    /// rows. Nil when no set of wrong cells leaves a difference that clawbacks left out explain.
    static func clawbacksLeftOutBesideWrongCells(
        _ difference: Decimal, sources: [[Finding]], lines: [(row: Int?, amount: Decimal)], sum: Decimal, rows: [Int],
        tolerance: Decimal
    ) -> (cause: Cause, cells: [String], places: [CellPlace], left: [Int])? {
        for candidates in sources {
            let wrong = candidates.filter { $0.isError && $0.isPay }
            guard !wrong.isEmpty else { continue }
            let fromCells = wrong.reduce(Decimal(0)) { $0 + effect($1) }
            let slack = tolerance * Decimal(wrong.count + 1)
            guard
                let left = clawbacksLeftOut(
                    difference - fromCells, lines: lines, sum: sum, rows: rows, tolerance: slack),
                let derived = derivedCause(fromCells, from: wrong, tolerance: tolerance)
            else { continue }
            return (
                derived.cause, derived.cells, wrong.map { CellPlace(sheet: $0.sheet, cell: $0.cell) }.sorted(), left
            )
        }
        return nil
    }

    /// The rows of the clawbacks a total leaves out when its `difference` from the plan's is
    /// exactly minus the rep-period's clawbacks (`sum`, its lines' rows `rows`), or minus a few of
    /// its `lines` (up to twelve tried in every combination); nil when it is not.
    static func clawbacksLeftOut(
        _ difference: Decimal, lines: [(row: Int?, amount: Decimal)], sum: Decimal, rows: [Int], tolerance: Decimal
    ) -> [Int]? {
        guard sum != 0 else { return nil }
        if abs(difference + sum) <= tolerance { return rows }
        guard lines.count > 1, lines.count <= 12 else { return nil }
        for mask in 1..<(1 << lines.count) - 1 {
            let chosen = lines.indices.filter { mask & (1 << $0) != 0 }
            let left = chosen.reduce(Decimal(0)) { $0 + lines[$1].amount }
            if abs(difference + left) <= tolerance { return chosen.compactMap { lines[$0].row } }
        }
        return nil
    }

    /// The ranges of the formula that miss rows of the rep-period on their deals sheet, one a
    /// sheet, and the rows each should span: the sheet's data rows when it starts at the top of
    /// them (a whole-column SUMIFS), else its own span stretched over the rep-period's rows (a
    /// block's SUM). `own`:
    /// the rows of the rep-period's commission lines. `home`: the sheet the
    /// formula stands on, whose ranges it may name without a prefix (per-rep totals kept below the
    /// deals, `RepTotalsBlock`); `formulaSheet` is nil for those.
    static func shortRanges(
        _ formula: String, own: [Int], dataRows: [(sheet: String, rows: ClosedRange<Int>)],
        context: RowContext, home: String
    ) -> [(formulaSheet: String?, span: ClosedRange<Int>, repaired: ClosedRange<Int>)] {
        // The rows by their sheet's name, each sheet named once, not once per row (a rep-period
        // holds a thousand rows at 1M).
        var rowsOnSheet: [String: [Int]] = [:]
        // Most rep-periods' rows lie on one sheet: then they are not grouped (hashed) one by one.
        let ordinals = own.lazy.map(DealsTable.sheetOrdinal)
        let grouped =
            if let first = ordinals.first, ordinals.allSatisfy({ $0 == first }) {
                [first: own]
            } else {
                Dictionary(grouping: own, by: DealsTable.sheetOrdinal)
            }
        for (ordinal, rows) in grouped {
            rowsOnSheet[context.place(DealsTable.rowKey(sheet: ordinal, row: 0)).sheet, default: []] +=
                rows.map(DealsTable.sheetRow)
        }
        var shorts: [(formulaSheet: String?, span: ClosedRange<Int>, repaired: ClosedRange<Int>)] = []
        for (sheet, rows) in dataRows {
            let named = FormulaForensics.rowSpans(in: formula, sheet: sheet)
            let formulaSheet = sheet == home && named.isEmpty ? nil : sheet
            // Ranges only, of one row too (`Deals!G5:G5`): a single cell the formula reads is
            // a criterion or a figure of its own, no range that stops short.
            let spans = FormulaForensics.rangeRowSpans(in: formula, sheet: formulaSheet)
            let mine = rowsOnSheet[sheet] ?? []
            guard let first = spans.first, let low = mine.min(), let high = mine.max(),
                mine.contains(where: { row in !spans.contains { $0.contains(row) } })
            else { continue }
            let repaired =
                first.lowerBound <= rows.lowerBound
                ? first.lowerBound...max(first.upperBound, rows.upperBound)
                : min(first.lowerBound, low)...max(first.upperBound, high)
            shorts.append((formulaSheet, first, repaired))
        }
        return shorts
    }

    /// The deals sheets holding the rep-period's commission lines that a formula adding up other
    /// deals sheets leaves out (a tab forgotten in the total); none when it names no deals sheet.
    /// `own`: the rows of the rep-period's commission lines, with their amounts.
    static func sheetsLeftOut(
        _ formula: String, own: [(row: Int, amount: Decimal)], dataRows: [(sheet: String, rows: ClosedRange<Int>)],
        context: RowContext
    ) -> [String] {
        let named = Set(
            dataRows.map(\.sheet).filter { !FormulaForensics.rowSpans(in: formula, sheet: $0).isEmpty })
        guard !named.isEmpty else { return [] }
        // A sheet's name per sheet, not per row (a rep-period holds a thousand rows at 1M).
        var sheets = Set<Int>()
        // A rep-period's rows lie mostly on one sheet: each is hashed only where the sheet changes.
        var last: Int?
        for entry in own where entry.amount != 0 {
            let ordinal = DealsTable.sheetOrdinal(entry.row)
            if ordinal != last { sheets.insert(ordinal) }
            last = ordinal
        }
        let holding = Set(sheets.map { context.deals.sheetName(ofRow: DealsTable.rowKey(sheet: $0, row: 0)) })
        return holding.subtracting(named).sorted()
    }

    /// Of `rows`, those the engine claws back in this rep-period, the ones a clawback cell's
    /// formula does not name (a typed value or `=0` names none).
    static func missedClawbacks(_ formula: String?, rows: [Int], context: RowContext) -> [Int] {
        rows.filter { key in
            let (sheet, row) = context.place(key)
            let named = formula.map { FormulaForensics.rowSpans(in: $0, sheet: sheet) } ?? []
            return !named.contains { $0.contains(row) }
        }
    }

    /// Under `level: period` the plan rounds each rep-period's earned once, in its own mode
    /// (plan-format.md §3, step 7): a total that is the same figures rounded the other way
    /// (`=ROUND(…)` halves away from zero where the plan rounds half to even) or not rounded at all
    /// differs only because the sheet rounds another way (§7, `rounding_mode`). `exact`: each
    /// rep-period's lines added up, unrounded. The words saying how, or nil.
    static func roundedOtherwise(
        _ manual: Decimal, want: Decimal, exact: [Decimal], rule: RoundingRule,
        matches: (Decimal, Decimal) -> Bool
    ) -> String? {
        guard rule.level == .period, !exact.isEmpty else { return nil }
        let other: RoundingRule.Mode = rule.mode == .halfUp ? .halfEven : .halfUp
        let readings: [(Decimal, String)] = [
            (
                exact.reduce(Decimal(0)) { $0 + $1.rounded(places: rule.places, mode: other) },
                "rounded \(other == .halfUp ? "half up (Excel's ROUND)" : "half to even"); "
                    + "the plan rounds \(rule.mode == .halfUp ? "half up" : "half to even")"
            ),
            (exact.reduce(0, +), "not rounded; the plan rounds each rep-period's total to \(rule.places) places"),
        ]
        return readings.first { matches(manual, $0.0) && !matches($0.0, want) }?.1
    }

    /// The first set of findings whose differences add up to `difference` — the same summary
    /// row's other totals, then the rep-period's row errors, then both — and the cause of its largest,
    /// with the cells named and their places.
    /// `rounding`: how far a total rounded once may stand from the exact figures it adds up.
    static func derivedCause(
        _ difference: Decimal, sources: [[Finding]], tolerance: Decimal, rounding: Decimal = 0
    ) -> (cause: Cause, cells: [String], places: [CellPlace])? {
        for candidates in sources {
            if let found = derivedCause(difference, from: candidates, tolerance: tolerance, rounding: rounding) {
                return found
            }
        }
        return nil
    }

    static func derivedCause(
        _ difference: Decimal, from sources: [Finding], tolerance: Decimal, rounding: Decimal = 0
    ) -> (cause: Cause, cells: [String], places: [CellPlace])? {
        let relevant = sources.filter { $0.isError && $0.isPay }
        guard !relevant.isEmpty else { return nil }
        let sum = relevant.reduce(Decimal(0)) { $0 + effect($1) }
        let slack = tolerance * Decimal(relevant.count + 1) + rounding
        guard abs(sum - difference) <= slack else { return nil }
        let largest = relevant.max { abs(effect($0)) < abs(effect($1)) }!
        return (
            largest.cause, relevant.map { "\(Location.quotedSheetName($0.sheet))!\($0.cell)" },
            relevant.map { CellPlace(sheet: $0.sheet, cell: $0.cell) }.sorted()
        )
    }
}
