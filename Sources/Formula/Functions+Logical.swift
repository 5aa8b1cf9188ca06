import Foundation

extension Functions {
    static let logical: [String: Implementation] = [
        "IF": { e, a throws(NotEvaluable) in
            guard (1...3).contains(a.count) else { return error(.value) }
            let condition = try e.elements(a[0]).unwrappingCell
            if case .array(let array) = condition {
                let yes = a.count > 1 ? try e.value(a[1]) : .bool(true)
                let no = a.count > 2 ? try e.value(a[2]) : .bool(false)
                let chosen = Arithmetic.zip(.array(array), Arithmetic.zip(yes, no) { x, y in pair(x, y) }) { c, pair in
                    guard case .array(let both) = pair else { return .error(.value) }
                    switch Coercion.bool(c) {
                    case .success(let flag): return both.values[flag ? 0 : 1]
                    case .failure(let failure): return .error(failure)
                    }
                }
                return .value(chosen)
            }
            switch Coercion.bool(condition) {
            case .failure(let failure): return error(failure)
            case .success(true): return a.count > 1 ? try branch(e, a[1]) : .value(.bool(true))
            case .success(false): return a.count > 2 ? try branch(e, a[2]) : .value(.bool(false))
            }
        },
        "IFS": { e, a throws(NotEvaluable) in
            guard a.count >= 2, a.count % 2 == 0 else { return error(.value) }
            for index in stride(from: 0, to: a.count, by: 2) {
                switch try scalar(e, a[index], Coercion.bool) {
                case .failure(let failure): return error(failure)
                case .success(true): return try branch(e, a[index + 1])
                case .success(false): continue
                }
            }
            return error(.notAvailable)
        },
        "IFERROR": { e, a throws(NotEvaluable) in
            guard a.count == 2 else { return error(.value) }
            let first = try e.value(a[0])
            let fallback = try e.value(a[1])
            return .value(Arithmetic.zip(first, fallback) { x, y in x.isError ? y.blankAsZero : x })
        },
        "IFNA": { e, a throws(NotEvaluable) in
            guard a.count == 2 else { return error(.value) }
            let first = try e.value(a[0])
            let fallback = try e.value(a[1])
            return .value(Arithmetic.zip(first, fallback) { x, y in x == .error(.notAvailable) ? y.blankAsZero : x })
        },
        "AND": { e, a throws(NotEvaluable) in try logicalFold(e, a) { $0.allSatisfy { $0 } } },
        "OR": { e, a throws(NotEvaluable) in try logicalFold(e, a) { $0.contains(true) } },
        "XOR": { e, a throws(NotEvaluable) in try logicalFold(e, a) { $0.filter { $0 }.count % 2 == 1 } },
        "NOT": { e, a throws(NotEvaluable) in
            guard a.count == 1 else { return error(.value) }
            return .value(
                Arithmetic.map(try e.elements(a[0]).unwrappingCell) { v in
                    switch Coercion.bool(v) {
                    case .success(let flag): .bool(!flag)
                    case .failure(let failure): .error(failure)
                    }
                })
        },
        "TRUE": { _, a throws(NotEvaluable) in a.isEmpty ? .value(.bool(true)) : error(.value) },
        "FALSE": { _, a throws(NotEvaluable) in a.isEmpty ? .value(.bool(false)) : error(.value) },
        "SWITCH": { e, a throws(NotEvaluable) in
            guard a.count >= 3 else { return error(.value) }
            let subject = try e.scalar(a[0])
            if case .error = subject { return .value(subject) }
            var index = 1
            while index + 1 < a.count {
                let candidate = try e.scalar(a[index])
                if case .error = candidate { return .value(candidate) }
                if Coercion.compare(subject, candidate) == .orderedSame, sameKind(subject, candidate) {
                    return try branch(e, a[index + 1])
                }
                index += 2
            }
            return index < a.count ? try branch(e, a[index]) : error(.notAvailable)
        },
        "CHOOSE": { e, a throws(NotEvaluable) in
            guard a.count >= 2 else { return error(.value) }
            switch try integer(e, a[0]) {
            case .failure(let failure): return error(failure)
            case .success(let n):
                guard n >= 1, n < a.count else { return error(.value) }
                return try branch(e, a[n])
            }
        },
    ]

    /// A branch of IF and its kin: a reference stays a reference, an omitted one is 0.
    static func branch(_ evaluator: Evaluator, _ expression: FormulaExpression) throws(NotEvaluable) -> Operand {
        if case .missing = expression { return .value(.number(0)) }
        return try evaluator.operand(expression)
    }

    private static func pair(_ x: FormulaValue, _ y: FormulaValue) -> FormulaValue {
        .array(FormulaArray(rows: 1, columns: 2, values: [x, y]))
    }

    private static func sameKind(_ a: FormulaValue, _ b: FormulaValue) -> Bool {
        switch (a, b) {
        case (.number, .number), (.text, .text), (.bool, .bool), (.blank, _), (_, .blank): true
        default: false
        }
    }

    /// AND / OR / XOR: booleans and numbers count; text and blanks in ranges are skipped.
    private static func logicalFold(
        _ evaluator: Evaluator, _ arguments: [FormulaExpression], _ combine: ([Bool]) -> Bool
    ) throws(NotEvaluable) -> Operand {
        var flags: [Bool] = []
        for argument in arguments {
            switch try evaluator.operand(argument) {
            case .value(.array(let array)):
                for value in array.values {
                    switch value {
                    case .bool(let flag): flags.append(flag)
                    case .number(let number): flags.append(number != 0)
                    case .error(let failure): return error(failure)
                    default: break
                    }
                }
            case .value(let value):
                switch Coercion.bool(value) {
                case .success(let flag): flags.append(flag)
                case .failure(let failure): return error(failure)
                }
            case .reference(let sheet, let reference):
                let cells = evaluator.storedGrid(sheet, reference)
                for index in 0..<cells.count {
                    switch try cells.at(index) {
                    case .bool(let flag): flags.append(flag)
                    case .number(let number): flags.append(number != 0)
                    case .error(let failure): return error(failure)
                    default: break
                    }
                }
            }
        }
        return flags.isEmpty ? error(.value) : .value(.bool(combine(flags)))
    }
}

extension FormulaValue {
    /// A blank fallback as a cell shows it.
    var blankAsZero: FormulaValue { self == .blank ? .number(0) : self }
}
