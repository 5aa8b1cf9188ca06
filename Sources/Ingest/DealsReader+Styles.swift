import Commission
import Foundation
import Spreadsheet

extension DealsReader {
    /// How the table's columns write their numbers and dates, decided from its first `rows`:
    /// each date column's day and month order, each number column's style, and the split's
    /// percents; an ambiguity is said in `result`'s diagnostics, a conflict thrown.
    static func decideStyles(
        _ rows: [Row], mapping: ColumnMapping<Field>, file: String, table: String?, dateOrder: DateOrder?,
        otherSheetsOrder: DateOrder?, deferringUndecided: Bool, into result: inout DealsTable
    ) throws -> ColumnStyles {
        var styles = ColumnStyles()
        var undecided: [(field: Field, error: SpreadsheetError)] = []
        for field in [Field.date, .cancelDate] {
            guard let column = mapping.columns[field] else { continue }
            // A note's text is no deal's date (`Printed 03/01/2027` in a printout's footer).
            let texts = rows.compactMap { row -> String? in
                if case .text(let text) = row.cell(at: column)?.value, NoteRow.text(of: row) == nil { return text }
                return nil
            }
            let decided = DateOrder.decide(texts)
            let name = mapping.headers[field] ?? field.rawValue
            if let dateOrder {
                styles.dates[field] = dateOrder
            } else if decided.conflict {
                throw SpreadsheetError(
                    Location(file: file, sheet: table),
                    "column '\(name)' mixes day-first and month-first dates; settle it with --date-order")
            } else if let order = decided.order ?? (decided.dotted ? .dayFirst : nil) {
                styles.dates[field] = order
                result.textDateOrders.insert(order)
            } else if decided.seen {
                undecided.append(
                    (
                        field,
                        SpreadsheetError(
                            Location(file: file, sheet: table),
                            "column '\(name)' holds dates such as '\(texts.first { ValueReading.dateParts($0) != nil } ?? "")' that read either day-first or month-first; settle it with --date-order day-first|month-first"
                        )
                    ))
            }
        }
        // A date column that does not tell its order is written as the table's other one shows,
        // or else as the workbook's other sheets show.
        let shownOrders = Set(styles.dates.values)
        for (field, error) in undecided {
            guard let order = shownOrders.count == 1 ? shownOrders.first : otherSheetsOrder else {
                throw deferringUndecided ? UndecidedDateOrder(error: error) : error
            }
            styles.dates[field] = order
        }
        var numbers: [Field: NumberStyle] = [:]
        // A column whose texts do not show their style (`37.800`, whole euros grouped by dots)
        // takes the one the sheet's other number columns show (`2.268,00`, `6,0 %`), when they agree.
        var shown: Set<NumberStyle> = []
        var unshown: [Field] = []
        for field in [Field.amount, .split, .quota, .rate, .commission, .bonus] {
            guard let column = mapping.columns[field] else { continue }
            let texts = rows.compactMap { row -> String? in
                if case .text(let text) = row.cell(at: column)?.value { return text }
                return nil
            }
            let (style, ambiguous) = NumberStyle.decide(texts)
            numbers[field] = style
            if texts.contains(where: { NumberStyle.shown(by: $0) != nil }) {
                shown.insert(style)
                if !ambiguous {
                    styles.toldNumbers.insert(field)
                    result.textNumberStyles.insert(style)
                }
            } else {
                unshown.append(field)
            }
            if ambiguous {
                result.diagnostics.append(
                    SpreadsheetError(
                        Location(file: file, sheet: table),
                        NumberStyle.mixedWords(header: mapping.headers[field] ?? field.rawValue, readAs: style)))
            }
        }
        if shown.count == 1, let style = shown.first {
            for field in unshown { numbers[field] = style }
            styles.toldNumbers.formUnion(unshown)
        } else {
            // Money is written with two decimals or none: a money column whose every separator is
            // one dot before three digits (`37.800`, `1.250`) may group thousands with it. It does
            // when most of its texts are written so (`12.345`, `1.500`, `800`: a German sheet's
            // whole euros); a column whose texts are mostly written without a separator (`50000`,
            // `120000` beside `812.375`; `100` beside `12.345`) reads its dots as decimal points,
            // as the contract reads money. A column writing both ways is read the way most of it
            // is, and said so, naming the cell read against the other way: `12.345` beside `100`
            // is 12.345 or 12,345, and the column alone does not tell which.
            for field in unshown where [.amount, .quota, .commission, .bonus].contains(field) {
                guard let column = mapping.columns[field] else { continue }
                let texts = rows.compactMap { row -> (text: String, row: Int)? in
                    if case .text(let text) = row.cell(at: column)?.value { return (text, row.index) }
                    return nil
                }
                let separated = texts.filter { $0.text.contains(".") || $0.text.contains(",") }
                guard !separated.isEmpty, separated.allSatisfy({ NumberStyle.groupsThousandsWithADot($0.text) })
                else { continue }
                let plain = texts.filter { !($0.text.contains(".") || $0.text.contains(",")) }
                let grouping = separated.count > plain.count
                if grouping {
                    numbers[field] = .decimalComma
                    styles.toldNumbers.insert(field)
                }
                // Plain whole values under 1,000 read alike both ways: only a long one (`1500`
                // among `1.000` and `12.500`) is written against a grouping column.
                let against = grouping ? plain.filter { NumberStyle.writesThousandsUngrouped($0.text) } : separated
                let header = mapping.headers[field] ?? field.rawValue
                if grouping, against.isEmpty, let example = separated.first {
                    // Nothing in the sheet tells: the reading is said, as formats.md asks of an ambiguity.
                    let read = example.text.filter { $0 != "." }
                    result.diagnostics.append(
                        SpreadsheetError(
                            Location(file: file, sheet: table),
                            "column '\(header)' writes its numbers with one dot before three digits ('\(example.text)'), which reads either way; read with the dot grouping thousands ('\(example.text)' as \(read)), as whole units are written in German: if the dot is a decimal point, write the numbers with two decimals or none"
                        ))
                    continue
                }
                guard let odd = against.first, let example = (grouping ? separated : plain).first else { continue }
                // The cell is named in the words, not the location: a diagnostic at a cell is a
                // value that could not be read (`UnreadableRows`), and this one was read.
                let cell = table == nil ? "row \(odd.row)" : "\(CellAddress(row: odd.row, column: column))"
                let others = against.count > 1 ? " (and \(against.count - 1) more)" : ""
                let words =
                    grouping
                    ? "groups thousands with a dot ('\(example.text)') but writes '\(odd.text)' at \(cell)\(others) without one; the column is read as thousands, as most of it is written"
                    : "writes '\(odd.text)' at \(cell)\(others) with a dot before three digits beside as many values or more written with no separator ('\(example.text)'); '\(odd.text)' is read with a decimal point, as the column mostly shows none for thousands: if it means thousands, write it without the dot"
                result.diagnostics.append(
                    SpreadsheetError(Location(file: file, sheet: table), "column '\(header)' \(words)"))
            }
        }
        styles.numbers = numbers
        if let plan = mapping.currency, let column = mapping.columns[.amount] {
            styles.amountsWriteThePlansCurrency = rows.contains { row in
                guard case .text(let text) = row.cell(at: column)?.value else { return false }
                return WrittenCurrency.codes(in: text)?.codes.contains(plan) == true
            }
        }
        if let column = mapping.columns[.split] {
            styles.splitInWholePercents = ValueReading.wholePercents(
                rows.compactMap { $0.cell(at: column)?.value }, style: numbers[.split] ?? .decimalPoint)
        }
        return styles
    }
}

/// How one table's columns write their numbers and dates, decided from its first rows, and the
/// rep every row takes when the table has no rep column.
struct ColumnStyles: Sendable {
    var numbers: [Field: NumberStyle] = [:]
    /// The number columns whose style their texts, or the sheet's other number columns, tell
    /// (not a column mixing `1,234.56` and `1.234,56`, nor one whose texts show neither).
    var toldNumbers: Set<Field> = []
    var dates: [Field: DateOrder] = [:]
    /// How the file counts days, for dates pasted as plain serial numbers.
    var dateSystem = DateSystem.excel1900
    /// Whether the table is a workbook's sheet, whose formulas may compare its dates (a CSV file's
    /// text dates are read by no formula: `DealsTable.textDates` is not kept for them).
    var inWorkbook = false
    var rep: String?
    /// The date every row takes when the table has no date column (a tab per month).
    var date: LocalDate?
    /// Whether the split column writes shares as whole percents (`50` for 50%).
    var splitInWholePercents = false
    /// The plan's status words, when the reader was given them (`UnpaidRow`, `ClawbackRow`).
    var statuses: StatusRule?
    /// Whether the amount column's texts write the plan's currency (`USD 12,500.00`, `$12,500` under
    /// a plan in USD): its symbols then mean what they say, and one naming another currency
    /// (`€ 9.800,00`) is no amount in the plan's (`WrittenCurrency.foreign`).
    var amountsWriteThePlansCurrency = false
    /// The one year the title rows above the header write, in which a date written without one
    /// (`15-Mar`) is read (`YearlessDates`); nil when they write none or several.
    var titleYear: Int?
    /// Why the title rows' year is not read, when they name a fiscal year alone that may be two
    /// calendar years' (`YearlessDates.titleYear`).
    var titleYearUnread: String?
}
