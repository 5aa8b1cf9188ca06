import Commission
import Foundation
import Ingest
import Spreadsheet

/// Total rows inside the deals sheets: each one's commission against the engine's commission for
/// the rows it stands for, whatever its own formula covers: the rows since the previous total row
/// on its sheet, or, for a total whose range reaches over earlier totals (a grand total, a
/// `SUBTOTAL` over subtotals), the blocks from the one its range starts in (`Total Ana Lima` over
/// her months' subtotals), or every data row above it when its label says it is the grand total.
/// A total may stand above the rows it adds instead: over the header (every data row of the
/// sheet), or opening its block (`Total Ana Lima` then her deals) when its formula adds rows below
/// it, or, typed, on a sheet whose first total stands above its first deal (the rows down to the
/// next total).
enum TotalRowFindings {
    static func compute(_ context: RowContext, rowFindings: [Finding]) -> [Finding] {
        guard context.deals.mapping.columns[.commission] != nil, !context.deals.totals.isEmpty else { return [] }
        let engine = context.engine
        let hasBonusColumn = !context.rowsHoldBonus
        // Found by halving over the lines' keys in place (ten million rows filed by sheet as (row,
        // key) pairs were 160 MB, and more while their lists grew).
        let rowsByOwn = RowsByOwn(lines: context.deals.lines, copies: context.copies) { context.place($0).sheet }
        // The wrong rows' findings by cell, and the wrong rows of each sheet: a row the engine
        // prices no line for (its rep on no roster) is still one the total adds up.
        let wrongCells = WrongCells(rowFindings)
        let someTotalIsAFormula = context.deals.totals.contains { $0.commission?.formula != nil }
        // The rows' commissions, and their bonuses where some total row totals them too.
        let manual = ManualFigures(context.deals.manual)
        var findings: [Finding] = []
        var previousTotal: [String: Int] = [:]
        // Each sheet's previous total's label, and its last total closing a group of groups.
        var previousLabel: [String: String] = [:]
        var previousOuter: [String: Int] = [:]
        // Each sheet's total rows below its header, and whether the first stands above the first deal.
        var totalRows: [String: [Int]] = [:]
        for total in context.deals.totals {
            let (sheet, own) = context.place(total.row)
            if own > context.deals.mapping(ofRow: total.row).headerRow { totalRows[sheet, default: []].append(own) }
        }
        let totalsOpenBlocks = totalRows.filter { sheet, rows in
            guard let first = rows.min(), let firstDeal = rowsByOwn.firstRow(onSheet: sheet) else { return false }
            return first < firstDeal
        }
        for total in context.deals.totals {
            let (sheet, own) = context.place(total.row)
            let headerRow = context.deals.mapping(ofRow: total.row).headerRow
            let previous = previousTotal[sheet] ?? headerRow
            let labelAbove = previousLabel[sheet]
            if own > headerRow { (previousTotal[sheet], previousLabel[sheet]) = (own, total.label) }
            guard let column = context.deals.mapping(ofRow: total.row).columns[.commission],
                let cell = total.commission
            else { continue }
            // A conditional sum's criteria are not evaluated here, so such totals are not judged.
            if let formula = cell.formula, formula.uppercased().contains("SUMIF") { continue }
            let spans = cell.formula.map(FormulaForensics.localRowSpans(in:)) ?? []
            // The rows below it, down to the next total (every one, for a total over the header).
            // Looked for only where the total may stand above them (a sheet of a million rows has
            // totals below their rows, each of which would pass over all of them).
            lazy var below: [(own: Int, key: Int)] = {
                let next = own < headerRow ? Int.max : totalRows[sheet]?.filter { $0 > own }.min() ?? Int.max
                let first = max(own, headerRow) + 1
                return first < next ? rowsByOwn.within(first...(next - 1), onSheet: sheet) : []
            }()
            let standsAbove =
                own < headerRow
                || (spans.isEmpty
                    ? cell.formula == nil && totalsOpenBlocks[sheet] != nil && !below.isEmpty
                    : spans.allSatisfy { $0.lowerBound > own })
            // Over earlier totals: a range from above the previous total, or a cell between the
            // header and it (`=H4+H6` adds up two subtotals; a rate above the header is no such
            // cell), or, typed, a label that says so.
            let references = cell.formula.map { FormulaForensics.rowSpans(in: $0, sheet: nil) } ?? []
            // Typed and labelled `Total` alone right under another total (a report's last line under
            // its last group's `Total - Ana Lima`): no row of its own to add, so every row above.
            let rightUnder =
                cell.formula == nil && previous > headerRow && Self.isBare(total.label)
                && rowsByOwn.within((previous + 1)...max(previous + 1, own - 1), onSheet: sheet).isEmpty
            // Labelled as the total right above it (`Subtotal` under `Subtotal`), it closes a group
            // of groups, as a report closes each level of its groupings (Salesforce's owner over
            // its product families): the rows since the sheet's previous such total.
            let closesGroups = rightUnder && labelAbove == total.label && !Self.isGrand(total.label)
            let outer = previousOuter[sheet] ?? headerRow
            if closesGroups { previousOuter[sheet] = own }
            let grand = Self.isGrand(total.label) || rightUnder && !closesGroups
            let reachesOver =
                previous > headerRow
                && (spans.contains { $0.lowerBound <= previous }
                    || references.contains { $0.count == 1 && $0.lowerBound > headerRow && $0.lowerBound <= previous }
                    || cell.formula == nil && grand)
            // Over earlier totals, it adds every data row above it when its label says so (`Grand
            // total`); otherwise (`Total Ana Lima` over her months' subtotals) the blocks from the
            // one its range starts in.
            let reachedFrom =
                !reachesOver || grand
                ? headerRow
                : spans.map(\.lowerBound).min().flatMap { first in
                    totalRows[sheet]?.filter { $0 > headerRow && $0 < first }.max()
                } ?? headerRow
            let block =
                standsAbove
                ? (below.map(\.own).min() ?? own + 1)...(below.map(\.own).max() ?? own + 1)
                : closesGroups
                    ? (outer + 1)...(own - 1)
                    : ((reachesOver ? reachedFrom : previous) + 1)...max(previous + 1, own - 1)
            let rows = standsAbove ? below : rowsByOwn.within(block, onSheet: sheet)
            // What the total adds up once the wrong rows are corrected: a row within the plan's
            // tolerance keeps its own figure. A row's one commission for its reps is their lines'.
            func planFigure(_ key: Int) -> Decimal {
                guard !context.commissionsOfAllReps else {
                    return context.expectedCommission(ofRow: key, withBonus: !hasBonusColumn)
                }
                return (engine[key]?.commission ?? 0) + (hasBonusColumn ? 0 : engine[key]?.bonus ?? 0)
            }
            let expected = rows.reduce(Decimal(0)) { sum, row in
                let engineFigure = planFigure(row.key)
                guard let own = manual.commission(ofRow: row.key), context.matches(own, engineFigure) else {
                    return sum + engineFigure
                }
                return sum + own
            }
            if hasBonusColumn,
                let bonus = Self.bonusFinding(
                    total, rows: rows, block: block, context: context, manual: manual, wrongCells: wrongCells)
            {
                findings.append(bonus)
            }
            guard case let (value?, isText) = Decimal.fromCell(cell.value) else {
                findings.append(
                    UnreadableFindings.total(
                        sheet: sheet, cell: cell, at: CellAddress(row: own, column: column),
                        rep: nil, period: nil, expected: expected, what: total.label))
                continue
            }
            // A formula right only because the wrong rows it adds up make up for rows its range
            // misses (a row copied above, the last row left out) is wrong all the same: once those
            // rows are corrected its figure is not (`sum_range`). Its wrong rows are looked at
            // first: a right total over a million right rows is not passed over again.
            if context.matches(value, expected), !isText {
                let wrong = Self.asAdded(
                    Set(wrongCells.rows(within: block, onSheet: sheet)).compactMap {
                        wrongCells[sheet, CellAddress(row: $0, column: column)]
                    }, by: cell.formula)
                guard cell.formula != nil, !spans.isEmpty,
                    !context.matches(wrong.reduce(Decimal(0)) { $0 + SummaryFindings.effect($1) }, 0),
                    spans.contains(where: { span in rows.contains { !span.contains($0.own) } })
                else { continue }
            }
            var finding = Finding(
                sheet: sheet, cell: CellAddress(row: own, column: column), dealID: nil, rep: nil,
                period: nil, manual: value, manualText: isText ? total.commissionText ?? cell.value.plainText : nil,
                expected: expected,
                causes: [],
                explanation:
                    "\(total.label) \(value.groupedMoneyText), the plan's total is \(expected.groupedMoneyText)",
                isDerived: false)
            let ownRows = rows.map(\.own)
            let wrongRows = Set(ownRows + wrongCells.rows(within: block, onSheet: sheet)).sorted()
            let short = spans.first { span in ownRows.contains { !span.contains($0) } }
            let shortText =
                short.map {
                    "; its range covers rows \($0.lowerBound)–\($0.upperBound), the rows above it \(block.lowerBound)–\(block.upperBound)"
                } ?? ""
            // A `SUBTOTAL(109,…)` (or an `AGGREGATE` skipping hidden rows) leaves out the figures
            // of the rows the sheet hides: a total that misses rows, repaired to count them.
            let hidden = context.deals.sheet(ofRow: total.row)?.hiddenRows ?? []
            let leftOut =
                hidden.isEmpty
                ? [] : rows.filter { hidden.contains($0.own) && (manual.commission(ofRow: $0.key) ?? 0) != 0 }
            if leftOut.contains(where: { planFigure($0.key) != 0 }),
                let counting = cell.formula.flatMap(FormulaForensics.countingHiddenRows(in:))
            {
                finding.causes = [.sumRange]
                let first = ownRows.min() ?? own
                let last = ownRows.max() ?? own
                finding.repairedFormula =
                    short == nil
                    ? counting
                    : FormulaForensics.extendingRanges(in: counting, sheet: nil, to: first...last) ?? counting
                let skipped = leftOut.reduce(Decimal(0)) { $0 + (manual.commission(ofRow: $1.key) ?? 0) }
                finding.explanation +=
                    "; it skips the hidden rows \(leftOut.map { String($0.own) }.joined(separator: ", ")) (\(skipped.groupedMoneyText))"
                    + shortText
                // What is left once the hidden rows count: the wrong rows it adds.
                if short == nil, !context.matches(value + skipped, expected),
                    let rest = SummaryFindings.derivedCause(
                        value + skipped - expected,
                        from: wrongRows.compactMap { wrongCells[sheet, CellAddress(row: $0, column: column)] },
                        tolerance: context.plan.tolerance)
                {
                    finding.causes.append(rest.cause)
                    finding.explanation += "; the rest comes from " + rest.cells.joined(separator: ", ")
                }
            } else if short != nil {
                finding.causes = [.sumRange]
                if let first = ownRows.min(), let last = ownRows.max(), let formula = cell.formula {
                    finding.repairedFormula = FormulaForensics.extendingRanges(
                        in: formula, sheet: nil, to: first...last)
                }
                finding.explanation += shortText
            } else if cell.formula == nil, someTotalIsAFormula {
                finding.causes = [.hardcodedFormula]
                finding.explanation += "; a typed value where the other totals are formulas"
            } else if let cause = SummaryFindings.derivedCause(
                value - expected,
                from: Self.asAdded(
                    wrongRows.compactMap { wrongCells[sheet, CellAddress(row: $0, column: column)] }, by: cell.formula),
                tolerance: context.plan.tolerance)
            {
                finding.causes = [cause.cause]
                finding.isDerived = true
                finding.explanation += "; the difference comes from " + cause.cells.joined(separator: ", ")
            } else {
                finding.causes = [.unexplained]
            }
            // The wrong rows it stands for are its precedents, whatever its cause: a typed total has
            // no formula to follow, and a range that stops short leaves out rows the total still
            // answers for (`FindingPrecedents.link` adds what its formula reaches). The headline
            // then counts only what it adds beyond them.
            finding.precedents = wrongRows.compactMap {
                wrongCells[sheet, CellAddress(row: $0, column: column)]
            }
            .map { CellPlace(sheet: $0.sheet, cell: $0.cell) }.sorted()
            findings.append(finding)
        }
        return findings
    }

    /// The wrong cells `wrong` a total row adds up as its `formula` counts them: one adding with
    /// `+` (`=G2+G3+G4`) counts a number stored as text at its value, as Excel does, where `SUM`
    /// skips it — the reading a summary's figures take (`SummaryFindings.addsTextAtItsValue`,
    /// `SummaryFindings.asTyped`), so that a cell wrong only by being text is no part of its
    /// difference, and a text cell wrong by its value adds that difference. Only the cells the
    /// formula names itself are so counted: one it reaches through a subtotal (`=G5+G9`, each a
    /// `SUM`) is counted as that `SUM` counts it.
    static func asAdded(_ wrong: [Finding], by formula: String?) -> [Finding] {
        guard let formula, SummaryFindings.addsTextAtItsValue(formula) else { return wrong }
        let named = Set(FormulaForensics.cellsRead(in: formula))
        return wrong.flatMap { named.contains($0.cell) ? SummaryFindings.asTyped([$0]) : [$0] }
    }

    /// A total row's bonus (an Excel Table's totals row `=SUBTOTAL(109,Comms[Bonus])`) against the
    /// engine's bonuses of the rows it stands for (`rows`, own rows `block`), a row within the
    /// plan's tolerance keeping its own figure; nil when it is right or holds no figure.
    /// `manual`: each row's figures by key.
    static func bonusFinding(
        _ total: TotalRow, rows: [(own: Int, key: Int)], block: ClosedRange<Int>, context: RowContext,
        manual: ManualFigures, wrongCells: WrongCells
    ) -> Finding? {
        guard let cell = total.bonus, holdsAFigure(cell),
            let column = context.deals.mapping(ofRow: total.row).columns[.bonus]
        else { return nil }
        let (sheet, own) = context.place(total.row)
        let expected = rows.reduce(Decimal(0)) { sum, row in
            let engineFigure = context.engine[row.key]?.bonus ?? 0
            guard let own = manual.bonus(ofRow: row.key), context.matches(own, engineFigure) else {
                return sum + engineFigure
            }
            return sum + own
        }
        guard case let (value?, isText) = Decimal.fromCell(cell.value), !context.matches(value, expected) || isText
        else { return nil }
        let wrong = asAdded(
            rows.compactMap { wrongCells[sheet, CellAddress(row: $0.own, column: column)] }, by: cell.formula)
        var finding = Finding(
            sheet: sheet, cell: CellAddress(row: own, column: column), dealID: nil, rep: nil, period: nil,
            manual: value, manualText: isText ? cell.value.plainText : nil, expected: expected, causes: [.unexplained],
            explanation:
                "\(total.label) bonus \(value.groupedMoneyText), the plan's total is \(expected.groupedMoneyText)",
            isDerived: false)
        let spans = cell.formula.map(FormulaForensics.localRowSpans(in:)) ?? []
        if let cause = SummaryFindings.derivedCause(value - expected, from: wrong, tolerance: context.plan.tolerance) {
            finding.causes = [cause.cause]
            finding.isDerived = true
            finding.explanation += "; the difference comes from " + cause.cells.joined(separator: ", ")
        } else if let short = spans.first(where: { span in rows.contains { !span.contains($0.own) } }),
            let formula = cell.formula
        {
            finding.causes = [.sumRange]
            finding.repairedFormula = FormulaForensics.extendingRanges(in: formula, sheet: nil, to: block)
            finding.explanation +=
                "; its range covers rows \(short.lowerBound)–\(short.upperBound), the rows above it \(block.lowerBound)–\(block.upperBound)"
        } else if cell.formula == nil, total.commission?.formula != nil {
            finding.causes = [.hardcodedFormula]
            finding.explanation += "; a typed value where the row's commission total is a formula"
        }
        finding.precedents = wrong.map { CellPlace(sheet: $0.sheet, cell: $0.cell) }.sorted()
        return finding
    }

    /// The row findings that are errors (not derived), the first at each cell, found by the cell:
    /// held as positions in the row findings, not as copies of them (a hundred thousand wrong
    /// rows of ten million were ~60 MB more while the totals were checked). Their rows by sheet,
    /// sorted, for those of a block without passing over every wrong row of
    /// the sheet for every total (a sheet of a million rows may hold a subtotal every few dozen).
    struct WrongCells {
        private let findings: [Finding]
        private var first: [CellPlace: Int] = [:]
        private var rowsBySheet: [String: [Int]] = [:]

        init(_ findings: [Finding]) {
            self.findings = findings
            for (position, finding) in findings.enumerated() where finding.isError && !finding.isDerived {
                let place = CellPlace(sheet: finding.sheet, cell: finding.cell)
                if first[place] == nil { first[place] = position }
                rowsBySheet[finding.sheet, default: []].append(finding.cell.row)
            }
            rowsBySheet = rowsBySheet.mapValues { $0.sorted() }
        }

        /// The rows of `sheet` within `span` that hold a wrong cell (once for each of them), ascending.
        func rows(within span: ClosedRange<Int>, onSheet sheet: String) -> ArraySlice<Int> {
            RowsByOwn.within(span, of: rowsBySheet[sheet] ?? [])
        }

        subscript(sheet: String, cell: CellAddress) -> Finding? {
            first[CellPlace(sheet: sheet, cell: cell)].map { findings[$0] }
        }
    }

    /// Whether a total row's cell holds a figure to check: a formula or a number (an empty bonus
    /// cell of a subtotal row totals nothing).
    static func holdsAFigure(_ cell: Cell) -> Bool {
        if cell.formula != nil { return true }
        if case .number = cell.value { return true }
        return false
    }

    /// The data rows (the lines, then the copies, in the order read), found by their sheet and
    /// own row by halving over their keys: in place where the keys ascend (nearly always: the
    /// sheets are read in order, each top down), else over their positions sorted by key.
    struct RowsByOwn {
        private struct Part {
            let count: Int
            let key: (Int) -> Int
            /// Positions by key (the order read among equal ones); nil when the keys ascend.
            let order: [UInt32]?

            init(count: Int, key: @escaping (Int) -> Int) {
                self.count = count
                self.key = key
                let ascending = count < 2 || (1..<count).allSatisfy { key($0 - 1) <= key($0) }
                order =
                    ascending
                    ? nil : (0..<count).sorted { (key($0), $0) < (key($1), $1) }.map { UInt32(truncatingIfNeeded: $0) }
            }

            /// The least key within `keys`.
            func first(in keys: ClosedRange<Int>) -> Int? {
                let keyAt = { (position: Int) in key(order.map { Int($0[position]) } ?? position) }
                let at = RowsByOwn.bounds(of: keys.lowerBound...keys.lowerBound, count: count, value: keyAt).lowerBound
                guard at < count, keys.contains(keyAt(at)) else { return nil }
                return keyAt(at)
            }

            /// The positions whose keys are within `keys`, ascending.
            func positions(within keys: ClosedRange<Int>) -> [Int] {
                guard let order else { return Array(RowsByOwn.bounds(of: keys, count: count, value: key)) }
                let range = RowsByOwn.bounds(of: keys, count: order.count) { key(Int(order[$0])) }
                return order[range].map(Int.init).sorted()
            }
        }

        private let parts: [Part]
        /// The sheets' ordinals met among the rows, by the sheet's name: one sheet read as two
        /// tables (a header rearranged below the first, tables side by side) is two ordinals of
        /// one name, whose rows a total of the sheet stands for alike.
        private let ordinals: [String: [Int]]

        /// `name`: the name of the sheet of a row's key.
        init(lines: [CreditLine], copies: [CopiedRow], name: (Int) -> String) {
            parts = [Part(count: lines.count) { lines[$0].row }, Part(count: copies.count) { copies[$0].line.row }]
            var met = Set<Int>()
            var last: Int?
            func meet(_ key: Int) {
                guard DealsTable.sheetOrdinal(key) != last else { return }
                last = DealsTable.sheetOrdinal(key)
                met.insert(DealsTable.sheetOrdinal(key))
            }
            for line in lines { meet(line.row) }
            for copy in copies { meet(copy.line.row) }
            ordinals = Dictionary(grouping: met.sorted()) { name(DealsTable.rowKey(sheet: $0, row: 0)) }
        }

        /// The rows whose own row is within `span` on the sheet named `sheet`, in the order read
        /// (the lines, then the copies).
        func within(_ span: ClosedRange<Int>, onSheet sheet: String) -> [(own: Int, key: Int)] {
            let first = max(span.lowerBound, 0)
            let last = min(span.upperBound, 0xFFFF_FFFF)
            guard first <= last, let ordinals = ordinals[sheet] else { return [] }
            return parts.flatMap { part in
                let positions = ordinals.flatMap { part.positions(within: ($0 << 32 | first)...($0 << 32 | last)) }
                return (ordinals.count > 1 ? positions.sorted() : positions).map {
                    (DealsTable.sheetRow(part.key($0)), part.key($0))
                }
            }
        }

        /// The first own row of a data row on the sheet named `sheet`.
        func firstRow(onSheet sheet: String) -> Int? {
            (ordinals[sheet] ?? []).flatMap { ordinal in
                parts.compactMap { $0.first(in: (ordinal << 32)...(ordinal << 32 | 0xFFFF_FFFF)) }
            }.map(DealsTable.sheetRow).min()
        }

        /// Of `sorted` (ascending), those within `span`.
        static func within(_ span: ClosedRange<Int>, of sorted: [Int]) -> ArraySlice<Int> {
            sorted[bounds(of: span, count: sorted.count) { sorted[$0] }]
        }

        /// The positions of a sequence ascending by `value` whose values are within `span`.
        static func bounds(of span: ClosedRange<Int>, count: Int, value: (Int) -> Int) -> Range<Int> {
            func firstReaching(_ bound: Int, orAbove: Bool) -> Int {
                var (low, high) = (0, count)
                while low < high {
                    let middle = (low + high) / 2
                    if orAbove ? value(middle) < bound : value(middle) <= bound {
                        low = middle + 1
                    } else {
                        high = middle
                    }
                }
                return low
            }
            let first = firstReaching(span.lowerBound, orAbove: true)
            return first..<max(first, firstReaching(span.upperBound, orAbove: false))
        }
    }

    /// Whether a total's label is a total word alone (`Total`, `Totals:`, `Summe`), naming no rep or block.
    static func isBare(_ label: String) -> Bool {
        HeaderSynonyms.totalWords.contains(
            label.lowercased().trimmingCharacters(in: .whitespaces.union(.punctuationCharacters)))
    }

    /// Whether a total's label opens with a grand total's words (`HeaderSynonyms.grandTotalWords`).
    static func isGrand(_ label: String) -> Bool {
        let folded = label.lowercased()
        return HeaderSynonyms.grandTotalWords.contains { folded.hasPrefix($0) }
    }
}
