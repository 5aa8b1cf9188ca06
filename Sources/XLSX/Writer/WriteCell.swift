import Foundation
import Spreadsheet

/// One cell to write: a value, and optionally a style, a formula (with the value as its cached
/// result) and a note (comment) that Excel and LibreOffice show.
public struct WriteCell: Sendable, Hashable {
    public var value: CellValue
    public var style: CellStyle
    /// Formula text without the leading `=`.
    public var formula: String?
    public var note: String?

    public init(_ value: CellValue, style: CellStyle = .plain, formula: String? = nil, note: String? = nil) {
        self.value = value
        self.style = style
        self.formula = formula
        self.note = note
    }

    public static func text(_ text: String, style: CellStyle = .plain) -> WriteCell {
        WriteCell(.text(text), style: style)
    }

    public static func number(_ number: Decimal, style: CellStyle = .plain) -> WriteCell {
        WriteCell(.number(number), style: style)
    }

    public static let empty = WriteCell(.empty)
}

/// How a sheet is laid out for people: widths, hidden columns, a frozen header, a filter.
public struct SheetLayout: Sendable, Hashable {
    /// Column (1-based) → width in characters.
    public var columnWidths: [Int: Double]
    public var hiddenColumns: Set<Int>
    /// Rows frozen at the top (0: none).
    public var frozenRows: Int
    /// Put an autofilter over the header row and every row written below it.
    public var autoFilter: Bool
    /// Conditional formats, each over its columns from the first row below the frozen rows to
    /// the last row written.
    public var conditionalFormats: [ConditionalFormat]
    /// Print on landscape pages, every column on one page's width (rows run on as needed).
    public var printLandscapeFitToWidth: Bool

    public init(
        columnWidths: [Int: Double] = [:], hiddenColumns: Set<Int> = [], frozenRows: Int = 0, autoFilter: Bool = false,
        conditionalFormats: [ConditionalFormat] = [], printLandscapeFitToWidth: Bool = false
    ) {
        self.printLandscapeFitToWidth = printLandscapeFitToWidth
        self.columnWidths = columnWidths
        self.hiddenColumns = hiddenColumns
        self.frozenRows = frozenRows
        self.autoFilter = autoFilter
        self.conditionalFormats = conditionalFormats
    }
}

/// A format Excel and LibreOffice draw from a cell's value: a data bar or a colour scale.
public struct ConditionalFormat: Sendable, Hashable {
    public enum Rule: Sendable, Hashable {
        /// A bar whose length runs from `minimum` (a fixed value) to the range's largest value.
        case dataBar(color: String, minimum: Decimal)
        /// Cells shaded from `colors.0` at `stops.0` through `colors.1` to `colors.2` at `stops.2`.
        case colorScale(stops: [Decimal], colors: [String])
    }

    /// The first and last column (1-based) the format covers.
    public var columns: ClosedRange<Int>
    public var rule: Rule

    public init(columns: ClosedRange<Int>, rule: Rule) {
        self.columns = columns
        self.rule = rule
    }

    /// A data bar in `color` (RRGGBB) from 0 to the largest value.
    public static func dataBar(column: Int, color: String = "5B9BD5") -> ConditionalFormat {
        ConditionalFormat(columns: column...column, rule: .dataBar(color: color, minimum: 0))
    }
}
