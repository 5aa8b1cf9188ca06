import Foundation

/// A COUNTIF/SUMIFS criterion (`">=100"`, `"West"`, `"A*"`, `5`, `"<>"`), compiled once and
/// tested against each cell.
struct Criterion {
    private enum Test {
        case number(BinaryOperator, Decimal)
        case text(BinaryOperator, String)
        case pattern(equal: Bool, WildcardPattern)
        case bool(BinaryOperator, Bool)
        case error(BinaryOperator, FormulaError)
        /// `=` or `""`: blank cells (and empty text); `<>`: anything not blank.
        case blank(equal: Bool)
    }

    private let test: Test

    init(_ criterion: FormulaValue) {
        switch criterion.scalar {
        case .number(let number): test = .number(.equal, number)
        case .bool(let flag): test = .bool(.equal, flag)
        case .error(let error): test = .error(.equal, error)
        case .blank: test = .number(.equal, 0)
        case .array: test = .error(.equal, .value)
        case .text(let raw):
            var op = BinaryOperator.equal
            var body = Substring(raw)
            for (prefix, candidate) in [
                ("<=", BinaryOperator.lessOrEqual), (">=", .greaterOrEqual), ("<>", .notEqual), ("<", .less),
                (">", .greater), ("=", .equal),
            ] where body.hasPrefix(prefix) {
                op = candidate
                body = body.dropFirst(prefix.count)
                break
            }
            let operand = String(body)
            if operand.isEmpty {
                test = .blank(equal: op != .notEqual)
            } else if let number = Coercion.parse(operand) {
                test = .number(op, number)
            } else if operand.uppercased() == "TRUE" || operand.uppercased() == "FALSE" {
                test = .bool(op, operand.uppercased() == "TRUE")
            } else if let error = FormulaError(literal: operand) {
                test = .error(op, error)
            } else if op == .equal || op == .notEqual {
                test = .pattern(equal: op == .equal, WildcardPattern(operand))
            } else {
                test = .text(op, operand)
            }
        }
    }

    /// For a plain text criterion without wildcards (`"West"`, `"=West"`): its text in lower
    /// case, which an index of a range's texts can answer without testing every cell.
    var equalText: String? {
        if case .pattern(true, let pattern) = test { return pattern.lowercasedLiteral }
        return nil
    }

    func matches(_ value: FormulaValue) -> Bool {
        switch test {
        case .blank(let equal):
            let isBlank = value == .blank || value == .text("")
            return equal ? isBlank : value != .blank
        case .number(let op, let target):
            switch value {
            case .number(let number): return op.holds(Coercion.compare(.number(number), .number(target)))
            case .text(let text) where op == .equal:
                return Coercion.parse(text).map { $0 == target } ?? false
            default: return op == .notEqual
            }
        case .text(let op, let target):
            guard case .text(let text) = value else { return false }
            return op.holds(Coercion.compare(.text(text), .text(target)))
        case .pattern(let equal, let pattern):
            if case .text(let text) = value { return pattern.matches(text) == equal }
            return !equal
        case .bool(let op, let target):
            guard case .bool(let flag) = value else { return op == .notEqual }
            return op.holds(Coercion.compare(.bool(flag), .bool(target)))
        case .error(let op, let target):
            guard case .error(let error) = value else { return op == .notEqual }
            return (error == target) == (op == .equal)
        }
    }
}

/// Excel's `*`, `?` and `~` wildcards, compared without case.
struct WildcardPattern {
    private enum Piece: Equatable {
        case character(Character)
        case any
        case many
    }

    private let pieces: [Piece]
    private let literal: String?

    init(_ text: String) {
        var pieces: [Piece] = []
        var escaped = false
        for character in text.lowercased() {
            if escaped {
                pieces.append(.character(character))
                escaped = false
            } else if character == "~" {
                escaped = true
            } else if character == "*" {
                pieces.append(.many)
            } else if character == "?" {
                pieces.append(.any)
            } else {
                pieces.append(.character(character))
            }
        }
        self.pieces = pieces
        literal = pieces.allSatisfy { if case .character = $0 { true } else { false } } ? text.lowercased() : nil
    }

    /// The text in lower case when the pattern has no wildcards.
    var lowercasedLiteral: String? { literal }

    func matches(_ text: String) -> Bool {
        if let literal { return text.count == literal.count && text.lowercased() == literal }
        let characters = Array(text.lowercased())
        // Classic two-pointer match with backtracking to the last `*`.
        var p = 0
        var t = 0
        var star = -1
        var mark = 0
        while t < characters.count {
            if p < pieces.count, pieces[p] == .any || pieces[p] == .character(characters[t]) {
                p += 1
                t += 1
            } else if p < pieces.count, pieces[p] == .many {
                star = p
                mark = t
                p += 1
            } else if star >= 0 {
                p = star + 1
                mark += 1
                t = mark
            } else {
                return false
            }
        }
        while p < pieces.count, pieces[p] == .many { p += 1 }
        return p == pieces.count
    }
}
