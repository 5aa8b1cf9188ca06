import Foundation
import Spreadsheet

/// Working days: NETWORKDAYS and WORKDAY, and their `.INTL` forms that choose the weekend.
extension Functions {
    static let workdays: [String: Implementation] = [
        "NETWORKDAYS": { e, a throws(NotEvaluable) in try counting(e, a, choosingWeekend: false, networkDays) },
        "NETWORKDAYS.INTL": { e, a throws(NotEvaluable) in try counting(e, a, choosingWeekend: true, networkDays) },
        "WORKDAY": { e, a throws(NotEvaluable) in try counting(e, a, choosingWeekend: false, workday) },
        "WORKDAY.INTL": { e, a throws(NotEvaluable) in try counting(e, a, choosingWeekend: true, workday) },
        "WEEKDAY": { e, a throws(NotEvaluable) in
            guard a.count == 1 || a.count == 2 else { return error(.value) }
            var kind = 1
            if a.count == 2, a[1] != .missing {
                switch try integer(e, a[1]) {
                case .success(let n): kind = n
                case .failure(let failure): return error(failure)
                }
            }
            switch try day(e, a[0]) {
            case .failure(let failure): return error(failure)
            case .success(let serial):
                guard serial >= 0 else { return error(.number) }
                let sunday0 = Weekend.dayOfWeek(serial, system: e.workbook.dateSystem)
                let monday0 = (sunday0 + 6) % 7
                let number: Int
                switch kind {
                case 1, 17: number = sunday0 + 1
                case 2, 11: number = monday0 + 1
                case 3: number = monday0
                case 12...16: number = (monday0 - (kind - 11) + 7) % 7 + 1
                default: return error(.number)
                }
                return .value(.number(Decimal(number)))
            }
        },
    ]

    /// The days of the week that are no working days, by day of the week (0 Sunday … 6 Saturday).
    struct Weekend {
        var days: [Bool]

        static let saturdaySunday = Weekend(days: [true, false, false, false, false, false, true])

        /// The day of the week of a serial, 0 Sunday … 6 Saturday (serial 1 of the 1900 system is a
        /// Sunday, as Excel counts it; serial 0 of the 1904 system, 1904-01-01, a Friday).
        static func dayOfWeek(_ serial: Int, system: DateSystem) -> Int {
            let inThe1900System = system == .excel1904 ? serial + 1462 : serial
            return ((inThe1900System + 6) % 7 + 7) % 7
        }

        func isWorkday(_ serial: Int, system: DateSystem) -> Bool { !days[Self.dayOfWeek(serial, system: system)] }
    }

    /// The arguments of NETWORKDAYS and WORKDAY (`start, end or days, [holidays]`), or of their
    /// `.INTL` forms (`choosingWeekend`: `start, end or days, [weekend], [holidays]`), handed to
    /// `body` with the weekend they give.
    private static func counting(
        _ evaluator: Evaluator, _ arguments: [FormulaExpression], choosingWeekend: Bool,
        _ body: (Evaluator, FormulaExpression, FormulaExpression, Weekend, FormulaExpression?) throws(NotEvaluable)
            -> Operand
    ) throws(NotEvaluable) -> Operand {
        let most = choosingWeekend ? 4 : 3
        guard (2...most).contains(arguments.count) else { return error(.value) }
        var weekend = Weekend.saturdaySunday
        if choosingWeekend {
            switch try self.weekend(evaluator, arguments.count > 2 ? arguments[2] : nil) {
            case .failure(let failure): return error(failure)
            case .success(let chosen): weekend = chosen
            }
        }
        return try body(
            evaluator, arguments[0], arguments[1], weekend, arguments.count == most ? arguments[most - 1] : nil)
    }

    /// The `.INTL` forms' weekend argument: a number (1 Saturday and Sunday, 2 Sunday and Monday …
    /// 7 Friday and Saturday; 11 Sunday alone … 17 Saturday alone), or seven `0`/`1` characters
    /// from Monday, `1` a day off. Missing: Saturday and Sunday. A number out of those is `#NUM!`;
    /// text of another shape, or every day off, `#VALUE!`.
    private static func weekend(_ evaluator: Evaluator, _ argument: FormulaExpression?) throws(NotEvaluable) -> Result<
        Weekend, FormulaError
    > {
        guard let argument, argument != .missing else { return .success(.saturdaySunday) }
        var days = [Bool](repeating: false, count: 7)
        switch try evaluator.scalar(argument) {
        case .text(let text):
            let flags = Array(text)
            guard flags.count == 7, flags.allSatisfy({ $0 == "0" || $0 == "1" }), flags.contains("0") else {
                return .failure(.value)
            }
            for (index, flag) in flags.enumerated() where flag == "1" { days[(index + 1) % 7] = true }
        case .error(let failure): return .failure(failure)
        case let other:
            guard case .success(let number) = Coercion.number(other) else { return .failure(.value) }
            let code = NSDecimalNumber(decimal: number.rounded(0, .down)).intValue
            switch code {
            case 1...7:
                let first = (code + 5) % 7
                days[first] = true
                days[(first + 1) % 7] = true
            case 11...17: days[code - 11] = true
            default: return .failure(.number)
            }
        }
        return .success(Weekend(days: days))
    }

    /// The holidays argument's dates, whole (a blank cell is none); an error in it is the result.
    private static func holidayDates(_ evaluator: Evaluator, _ argument: FormulaExpression?) throws(NotEvaluable)
        -> Result<
            Set<Int>, FormulaError
        >
    {
        guard let argument, argument != .missing else { return .success([]) }
        let cells = try evaluator.grid(argument)
        var found: Set<Int> = []
        for index in 0..<cells.count {
            switch try cells.at(index) {
            case .blank: continue
            case .number(let number):
                guard number >= 0 else { return .failure(.number) }
                found.insert(NSDecimalNumber(decimal: number.rounded(0, .down)).intValue)
            case .error(let failure): return .failure(failure)
            default: return .failure(.value)
            }
        }
        return .success(found)
    }

    /// NETWORKDAYS: the working days from start to end, both counted, less the holidays among
    /// them; negative when the end comes first.
    private static func networkDays(
        _ evaluator: Evaluator, _ start: FormulaExpression, _ end: FormulaExpression, weekend: Weekend,
        holidays argument: FormulaExpression?
    ) throws(NotEvaluable) -> Operand {
        let system = evaluator.workbook.dateSystem
        let (first, last, holidays): (Int, Int, Set<Int>)
        switch (try day(evaluator, start), try day(evaluator, end), try holidayDates(evaluator, argument)) {
        case (.failure(let failure), _, _), (_, .failure(let failure), _), (_, _, .failure(let failure)):
            return error(failure)
        case (.success(let a), .success(let b), .success(let off)): (first, last, holidays) = (a, b, off)
        }
        guard first >= 0, last >= 0 else { return error(.number) }
        let (low, high) = (min(first, last), max(first, last))
        // Whole weeks at once, then the days left over one by one.
        let span = high - low + 1
        var count = span / 7 * weekend.days.filter { !$0 }.count
        // None left over when the span is whole weeks (a range from past `high` would trap).
        for serial in stride(from: low + span / 7 * 7, through: high, by: 1)
        where weekend.isWorkday(serial, system: system) {
            count += 1
        }
        count -= holidays.filter { (low...high).contains($0) && weekend.isWorkday($0, system: system) }.count
        return .value(.number(Decimal(first <= last ? count : -count)))
    }

    /// WORKDAY: the date that many working days after start (before it, for a negative count),
    /// stepping over weekends and holidays; start itself when the count is 0.
    private static func workday(
        _ evaluator: Evaluator, _ start: FormulaExpression, _ days: FormulaExpression, weekend: Weekend,
        holidays argument: FormulaExpression?
    ) throws(NotEvaluable) -> Operand {
        let system = evaluator.workbook.dateSystem
        let (first, steps, holidays): (Int, Int, Set<Int>)
        switch (try day(evaluator, start), try integer(evaluator, days), try holidayDates(evaluator, argument)) {
        case (.failure(let failure), _, _), (_, .failure(let failure), _), (_, _, .failure(let failure)):
            return error(failure)
        case (.success(let a), .success(let n), .success(let off)): (first, steps, holidays) = (a, n, off)
        }
        guard first >= 0, abs(steps) < 3_000_000 else { return error(.number) }
        var serial = first
        var left = abs(steps)
        let direction = steps < 0 ? -1 : 1
        // Whole weeks at once (each holds the same working days), less the holidays among them
        // that fall on working days: a count of millions is not walked a day at a time.
        let perWeek = (1...7).count { weekend.isWorkday(first + $0, system: system) }
        while perWeek > 0, left > perWeek {
            let weeks = (left - 1) / perWeek
            let next = serial + direction * 7 * weeks
            guard next >= 0, next < 2_958_466 else { return error(.number) }
            let jumped = direction > 0 ? (serial + 1)...next : next...(serial - 1)
            let off = holidays.count { jumped.contains($0) && weekend.isWorkday($0, system: system) }
            left -= weeks * perWeek - off
            serial = next
        }
        while left > 0 {
            serial += direction
            guard serial >= 0, serial < 2_958_466 else { return error(.number) }
            if weekend.isWorkday(serial, system: system) && !holidays.contains(serial) { left -= 1 }
        }
        return .value(.number(Decimal(serial)))
    }
}
