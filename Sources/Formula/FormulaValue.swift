import Foundation
import Spreadsheet

/// An Excel error value, as a formula produces or a cell holds it.
public enum FormulaError: String, Sendable, Hashable, Error, CaseIterable {
    case null = "#NULL!"
    case divisionByZero = "#DIV/0!"
    case value = "#VALUE!"
    case reference = "#REF!"
    case name = "#NAME?"
    case number = "#NUM!"
    case notAvailable = "#N/A"
    case gettingData = "#GETTING_DATA"
    case spill = "#SPILL!"
    case calc = "#CALC!"
    /// Not an Excel error: marks a cell whose formula could not be evaluated, so that reading it
    /// makes the reader not evaluable too. Never a formula's result.
    case notEvaluable = "#NOT-EVALUABLE"

    /// The error for a literal such as `#N/A`, compared case-insensitively.
    public init?(literal: String) {
        guard
            let match = Self.allCases.first(where: {
                $0 != .notEvaluable && $0.rawValue.caseInsensitiveCompare(literal) == .orderedSame
            })
        else { return nil }
        self = match
    }

    /// `ERROR.TYPE`'s number for the error.
    var typeNumber: Int {
        switch self {
        case .null: 1
        case .divisionByZero: 2
        case .value: 3
        case .reference: 4
        case .name: 5
        case .number: 6
        case .notAvailable: 7
        case .gettingData: 8
        case .spill: 9
        case .calc: 14
        case .notEvaluable: 0
        }
    }
}

/// What a formula (or a part of one) evaluates to: Excel's scalar types and arrays of them.
public enum FormulaValue: Sendable, Hashable {
    case blank
    case number(Decimal)
    case text(String)
    case bool(Bool)
    case error(FormulaError)
    indirect case array(FormulaArray)

    /// The top-left value of an array, or the value itself: what one cell shows.
    public var scalar: FormulaValue {
        if case .array(let array) = self { return array.rows == 0 ? .error(.value) : array[0, 0].scalar }
        return self
    }

    public var isError: Bool {
        if case .error = self { return true }
        return false
    }

    /// The value as text for reports: numbers plain, booleans `TRUE`/`FALSE`, errors as written.
    public var displayText: String {
        switch self {
        case .blank: ""
        case .number(let number): number.formulaText
        case .text(let text): text
        case .bool(let flag): flag ? "TRUE" : "FALSE"
        case .error(let error): error.rawValue
        case .array(let array): "{" + array.values.map(\.displayText).joined(separator: ",") + "}"
        }
    }
}

/// A rectangular array of values, row-major (an array constant, a range's values, an array result).
public struct FormulaArray: Sendable, Hashable {
    public let rows: Int
    public let columns: Int
    public private(set) var values: [FormulaValue]

    public init(rows: Int, columns: Int, values: [FormulaValue]) {
        precondition(values.count == rows * columns, "an array's values fill its rows and columns")
        self.rows = rows
        self.columns = columns
        self.values = values
    }

    public subscript(row: Int, column: Int) -> FormulaValue {
        get { values[row * columns + column] }
        set { values[row * columns + column] = newValue }
    }

    /// The element Excel uses when broadcasting this array to `rows` × `columns`: a single row or
    /// column repeats, anything outside the array is `#N/A`.
    func broadcast(_ row: Int, _ column: Int) -> FormulaValue {
        let r = rows == 1 ? 0 : row
        let c = columns == 1 ? 0 : column
        guard r < rows, c < columns else { return .error(.notAvailable) }
        return self[r, c]
    }
}

extension Decimal {
    /// Plain text for a formula result, at Excel's 15 significant digits.
    var formulaText: String { excelPrecision.plainString }
}
