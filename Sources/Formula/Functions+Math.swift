import Foundation
import Spreadsheet

extension Functions {
    static let math: [String: Implementation] = [
        "ROUND": { e, a throws(NotEvaluable) in try binary(e, a) { x, p in round(x, p, .plain) } },
        "ROUNDUP": { e, a throws(NotEvaluable) in try binary(e, a) { x, p in round(x, p, x < 0 ? .down : .up) } },
        "ROUNDDOWN": { e, a throws(NotEvaluable) in try binary(e, a) { x, p in round(x, p, x < 0 ? .up : .down) } },
        "TRUNC": { e, a throws(NotEvaluable) in
            try binary(e, a, defaultSecond: 0) { x, p in round(x, p, x < 0 ? .up : .down) }
        },
        "INT": { e, a throws(NotEvaluable) in try unary(e, a) { .number($0.excelPrecision.rounded(0, .down)) } },
        "ABS": { e, a throws(NotEvaluable) in try unary(e, a) { .number(abs($0)) } },
        "SIGN": { e, a throws(NotEvaluable) in try unary(e, a) { .number($0 == 0 ? 0 : ($0 < 0 ? -1 : 1)) } },
        "MOD": { e, a throws(NotEvaluable) in
            try binary(e, a) { x, y in
                guard y != 0 else { return .error(.divisionByZero) }
                let (p, q) = (x.excelPrecision, y.excelPrecision)
                return .number(p - q * (p / q).excelPrecision.rounded(0, .down))
            }
        },
        "MROUND": { e, a throws(NotEvaluable) in
            try binary(e, a) { x, m in
                guard m != 0 else { return .number(0) }
                guard (x < 0) == (m < 0) || x == 0 else { return .error(.number) }
                return .number((x / m).excelPrecision.rounded(0, .plain) * m)
            }
        },
        "CEILING": { e, a throws(NotEvaluable) in
            try binary(e, a, defaultSecond: 1) { x, m in
                guard m != 0 else { return .number(0) }
                guard !(x > 0 && m < 0) else { return .error(.number) }
                return .number((x / m).excelPrecision.rounded(0, .up) * m)
            }
        },
        "FLOOR": { e, a throws(NotEvaluable) in
            try binary(e, a, defaultSecond: 1) { x, m in
                guard m != 0 else { return x == 0 ? .number(0) : .error(.divisionByZero) }
                guard !(x > 0 && m < 0) else { return .error(.number) }
                return .number((x / m).excelPrecision.rounded(0, .down) * m)
            }
        },
        "CEILING.MATH": { e, a throws(NotEvaluable) in
            try binary(e, Array(a.prefix(2)), defaultSecond: 1) { x, m in
                guard m != 0 else { return .number(0) }
                return .number((x / abs(m)).excelPrecision.rounded(0, .up) * abs(m))
            }
        },
        "FLOOR.MATH": { e, a throws(NotEvaluable) in
            try binary(e, Array(a.prefix(2)), defaultSecond: 1) { x, m in
                guard m != 0 else { return .number(0) }
                return .number((x / abs(m)).excelPrecision.rounded(0, .down) * abs(m))
            }
        },
        "POWER": { e, a throws(NotEvaluable) in try binary(e, a) { x, y in Arithmetic.power(x, y) } },
        "SQRT": { e, a throws(NotEvaluable) in
            try unary(e, a) { $0 < 0 ? .error(.number) : $0.double.squareRoot().formulaNumber }
        },
        "EXP": { e, a throws(NotEvaluable) in try unary(e, a) { Foundation.exp($0.double).formulaNumber } },
        "LN": { e, a throws(NotEvaluable) in
            try unary(e, a) { $0 <= 0 ? .error(.number) : Foundation.log($0.double).formulaNumber }
        },
        "LOG10": { e, a throws(NotEvaluable) in
            try unary(e, a) { $0 <= 0 ? .error(.number) : Foundation.log10($0.double).formulaNumber }
        },
        "LOG": { e, a throws(NotEvaluable) in
            try binary(e, a, defaultSecond: 10) { x, b in
                guard x > 0, b > 0 else { return .error(.number) }
                guard b != 1 else { return .error(.divisionByZero) }
                return (Foundation.log(x.double) / Foundation.log(b.double)).formulaNumber
            }
        },
        "EVEN": { e, a throws(NotEvaluable) in
            try unary(e, a) { x in
                let up = (abs(x) / 2).rounded(0, .up) * 2
                return .number(x < 0 ? -up : up)
            }
        },
        "ODD": { e, a throws(NotEvaluable) in
            try unary(e, a) { x in
                var up = abs(x).rounded(0, .up)
                if (up / 2).rounded(0, .down) * 2 == up { up += 1 }
                return .number(x < 0 ? -up : up)
            }
        },
        "FACT": { e, a throws(NotEvaluable) in
            try unary(e, a) { x in
                guard x >= 0, x < 171 else { return .error(.number) }
                var result: Decimal = 1
                var n: Decimal = 2
                while n <= x.rounded(0, .down) {
                    result *= n
                    n += 1
                }
                return .number(result)
            }
        },
    ]

    /// Excel's ROUND family: `places` truncated to a whole number, negative places round left of
    /// the point; the argument first taken at 15 significant digits as Excel stores it.
    static func round(_ x: Decimal, _ places: Decimal, _ mode: NSDecimalNumber.RoundingMode) -> FormulaValue {
        let digits = SmallDecimal(places)?.integer ?? NSDecimalNumber(decimal: places.truncated(0)).intValue
        guard abs(digits) < 128 else { return .error(.number) }
        return .number(x.excelPrecision.rounded(digits, mode))
    }
}
