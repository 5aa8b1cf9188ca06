import Formula
import Foundation
import Ingest
import Spreadsheet

/// A tab that is a copy of another (`Deals (2)`, `Copy of Deals`, `Kopie von Juli`, `Deals
/// backup`), row for row: a backup kept beside the sheet, not a second payment of every deal. Its
/// rows, each a copy of a row elsewhere (`DuplicateRows`), are no `duplicate_line` findings; the
/// report names the tab instead. So is a tab whose every row shows a row of another tab through
/// formulas (a rep's statement tab of `='All deals'!F16` cells): a view of deals read already. A
/// tab not named as a copy, whose rows are typed, keeps its findings: paying a tab twice is the
/// error.
enum CopiedSheets {
    /// `copies` without the rows of tabs that are wholly copies, named so or showing their
    /// originals by reference (`formulas`, the workbook's), and the report's note for each such
    /// tab; those tabs' total rows are left out of `deals` too.
    static func leaveOut(_ copies: [CopiedRow], from deals: inout DealsTable, formulas: FormulaWorkbook? = nil)
        -> ([CopiedRow], [String])
    {
        guard !copies.isEmpty, deals.sheets.count > 1 else { return (copies, []) }
        // The sheets with rows of their own: lines kept, or rows left out that are no note.
        // Met line by line: the rows gathered and joined first were two arrays of every line's
        // (160 MB at ten million lines).
        var kept = Set<Int>()
        var last: Int?
        for line in deals.lines where DealsTable.sheetOrdinal(line.row) != last {
            last = DealsTable.sheetOrdinal(line.row)
            kept.insert(DealsTable.sheetOrdinal(line.row))
        }
        for row in deals.skipped where !row.isNote { kept.insert(DealsTable.sheetOrdinal(row.row)) }
        var copied: [Int: Set<Int>] = [:]
        for copy in copies {
            copied[DealsTable.sheetOrdinal(copy.line.row), default: []].insert(DealsTable.sheetOrdinal(copy.original))
        }
        var notes: [String] = []
        var wholly = Set<Int>()
        var copies = copies
        func name(_ ordinal: Int) -> String { deals.sheetName(ofRow: DealsTable.rowKey(sheet: ordinal, row: 0)) }
        let shown = shownByReference(copied.keys.filter { !kept.contains($0) }, copies, deals, formulas)
        for (ordinal, originals) in copied.sorted(by: { $0.key < $1.key }) where !kept.contains(ordinal) {
            if shown.contains(ordinal) {
                let rows = copies.filter { DealsTable.sheetOrdinal($0.line.row) == ordinal }.count
                let names = originals.sorted().map { "'\(name($0))'" }.joined(separator: ", ")
                wholly.insert(ordinal)
                notes.append(
                    "sheet '\(name(ordinal))': shows rows of sheet \(names) through formulas (\(rows) row\(rows == 1 ? "" : "s")), not compared again"
                )
                continue
            }
            guard originals.count == 1, let original = originals.first, original != ordinal,
                deals.sheets.indices.contains(ordinal), deals.sheets[ordinal].name != nil
            else { continue }
            let rows = copies.filter { DealsTable.sheetOrdinal($0.line.row) == ordinal }.count
            if isNamedAsCopy(name(ordinal)) {
                wholly.insert(ordinal)
                notes.append(
                    "sheet '\(name(ordinal))': a copy of sheet '\(name(original))' row for row (\(rows) row\(rows == 1 ? "" : "s")), not compared"
                )
            } else if isNamedAsCopy(name(original)),
                swapsWhole(original, for: ordinal, copies, deals)
            {
                // The copy stands before its original (Excel puts a copy before the sheet copied):
                // the original's rows are read, the copy's left out.
                let mine = copies.filter { DealsTable.sheetOrdinal($0.line.row) == ordinal }
                var keep: [Int] = []
                for index in deals.lines.indices where DealsTable.sheetOrdinal(deals.lines[index].row) != original {
                    keep.append(index)
                }
                deals.lines = keep.map { deals.lines[$0] } + mine.map(\.line)
                deals.manual.keep(at: keep)
                deals.manual.append(contentsOf: mine.map(\.manual))
                copies.removeAll { DealsTable.sheetOrdinal($0.line.row) == ordinal }
                wholly.insert(original)
                notes.append(
                    "sheet '\(name(original))': a copy of sheet '\(name(ordinal))' row for row (\(rows) row\(rows == 1 ? "" : "s")), not compared"
                )
            }
        }
        guard !wholly.isEmpty else { return (copies, []) }
        deals.totals.removeAll { wholly.contains(DealsTable.sheetOrdinal($0.row)) }
        return (copies.filter { !wholly.contains(DealsTable.sheetOrdinal($0.line.row)) }, notes)
    }

    /// The sheets among `candidates` whose every copied row's commission cell is a formula that is
    /// a plain reference into its original's row on the original's sheet (`='All deals'!F16`).
    private static func shownByReference(
        _ candidates: [Int], _ copies: [CopiedRow], _ deals: DealsTable, _ workbook: FormulaWorkbook?
    ) -> Set<Int> {
        guard let workbook, !candidates.isEmpty else { return [] }
        func index(_ ordinal: Int) -> Int? {
            deals.sheets.indices.contains(ordinal) ? deals.sheets[ordinal].name.flatMap(workbook.sheet(named:)) : nil
        }
        // Each candidate's copied rows: where its commission formula stands and the row it copies.
        var rows: [Int: [(cell: CellAddress, original: Int)]] = [:]
        var failed = Set<Int>()
        let wanted = Set(candidates)
        for copy in copies where wanted.contains(DealsTable.sheetOrdinal(copy.line.row)) {
            let ordinal = DealsTable.sheetOrdinal(copy.line.row)
            guard copy.manual.commissionHasFormula, let column = copy.manual.commission?.column else {
                failed.insert(ordinal)
                continue
            }
            rows[ordinal, default: []].append(
                (CellAddress(row: DealsTable.sheetRow(copy.line.row), column: column), copy.original))
        }
        let sheets = Dictionary(
            rows.keys.filter { !failed.contains($0) }.compactMap { ordinal in index(ordinal).map { ($0, ordinal) } },
            uniquingKeysWith: { first, _ in first })
        guard !sheets.isEmpty else { return [] }
        var texts: [Int: [CellAddress: String]] = [:]
        for formula in workbook.formulas where sheets[formula.sheet] != nil {
            texts[formula.sheet, default: [:]][formula.address] = formula.text
        }
        var shown = Set<Int>()
        for (sheet, ordinal) in sheets {
            let linked = rows[ordinal, default: []].allSatisfy { row in
                guard let text = texts[sheet]?[row.cell], case .reference(let target)? = try? Parser.parse(text),
                    target.isCell, target.firstRow == DealsTable.sheetRow(row.original),
                    let named = target.sheet,
                    workbook.sheet(named: named) == index(DealsTable.sheetOrdinal(row.original))
                else { return false }
                return true
            }
            if linked { shown.insert(ordinal) }
        }
        return shown
    }

    /// Whether every row of the sheet `original` is the original of a row of the sheet `ordinal`
    /// (the two hold the same rows), so that the two can change places.
    private static func swapsWhole(_ original: Int, for ordinal: Int, _ copies: [CopiedRow], _ deals: DealsTable)
        -> Bool
    {
        let rows = Set(deals.lines.lazy.filter { DealsTable.sheetOrdinal($0.row) == original }.map(\.row))
        let originals = Set(copies.lazy.filter { DealsTable.sheetOrdinal($0.line.row) == ordinal }.map(\.original))
        return rows == originals && !deals.skipped.contains { DealsTable.sheetOrdinal($0.row) == original }
    }

    /// `copies` and `deals` without a stale copy's rows: a tab whose name says it is a copy or an
    /// old version (`Deals (old)`, `OLD Deals`, `Deals backup`, `Kopie von Juli`; a copy's number
    /// alone, `Deals (2)`, says nothing of which tab is the earlier) whose every deal is on one
    /// other deals tab not so named, but not row for row (`leaveOut` takes those): the deals
    /// closed since missing from it, a deal's figures as they stood then. It is the workbook's
    /// history, not a second payment of the deals: its rows are no lines and no findings, the
    /// other tab's rows that copy its rows are read as that tab's own, and the report's note names
    /// it and how many of its rows the other tab holds as they stand. A tab holding a deal no other
    /// tab holds is read as before.
    static func leaveOutStale(_ copies: [CopiedRow], from deals: inout DealsTable) -> ([CopiedRow], [String]) {
        guard deals.sheets.count > 1 else { return (copies, []) }
        let named = Set(
            deals.sheets.indices.filter { ordinal in
                guard let name = deals.sheets[ordinal].name else { return false }
                return wordsNameACopy(name)
            })
        guard !named.isEmpty else { return (copies, []) }
        func ordinal(_ row: Int) -> Int { DealsTable.sheetOrdinal(row) }
        // The deals of the tabs so named, and each other tab's deals among them.
        // Every row read, its line's or a copy's.
        let read = [deals.lines, copies.map(\.line)].joined()
        var stale: [Int: Set<String>] = [:]
        for line in read where named.contains(ordinal(line.row)) {
            stale[ordinal(line.row), default: []].insert(line.dealID.normalizedKey)
        }
        guard !stale.isEmpty else { return (copies, []) }
        let wanted = stale.values.reduce(into: Set<String>()) { $0.formUnion($1) }
        var held: [Int: Set<String>] = [:]
        for line in read where !named.contains(ordinal(line.row)) {
            let key = line.dealID.normalizedKey
            if wanted.contains(key) { held[ordinal(line.row), default: []].insert(key) }
        }
        var copies = copies
        var notes: [String] = []
        func name(_ ordinal: Int) -> String { deals.sheetName(ofRow: DealsTable.rowKey(sheet: ordinal, row: 0)) }
        for (sheet, ids) in stale.sorted(by: { $0.key < $1.key }) {
            let holders = held.filter { ids.isSubset(of: $0.value) }.map(\.key)
            guard holders.count == 1, let current = holders.first else { continue }
            // Its rows the current tab holds as they stand (copies either way round), and the rest.
            var same = Set<Int>()
            for copy in copies {
                if ordinal(copy.line.row) == sheet, ordinal(copy.original) == current { same.insert(copy.line.row) }
                if ordinal(copy.line.row) == current, ordinal(copy.original) == sheet { same.insert(copy.original) }
            }
            let mine = deals.lines.indices.filter { ordinal(deals.lines[$0].row) == sheet }
            // The current tab's rows read as copies of the stale tab's: the first of each its own
            // line again, the others copies of that one.
            var first: [Int: Int] = [:]
            for copy in copies where ordinal(copy.line.row) != sheet && ordinal(copy.original) == sheet {
                first[copy.original] = min(first[copy.original] ?? copy.line.row, copy.line.row)
            }
            var kept: [CopiedRow] = []
            var back: [CopiedRow] = []
            for copy in copies where ordinal(copy.line.row) != sheet {
                guard let own = first[copy.original] else {
                    kept.append(copy)
                    continue
                }
                if own == copy.line.row {
                    back.append(copy)
                } else {
                    kept.append(
                        CopiedRow(line: copy.line, manual: copy.manual, original: own, isRedated: copy.isRedated))
                }
            }
            // Its rows: its lines, and its rows read as copies of the current tab's.
            let rows = mine.count + copies.count(where: { ordinal($0.line.row) == sheet })
            copies = kept
            if !mine.isEmpty {
                deals.lines.removeSubranges(RangeSet(mine, within: deals.lines))
                deals.manual.leaveOut(mine)
            }
            deals.lines += back.map(\.line)
            deals.manual.append(contentsOf: back.map(\.manual))
            deals.totals.removeAll { ordinal($0.row) == sheet }
            deals.skipped.removeAll { ordinal($0.row) == sheet }
            notes.append(
                "sheet '\(name(sheet))': an earlier copy of sheet '\(name(current))' (its \(ids.count) deal\(ids.count == 1 ? "" : "s") all on '\(name(current))', \(same.count) of its \(rows) row\(rows == 1 ? "" : "s") as they stand there), not compared"
            )
        }
        return (copies, notes)
    }

    /// `Deals (2)`, `Copy of Deals`, `Copia de Julio`, `Kopie von Juli`, `Deals backup`, `Old Deals`.
    static func isNamedAsCopy(_ name: String) -> Bool {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        if trimmed.hasSuffix(")"), let open = trimmed.lastIndex(of: "("),
            Int(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)]) != nil
        {
            return true
        }
        return wordsNameACopy(name)
    }

    /// Whether a word of `name` says it is a copy or an old version (`Copy of Deals`, `Deals
    /// backup`, `Old Deals`), not a copy's number alone (`Deals (2)`).
    static func wordsNameACopy(_ name: String) -> Bool {
        FoldedWords.of(name).contains(where: HeaderSynonyms.copyWords.contains)
    }
}
