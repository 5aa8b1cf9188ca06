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

    public init(
        columnWidths: [Int: Double] = [:], hiddenColumns: Set<Int> = [], frozenRows: Int = 0, autoFilter: Bool = false
    ) {
        self.columnWidths = columnWidths
        self.hiddenColumns = hiddenColumns
        self.frozenRows = frozenRows
        self.autoFilter = autoFilter
    }
}
