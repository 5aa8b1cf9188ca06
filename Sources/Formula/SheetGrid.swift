import Foundation
import Spreadsheet

/// One sheet's values, column by column, as evaluation reads and writes them.
///
/// Columns are dense arrays indexed by row, so that a range such as `D2:D1000000` reads without
/// hashing; a blank is `.blank`.
public struct SheetGrid: Sendable {
    public let name: String
    private(set) var columns: [[FormulaValue]] = []
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
            return row >= 1 && row <= cells.count ? cells[row - 1] : .blank
        }
        set {
            if column > columns.count {
                if case .blank = newValue { return }
                columns.append(contentsOf: repeatElement([], count: column - columns.count))
            }
            if row > columns[column - 1].count {
                if case .blank = newValue { return }
                columns[column - 1].append(contentsOf: repeatElement(.blank, count: row - columns[column - 1].count))
            }
            columns[column - 1][row - 1] = newValue
            maxRow = max(maxRow, row)
            maxColumn = max(maxColumn, column)
        }
    }

    /// The values stored in `column` (1-based), row 1 first; rows past the end are blank.
    func column(_ column: Int) -> [FormulaValue] {
        column >= 1 && column <= columns.count ? columns[column - 1] : []
    }

    /// Calls `body` with the values of rows `rows` in `column`, without copying the column.
    func withColumn<T>(_ column: Int, _ body: (ArraySlice<FormulaValue>) throws -> T) rethrows -> T {
        guard column >= 1, column <= columns.count else { return try body([]) }
        return try body(columns[column - 1][...])
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
