import Commission
import Foundation
import Spreadsheet

/// A deals table with no commission column whose commission is kept in a column per month or
/// quarter instead (`Jan comm | Feb comm | …`, `Commission Jan-26`, `Q1 Commission`): each deal's
/// commission in its close month's column, the others left blank. Read as one commission column
/// whose cell on each row is the one written there (`ColumnMapping.commissionColumns`), so that a
/// finding names the cell that holds the figure.
enum PeriodCommissionColumns {
    /// `mapping` (a header naming every required field and no commission) with its commission read
    /// from the columns of `rows`' header row, outside the fields found, each headed by a commission
    /// word and a month or a quarter (`headsPeriodCommission`): at least two of them, on distinct
    /// periods. Nil when there are fewer.
    static func mapping(_ mapping: ColumnMapping<Field>, rows: [Row]) -> ColumnMapping<Field>? {
        guard mapping.columns[.commission] == nil, let header = rows.first(where: { $0.index == mapping.headerRow })
        else { return nil }
        let taken = Set(mapping.columns.values)
        var found: [(column: Int, text: String, period: String)] = []
        for cell in header.cells where !taken.contains(cell.column) {
            guard case .text(let text) = cell.value, mapping.columnSpan?.contains(cell.column) ?? true,
                let period = period(inCommissionHeader: text)
            else { continue }
            found.append((cell.column, text.trimmingCharacters(in: .whitespaces), period))
        }
        guard found.count >= 2, Set(found.map(\.period)).count == found.count else { return nil }
        var read = mapping.adding(.commission, column: found[0].column, header: found[0].text)
        read.commissionColumns = found.map(\.column)
        read.commissionPeriods = found.map(\.period)
        return read
    }

    /// The month or quarter a header names beside a word for commission (`Jan comm`, `Commission
    /// Jan-26`, `Q1 Commission`, `Comm. March 2026`), as the label's month or quarter (`m1`, `q1`)
    /// with its year; nil for any other header (`Jan`, `Commission`, `Commission Rate Jan`).
    static func period(inCommissionHeader text: String) -> String? {
        let words = text.split(whereSeparator: { $0.isWhitespace || $0 == "-" || $0 == "/" || $0 == "_" })
            .map(String.init)
        guard words.count >= 2 else { return nil }
        let commission = Field.headerWords.wanted[.commission] ?? []
        // The commission's words first or last, the period's the others.
        for count in 1..<words.count {
            for (pay, rest) in [
                (words.prefix(count), words.dropFirst(count)), (words.suffix(count), words.dropLast(count)),
            ] where commission.contains(headerKey(pay.joined(separator: " "))) {
                guard let label = PeriodLabel(rest.joined(separator: " ")) else { continue }
                let year = label.year.map { "-\($0)" } ?? ""
                if let month = label.month { return "m\(month)\(year)" }
                if let quarter = label.quarter { return "q\(quarter)\(year)" }
            }
        }
        return nil
    }

    /// The commission cell of `row` among `columns`: the one written with a figure other than 0,
    /// else the first written, else none (a blank commission).
    static func cell(of row: Row, among columns: [Int]) -> Cell? {
        var first: Cell?
        for column in columns {
            guard let cell = row.cells.first(where: { $0.column == column }), cell.value != .empty else { continue }
            if case .number(let number) = cell.value, number == 0 {
                if first == nil { first = cell }
                continue
            }
            return cell
        }
        return first
    }

    /// The commission cell of a row closed on `date` among `columns` (headed by `periods`) when
    /// the date's month or calendar quarter has one holding a figure other than 0; nil otherwise,
    /// and `cell(of:among:)`'s stands (a fiscal quarter's column names no calendar quarter).
    static func closePeriodCell(of row: Row, among columns: [Int], periods: [String], closed date: LocalDate) -> Cell? {
        let (year, month) = (date.year, date.month)
        let own = ["m\(month)-\(year)", "m\(month)", "q\((month - 1) / 3 + 1)-\(year)", "q\((month - 1) / 3 + 1)"]
        for (column, period) in zip(columns, periods) where own.contains(period) {
            if let cell = row.cells.first(where: { $0.column == column }), cell.value != .empty,
                cell.value != .number(0)
            {
                return cell
            }
        }
        return nil
    }

    /// The cells of `row` among `columns` other than `chosen` that hold a negative figure: a
    /// deal's commission taken back in a later period's column, read as a clawback row.
    static func takenBack(in row: Row, among columns: [Int], besides chosen: Cell?) -> [Cell] {
        otherCells(of: row, among: columns, besides: chosen).filter { cell in
            if case .number(let number) = cell.value { number < 0 } else { false }
        }
    }

    /// The cells of `row` among `columns` other than `chosen`, the row's figure.
    private static func otherCells(of row: Row, among columns: [Int], besides chosen: Cell?) -> [Cell] {
        columns.compactMap { column in
            column == chosen?.column ? nil : row.cells.first { $0.column == column }
        }
    }

    /// The first days of the first and last months of `period` (a column's, as `period(inCommissionHeader:)`
    /// gives it: `m3`, `q2-2026`), in its year, else `year`; nil for another text.
    static func months(of period: String, year: Int) -> ClosedRange<LocalDate>? {
        let parts = period.dropFirst().split(separator: "-")
        guard let number = parts.first.flatMap({ Int($0) }) else { return nil }
        let year = parts.count > 1 ? Int(parts[1]) ?? year : year
        let (first, last) = period.first == "q" ? (number * 3 - 2, number * 3) : (number, number)
        guard let start = LocalDate(year: year, month: first, day: 1),
            let end = LocalDate(year: year, month: last, day: 1)
        else { return nil }
        return start...end
    }

    /// The cells of `row` among `columns` other than `chosen` (the row's figure) that pay the deal
    /// again: a figure above 0, a number or money text read in the columns' `style` where their
    /// texts tell one (`1.500` a German sheet's 1,500), as the row's own figure is, else as money
    /// is read (`1,500`), else money text that tells its own (`500,00 €`). Each is the deal paid
    /// twice, in another period's column (`PaidAgainCell`), the period heading it (`periods`, the
    /// columns' in their order) in the close date's year where it names none (`closed`).
    static func paidAgain(
        in row: Row, among columns: [Int], periods: [String] = [], closed: LocalDate? = nil, besides chosen: Cell?,
        dealID: String, rep: String, style: NumberStyle? = nil
    ) -> [PaidAgainCell] {
        otherCells(of: row, among: columns, besides: chosen).compactMap { cell in
            let figure: Decimal?
            switch cell.value {
            case .number(let number): figure = number
            case .text(let text):
                // In the columns' style, else as money is read (`1,500` whole dollars).
                let read = try? ValueReading.parseMoney(text, style: style ?? .decimalPoint)
                figure = read ?? NumberStyle.money(inText: text)
            default: figure = nil
            }
            guard let figure, figure > 0 else { return nil }
            let period = columns.firstIndex(of: cell.column).flatMap { $0 < periods.count ? periods[$0] : nil }
            return PaidAgainCell(
                row: row.index, dealID: dealID, rep: rep, cell: cell, amount: figure, paidIn: chosen?.column,
                columnMonths: period.flatMap { period in closed.flatMap { months(of: period, year: $0.year) } })
        }
    }
}
