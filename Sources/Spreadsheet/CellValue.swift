import Foundation

/// What one cell holds, in the same model for XLSX and CSV.
///
/// Numbers are `Decimal`, parsed from the file's text with a fixed locale, so money never passes
/// through binary floating point. A number outside Decimal's range (beyond about 1e±128) is kept as
/// `.outOfRangeNumber` with its text: such a value is never money, and callers that need a number
/// treat it as unreadable.
public enum CellValue: Sendable, Hashable {
    case empty
    case number(Decimal)
    case text(String)
    case bool(Bool)
    /// An error literal such as `#DIV/0!`, `#N/A` or `#SPILL!` (unknown codes are kept as written).
    case error(String)
    /// A date, date-time, time of day or elapsed duration.
    /// Boxed: a date's fields would otherwise make every cell value four times its size.
    indirect case date(DateTimeValue)
    /// A number too large or too small for `Decimal`, kept as written.
    case outOfRangeNumber(String)

    /// What a formula saved without a value shows when trueup cannot evaluate it (a function it
    /// does not know, a cycle): not an Excel error code, as the sheet would show the formula's
    /// result once recalculated; readers needing a number report the cell as unreadable.
    public static let notEvaluated = CellValue.error("(not evaluated)")

    /// The most characters a cell's text holds, counted as Excel counts them (UTF-16 units): 32,767.
    public static let maxTextLength = 32_767

    /// The most bytes a cell's text takes in OOXML: each character at most seven (an `_xHHHH_`
    /// escape). A reader may refuse more bytes before decoding them.
    public static let maxTextBytes = 7 * maxTextLength

    /// Whether the cell holds anything at all.
    public var isEmpty: Bool {
        if case .empty = self { return true }
        return false
    }

    /// The value as plain text for CSV and terminals: numbers as plain decimals, dates ISO 8601.
    public var plainText: String {
        switch self {
        case .empty: ""
        case .number(let value): value.plainString
        case .text(let text): text
        case .bool(let flag): flag ? "TRUE" : "FALSE"
        case .error(let code): code
        case .date(let date): date.iso8601
        case .outOfRangeNumber(let text): text
        }
    }
}
