import Foundation
import Spreadsheet

/// Parses formula text into an `FormulaExpression` with Excel's operator precedence: `:` first, then
/// negation, `%`, `^` (left to right), `*` `/`, `+` `-`, `&`, and comparisons last.
///
/// A formula longer than Excel's 8,192 characters, nested deeper than `maximumNesting` (brackets,
/// function calls and signs; Excel allows 64 levels of calls), or whose tree is deeper than
/// `maximumDepth` (a chain of a thousand additions), is refused: a hostile file's formula ten
/// thousand brackets deep would otherwise exhaust the stack of the parser and of every walk over
/// its tree.
public struct Parser {
    /// Excel's longest formula, in characters.
    public static let maximumLength = 8_192
    /// Levels of brackets, function calls and signs one inside the other.
    public static let maximumNesting = 100
    /// Levels of the tree: nesting, and each operator of a chain (`1+1+…`) one more.
    public static let maximumDepth = 1_000

    private let tokens: [Token]
    private let formula: String
    private var position = 0
    private var nesting = 0
    private var depth = 0

    /// Parses `formula` (with or without its leading `=`).
    public static func parse(_ formula: String) throws(FormulaSyntaxError) -> FormulaExpression {
        let body = formula.hasPrefix("=") ? String(formula.dropFirst()) : formula
        guard body.utf8.count <= maximumLength || body.count <= maximumLength else {
            throw FormulaSyntaxError(
                formula: String(body.prefix(40)) + "…",
                reason: "longer than Excel's \(maximumLength) characters (\(body.count))")
        }
        var parser = Parser(tokens: try Tokenizer.tokens(body), formula: body)
        let expression = try parser.comparison()
        guard parser.current == .end else { throw parser.fail("unexpected \(parser.current) after the formula") }
        return expression
    }

    private init(tokens: [Token], formula: String) {
        self.tokens = tokens
        self.formula = formula
    }

    private var current: Token { tokens[position] }

    /// Enters one more level of nesting (`leave()` when done), refusing past `maximumNesting`.
    private mutating func enter() throws(FormulaSyntaxError) {
        nesting += 1
        guard nesting <= Self.maximumNesting else {
            throw fail("nested more than \(Self.maximumNesting) levels deep (Excel allows 64)")
        }
        try deeper()
    }

    private mutating func leave() {
        nesting -= 1
        depth -= 1
    }

    /// One more level of the tree (an operator of a chain: `depth -= n` after the chain's `n`),
    /// refusing past `maximumDepth`.
    private mutating func deeper() throws(FormulaSyntaxError) {
        depth += 1
        guard depth <= Self.maximumDepth else { throw fail("more than \(Self.maximumDepth) operations deep") }
    }
    private func fail(_ reason: String) -> FormulaSyntaxError { FormulaSyntaxError(formula: formula, reason: reason) }

    private mutating func take(_ symbol: String) -> Bool {
        guard current == .symbol(symbol) else { return false }
        position += 1
        return true
    }

    private mutating func expect(_ symbol: String) throws(FormulaSyntaxError) {
        guard take(symbol) else { throw fail("expected '\(symbol)'") }
    }

    private static let comparisons: [String: BinaryOperator] = [
        "=": .equal, "<>": .notEqual, "<": .less, "<=": .lessOrEqual, ">": .greater, ">=": .greaterOrEqual,
    ]

    private mutating func comparison() throws(FormulaSyntaxError) -> FormulaExpression {
        var left = try concatenation()
        let start = depth
        defer { depth = start }
        while case .symbol(let symbol) = current, let op = Self.comparisons[symbol] {
            position += 1
            try deeper()
            left = .binary(op, left, try concatenation())
        }
        return left
    }

    private mutating func concatenation() throws(FormulaSyntaxError) -> FormulaExpression {
        var left = try additive()
        let start = depth
        defer { depth = start }
        while take("&") {
            try deeper()
            left = .binary(.concatenate, left, try additive())
        }
        return left
    }

    private mutating func additive() throws(FormulaSyntaxError) -> FormulaExpression {
        var left = try multiplicative()
        let start = depth
        defer { depth = start }
        while true {
            if take("+") {
                try deeper()
                left = .binary(.add, left, try multiplicative())
            } else if take("-") {
                try deeper()
                left = .binary(.subtract, left, try multiplicative())
            } else {
                return left
            }
        }
    }

    private mutating func multiplicative() throws(FormulaSyntaxError) -> FormulaExpression {
        var left = try power()
        let start = depth
        defer { depth = start }
        while true {
            if take("*") {
                try deeper()
                left = .binary(.multiply, left, try power())
            } else if take("/") {
                try deeper()
                left = .binary(.divide, left, try power())
            } else {
                return left
            }
        }
    }

    private mutating func power() throws(FormulaSyntaxError) -> FormulaExpression {
        var left = try percent()
        let start = depth
        defer { depth = start }
        while take("^") {
            try deeper()
            left = .binary(.power, left, try percent())
        }
        return left
    }

    private mutating func percent() throws(FormulaSyntaxError) -> FormulaExpression {
        var operand = try unary()
        let start = depth
        defer { depth = start }
        while take("%") {
            try deeper()
            operand = .percent(operand)
        }
        return operand
    }

    private mutating func unary() throws(FormulaSyntaxError) -> FormulaExpression {
        guard current == .symbol("-") || current == .symbol("+") else { return try range() }
        let negates = current == .symbol("-")
        position += 1
        try enter()
        defer { leave() }
        let operand = try unary()
        return negates ? .negate(operand) : operand
    }

    private mutating func range() throws(FormulaSyntaxError) -> FormulaExpression {
        var left = try primary()
        while take(":") {
            let right = try primary()
            left = Self.joinRange(left, right)
        }
        return left
    }

    /// `A1:B2`, `A:C` and `1:3` become one reference; anything else stays a range operation.
    private static func joinRange(_ left: FormulaExpression, _ right: FormulaExpression) -> FormulaExpression {
        if case .reference(let a) = left, case .reference(let b) = right, b.sheet == nil || b.sheet == a.sheet {
            return .reference(
                Reference(
                    sheet: a.sheet, firstRow: min(a.firstRow, b.firstRow),
                    firstColumn: min(a.firstColumn, b.firstColumn),
                    lastRow: max(a.lastRow, b.lastRow), lastColumn: max(a.lastColumn, b.lastColumn)))
        }
        return .range(left, right)
    }

    private mutating func primary() throws(FormulaSyntaxError) -> FormulaExpression {
        let token = current
        position += 1
        switch token {
        case .number(let value):
            if current == .symbol(":"), let row = Self.wholeRow(value), case .number(let last) = tokens[position + 1],
                let lastRow = Self.wholeRow(last)
            {
                position += 2
                return .reference(Self.rows(sheet: nil, row, lastRow))
            }
            return .number(value)
        case .text(let text): return .text(text)
        case .error(let error): return .error(error)
        case .structured(let reference): return .structured(reference)
        case .sheet(let sheet): return try sheetReference(sheet)
        case .word(let word): return try wordExpression(word, sheet: nil)
        case .symbol("("):
            try enter()
            defer { leave() }
            let inner = try comparison()
            try expect(")")
            return inner
        case .symbol("{"): return try arrayConstant()
        default:
            position -= 1
            throw fail("unexpected \(token)")
        }
    }

    private mutating func sheetReference(_ sheet: String) throws(FormulaSyntaxError) -> FormulaExpression {
        switch current {
        case .word(let word):
            position += 1
            return try wordExpression(word, sheet: sheet)
        case .number(let value):
            position += 1
            guard let row = Self.wholeRow(value), take(":"), case .number(let last) = current,
                let lastRow = Self.wholeRow(last)
            else { throw fail("expected a reference after '\(sheet)!'") }
            position += 1
            return .reference(Self.rows(sheet: sheet, row, lastRow))
        case .error(let error):
            position += 1
            return .error(error)
        default: throw fail("expected a reference after '\(sheet)!'")
        }
    }

    private mutating func wordExpression(_ word: String, sheet: String?) throws(FormulaSyntaxError) -> FormulaExpression
    {
        if sheet == nil, take("(") {
            try enter()
            defer { leave() }
            return .call(Self.functionName(word), try arguments())
        }
        if let cell = CellAddress(word) {
            return .reference(Reference(sheet: sheet, cell: cell))
        }
        let bare = word.replacingOccurrences(of: "$", with: "")
        if current == .symbol(":"), let column = CellAddress.columnNumber(bare), bare.count <= 3,
            case .word(let next) = tokens[position + 1],
            let lastColumn = CellAddress.columnNumber(next.replacingOccurrences(of: "$", with: ""))
        {
            position += 2
            return .reference(
                Reference(
                    sheet: sheet, firstRow: 1, firstColumn: column, lastRow: CellAddress.maxRow, lastColumn: lastColumn)
            )
        }
        if sheet == nil {
            switch word.uppercased() {
            case "TRUE": return .bool(true)
            case "FALSE": return .bool(false)
            default: break
            }
        }
        return .name(sheet.map { "\($0)!\(word)" } ?? word)
    }

    private mutating func arguments() throws(FormulaSyntaxError) -> [FormulaExpression] {
        var list: [FormulaExpression] = []
        if take(")") { return list }
        while true {
            if current == .symbol(",") || current == .symbol(")") {
                list.append(.missing)
            } else {
                list.append(try comparison())
            }
            if take(")") { return list }
            try expect(",")
        }
    }

    private mutating func arrayConstant() throws(FormulaSyntaxError) -> FormulaExpression {
        var rows: [[FormulaExpression]] = [[]]
        while true {
            rows[rows.count - 1].append(try unary())
            if take("}") { break }
            if take(";") {
                rows.append([])
            } else {
                try expect(",")
            }
        }
        guard rows.allSatisfy({ $0.count == rows[0].count }) else { throw fail("an array constant's rows differ") }
        return .array(rows)
    }

    static func functionName(_ word: String) -> String {
        var name = word.uppercased()
        for prefix in ["_XLFN._XLWS.", "_XLFN.", "_XLWS."] where name.hasPrefix(prefix) {
            name.removeFirst(prefix.count)
        }
        return name
    }

    private static func wholeRow(_ value: Decimal) -> Int? {
        guard let row = Int(exactly: NSDecimalNumber(decimal: value).doubleValue), row >= 1, row <= CellAddress.maxRow,
            Decimal(row) == value
        else { return nil }
        return row
    }

    private static func rows(sheet: String?, _ first: Int, _ last: Int) -> Reference {
        Reference(sheet: sheet, firstRow: first, firstColumn: 1, lastRow: last, lastColumn: CellAddress.maxColumn)
    }
}
