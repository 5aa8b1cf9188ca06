import Foundation
import Primitives

extension Evaluator {
    /// The value of a formula of numbers alone, found without the general evaluation's operands:
    /// number literals, cells of the formula's own sheet holding numbers, `+ - * /`, negation,
    /// percent and `ROUND(…, places)` (`ROUND(D5*E5*F5,2)`, the commission column a workbook
    /// fills down a million rows). Nil as soon as anything else is met, a cell that is not a number
    /// or a division by zero among them: the general evaluation then gives the formula its value,
    /// error or reason it cannot be evaluated. Where this gives a value, it is the one the general
    /// evaluation gives, computed by the same operations (`Arithmetic`, `Functions.round`).
    func numberOnly(_ expression: FormulaExpression) -> Decimal? {
        switch expression {
        case .number(let number): return number
        case .reference(let reference):
            guard reference.isCell, reference.sheet == nil else { return nil }
            let value = workbook.sheets[sheet][reference.firstRow + moved.rows, reference.firstColumn + moved.columns]
            guard case .number(let number) = value else { return nil }
            return number
        case .binary(let op, let left, let right):
            guard let x = numberOnly(left), let y = numberOnly(right) else { return nil }
            let result: Decimal
            switch op {
            case .add: result = Decimal.sum(x, y)
            case .subtract: result = Decimal.sum(x, -y)
            case .multiply: result = Arithmetic.product(x, y)
            case .divide:
                guard y != 0 else { return nil }
                result = x / y
            default: return nil
            }
            // Beyond what a Decimal holds: the general evaluation says what it gives.
            return result.isNaN ? nil : result
        case .negate(let inner): return numberOnly(inner).map { -$0 }
        case .percent(let inner): return numberOnly(inner).map(Arithmetic.hundredth)
        case .call("ROUND", let arguments) where arguments.count == 2:
            guard let x = numberOnly(arguments[0]), let places = numberOnly(arguments[1]),
                case .number(let rounded) = Functions.round(x, places, .plain)
            else { return nil }
            return rounded
        default: return nil
        }
    }
}
