import Foundation
import Ingest

/// A tab that is a copy of another (`Deals (2)`, `Copy of Deals`, `Kopie von Juli`, `Deals
/// backup`), row for row: a backup kept beside the sheet, not a second payment of every deal. Its
/// rows, each a copy of a row elsewhere (`DuplicateRows`), are no `duplicate_line` findings; the
/// report names the tab instead. A tab not named as a copy keeps its findings: paying a tab twice
/// is the error.
enum CopiedSheets {
    /// `copies` without the rows of tabs that are wholly copies and named so, and the report's
    /// note for each such tab; those tabs' total rows are left out of `deals` too.
    static func leaveOut(_ copies: [CopiedRow], from deals: inout DealsTable) -> ([CopiedRow], [String]) {
        guard !copies.isEmpty, deals.sheets.count > 1 else { return (copies, []) }
        // The sheets with rows of their own: lines kept, or rows left out that are no note.
        let kept = Set(
            (deals.lines.map(\.row) + deals.skipped.filter { !UnreadableFindings.isNote($0) }.map(\.row))
                .map(DealsTable.sheetOrdinal))
        var copied: [Int: Set<Int>] = [:]
        for copy in copies {
            copied[DealsTable.sheetOrdinal(copy.line.row), default: []].insert(DealsTable.sheetOrdinal(copy.original))
        }
        var notes: [String] = []
        var wholly = Set<Int>()
        var copies = copies
        func name(_ ordinal: Int) -> String { deals.sheetName(ofRow: DealsTable.rowKey(sheet: ordinal, row: 0)) }
        for (ordinal, originals) in copied.sorted(by: { $0.key < $1.key }) where !kept.contains(ordinal) {
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
                deals.manual = keep.map { deals.manual[$0] } + mine.map(\.manual)
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

    /// Whether every row of the sheet `original` is the original of a row of the sheet `ordinal`
    /// (the two hold the same rows), so that the two can change places.
    private static func swapsWhole(_ original: Int, for ordinal: Int, _ copies: [CopiedRow], _ deals: DealsTable)
        -> Bool
    {
        let rows = Set(deals.lines.lazy.filter { DealsTable.sheetOrdinal($0.row) == original }.map(\.row))
        let originals = Set(copies.lazy.filter { DealsTable.sheetOrdinal($0.line.row) == ordinal }.map(\.original))
        return rows == originals && !deals.skipped.contains { DealsTable.sheetOrdinal($0.row) == original }
    }

    /// `Deals (2)`, `Copy of Deals`, `Copia de Julio`, `Kopie von Juli`, `Deals backup`, `Old Deals`.
    static func isNamedAsCopy(_ name: String) -> Bool {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        if trimmed.hasSuffix(")"), let open = trimmed.lastIndex(of: "("),
            Int(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)]) != nil
        {
            return true
        }
        return FoldedWords.of(name).contains(where: HeaderSynonyms.copyWords.contains)
    }
}
