import Foundation

/// How an aggregate treats what it reads.
struct AggregateRules {
    var ignoreErrors = false
    /// Skip cells whose own formula is a SUBTOTAL or AGGREGATE (as those two functions do).
    var skipSubtotals = false
    /// Skip the rows their sheet hides (`SUBTOTAL(109,…)`, `AGGREGATE` with option 1, 3, 5 or 7).
    var skipHidden = false
}

extension Functions {
    static let aggregates: [String: Implementation] = [
        "SUM": { e, a throws(NotEvaluable) in try reduce(e, a) { .number(Decimal.total($0)) } },
        // Through `Arithmetic.product`: a product below a Decimal's smallest magnitude is 0, not a trap.
        "PRODUCT": { e, a throws(NotEvaluable) in
            try reduce(e, a) { .number($0.isEmpty ? 0 : $0.reduce(1, Arithmetic.product)) }
        },
        "SUMSQ": { e, a throws(NotEvaluable) in try reduce(e, a) { .number($0.reduce(0) { $0 + $1 * $1 }) } },
        "AVERAGE": { e, a throws(NotEvaluable) in try reduce(e, a, average) },
        "MIN": { e, a throws(NotEvaluable) in try reduce(e, a) { .number($0.min() ?? 0) } },
        "MAX": { e, a throws(NotEvaluable) in try reduce(e, a) { .number($0.max() ?? 0) } },
        "MEDIAN": { e, a throws(NotEvaluable) in try reduce(e, a, median) },
        "COUNT": { e, a throws(NotEvaluable) in .value(.number(Decimal(try count(e, a, all: false)))) },
        "COUNTA": { e, a throws(NotEvaluable) in .value(.number(Decimal(try count(e, a, all: true)))) },
        "COUNTBLANK": { e, a throws(NotEvaluable) in
            guard a.count == 1 else { return error(.value) }
            // The cells past those the sheet stores are blank: counted, not read.
            let whole: ValueGrid
            let stored: ValueGrid
            switch try e.operand(a[0]) {
            case .reference(let sheet, let reference):
                (whole, stored) = (e.grid(sheet, reference), e.storedGrid(sheet, reference))
            case .value(.array(let array)): (whole, stored) = (ValueGrid(array), ValueGrid(array))
            case .value(let value): (whole, stored) = (ValueGrid(scalar: value), ValueGrid(scalar: value))
            }
            var filled = 0
            try stored.forEach { value in
                if case .blank = value { return }
                if case .text("") = value { return }
                filled += 1
            }
            return .value(.number(Decimal(whole.count - filled)))
        },
        "LARGE": { e, a throws(NotEvaluable) in try nth(e, a, largest: true) },
        "SMALL": { e, a throws(NotEvaluable) in try nth(e, a, largest: false) },
        "SUMPRODUCT": { e, a throws(NotEvaluable) in try sumProduct(e, a) },
        "SUBTOTAL": { e, a throws(NotEvaluable) in try subtotal(e, a) },
        "AGGREGATE": { e, a throws(NotEvaluable) in try aggregate(e, a) },
    ]

    static func average(_ numbers: [Decimal]) -> FormulaValue {
        numbers.isEmpty ? .error(.divisionByZero) : .number(Decimal.total(numbers) / Decimal(numbers.count))
    }

    static func median(_ numbers: [Decimal]) -> FormulaValue {
        guard !numbers.isEmpty else { return .error(.number) }
        let sorted = numbers.sorted()
        let middle = sorted.count / 2
        return .number(sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2)
    }

    /// The numbers the arguments hold, by Excel's rules for SUM and its kin: in ranges and arrays
    /// only numbers count; typed arguments coerce (numeric text, booleans); errors propagate.
    static func numbers(
        _ evaluator: Evaluator, _ arguments: [FormulaExpression], rules: AggregateRules = AggregateRules()
    ) throws(NotEvaluable) -> Result<[Decimal], FormulaError> {
        var found: [Decimal] = []
        for argument in arguments {
            let cells: ValueGrid
            switch try evaluator.operand(argument) {
            case .value(.array(let array)): cells = ValueGrid(array)
            case .value(let value):
                switch value {
                case .blank: continue
                case .error(let error):
                    if rules.ignoreErrors { continue }
                    return .failure(error)
                default:
                    switch Coercion.number(value) {
                    case .success(let number): found.append(number)
                    case .failure(let error): return .failure(error)
                    }
                }
                continue
            case .reference(let sheet, let reference):
                cells = evaluator.storedGrid(sheet, reference)
                if rules.skipSubtotals || rules.skipHidden {
                    for row in 0..<cells.rows
                    where
                        !(rules.skipHidden && evaluator.workbook.isHidden(sheet: sheet, row: reference.firstRow + row))
                    {
                        for column in 0..<cells.columns
                        where
                            !(rules.skipSubtotals
                            && evaluator.workbook.isSubtotal(
                                sheet: sheet, row: reference.firstRow + row, column: reference.firstColumn + column))
                        {
                            switch try cells.at(row, column) {
                            case .number(let number): found.append(number)
                            case .error(let error) where !rules.ignoreErrors: return .failure(error)
                            default: break
                            }
                        }
                    }
                    continue
                }
            }
            for index in 0..<cells.count {
                switch try cells.at(index) {
                case .number(let number): found.append(number)
                case .error(let error) where !rules.ignoreErrors: return .failure(error)
                default: break
                }
            }
        }
        return .success(found)
    }

    static func reduce(
        _ evaluator: Evaluator, _ arguments: [FormulaExpression], rules: AggregateRules = AggregateRules(),
        _ combine: ([Decimal]) -> FormulaValue
    ) throws(NotEvaluable) -> Operand {
        switch try numbers(evaluator, arguments, rules: rules) {
        case .success(let list): .value(combine(list))
        case .failure(let error): .value(.error(error))
        }
    }

    /// COUNT (numbers, and typed numeric text and booleans) or COUNTA (anything not blank).
    static func count(_ evaluator: Evaluator, _ arguments: [FormulaExpression], all: Bool) throws(NotEvaluable) -> Int {
        var total = 0
        for argument in arguments {
            switch try evaluator.operand(argument) {
            case .value(.array(let array)):
                total += array.values.filter { all ? $0 != .blank : isNumber($0) }.count
            case .value(let value):
                if case .missing = argument { continue }
                if all {
                    total += 1
                } else if case .success = Coercion.number(value), !value.isError {
                    if case .text(let text) = value, Coercion.parse(text) == nil { continue }
                    total += 1
                }
            case .reference(let sheet, let reference):
                let cells = evaluator.storedGrid(sheet, reference)
                for index in 0..<cells.count {
                    let value = try cells.at(index)
                    if all ? value != .blank : isNumber(value) { total += 1 }
                }
            }
        }
        return total
    }

    private static func isNumber(_ value: FormulaValue) -> Bool {
        if case .number = value { return true }
        return false
    }

    static func nth(_ evaluator: Evaluator, _ arguments: [FormulaExpression], largest: Bool) throws(NotEvaluable)
        -> Operand
    {
        guard arguments.count == 2 else { return error(.value) }
        let k: Int
        switch try integer(evaluator, arguments[1]) {
        case .success(let n): k = n
        case .failure(let failure): return error(failure)
        }
        return try reduce(evaluator, [arguments[0]]) { list in
            guard k >= 1, k <= list.count else { return .error(.number) }
            let sorted = largest ? list.sorted(by: >) : list.sorted()
            return .number(sorted[k - 1])
        }
    }

    static func sumProduct(_ evaluator: Evaluator, _ arguments: [FormulaExpression]) throws(NotEvaluable) -> Operand {
        guard !arguments.isEmpty else { return error(.value) }
        let grids = try evaluator.inArrayMode { () throws(NotEvaluable) in
            try arguments.map { argument throws(NotEvaluable) in try evaluator.grid(argument) }
        }
        let rows = grids[0].rows
        let columns = grids[0].columns
        guard grids.allSatisfy({ $0.rows == rows && $0.columns == columns }) else { return error(.value) }
        var total: Decimal = 0
        for index in 0..<(rows * columns) {
            var product: Decimal = 1
            for grid in grids {
                switch try grid.at(index) {
                case .number(let number): product = Arithmetic.product(product, number)
                case .error(let failure): return error(failure)
                default: product = 0
                }
            }
            total += product
        }
        return .value(.number(total))
    }

    static func subtotal(_ evaluator: Evaluator, _ arguments: [FormulaExpression]) throws(NotEvaluable) -> Operand {
        guard arguments.count >= 2 else { return error(.value) }
        let code: Int
        switch try integer(evaluator, arguments[0]) {
        case .success(let n): code = n
        case .failure(let failure): return error(failure)
        }
        return try applyCode(
            evaluator, code > 100 ? code - 100 : code, Array(arguments.dropFirst()),
            rules: AggregateRules(skipSubtotals: true, skipHidden: code > 100))
    }

    static func aggregate(_ evaluator: Evaluator, _ arguments: [FormulaExpression]) throws(NotEvaluable) -> Operand {
        guard arguments.count >= 3 else { return error(.value) }
        let code: Int
        let option: Int
        switch (try integer(evaluator, arguments[0]), try integer(evaluator, arguments[1])) {
        case (.success(let c), .success(let o)):
            code = c
            option = o
        case (.failure(let failure), _), (_, .failure(let failure)): return error(failure)
        }
        let rules = AggregateRules(
            ignoreErrors: [2, 3, 6, 7].contains(option), skipSubtotals: option <= 3,
            skipHidden: [1, 3, 5, 7].contains(option))
        switch code {
        case 14, 15:
            guard arguments.count == 4 else { return error(.value) }
            let k: Int
            switch try integer(evaluator, arguments[3]) {
            case .success(let n): k = n
            case .failure(let failure): return error(failure)
            }
            return try reduce(evaluator, [arguments[2]], rules: rules) { list in
                guard k >= 1, k <= list.count else { return .error(.number) }
                return .number((code == 14 ? list.sorted(by: >) : list.sorted())[k - 1])
            }
        default: return try applyCode(evaluator, code, Array(arguments.dropFirst(2)), rules: rules)
        }
    }

    /// SUBTOTAL's and AGGREGATE's function numbers 1–9.
    private static func applyCode(
        _ evaluator: Evaluator, _ code: Int, _ arguments: [FormulaExpression], rules: AggregateRules
    ) throws(NotEvaluable) -> Operand {
        switch code {
        case 1: return try reduce(evaluator, arguments, rules: rules, average)
        case 2: return try reduce(evaluator, arguments, rules: rules) { .number(Decimal($0.count)) }
        case 4: return try reduce(evaluator, arguments, rules: rules) { .number($0.max() ?? 0) }
        case 5: return try reduce(evaluator, arguments, rules: rules) { .number($0.min() ?? 0) }
        case 6: return try reduce(evaluator, arguments, rules: rules) { .number($0.isEmpty ? 0 : $0.reduce(1, *)) }
        case 9: return try reduce(evaluator, arguments, rules: rules) { .number(Decimal.total($0)) }
        case 12 where rules.skipSubtotals: return try reduce(evaluator, arguments, rules: rules, median)
        default: throw NotEvaluable(.unsupportedFunction("SUBTOTAL/AGGREGATE code \(code)"))
        }
    }
}
