import Foundation
import Spreadsheet

/// The functions the evaluator knows, by upper-case name.
enum Functions {
    typealias Implementation = @Sendable (Evaluator, [FormulaExpression]) throws(NotEvaluable) -> Operand

    static let table: [String: Implementation] = {
        var all: [String: Implementation] = [:]
        for part in [math, aggregates, logical, lookup, text, dates, workdays, information, conditional, references] {
            all.merge(part) { first, _ in first }
        }
        return all
    }()

    /// The names of every function the evaluator knows.
    static var supported: Set<String> { Set(table.keys) }
}

/// Helpers every function family uses.
extension Functions {
    static func value(_ value: FormulaValue) -> Operand { .value(value) }

    static func error(_ error: FormulaError) -> Operand { .value(.error(error)) }

    /// A function of one number, applied to each element when given an array or range.
    static func unary(
        _ evaluator: Evaluator, _ arguments: [FormulaExpression], _ f: @escaping (Decimal) -> FormulaValue
    ) throws(NotEvaluable) -> Operand {
        guard arguments.count == 1 else { return error(.value) }
        return .value(
            Arithmetic.map(try evaluator.elements(arguments[0]).unwrappingCell) { value in
                switch Coercion.number(value) {
                case .success(let number): f(number)
                case .failure(let error): .error(error)
                }
            })
    }

    /// A function of two numbers (the second optional with `defaultSecond`), element by element.
    static func binary(
        _ evaluator: Evaluator, _ arguments: [FormulaExpression], defaultSecond: Decimal? = nil,
        _ f: @escaping (Decimal, Decimal) -> FormulaValue
    ) throws(NotEvaluable) -> Operand {
        guard arguments.count == 2 || (arguments.count == 1 && defaultSecond != nil) else { return error(.value) }
        let first = try evaluator.elements(arguments[0]).unwrappingCell
        let second: FormulaValue =
            arguments.count == 2 ? try evaluator.elements(arguments[1]).unwrappingCell : .number(defaultSecond!)
        return .value(
            Arithmetic.zip(first, second) { a, b in
                switch (Coercion.number(a), Coercion.number(b)) {
                case (.failure(let error), _), (_, .failure(let error)): .error(error)
                case (.success(let x), .success(let y)): f(x, y)
                }
            })
    }

    /// A single argument's value (a range gives its implicitly intersected cell), coerced by
    /// `coerce`: `Coercion.number`, `Coercion.text` or `Coercion.bool`.
    static func scalar<Value>(
        _ evaluator: Evaluator, _ argument: FormulaExpression, _ coerce: (FormulaValue) -> Result<Value, FormulaError>
    ) throws(NotEvaluable) -> Result<Value, FormulaError> {
        coerce(try evaluator.scalar(argument))
    }

    /// A single whole number, truncated as Excel truncates index arguments.
    static func integer(_ evaluator: Evaluator, _ argument: FormulaExpression) throws(NotEvaluable) -> Result<
        Int, FormulaError
    > {
        switch try scalar(evaluator, argument, Coercion.number) {
        case .failure(let error): return .failure(error)
        case .success(let number):
            let whole = number.truncated(0)
            guard abs(whole) < 1e15 else { return .failure(.number) }
            return .success(Int(NSDecimalNumber(decimal: whole).int64Value))
        }
    }
}

extension FormulaValue {
    /// A one-cell array as its value (a single-cell range read as an array stays a value).
    var unwrappingCell: FormulaValue {
        if case .array(let array) = self, array.rows == 1, array.columns == 1 { return array[0, 0] }
        return self
    }
}
