import Foundation
import Spreadsheet

/// One sheet's values, column by column, as evaluation reads and writes them.
///
/// Columns are dense arrays indexed by row, so that a range such as `D2:D1000000` reads without
/// hashing. Each cell is a word of four bytes, or eight in a column where a value does not fit
/// four (`PackedColumn`): a million-row sheet of numbers and texts holds no more than its cells'
/// words and its distinct texts' bytes.
public struct SheetGrid: Sendable {
    public let name: String
    private var columns: [PackedColumn] = []
    private var values = PackedValues()
    /// The last row and column that hold anything.
    public private(set) var maxRow = 0
    public private(set) var maxColumn = 0

    public init(name: String) {
        self.name = name
    }

    public subscript(row: Int, column: Int) -> FormulaValue {
        @inline(__always) get {
            guard column >= 1, column <= columns.count, row >= 1 else { return .blank }
            return columns[column - 1].value(at: row - 1, values: values)
        }
        set { set(values.pack(newValue), row: row, column: column) }
    }

    /// Sets the cells of `row` to the values `cells` hold (as a formula sees them, dates as their
    /// serial numbers in `dateSystem`): what setting each through the subscript does, each value
    /// read in place and packed without a `FormulaValue` made of it first.
    mutating func set(row: Int, cells: [Cell], dateSystem: DateSystem) {
        for index in cells.indices {
            set(values.pack(cells[index].value, dateSystem: dateSystem), row: row, column: cells[index].column)
        }
    }

    /// Puts `word` (from `values`) at `row` and `column`.
    private mutating func set(_ word: UInt64, row: Int, column: Int) {
        if column > columns.count {
            if word == PackedValues.blank { return }
            columns.append(contentsOf: repeatElement(PackedColumn(), count: column - columns.count))
        }
        if row > columns[column - 1].count, word == PackedValues.blank { return }
        columns[column - 1].set(word, at: row - 1, values: &values)
        maxRow = max(maxRow, row)
        maxColumn = max(maxColumn, column)
    }

    /// Empties the columns (1-based) not in `kept`, letting go of the texts only they held; the
    /// extent (`maxRow`, `maxColumn`) stays as it was.
    mutating func keepColumns(_ kept: Set<Int>) {
        let dropped = columns.indices.filter { !kept.contains($0 + 1) && columns[$0].count > 0 }
        guard !dropped.isEmpty else { return }
        for index in dropped { columns[index] = PackedColumn() }
        while columns.last?.count == 0 { columns.removeLast() }
        values.keepTexts(of: &columns)
    }

    /// The values stored in `column` (1-based), read in place; rows past its end are blank.
    func column(_ column: Int) -> Column {
        Column(words: column >= 1 && column <= columns.count ? columns[column - 1] : PackedColumn(), values: values)
    }

    /// One column's cells, read without copying them.
    struct Column {
        fileprivate let words: PackedColumn
        fileprivate let values: PackedValues

        /// How many rows are stored, from row 1; the rest are blank.
        var count: Int { words.count }

        /// The value at 0-based `index` (row `index + 1`); blank past the stored rows.
        subscript(index: Int) -> FormulaValue {
            @inline(__always) get { words.value(at: index, values: values) }
        }

        /// The word at 0-based `index` (`PackedValues.blank` past the stored rows): equal words
        /// are equal values, read without making either.
        func word(at index: Int) -> UInt64 {
            index < words.count ? words.word(at: index, values: values) : PackedValues.blank
        }

        /// The value `word` (from `word(at:)`) stands for.
        func value(ofWord word: UInt64) -> FormulaValue { values.value(word) }
    }
}

extension FormulaValue {
    /// A cell's stored value as a formula sees it: dates are their serial numbers.
    public init(_ value: CellValue, dateSystem: DateSystem) {
        switch value {
        case .empty: self = .blank
        case .number(let number): self = .number(number)
        case .text(let text): self = .text(text)
        case .bool(let flag): self = .bool(flag)
        case .error(let code): self = .error(FormulaError(literal: code) ?? .value)
        case .date(let date):
            if let serial = date.serial {
                self = .number(serial)
            } else if date.kind == .duration {
                self = .number(Decimal(date.durationMilliseconds) / 86_400_000)
            } else {
                let day = date.kind == .time ? 0 : dateSystem.serial(year: date.year, month: date.month, day: date.day)
                let millis = ((date.hour * 60 + date.minute) * 60 + date.second) * 1000 + date.microsecond / 1000
                self = .number(Decimal(day) + Decimal(millis) / 86_400_000)
            }
        case .outOfRangeNumber: self = .error(.number)
        }
    }
}
