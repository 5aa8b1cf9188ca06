import Foundation
import Spreadsheet

/// A row of free text among or under the deals (`Note: March adjusted per VP`, `* split with Ben`,
/// `Approved by J. Smith 02/04`): no deal, whatever the sheet gives every row (a tab's rep, a
/// block title's rep). It is left out of the deals as a row that holds a note, said once in the
/// report's notes, and is no finding: it pays nothing.
enum NoteRow {
    /// The text `row` holds when it holds nothing else: every cell written holds text with a
    /// letter in it, all one text (a note merged across columns is read into each of them), in
    /// `column` (its first), or texts that are all a printout's page furniture (`Page 2 of 5` and
    /// `Printed 03/01/2027`, a footer pasted back with the pages), joined. Nil when the row holds
    /// a number, a date, or two texts of another kind (a deal id and its rep, a deal id and an
    /// amount typed as words: a deal to correct), unless it is a form's fields (`formText`). The
    /// rep a block's title puts on the row (`BlockTitles.repColumn`) is none of its cells.
    static func text(of row: Row) -> (text: String, column: Int)? {
        if let form = formText(of: row) { return form }
        var found: (text: String, column: Int)?
        var others: [String] = []
        for cell in row.cells where cell.column != BlockTitles.repColumn {
            switch cell.value {
            case .empty: continue
            case .text(let written):
                let text = written.trimmingCharacters(in: .whitespaces)
                if text.isEmpty { continue }
                guard text.contains(where: \.isLetter) else { return nil }
                if let found {
                    if found.text != text { others.append(text) }
                } else {
                    found = (text, cell.column)
                }
            default: return nil
            }
        }
        guard let found, !others.isEmpty else { return found }
        let texts = [found.text] + others
        return texts.allSatisfy(isPageFurniture) ? (texts.joined(separator: " · "), found.column) : nil
    }

    /// The fields of a form under the table, a sign-off (`Prepared by: | J. Smith | Date: |
    /// 03/09/2026`, `Approved by: | Ana Lima`), joined: its written cells, from its first, each a
    /// label (a text with a letter, closing with a colon) and the one text or date after it. Nil for
    /// any other row, and for a label followed by a number (`Total: | 1,500.00`, a total's figure).
    static func formText(of row: Row) -> (text: String, column: Int)? {
        let written = row.cells.filter { $0.column != BlockTitles.repColumn && !$0.value.isBlank }
        guard let first = written.first, written.count >= 2 else { return nil }
        var fields: [String] = []
        for index in stride(from: 0, to: written.count, by: 2) {
            guard case .text(let label) = written[index].value,
                case let label = label.trimmingCharacters(in: .whitespaces),
                label.hasSuffix(":"), label.contains(where: \.isLetter)
            else { return nil }
            guard index + 1 < written.count else {
                fields.append(label)
                continue
            }
            let value = written[index + 1]
            switch value.value {
            // A serial under a date's format is read as a date already (`Styles`); a number under
            // any other (`#,##0.00;[Red]…` holds a `d`) is a figure.
            case .text, .date: fields.append(label + " " + value.value.plainText)
            default: return nil
            }
        }
        return (fields.joined(separator: " · "), first.column)
    }

    /// Whether `text` is a printout's page mark (`Page 2 of 5`, `Seite 2 von 5`, `Página 2 de 5`,
    /// `Pag. 2`) or print stamp (`Printed 03/01/2027`, `Gedruckt am 01.03.2027`, `Impreso el …`).
    static func isPageFurniture(_ text: String) -> Bool {
        let words = LooseHeaders<String>.terms(text)
        guard let first = words.first else { return false }
        if printWords.contains(first) { return words.count > 1 }
        return pageWords.contains(first) && words.count > 1 && words[1].allSatisfy(\.isNumber)
    }

    /// A page's word in the languages of `HeaderSynonyms`, folded.
    private static let pageWords: Set<String> = [
        "page", "pg", "seite", "pagina", "pag", "side", "sida", "strona", "sivu", "strana", "sayfa", "blad", "blatt",
    ]

    /// Words that open a print stamp, folded.
    private static let printWords: Set<String> = [
        "printed", "gedruckt", "impreso", "imprime", "imprimee", "stampato", "impresso", "afgedrukt", "utskriven",
        "udskrevet", "utskrevet", "wydrukowano", "tulostettu", "vytisteno", "yazdirildi",
    ]
}
