import Foundation
import Spreadsheet

/// A header of what a row pays out, named by the amount's words and `payable` (`Amount Payable`,
/// `Total Payable`, `Net Payable`): beside a column that is the deal's amount, and where no header
/// names the commission, it is the commission, what the sheet pays the rep. Where no other column
/// is the amount it stays the amount, as its first word says. `Due`, `Owed` and `Owing` are not
/// taken so: in an invoice or CRM export `Amount Due` is what the customer still owes. They, and
/// `Accrued`, name the commission only where its figures are priced at the row's rate
/// (`namesOwed`, `pricedAtRate`), which a customer's amount due is not.
enum PayableHeader {
    /// Words that say the sheet pays the figure out.
    static let owingWords: Set<String> = ["payable"]
    /// Words for a figure that, beside a word for owing, name nothing else.
    static let figureWords: Set<String> = ["amount", "amt", "total", "sum", "net"]

    /// Whether `header` is `payable` with figure words only (`Amount Payable`, `Payable`).
    static func names(_ header: String) -> Bool {
        let words = LooseHeaders<String>.terms(header)
        return words.contains(where: owingWords.contains)
            && words.allSatisfy { owingWords.contains($0) || figureWords.contains($0) }
    }

    /// Words that say a figure is owed or accrued to someone, who may be the customer.
    static let owedWords: Set<String> = ["due", "owed", "owing", "accrued", "accrual"]

    /// Whether `header` is a word of `owedWords` with figure words only (`Amount Due`, `Accrued`,
    /// `Amount Owed`).
    static func namesOwed(_ header: String) -> Bool {
        let words = LooseHeaders<String>.terms(header)
        return words.contains(where: owedWords.contains)
            && words.allSatisfy { owedWords.contains($0) || figureWords.contains($0) }
    }

    /// Whether the figures of `column` are the row's `amount` times its `rate`, or times a share
    /// the row holds and the rate (`amount × split × rate`), to the cent, in half the `rows` with
    /// a figure or more (a row or two typed over or wrongly split among them).
    ///
    /// Figures stored as text (a CSV file's `1000`, `5%`) are read in the style each column's texts
    /// show (`1.000,00`, `50,00` with decimal commas), a column whose texts show none in the one
    /// the other two show, as the deals' number columns are read (`textStyles`); a share in the
    /// style the three show.
    static func pricedAtRate(_ rows: [Row], column: Int, amount: Int, rate: Int) -> Bool {
        let (styles, shown) = textStyles(rows, columns: [column, amount, rate])
        func number(_ value: CellValue?, in column: Int) -> Decimal? {
            guard let value else { return nil }
            return try? ValueReading.money(value, style: styles[column] ?? .decimalPoint)
        }
        func share(_ value: CellValue?, style: NumberStyle?) -> Decimal? {
            guard let value else { return nil }
            return try? ValueReading.fraction(value, style: style ?? shown ?? .decimalPoint)
        }
        let cent = Decimal(string: "0.01")!
        var figures = 0
        var priced = 0
        for row in rows {
            guard let figure = number(row.cell(at: column)?.value, in: column), figure != 0 else { continue }
            figures += 1
            guard let base = number(row.cell(at: amount)?.value, in: amount),
                let rate = share(row.cell(at: rate)?.value, style: styles[rate]), rate > 0, rate < 1
            else { continue }
            let shares =
                [Decimal(1)]
                + row.cells.compactMap { cell -> Decimal? in
                    guard cell.column != column, let part = share(cell.value, style: nil), part > 0, part < 1
                    else { return nil }
                    return part
                }
            if shares.contains(where: { abs(base * $0 * rate - figure) <= cent }) { priced += 1 }
        }
        return figures > 0 && priced * 2 >= figures
    }

    /// The style each of `columns` writes its texts in among `rows` (`NumberStyle.ofFigures`), a
    /// column whose texts show none taking the one the others show when they agree (`37.800`
    /// whole euros beside `2.268,00`); and that one, nil where they show none or differ.
    static func textStyles(_ rows: [Row], columns: [Int]) -> (styles: [Int: NumberStyle], shown: NumberStyle?) {
        var styles: [Int: NumberStyle] = [:]
        var told: Set<NumberStyle> = []
        var untold: [Int] = []
        for column in columns {
            let texts = rows.compactMap { row -> String? in
                if case .text(let text) = row.cell(at: column)?.value { text } else { nil }
            }
            let (style, ambiguous) = NumberStyle.decide(texts)
            if texts.contains(where: { NumberStyle.shown(by: $0) != nil }) {
                styles[column] = style
                if !ambiguous { told.insert(style) }
            } else {
                styles[column] = NumberStyle.ofFigures(texts, header: "").style
                untold.append(column)
            }
        }
        let shown = told.count == 1 ? told.first : nil
        if let shown { for column in untold { styles[column] = shown } }
        return (styles, shown)
    }
}
