import Commission
import Foundation
import Spreadsheet

/// How a column writes its numbers, decided once per column from its values.
public enum NumberStyle: Sendable, Hashable {
    /// `1,234.56`
    case decimalPoint
    /// `1.234,56`
    case decimalComma

    /// Votes over a column's texts: a separator followed by other than three digits, or the last of
    /// two different separators, is the decimal one. Ties and no evidence give `.decimalPoint`.
    static func decide(_ texts: [String]) -> (style: NumberStyle, ambiguous: Bool) {
        var point = 0
        var comma = 0
        for text in texts {
            let body = text.filter { $0.isNumber || $0 == "." || $0 == "," }
            guard let last = body.lastIndex(where: { $0 == "." || $0 == "," }) else { continue }
            let after = body.distance(from: last, to: body.endIndex) - 1
            let both = body.contains(".") && body.contains(",")
            if both || after != 3 {
                if body[last] == "." { point += 1 } else { comma += 1 }
            }
        }
        return (comma > point ? .decimalComma : .decimalPoint, point > 0 && comma > 0)
    }
}

/// Reads typed values out of cells the way real sheets write them.
enum ValueReading {
    /// A value that is not of the kind its column needs, with the reason.
    struct Failure: Error {
        let message: String
        static func wrong(_ message: String) -> Failure { Failure(message: message) }
    }

    static func text(_ value: CellValue) -> String? {
        let text = value.plainText.trimmedSpaces
        return text.isEmpty ? nil : text
    }

    /// Money: a number cell, or text such as `$1,234.50`, `(1,234.00)`, `155,22-`, `EUR 99`.
    static func money(_ value: CellValue, style: NumberStyle) throws(Failure) -> Decimal? {
        switch value {
        case .empty: return nil
        case .number(let number): return number.excelPrecision
        case .text(let text): return try parseMoney(text, style: style)
        case .bool, .date, .error, .outOfRangeNumber: throw .wrong("expected a number, found \(describe(value))")
        }
    }

    static func parseMoney(_ raw: String, style: NumberStyle) throws(Failure) -> Decimal? {
        // Most exports write plain decimals: read those without any rewriting.
        if style == .decimalPoint, case .value(let number) = Decimal.parse(raw) { return number }
        var text = raw.trimmedSpaces
        if text.isEmpty { return nil }
        var negative = false
        if text.hasPrefix("(") && text.hasSuffix(")") {
            negative = true
            text = String(text.dropFirst().dropLast())
        }
        text = text.trimmedSpaces
        for symbol in ["$", "€", "£", "¥", "USD", "EUR", "GBP", "CHF", "CAD", "AUD", "JPY"] {
            if text.hasPrefix(symbol) { text = String(text.dropFirst(symbol.count)) }
            if text.hasSuffix(symbol) { text = String(text.dropLast(symbol.count)) }
            text = text.trimmedSpaces
        }
        if text.hasSuffix("-") {
            negative.toggle()
            text = String(text.dropLast())
        }
        if text.hasPrefix("-") {
            negative.toggle()
            text = String(text.dropFirst())
        } else if text.hasPrefix("+") {
            text = String(text.dropFirst())
        }
        text = text.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "\u{00A0}", with: "")
        switch style {
        case .decimalPoint: text = text.replacingOccurrences(of: ",", with: "")
        case .decimalComma: text = text.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: ".")
        }
        guard case .value(let number) = Decimal.parse(text) else {
            throw .wrong("expected a number, found \"\(raw)\"")
        }
        return negative ? -number : number
    }

    /// A fraction from `50%`, `0.5`, or a percent-formatted number cell; must lie in 0...1.
    static func fraction(_ value: CellValue, style: NumberStyle) throws(Failure) -> Decimal? {
        let number: Decimal
        switch value {
        case .empty: return nil
        case .number(let n): number = n.excelPrecision
        case .text(let text):
            let trimmed = text.trimmedSpaces
            if trimmed.hasSuffix("%") {
                guard let n = try parseMoney(String(trimmed.dropLast()), style: style) else { return nil }
                number = Decimal(sign: n.sign, exponent: n.exponent - 2, significand: n.significand)
            } else {
                guard let n = try parseMoney(trimmed, style: style) else { return nil }
                number = n
            }
        default: throw .wrong("expected a percentage, found \(describe(value))")
        }
        guard number >= 0 && number <= 1 else {
            throw .wrong("expected a share from 0% to 100% (or 0 to 1), found \(describe(value))")
        }
        return number
    }

    /// A date cell, an ISO `YYYY-MM-DD` text (a time after it is ignored), or nothing.
    static func date(_ value: CellValue) throws(Failure) -> LocalDate? {
        switch value {
        case .empty: return nil
        case .date(let date) where date.kind != .duration && date.kind != .time:
            return LocalDate(year: date.year, month: date.month, day: date.day)
        case .text(let text):
            let trimmed = text.trimmedSpaces
            if trimmed.isEmpty { return nil }
            guard let date = LocalDate(iso: trimmed) else {
                throw .wrong("expected a date (a date cell or YYYY-MM-DD), found \"\(text)\"")
            }
            return date
        default:
            throw .wrong("expected a date (a date cell or YYYY-MM-DD), found \(describe(value))")
        }
    }

    static func describe(_ value: CellValue) -> String {
        switch value {
        case .empty: "an empty cell"
        case .text(let text): "\"\(text)\""
        case .number(let number): "the number \(number.plainString)"
        case .bool(let flag): flag ? "TRUE" : "FALSE"
        case .error(let code): "the error \(code)"
        case .date(let date): "the date \(date.iso8601)"
        case .outOfRangeNumber(let text): "the number \(text)"
        }
    }
}

extension String {
    /// Without leading and trailing spaces, tabs and no-break spaces; cheap when there are none.
    var trimmedSpaces: String {
        func isSpace(_ c: Character) -> Bool { c == " " || c == "\t" || c == "\u{00A0}" }
        // Checked on bytes first: spaces, tabs and the no-break space's lead byte 0xC2.
        let ends = (utf8.first, utf8.last)
        guard let head = ends.0, let tail = ends.1,
            head == 32 || head == 9 || head == 0xC2 || tail == 32 || tail == 9 || tail == 0xA0
        else { return self }
        var slice = self[...]
        while let c = slice.first, isSpace(c) { slice = slice.dropFirst() }
        while let c = slice.last, isSpace(c) { slice = slice.dropLast() }
        return String(slice)
    }
}
