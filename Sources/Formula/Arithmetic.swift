import Foundation
import Spreadsheet

/// Excel's operators on values, element by element over arrays.
enum Arithmetic {
    /// `f` applied to a value, or to each element of an array.
    static func map(_ value: FormulaValue, _ f: (FormulaValue) -> FormulaValue) -> FormulaValue {
        guard case .array(let array) = value else { return f(value) }
        return .array(FormulaArray(rows: array.rows, columns: array.columns, values: array.values.map(f)))
    }

    /// `f` applied pairwise, broadcasting a single row, column or value across the other side.
    static func zip(
        _ a: FormulaValue, _ b: FormulaValue, _ f: (FormulaValue, FormulaValue) -> FormulaValue
    ) -> FormulaValue {
        switch (a, b) {
        case (.array(let x), .array(let y)):
            let rows = x.rows == 1 ? y.rows : (y.rows == 1 ? x.rows : max(x.rows, y.rows))
            let columns = x.columns == 1 ? y.columns : (y.columns == 1 ? x.columns : max(x.columns, y.columns))
            var values: [FormulaValue] = []
            values.reserveCapacity(rows * columns)
            for row in 0..<rows {
                for column in 0..<columns { values.append(f(x.broadcast(row, column), y.broadcast(row, column))) }
            }
            return .array(FormulaArray(rows: rows, columns: columns, values: values))
        case (.array(let x), _):
            return .array(FormulaArray(rows: x.rows, columns: x.columns, values: x.values.map { f($0, b) }))
        case (_, .array(let y)):
            return .array(FormulaArray(rows: y.rows, columns: y.columns, values: y.values.map { f(a, $0) }))
        default: return f(a, b)
        }
    }

    static func apply(_ op: BinaryOperator, _ a: FormulaValue, _ b: FormulaValue) -> FormulaValue {
        zip(a, b) { x, y in scalar(op, x, y) }
    }

    static func negate(_ value: FormulaValue) -> FormulaValue {
        switch Coercion.number(value) {
        case .success(let number): .number(-number)
        case .failure(let error): .error(error)
        }
    }

    static func percent(_ value: FormulaValue) -> FormulaValue {
        switch Coercion.number(value) {
        // A hundredth below a Decimal's smallest magnitude is 0, not a NaN.
        case .success(let number): .number(Self.hundredth(number))
        case .failure(let error): .error(error)
        }
    }

    /// `number / 100`, or 0 below a Decimal's smallest magnitude (where Foundation gives NaN).
    static func hundredth(_ number: Decimal) -> Decimal {
        let hundredth = number / 100
        return hundredth.isNaN ? 0 : hundredth
    }

    private static func scalar(_ op: BinaryOperator, _ a: FormulaValue, _ b: FormulaValue) -> FormulaValue {
        switch op {
        case .concatenate:
            switch (Coercion.text(a), Coercion.text(b)) {
            case (.failure(let error), _), (_, .failure(let error)): return .error(error)
            case (.success(let x), .success(let y)): return .text(x + y)
            }
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual:
            if case .error(let error) = a { return .error(error) }
            if case .error(let error) = b { return .error(error) }
            return .bool(op.holds(Coercion.compare(a, b)))
        case .add, .subtract, .multiply, .divide, .power:
            let x: Decimal
            let y: Decimal
            switch (Coercion.number(a), Coercion.number(b)) {
            case (.failure(let error), _), (_, .failure(let error)): return .error(error)
            case (.success(let p), .success(let q)):
                x = p
                y = q
            }
            let result: Decimal
            switch op {
            case .add: result = Decimal.sum(x, y)
            case .subtract: result = Decimal.sum(x, -y)
            case .multiply: result = product(x, y)
            case .divide:
                guard y != 0 else { return .error(.divisionByZero) }
                result = x / y
            default: return power(x, y)
            }
            return result.isNaN ? beyondDecimal(op, x, y) : .number(result)
        }
    }

    /// What an operation whose result a Decimal cannot hold gives (Foundation's NaN): a quotient
    /// below its smallest magnitude (about 1e-128) is 0, as a product is (`product`); a result
    /// past its largest (about 3.4e165) is #NUM!. Never a NaN passed on (`TEXT` wrote `-NaN.00`).
    static func beyondDecimal(_ op: BinaryOperator, _ x: Decimal, _ y: Decimal) -> FormulaValue {
        guard op == .divide, !x.isNaN, !y.isNaN, abs(x.double / y.double) < 1 else { return .error(.number) }
        return .number(0)
    }

    /// `x × y`, or 0 where the product lies below the smallest magnitude a Decimal holds (about
    /// 1e-128), where Foundation's multiplication traps (found by fuzzing: `B$2%%%…%^31`, a
    /// number cut by a hundred 35 times raised to the 31st power). The product is exact wherever
    /// the exponents allow (their sum at least -128), and wherever it is 1e-90 or more.
    static func product(_ x: Decimal, _ y: Decimal) -> Decimal {
        guard x.exponent + y.exponent < -128, !x.isZero, !y.isZero, !x.isNaN, !y.isNaN else {
            return Decimal.product(x, y)
        }
        return abs(x.double * y.double) < 1e-90 ? 0 : Decimal.product(x, y)
    }

    /// `x ^ y`: exact for whole exponents, through Double for the rest (15 digits kept). A whole
    /// power too small for a Decimal is 0, and its reciprocal #NUM! (as Excel's `1E-200^-2`).
    static func power(_ x: Decimal, _ y: Decimal) -> FormulaValue {
        if x == 0 && y == 0 { return .error(.number) }
        if x == 0 && y < 0 { return .error(.divisionByZero) }
        if y == y.rounded(0), abs(y) <= 64, let n = Int(exactly: NSDecimalNumber(decimal: y).doubleValue) {
            var result: Decimal = 1
            for _ in 0..<abs(n) { result = product(result, x) }
            if n < 0 && result == 0 { return .error(.number) }
            return .number(n < 0 ? 1 / result : result)
        }
        if x < 0 { return .error(.number) }
        return Double.pow(x.double, y.double).formulaNumber
    }
}

extension Decimal {
    var double: Double { NSDecimalNumber(decimal: self).doubleValue }

    /// Rounded to `places` decimals, halves away from zero (Excel's ROUND); negative places round
    /// to tens, hundreds…
    func rounded(_ places: Int, _ mode: NSDecimalNumber.RoundingMode = .plain) -> Decimal {
        if let small = SmallDecimal(self), let result = small.rounded(places, mode) { return result }
        var source = self
        var result = Decimal()
        NSDecimalRound(&result, &source, places, mode)
        return result
    }

    /// Rounded towards zero to `places` decimals.
    func truncated(_ places: Int) -> Decimal {
        rounded(places, self < 0 ? .up : .down)
    }
}

extension Double {
    static func pow(_ x: Double, _ y: Double) -> Double { Foundation.pow(x, y) }

    /// A Double result as a formula value at 15 significant digits; infinities and NaN are `#NUM!`.
    var formulaNumber: FormulaValue {
        guard isFinite else { return .error(.number) }
        guard case .value(let number) = Decimal.parse(String(format: "%.15g", self)) else { return .error(.number) }
        return .number(number)
    }
}
