import Spreadsheet

/// A row right under the header saying in words what each column holds (`MM/DD/YYYY – date won`,
/// `USD, net of discounts`, `= Amount × Split × Rate, rounded to cents`), as a sheet kept for
/// others to fill in has: it holds no deal. Words only, three cells or more, and the date's, the
/// amount's and the commission's cells (those the header names) words with no digit, which no
/// deal's date and figures are (every cell of a text file is text): a deal with its amount in
/// words (`TBD`) has its date in digits, and stays a deal reported unreadable.
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
        let figures = [Field.date, .amount, .commission].compactMap { mapping.columns[$0] }
        return texts >= 3
            && figures.allSatisfy { column in
                guard case .text(let text)? = row.cell(at: column)?.value else { return false }
                return text.contains(where: \.isLetter) && !text.contains(where: \.isNumber)
            }
    }
}
