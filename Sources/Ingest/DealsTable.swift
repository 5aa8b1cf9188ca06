import Commission
import Foundation
import Spreadsheet

/// The credit lines read from a deals sheet, with what could not be read.
public struct DealsTable: Sendable {
    public var lines: [CreditLine]
    /// For each line (same index), its row's manual rate, commission and bonus cells, when the
    /// reader was asked for them (`manualCells: .values` or `.valuesAndFormulas`); empty otherwise.
    public var manual = ManualColumn()
    /// Rows that total others, in sheet order; they are not credit lines.
    public var totals: [TotalRow] = []
    /// Values that could not be read, each at its cell; those rows were skipped.
    public var diagnostics: [SpreadsheetError]
    /// Data rows below the header that held anything.
    public var rowsRead: Int
    /// The rows left out because a value could not be read, in sheet order (plan-format.md §7:
    /// every row is accounted for; callers refuse the run or report these).
    public var skipped: [SkippedRow] = []
    public var skippedRows: Int { skipped.count }
    public var mapping: ColumnMapping<Field>
    public var file: String
    public var sheet: String?
    /// The sheets the lines come from, by ordinal (`DealsTable.rowKey`); one for a CSV file or a
    /// single deals sheet.
    public var sheets: [DealsSheet] = []
    /// Sheets that hold no deals, with why (a summary sheet is among them, to be told apart later).
    public var otherSheets: [(sheet: String, reason: String)] = []
    /// Rows that take a deal's commission back by hand (`ClawbackRow`), read only when the reader
    /// keeps the manual cells (the reconciler's reading); they are no credit lines.
    public var clawbackRows: [ClawbackRow] = []
    /// Rows the plan does not pay that lack a close date or an amount (`UnpaidRow`: an open
    /// opportunity under an `eligible:` list), read only when the reader was given the plan's
    /// statuses; they are no credit lines and nothing left unread.
    public var unpaid: [UnpaidRow] = []
    /// Cells paying a deal again in another period's column of its row (`PaidAgainCell`), read
    /// only when the reader keeps the manual cells.
    public var paidAgain: [PaidAgainCell] = []
    /// The rows dated the last day of a month at a time of day after midnight (`2026-05-31 14:05`,
    /// as CRM exports write close dates), in row order: a total whose `<=` date criterion ends on
    /// that day stops at its midnight and leaves them out (`SummaryFindings`). Read only when the
    /// reader keeps the manual cells.
    public var lateOnMonthEnds: [LateOnMonthEnd] = []
    /// The rows whose close date is typed as text (`04/01/2026`, read as the date it writes), in
    /// row order: Excel's date criteria and comparisons never match a text, so a summary's
    /// `SUMIFS(…, ">="&DATE(…))` leaves them out (`SummaryFindings`). Read only when the reader
    /// keeps the manual cells.
    public var textDates: [Int] = []
    /// Per field, how many of its cells held a number or date stored as text (read as such).
    public var textNumbers: [Field: Int] = [:]
    /// The orders the tables' text dates showed (`13/04/2026` day-first), for the sheets whose
    /// dates do not.
    var textDateOrders: Set<DateOrder> = []
    /// The styles the tables' number columns' texts showed, each column's one way (`500,00`), for
    /// a tab of clawbacks whose figures do not (`ClawbackTab`).
    var textNumberStyles: Set<NumberStyle> = []
    /// The merged ranges of the one sheet this table was read from (`DealsReader.read`), for
    /// reading it again with their values (`MergedValues`); empty once tables are joined.
    var mergedRanges: [CellRange] = []
}

extension DealsTable {
    /// Whether the close date of the sheet row of a line's `row` (any of its reps') is typed as
    /// text (`textDates`), searched by halves: the rows are kept in row order, and a sheet may
    /// date a million of them so.
    public func isDatedInText(row key: Int) -> Bool {
        let row = Self.sheetRowKey(key)
        var (low, high) = (0, textDates.count)
        while low < high {
            let middle = (low + high) / 2
            if textDates[middle] < row { low = middle + 1 } else { high = middle }
        }
        return low < textDates.count && textDates[low] == row
    }

    /// Adds what `part` read (lines, cells, totals, diagnostics, counts) after what this holds.
    /// Into an empty table without room the part's arrays are taken as they are: a million lines
    /// are not copied, nor held twice while they are.
    mutating func append(_ part: DealsTable) {
        func add<Element>(_ more: [Element], to list: inout [Element]) {
            if list.isEmpty && list.capacity < more.count { list = more } else { list += more }
        }
        add(part.lines, to: &lines)
        add(part.manual.cells, to: &manual.cells)
        add(part.totals, to: &totals)
        add(part.diagnostics, to: &diagnostics)
        add(part.skipped, to: &skipped)
        add(part.clawbackRows, to: &clawbackRows)
        add(part.unpaid, to: &unpaid)
        add(part.paidAgain, to: &paidAgain)
        add(part.lateOnMonthEnds, to: &lateOnMonthEnds)
        add(part.textDates, to: &textDates)
        rowsRead += part.rowsRead
        textNumbers.merge(part.textNumbers, uniquingKeysWith: +)
        textDateOrders.formUnion(part.textDateOrders)
        textNumberStyles.formUnion(part.textNumberStyles)
    }
}

extension DealsTable {
    /// Adds the `parts` in order, its lines, cells and total rows first given room for all of them, and
    /// empties each part once added, so that a part's lines are released as they are copied. A
    /// lone part into an empty table is taken as it is, without a copy.
    mutating func append(joining parts: inout [DealsTable]) {
        if parts.count == 1, lines.isEmpty, manual.isEmpty {
            append(parts[0])
            parts = []
            return
        }
        lines.reserveCapacity(lines.count + parts.reduce(0) { $0 + $1.lines.count })
        manual.reserveCapacity(manual.count + parts.reduce(0) { $0 + $1.manual.count })
        totals.reserveCapacity(totals.count + parts.reduce(0) { $0 + $1.totals.count })
        for index in parts.indices {
            append(parts[index])
            parts[index].lines = []
            parts[index].manual = []
            parts[index].totals = []
        }
        parts = []
    }
}

/// A row dated the last day of a month at a time of day after midnight (`DealsTable.lateOnMonthEnds`).
public struct LateOnMonthEnd: Sendable, Hashable {
    public var row: Int
    public var date: LocalDate
    /// The time of day as the cell shows it, `14:05`.
    public var time: String
}

/// A data row left out because a value in it could not be read.
public struct SkippedRow: Sendable, Hashable {
    /// A cell that could not be read, with what it held.
    public struct Unread: Sendable, Hashable {
        public var cell: CellAddress
        public var text: String
    }

    public var row: Int
    /// Why, each at its cell (or line, for CSV).
    public var failures: [SpreadsheetError]
    public var cells: [Unread]
    public var dealID: String?
    public var rep: String?
    /// The row's amount when that much could be read.
    public var amount: Decimal?
    /// The row's commission cell, for the reconciler.
    public var commission: Cell?
    /// The text of a row that holds nothing else (`NoteRow`): a note, not a deal; it pays nothing.
    public var note: String?
}

extension LateOnMonthEnd {
    /// `written` read as `date`, when it is a date and time on the last day of its month, after
    /// midnight; nil for any other.
    init?(row: Int, date: LocalDate, written: DateTimeValue) {
        guard written.kind == .dateTime,
            written.hour + written.minute + written.second + written.microsecond > 0,
            date.adding(days: 1).components.day == 1
        else { return nil }
        self.init(
            row: row, date: date,
            time: String(format: "%02d:%02d", written.hour, written.minute)
                + (written.second > 0 ? String(format: ":%02d", written.second) : ""))
    }
}
