import Foundation
import Ingest
import Parallel

extension RowFindings {
    /// The first pass over the rows: which figures are not the engine's exactly, which of those
    /// differ beyond the tolerance, and how each sheet writes its figures. Most rows are right and
    /// are passed over from here on.
    struct Triage {
        /// The rows (source rows) whose figure differs beyond the tolerance or cannot be read.
        var differing: [Int] = []
        /// The line indices whose figure a reading of the plan is asked for: differing or text.
        var asked: [Int] = []
        /// The line indices without a commission cell or whose figure is not the engine's
        /// exactly, in order.
        var inexact: [Int] = []
        /// Right figures stored as text, by sheet ordinal (line indices, in order).
        var rightTexts: [Int: [Int]] = [:]
        /// Each sheet's count of figures, and of those stored as text.
        var figures: [Int: (all: Int, texts: Int)] = [:]

        /// Whether a column of `all` written figures, `texts` of them stored as text, is kept as text
        /// throughout: more than half are, the sheet's way of keeping it, read at its values (a
        /// commission, bonus or summary column); a text among numbers is a `text_number` finding.
        static func keptAsText(texts: Int, of all: Int) -> Bool { 2 * texts > all }

        /// The triage of every row of `context`: on all cores from 50,000 rows (or in `pieces`),
        /// in pieces joined in order, so that the lists are as one pass makes them. Rows whose
        /// manual cells are set aside in a file are read in one pass (the file's cache serves one
        /// reader).
        static func of(_ context: RowContext, pieces: Int? = nil) -> Triage {
            let count = context.deals.lines.count
            let manual = context.deals.manual
            let chunks = manual.isSetAside ? 1 : pieces ?? manual.readingPieces(minimum: 50_000)
            guard chunks > 1 else { return Triage(context, lines: 0..<count) }
            let pieces = inParallel(chunks: chunks) { chunk in
                Triage(context, lines: chunkRange(chunk, of: chunks, total: count))
            }
            var whole = Triage()
            for piece in pieces { whole.append(piece) }
            return whole
        }

        init() {}

        /// The triage of the lines at `lines`.
        init(_ context: RowContext, lines: Range<Int>) {
            let (engine, allReps) = (context.engine, context.commissionsOfAllReps)
            let hasBonusColumn = !context.rowsHoldBonus
            func expectedCommission(_ row: Int) -> Decimal {
                allReps
                    ? context.expectedCommission(ofRow: row, withBonus: !hasBonusColumn)
                    : engine.amount(ofRow: row, withBonus: !hasBonusColumn)
            }
            // Counted for the sheet being read, added to `figures` when the next begins.
            var (sheet, sheetFigures, sheetTexts) = (-1, 0, 0)
            func countSheet() {
                guard sheet >= 0 else { return }
                figures[sheet, default: (0, 0)].all += sheetFigures
                figures[sheet, default: (0, 0)].texts += sheetTexts
            }
            let lineList = context.deals.lines
            func triage(_ index: Int, _ manual: ManualCells) {
                // The line's row alone: the line is not copied (its deal id retained) for it.
                let row = lineList[index].row
                if DealsTable.sheetOrdinal(row) != sheet {
                    countSheet()
                    (sheet, sheetFigures, sheetTexts) = (DealsTable.sheetOrdinal(row), 0, 0)
                }
                guard let cell = manual.commission, case (let value?, let isText) = Decimal.fromCell(cell.value) else {
                    // A word for nothing (`N/A`, `none`, `lost - no comm`) where the plan pays nothing
                    // is right, as a dash for zero is: there is nothing to correct.
                    if let cell = manual.commission, cell.value.isPlaceholderWord, expectedCommission(row) == 0 {
                        return
                    }
                    differing.append(row)
                    inexact.append(index)
                    return
                }
                sheetFigures += 1
                if isText { sheetTexts += 1 }
                let expected = expectedCommission(row)
                // A dash for a commission the plan does not pay is right: no total skips anything.
                if value == expected, !isText || cell.value.isZeroDash { return }
                if value == expected {
                    rightTexts[sheet, default: []].append(index)
                    return
                }
                inexact.append(index)
                let matches = context.matches(value, expected)
                if !matches { differing.append(row) }
                if isText || !matches { asked.append(index) }
            }
            // The manual cells read in place where they are held, not copied out one by one.
            let manual = context.deals.manual
            let read: Void? = manual.withHeldCells { cells in
                for index in lines { triage(index, cells[index]) }
            }
            if read == nil {
                for index in lines { triage(index, manual[index]) }
            }
            countSheet()
        }

        /// Adds the triage of the lines after this one's.
        mutating func append(_ later: Triage) {
            differing += later.differing
            asked += later.asked
            inexact += later.inexact
            rightTexts.merge(later.rightTexts, uniquingKeysWith: +)
            figures.merge(later.figures) { ($0.all + $1.all, $0.texts + $1.texts) }
        }
    }
}
