import Foundation
import Spreadsheet

/// A formula parsed into a tree: what evaluation walks and what forensics reads.
public indirect enum FormulaExpression: Sendable, Hashable {
    case number(Decimal)
    case text(String)
    case bool(Bool)
    case error(FormulaError)
    /// An argument left empty, as in `IF(A1,,2)`.
    case missing
    case reference(Reference)
    /// A defined name (`Rate`), resolved against the workbook's names when evaluated.
    case name(String)
    case structured(StructuredReference)
    /// An array constant such as `{1,2;3,4}`.
    case array([[FormulaExpression]])
    case negate(FormulaExpression)
    case percent(FormulaExpression)
    case binary(BinaryOperator, FormulaExpression, FormulaExpression)
    /// The range operator between two reference-valued expressions (`A1:INDEX(B:B,3)`).
    case range(FormulaExpression, FormulaExpression)
    /// A function call, its name in upper case without the `_xlfn.` prefix.
    case call(String, [FormulaExpression])

    /// Every reference, name and structured reference in the tree, in reading order.
    public var references: [FormulaExpression] {
        var found: [FormulaExpression] = []
        visit { node in
            switch node {
            case .reference, .name, .structured: found.append(node)
            default: break
            }
        }
        return found
    }

    /// Every function the formula calls, upper case, in reading order.
    public var functionNames: [String] {
        var found: [String] = []
        visit { if case .call(let name, _) = $0 { found.append(name) } }
        return found
    }

    /// Calls `body` on this node and then on each node below it, depth first.
    public func visit(_ body: (FormulaExpression) -> Void) {
        body(self)
        switch self {
        case .negate(let inner), .percent(let inner): inner.visit(body)
        case .binary(_, let left, let right), .range(let left, let right):
            left.visit(body)
            right.visit(body)
        case .call(_, let arguments): for argument in arguments { argument.visit(body) }
        case .array(let rows): for row in rows { for item in row { item.visit(body) } }
        default: break
        }
    }
}

public enum BinaryOperator: String, Sendable, Hashable {
    case add = "+", subtract = "-", multiply = "*", divide = "/", power = "^", concatenate = "&"
    case equal = "=", notEqual = "<>", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
}

/// A cell, a rectangle, whole columns or whole rows, on the formula's own sheet or a named one.
public struct Reference: Sendable, Hashable, CustomStringConvertible {
    /// The sheet named in the formula (`Deals` in `Deals!B2`), or nil for the formula's own sheet.
    public var sheet: String?
    /// First and last row and column, 1-based; whole columns span every row, whole rows every column.
    public var firstRow: Int
    public var firstColumn: Int
    public var lastRow: Int
    public var lastColumn: Int

    public init(sheet: String?, firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int) {
        self.sheet = sheet
        self.firstRow = min(firstRow, lastRow)
        self.lastRow = max(firstRow, lastRow)
        self.firstColumn = min(firstColumn, lastColumn)
        self.lastColumn = max(firstColumn, lastColumn)
    }

    public init(sheet: String?, cell: CellAddress) {
        self.init(
            sheet: sheet, firstRow: cell.row, firstColumn: cell.column, lastRow: cell.row, lastColumn: cell.column)
    }

    public var isCell: Bool { firstRow == lastRow && firstColumn == lastColumn }
    public var rowCount: Int { lastRow - firstRow + 1 }
    public var columnCount: Int { lastColumn - firstColumn + 1 }

    public var description: String {
        let prefix = sheet.map { "'\($0)'!" } ?? ""
        let first = CellAddress(row: firstRow, column: firstColumn)
        if isCell { return prefix + first.description }
        return prefix + first.description + ":" + CellAddress(row: lastRow, column: lastColumn).description
    }
}

/// A reference to an Excel table's parts: `tblDeals[Commission]`, `[@Amount]`,
/// `Table1[[#This Row],[Amount]]`, `Table1[[#Totals],[A]:[B]]`.
public struct StructuredReference: Sendable, Hashable {
    public enum Area: String, Sendable, Hashable, CaseIterable {
        case data = "#Data", all = "#All", headers = "#Headers", totals = "#Totals", thisRow = "#This Row"
    }

    /// The table's name, or nil inside a table (`[@Amount]`).
    public var table: String?
    /// The areas named (`#Data` when none is).
    public var areas: [Area]
    /// The first and last column named, or nil for every column.
    public var firstColumn: String?
    public var lastColumn: String?

    public init(table: String?, areas: [Area], firstColumn: String?, lastColumn: String?) {
        self.table = table
        self.areas = areas
        self.firstColumn = firstColumn
        self.lastColumn = lastColumn
    }
}
