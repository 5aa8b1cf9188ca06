import Foundation
import Spreadsheet

/// One sheet's values, column by column, as evaluation reads and writes them.
///
/// Columns are dense arrays indexed by row, so that a range such as `D2:D1000000` reads without
/// hashing. Each cell is eight bytes (`PackedValues`): a million-row sheet of numbers and texts
/// holds no more than its cells' words and its distinct texts.
public struct SheetGrid: Sendable {
    public let name: String
    private var columns: [[UInt64]] = []
    private var values = PackedValues()
    /// The last row and column that hold anything.
    public private(set) var maxRow = 0
    public private(set) var maxColumn = 0

    public init(name: String) {
        self.name = name
    }

    public subscript(row: Int, column: Int) -> FormulaValue {
        get {
            guard column >= 1, column <= columns.count else { return .blank }
            let cells = columns[column - 1]
            return row >= 1 && row <= cells.count ? values.value(cells[row - 1]) : .blank
        }
        set {
            let word = values.pack(newValue)
            if column > columns.count {
                if word == PackedValues.blank { return }
                columns.append(contentsOf: repeatElement([], count: column - columns.count))
            }
            if row > columns[column - 1].count {
                if word == PackedValues.blank { return }
                columns[column - 1].append(
                    contentsOf: repeatElement(PackedValues.blank, count: row - columns[column - 1].count))
            }
            columns[column - 1][row - 1] = word
            maxRow = max(maxRow, row)
            maxColumn = max(maxColumn, column)
        }
    }

    /// The values stored in `column` (1-based), read in place; rows past its end are blank.
    func column(_ column: Int) -> Column {
        Column(words: column >= 1 && column <= columns.count ? columns[column - 1] : [], values: values)
    }

    /// One column's cells, read without copying them.
    struct Column {
        fileprivate let words: [UInt64]
        fileprivate let values: PackedValues

        /// How many rows are stored, from row 1; the rest are blank.
        var count: Int { words.count }

        /// The value at 0-based `index` (row `index + 1`); blank past the stored rows.
        subscript(index: Int) -> FormulaValue { index < words.count ? values.value(words[index]) : .blank }
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
