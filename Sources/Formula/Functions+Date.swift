import Foundation
import Spreadsheet

extension Functions {
    static let dates: [String: Implementation] = [
        "DATE": { e, a throws(NotEvaluable) in
            guard a.count == 3 else { return error(.value) }
            switch (try integer(e, a[0]), try integer(e, a[1]), try integer(e, a[2])) {
            case (.failure(let f), _, _), (_, .failure(let f), _), (_, _, .failure(let f)): return error(f)
            case (.success(let y), .success(let m), .success(let d)):
                guard y >= 0, y < 10000,
                    let serial = ExcelCalendar.serial(year: y, month: m, day: d, system: e.workbook.dateSystem)
                else { return error(.number) }
                return .value(.number(Decimal(serial)))
            }
        },
        "YEAR": { e, a throws(NotEvaluable) in try datePart(e, a) { .number(Decimal($0.year)) } },
        "MONTH": { e, a throws(NotEvaluable) in try datePart(e, a) { .number(Decimal($0.month)) } },
        "DAY": { e, a throws(NotEvaluable) in try datePart(e, a) { .number(Decimal($0.day)) } },
        "EOMONTH": { e, a throws(NotEvaluable) in try monthShift(e, a, endOfMonth: true) },
        "EDATE": { e, a throws(NotEvaluable) in try monthShift(e, a, endOfMonth: false) },
        "DATEVALUE": { e, a throws(NotEvaluable) in
            guard a.count == 1 else { return error(.value) }
            switch try scalar(e, a[0], Coercion.text) {
            case .failure(let f): return error(f)
            case .success(let text):
                return .value(
                    DateText.serial(text, system: e.workbook.dateSystem).map { .number($0) } ?? .error(.value))
            }
        },
        "TODAY": { e, a throws(NotEvaluable) in
            guard a.isEmpty else { return error(.value) }
            guard let today = e.options.today, let y = today.year, let m = today.month, let d = today.day,
                let serial = ExcelCalendar.serial(year: y, month: m, day: d, system: e.workbook.dateSystem)
            else { throw NotEvaluable(.unsupportedFunction("TODAY (no date given)")) }
            return .value(.number(Decimal(serial)))
        },
    ]

    private static func datePart(
        _ evaluator: Evaluator, _ arguments: [FormulaExpression],
        _ f: @escaping ((year: Int, month: Int, day: Int)) -> FormulaValue
    ) throws(NotEvaluable) -> Operand {
        guard arguments.count == 1 else { return error(.value) }
        let system = evaluator.workbook.dateSystem
        return .value(
            Arithmetic.map(try evaluator.elements(arguments[0]).unwrappingCell) { value in
                let serial: Decimal
                if case .text(let text) = value, Coercion.parse(text) == nil {
                    guard let parsed = DateText.serial(text, system: system) else { return .error(.value) }
                    serial = parsed
                } else {
                    switch Coercion.number(value) {
                    case .success(let number): serial = number
                    case .failure(let failure): return .error(failure)
                    }
                }
                guard let date = ExcelCalendar.date(serial, system: system) else { return .error(.number) }
                return f(date)
            })
    }

    private static func monthShift(
        _ evaluator: Evaluator, _ arguments: [FormulaExpression], endOfMonth: Bool
    ) throws(NotEvaluable) -> Operand {
        guard arguments.count == 2 else { return error(.value) }
        let system = evaluator.workbook.dateSystem
        let start: Decimal
        switch try evaluator.scalar(arguments[0]) {
        case .text(let text) where Coercion.parse(text) == nil:
            guard let parsed = DateText.serial(text, system: system) else { return error(.value) }
            start = parsed
        case let other:
            switch Coercion.number(other) {
            case .success(let number): start = number
            case .failure(let f): return error(f)
            }
        }
        switch try integer(evaluator, arguments[1]) {
        case .failure(let f): return error(f)
        case .success(let months):
            guard let date = ExcelCalendar.date(start, system: system) else { return error(.number) }
            let total = date.year * 12 + (date.month - 1) + months
            let year = total / 12
            let month = total % 12 + 1
            let last = ExcelCalendar.daysIn(year: year, month: month)
            let day = endOfMonth ? last : min(date.day, last)
            guard let serial = ExcelCalendar.serial(year: year, month: month, day: day, system: system) else {
                return error(.number)
            }
            return .value(.number(Decimal(serial)))
        }
    }
}
