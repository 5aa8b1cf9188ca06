import Foundation

extension Functions {
    static let information: [String: Implementation] = [
        "ISBLANK": { e, a throws(NotEvaluable) in try test(e, a) { $0 == .blank } },
        "ISNUMBER": { e, a throws(NotEvaluable) in
            try test(e, a) {
                if case .number = $0 { return true }
                return false
            }
        },
        "ISTEXT": { e, a throws(NotEvaluable) in
            try test(e, a) {
                if case .text = $0 { return true }
                return false
            }
        },
        "ISNONTEXT": { e, a throws(NotEvaluable) in
            try test(e, a) {
                if case .text = $0 { return false }
                return true
            }
        },
        "ISLOGICAL": { e, a throws(NotEvaluable) in
            try test(e, a) {
                if case .bool = $0 { return true }
                return false
            }
        },
        "ISERROR": { e, a throws(NotEvaluable) in try test(e, a) { $0.isError } },
        "ISERR": { e, a throws(NotEvaluable) in try test(e, a) { $0.isError && $0 != .error(.notAvailable) } },
        "ISNA": { e, a throws(NotEvaluable) in try test(e, a) { $0 == .error(.notAvailable) } },
        "NA": { _, a throws(NotEvaluable) in a.isEmpty ? error(.notAvailable) : error(.value) },
        "ERROR.TYPE": { e, a throws(NotEvaluable) in
            guard a.count == 1 else { return error(.value) }
            if case .error(let failure) = try e.scalar(a[0]) { return .value(.number(Decimal(failure.typeNumber))) }
            return error(.notAvailable)
        },
        "N": { e, a throws(NotEvaluable) in
            guard a.count == 1 else { return error(.value) }
            switch try e.scalar(a[0]) {
            case .number(let number): return .value(.number(number))
            case .bool(let flag): return .value(.number(flag ? 1 : 0))
            case .error(let failure): return error(failure)
            default: return .value(.number(0))
            }
        },
        "T": { e, a throws(NotEvaluable) in
            guard a.count == 1 else { return error(.value) }
            switch try e.scalar(a[0]) {
            case .text(let text): return .value(.text(text))
            case .error(let failure): return error(failure)
            default: return .value(.text(""))
            }
        },
        "TYPE": { e, a throws(NotEvaluable) in
            guard a.count == 1 else { return error(.value) }
            let code: Decimal =
                switch try e.value(a[0]) {
                case .blank, .number: 1
                case .text: 2
                case .bool: 4
                case .error: 16
                case .array: 64
                }
            return .value(.number(code))
        },
    ]

    /// An IS… function: element by element over arrays, a single cell's value otherwise.
    private static func test(
        _ evaluator: Evaluator, _ arguments: [FormulaExpression], _ predicate: @escaping (FormulaValue) -> Bool
    ) throws(NotEvaluable) -> Operand {
        guard arguments.count == 1 else { return error(.value) }
        let value: FormulaValue
        switch try evaluator.operand(arguments[0]) {
        case .value(let v): value = v
        case .reference(let sheet, let reference):
            if reference.isCell {
                value = try evaluator.grid(sheet, reference).at(0, 0)
            } else if evaluator.arrayMode {
                value = .array(try evaluator.grid(sheet, reference).array)
            } else {
                value = try evaluator.intersect(sheet, reference)
            }
        }
        return .value(Arithmetic.map(value) { .bool(predicate($0)) })
    }
}
