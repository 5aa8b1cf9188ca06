import Foundation
import Primitives
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
        "DATEDIF": { e, a throws(NotEvaluable) in try dateDifference(e, a) },
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

    /// A date argument as a serial: a number, or text DATEVALUE reads (`"2026-07-15"`); a range
    /// gives its implicitly intersected cell.
    static func dateSerial(_ evaluator: Evaluator, _ argument: FormulaExpression) throws(NotEvaluable) -> Result<
        Decimal, FormulaError
    > {
        switch try evaluator.scalar(argument) {
        case .text(let text) where Coercion.parse(text) == nil:
            return DateText.serial(text, system: evaluator.workbook.dateSystem).map { .success($0) } ?? .failure(.value)
        case let other: return Coercion.number(other)
        }
    }

    /// A date argument as a whole serial (its time of day dropped), as the day-counting
    /// functions read one.
    static func day(_ evaluator: Evaluator, _ argument: FormulaExpression) throws(NotEvaluable) -> Result<
        Int, FormulaError
    > {
        switch try dateSerial(evaluator, argument) {
        case .failure(let failure): return .failure(failure)
        case .success(let serial):
            let whole = serial.rounded(0, .down)
            guard abs(whole) < 1e9 else { return .failure(.number) }
            return .success(NSDecimalNumber(decimal: whole).intValue)
        }
    }

    /// DATEDIF(start, end, unit): whole years (`Y`), months (`M`) or days (`D`) from start to
    /// end; the days past the whole months (`MD`), the months past the whole years (`YM`), the
    /// days past the whole years (`YD`). A start after the end, or another unit, is `#NUM!`.
    /// `MD` counts from the start's day in the month before the end's, and `YD` from the start's
    /// day and month in the year before (or of) the end's, a day the month lacks rolling over into
    /// the next: Excel's known quirk, 2026-01-31 to 2026-03-01 being −2 days `MD` (from
    /// 2026-02-31, which is 2026-03-03). LibreOffice reads Excel so; `scripts/check-formulas`
    /// compares the two.
    private static func dateDifference(_ evaluator: Evaluator, _ arguments: [FormulaExpression]) throws(NotEvaluable)
        -> Operand
    {
        guard arguments.count == 3 else { return error(.value) }
        let system = evaluator.workbook.dateSystem
        let start: Int
        let end: Int
        switch (try day(evaluator, arguments[0]), try day(evaluator, arguments[1])) {
        case (.failure(let failure), _), (_, .failure(let failure)): return error(failure)
        case (.success(let first), .success(let last)): (start, end) = (first, last)
        }
        let unit: String
        switch try scalar(evaluator, arguments[2], Coercion.text) {
        case .failure(let failure): return error(failure)
        case .success(let text): unit = text.uppercased()
        }
        guard start <= end, let from = ExcelCalendar.date(Decimal(start), system: system),
            let to = ExcelCalendar.date(Decimal(end), system: system)
        else { return error(.number) }
        /// Days from (year, month, day), a day past the month's end rolling over, to the end date.
        func days(from year: Int, _ month: Int, _ day: Int) -> Int {
            CivilCalendar.days(year: to.year, month: to.month, day: to.day)
                - (CivilCalendar.days(year: year, month: month, day: 1) + day - 1)
        }
        var months = (to.year - from.year) * 12 + to.month - from.month
        if to.day < from.day { months -= 1 }
        let wholeYearPassed = to.month > from.month || (to.month == from.month && to.day >= from.day)
        let result: Int
        switch unit {
        case "D": result = end - start
        case "M": result = months
        case "Y": result = months / 12
        case "YM": result = months % 12
        case "MD":
            if from.day <= to.day {
                result = to.day - from.day
            } else {
                result =
                    to.month == 1 ? days(from: to.year - 1, 12, from.day) : days(from: to.year, to.month - 1, from.day)
            }
        case "YD": result = days(from: wholeYearPassed ? to.year : to.year - 1, from.month, from.day)
        default: return error(.number)
        }
        return .value(.number(Decimal(result)))
    }

    private static func monthShift(
        _ evaluator: Evaluator, _ arguments: [FormulaExpression], endOfMonth: Bool
    ) throws(NotEvaluable) -> Operand {
        guard arguments.count == 2 else { return error(.value) }
        let system = evaluator.workbook.dateSystem
        let start: Decimal
        switch try dateSerial(evaluator, arguments[0]) {
        case .success(let serial): start = serial
        case .failure(let f): return error(f)
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
