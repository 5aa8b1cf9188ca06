import Foundation
import Spreadsheet

/// A row of free text among or under the deals (`Note: March adjusted per VP`, `* split with Ben`,
/// `Approved by J. Smith 02/04`): no deal, whatever the sheet gives every row (a tab's rep, a
/// block title's rep). It is left out of the deals as a row that holds a note, said once in the
/// report's notes, and is no finding: it pays nothing.
enum NoteRow {
    /// The text `row` holds when it holds nothing else: every cell written holds text with a
    /// letter in it, all one text (a note merged across columns is read into each of them), in
    /// `column` (its first). Nil when the row holds a number, a date, or two texts (a deal id and
    /// its rep, a deal id and an amount typed as words: a deal to correct). The rep a block's
    /// title puts on the row (`BlockTitles.repColumn`) is none of its cells.
    static func text(of row: Row) -> (text: String, column: Int)? {
        var found: (text: String, column: Int)?
        for cell in row.cells where cell.column != BlockTitles.repColumn {
            switch cell.value {
            case .empty: continue
            case .text(let written):
                let text = written.trimmingCharacters(in: .whitespaces)
                if text.isEmpty { continue }
                guard text.contains(where: \.isLetter), found == nil || found?.text == text else { return nil }
                found = found ?? (text, cell.column)
            default: return nil
            }
        }
        return found
    }
}
