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
    static func pricedAtRate(_ rows: [Row], column: Int, amount: Int, rate: Int) -> Bool {
        // Figures as numbers or as a CSV file's text (`1000`, `5%`).
        func number(_ value: CellValue?) -> Decimal? {
            guard let value else { return nil }
            return try? ValueReading.money(value, style: .decimalPoint)
        }
        func share(_ value: CellValue?) -> Decimal? {
            guard let value else { return nil }
            return try? ValueReading.fraction(value, style: .decimalPoint)
        }
        let cent = Decimal(string: "0.01")!
        var figures = 0
        var priced = 0
        for row in rows {
            guard let figure = number(row.cell(at: column)?.value), figure != 0 else { continue }
            figures += 1
            guard let base = number(row.cell(at: amount)?.value), let rate = share(row.cell(at: rate)?.value),
                rate > 0, rate < 1
            else { continue }
            let shares =
                [Decimal(1)]
                + row.cells.compactMap { cell -> Decimal? in
                    guard cell.column != column, let part = share(cell.value), part > 0, part < 1 else { return nil }
                    return part
                }
            if shares.contains(where: { abs(base * $0 * rate - figure) <= cent }) { priced += 1 }
        }
        return figures > 0 && priced * 2 >= figures
    }
}
