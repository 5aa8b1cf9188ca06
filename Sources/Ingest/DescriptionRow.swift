import Spreadsheet

/// A row right under the header saying in words what each column holds (`MM/DD/YYYY – date won`,
/// `USD, net of discounts`, `= Amount × Split × Rate, rounded to cents`), as a sheet kept for
/// others to fill in has: it holds no deal. Words only, three cells or more, and the date's, the
/// amount's and the commission's cells (those the header names), and the deal id's and rep's,
/// words with no digit, which no deal's are (every cell of a text file is text): a deal with its
/// date and amount in words (`TBD`) has an id or a rep written otherwise (`D-1001`; a rep's id
/// `R07`), and stays a deal reported unreadable. The reader says the row it takes for such a
/// description, so that a row left out is never left out in silence.
enum DescriptionRow {
    static func describes(_ row: Row, mapping: ColumnMapping<Field>) -> Bool {
        guard row.index == mapping.headerRow + 1 else { return false }
        var texts = 0
        for cell in row.cells {
            switch cell.value {
            case .empty: continue
            case .text(let text) where !text.allSatisfy(\.isWhitespace): texts += 1
            case .text: continue
            default: return false
            }
        }
        guard mapping.columns[.date] != nil, mapping.columns[.amount] != nil else { return false }
        // The deal id's cell too, where one is mapped: `Opportunity ID from the CRM` holds no
        // digit, a deal's id nearly always does.
        let figures = [Field.date, .amount, .commission, .dealID].compactMap { mapping.columns[$0] }
        return texts >= 3
            && figures.allSatisfy { column in
                guard case .text(let text)? = row.cell(at: column)?.value else { return false }
                return text.contains(where: \.isLetter) && !text.contains(where: \.isNumber)
            }
    }
}
