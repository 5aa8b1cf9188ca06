import Commission
import FileAccess
import Ingest
import SpooledEngine

/// A workbook's deal rows (lines and manual cells) set aside as they are read, in a spool kept in
/// memory up to a budget and on disk beyond it, then read back into the table whole.
///
/// The rows of each sheet come as the read finishes the sheet (`DealsReader.readWorkbook`'s
/// `settingRowsAside`), not always in the sheets' order: they are read back in it. While they
/// are set aside, the workbook's formulas are evaluated without them in memory.
final class SpooledRows {
    private let spool: ByteSpool
    /// What the records of manual cells leave in memory (the rare values no word holds).
    private var apart = ManualCells.HeldApart()
    /// Each sheet's rows in the order they were set aside: the sheet's ordinal and its counts.
    private var sheets: [(ordinal: Int, lines: Int, manual: Int)] = []

    /// `memoryBudget`: the bytes of records held in memory before they move to a temporary file
    /// (0: all but a chunk of them on disk).
    init(memoryBudget: Int) {
        spool = ByteSpool(memoryLimit: memoryBudget, chunkSize: min(1 << 20, max(64, memoryBudget / 64)))
    }

    /// Sets aside the rows of the sheet `ordinal` among those the read joins.
    func add(sheet ordinal: Int, lines: [CreditLine], manual: [ManualCells]) throws {
        for line in lines { try spool.append { line.write(to: &$0) } }
        for cells in manual { try spool.append { cells.write(to: &$0, apart: &apart) } }
        sheets.append((ordinal, lines.count, manual.count))
    }

    /// The rows set aside, joined in the order of their sheets, and the spool emptied. When the
    /// sheets came in their order (nearly always) each array is made once, at its size; otherwise
    /// each sheet's rows are read back on their own and then joined.
    func takeRows() throws -> (lines: [CreditLine], manual: [ManualCells]) {
        defer {
            sheets = []
            apart = ManualCells.HeldApart()
        }
        // The texts of the reps, each held once as the read held them.
        var reps: [String: String] = [:]
        func repText(_ text: String) -> String {
            if let held = reps[text] { return held }
            if reps.count < 4096 { reps[text] = text }
            return text
        }
        // Each sheet's rows in the order written, into arrays of the sheet (or of all sheets).
        var bySheet: [Int: (lines: [CreditLine], manual: [ManualCells])] = [:]
        var lines: [CreditLine] = []
        var manual: [ManualCells] = []
        let inOrder = zip(sheets, sheets.dropFirst()).allSatisfy { $0.ordinal < $1.ordinal }
        if inOrder {
            lines.reserveCapacity(sheets.reduce(0) { $0 + $1.lines })
            manual.reserveCapacity(sheets.reduce(0) { $0 + $1.manual })
        }
        var sheet = 0
        var linesLeft = sheets.first?.lines ?? 0
        var manualLeft = sheets.first?.manual ?? 0
        var previous: CreditLine?
        try spool.forEach(releasing: true) { record in
            // The records of a sheet: its lines, then its manual cells.
            while linesLeft == 0 && manualLeft == 0 {
                if !inOrder {
                    bySheet[sheets[sheet].ordinal] = (lines, manual)
                    (lines, manual) = ([], [])
                }
                sheet += 1
                (linesLeft, manualLeft, previous) = (sheets[sheet].lines, sheets[sheet].manual, nil)
            }
            if linesLeft > 0 {
                let line = CreditLine(reading: &record, repText: repText, previous: previous)
                lines.append(line)
                previous = line
                linesLeft -= 1
            } else {
                manual.append(ManualCells(reading: &record, apart: apart))
                manualLeft -= 1
            }
        }
        guard !inOrder else { return (lines, manual) }
        if !sheets.isEmpty { bySheet[sheets[sheet].ordinal] = (lines, manual) }
        (lines, manual) = ([], [])
        for ordinal in bySheet.keys.sorted() {
            lines += bySheet[ordinal]!.lines
            manual += bySheet[ordinal]!.manual
            bySheet[ordinal] = nil
        }
        return (lines, manual)
    }
}
