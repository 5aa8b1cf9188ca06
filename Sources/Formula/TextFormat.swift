import Foundation
import Primitives
import Spreadsheet

/// The number and date format codes TEXT understands: `0`, `0.00`, `#,##0.00`, `0%`, `$#,##0`,
/// `yyyy-mm-dd`, `mmm yyyy`, `dd/mm/yyyy`, `General`. Anything else is nil, so TEXT is then
/// reported not evaluable rather than guessed.
struct TextFormat {
    private enum Kind {
        case general
        case number(prefix: String, suffix: String, decimals: Int, minimumIntegers: Int, grouped: Bool, percent: Bool)
        case date([DatePart])
    }

    private enum DatePart {
        case literal(String)
        case year4, year2, month, month2, monthShort, monthLong, day, day2, dayShort, dayLong
    }

    private let kind: Kind

    init?(_ code: String) {
        let lower = code.lowercased()
        if lower == "general" || code == "@" {
            kind = .general
            return
        }
        guard !code.contains(";") else { return nil }
        if lower.contains("y") || lower.contains("d") || (lower.contains("m") && !lower.contains("0")) {
            guard let parts = Self.dateParts(lower) else { return nil }
            kind = .date(parts)
            return
        }
        let characters = Array(code)
        guard let first = characters.firstIndex(where: { "0#".contains($0) }),
            let last = characters.lastIndex(where: { "0#%".contains($0) })
        else { return nil }
        var body = String(characters[first...last])
        let prefix = String(characters[..<first]).replacingOccurrences(of: "\"", with: "")
        let suffix = String(characters[(last + 1)...]).replacingOccurrences(of: "\"", with: "")
        let unquoted = code.split(separator: "\"", omittingEmptySubsequences: false).enumerated()
            .filter { $0.offset % 2 == 0 }.map(\.element).joined()
        guard !unquoted.contains(where: { $0.isLetter }) else { return nil }
        let percent = body.hasSuffix("%")
        if percent { body.removeLast() }
        guard body.allSatisfy({ "0#,.".contains($0) }), body.filter({ $0 == "." }).count <= 1,
            !prefix.contains(where: { "0#?".contains($0) }), !suffix.contains(where: { "0#?".contains($0) })
        else { return nil }
        let pieces = body.split(separator: ".", omittingEmptySubsequences: false)
        let integerPart = pieces[0]
        guard !integerPart.hasSuffix(",") else { return nil }
        kind = .number(
            prefix: prefix, suffix: suffix, decimals: pieces.count > 1 ? pieces[1].count : 0,
            minimumIntegers: integerPart.filter { $0 == "0" }.count, grouped: integerPart.contains(","),
            percent: percent)
    }

    func format(_ value: FormulaValue, system: DateSystem) -> FormulaValue? {
        switch kind {
        case .general:
            if case .text = value { return value }
            return Coercion.text(value).map { .text($0) }.get(or: .error(.value))
        case .number(let prefix, let suffix, let decimals, let minimumIntegers, let grouped, let percent):
            guard case .success(var number) = Coercion.number(value) else {
                if case .text(let text) = value { return .text(text) }
                return nil
            }
            if percent { number *= 100 }
            let rounded = number.excelPrecision.rounded(decimals, .plain)
            let negative = rounded < 0
            let digits = (negative ? -rounded : rounded).plainString
            let split = digits.split(separator: ".", omittingEmptySubsequences: false)
            var integer = String(split[0])
            if integer == "0" && minimumIntegers == 0 { integer = "" }
            while integer.count < minimumIntegers { integer = "0" + integer }
            if grouped {
                var grouped = ""
                for (index, character) in integer.reversed().enumerated() {
                    if index > 0 && index % 3 == 0 { grouped.append(",") }
                    grouped.append(character)
                }
                integer = String(grouped.reversed())
            }
            var fraction = split.count > 1 ? String(split[1]) : ""
            while fraction.count < decimals { fraction += "0" }
            let body = integer + (decimals > 0 ? "." + fraction : "") + (percent ? "%" : "")
            return .text((negative ? "-" : "") + prefix + body + suffix)
        case .date(let parts):
            guard case .success(let serial) = Coercion.number(value),
                let date = ExcelCalendar.date(serial, system: system)
            else { return value.isError ? value : nil }
            return .text(parts.map { Self.render($0, date, serial: serial, system: system) }.joined())
        }
    }

    private static let dayNames = ["Saturday", "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]

    private static func render(
        _ part: DatePart, _ date: (year: Int, month: Int, day: Int), serial: Decimal, system: DateSystem
    ) -> String {
        let weekday =
            (NSDecimalNumber(decimal: serial.rounded(0, .down)).intValue + (system == .excel1904 ? 1462 : 0)) % 7
        switch part {
        case .literal(let text): return text
        case .year4: return String(date.year)
        case .year2: return String(format: "%02d", date.year % 100)
        case .month: return String(date.month)
        case .month2: return String(format: "%02d", date.month)
        case .monthShort: return String(CivilCalendar.monthNames[date.month - 1].prefix(3))
        case .monthLong: return CivilCalendar.monthNames[date.month - 1]
        case .day: return String(date.day)
        case .day2: return String(format: "%02d", date.day)
        case .dayShort: return String(dayNames[weekday].prefix(3))
        case .dayLong: return dayNames[weekday]
        }
    }

    private static func dateParts(_ code: String) -> [DatePart]? {
        var parts: [DatePart] = []
        let characters = Array(code)
        var i = 0
        while i < characters.count {
            let character = characters[i]
            var run = 1
            while i + run < characters.count, characters[i + run] == character { run += 1 }
            switch character {
            case "y": parts.append(run <= 2 ? .year2 : .year4)
            case "m":
                switch run {
                case 1: parts.append(.month)
                case 2: parts.append(.month2)
                case 3: parts.append(.monthShort)
                default: parts.append(.monthLong)
                }
            case "d":
                switch run {
                case 1: parts.append(.day)
                case 2: parts.append(.day2)
                case 3: parts.append(.dayShort)
                default: parts.append(.dayLong)
                }
            case "-", "/", " ", ".", ",": parts.append(.literal(String(repeating: character, count: run)))
            default: return nil
            }
            i += run
        }
        return parts
    }
}

extension Result {
    func get(or fallback: Success) -> Success {
        if case .success(let value) = self { return value }
        return fallback
    }
}
