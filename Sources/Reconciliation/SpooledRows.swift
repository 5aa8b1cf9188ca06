import Commission
import FileAccess
import Ingest
import SpooledEngine

/// A workbook's deal rows (lines and manual cells) set aside as they are read: the lines in a
/// spool kept in memory up to a budget and on disk beyond it, read back into the table whole;
/// the manual cells in a file of records (`ManualColumn.SetAside`), which the table reads in
/// place, so that they stay out of memory through the whole reconciliation.
///
/// The rows of each sheet come as the read finishes the sheet (`DealsReader.readWorkbook`'s
/// `settingRowsAside`), not always in the sheets' order: they are read back in it. While they
/// are set aside, the workbook's formulas are evaluated without them in memory.
final class SpooledRows {
    private let spool: ByteSpool
    private let manual = ManualColumn.SetAside()
    /// Each sheet's rows in the order they were set aside: the sheet's ordinal and its count.
    private var sheets: [(ordinal: Int, lines: Int)] = []

    /// `memoryBudget`: the bytes of lines held in memory before they move to a temporary file
    /// (0: all but a chunk of them on disk).
    init(memoryBudget: Int) {
        spool = ByteSpool(memoryLimit: memoryBudget, chunkSize: min(1 << 20, max(64, memoryBudget / 64)))
    }

    /// Sets aside the rows of the sheet `ordinal` among those the read joins.
    func add(sheet ordinal: Int, lines: [CreditLine], manual cells: [ManualCells]) throws {
        precondition(cells.isEmpty || cells.count == lines.count, "a sheet's manual cells are its lines'")
        for line in lines { try spool.append { line.write(to: &$0) } }
        for row in cells { try manual.append(row) }
        sheets.append((ordinal, lines.count))
    }

    /// The rows set aside, in the order of their sheets, and the spool emptied: the lines read
    /// back into one array (made once, at its size), the manual cells left in their file. When
    /// the sheets came out of their order, each sheet's lines are read back on their own and
    /// joined, and the manual cells are read in the same order.
    func takeRows() throws -> (lines: [CreditLine], manual: ManualColumn) {
        defer { sheets = [] }
        // The texts of the reps, each held once as the read held them.
        var reps: [String: String] = [:]
        func repText(_ text: String) -> String {
            if let held = reps[text] { return held }
            if reps.count < 4096 { reps[text] = text }
            return text
        }
        let inOrder = zip(sheets, sheets.dropFirst()).allSatisfy { $0.ordinal < $1.ordinal }
        // Each sheet's lines in the order written, into an array of the sheet (or of all sheets).
        var bySheet: [Int: [CreditLine]] = [:]
        var lines: [CreditLine] = []
        if inOrder { lines.reserveCapacity(sheets.reduce(0) { $0 + $1.lines }) }
        var sheet = 0
        var linesLeft = sheets.first?.lines ?? 0
        var previous: CreditLine?
        try spool.forEach(releasing: true) { record in
            while linesLeft == 0 {
                if !inOrder {
                    bySheet[sheets[sheet].ordinal] = lines
                    lines = []
                }
                sheet += 1
                (linesLeft, previous) = (sheets[sheet].lines, nil)
            }
            let line = CreditLine(reading: &record, repText: repText, previous: previous)
            lines.append(line)
            previous = line
            linesLeft -= 1
        }
        let cells = manual.count == 0 ? ManualColumn() : ManualColumn(manual)
        guard !inOrder else { return (lines, cells) }
        if !sheets.isEmpty { bySheet[sheets[sheet].ordinal] = lines }
        lines = []
        // Where each sheet's records begin in the file, in the order the sheets were set aside.
        var first: [Int: Int] = [:]
        var at = 0
        for (ordinal, count) in sheets {
            first[ordinal] = at
            at += count
        }
        var order: [UInt32] = []
        // Made once at its size: grown as the sheets are joined, it would hold twice the lines
        // while it moves.
        lines.reserveCapacity(sheets.reduce(0) { $0 + $1.lines })
        for (ordinal, count) in sheets.sorted(by: { $0.ordinal < $1.ordinal }) {
            lines += bySheet[ordinal]!
            bySheet[ordinal] = nil
            if cells.count > 0 { order += (first[ordinal]!..<first[ordinal]! + count).map { UInt32($0) } }
        }
        return (lines, cells.count == 0 ? cells : ManualColumn(manual, order: order))
    }
}
