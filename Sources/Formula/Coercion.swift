import Foundation
import Spreadsheet

/// Excel's conversions between values, as operators and functions apply them.
enum Coercion {
    /// A number for arithmetic: blank is 0, booleans 1 and 0, numeric text its number.
    static func number(_ value: FormulaValue) -> Result<Decimal, FormulaError> {
        switch value {
        case .blank: .success(0)
        case .number(let number): .success(number)
        case .bool(let flag): .success(flag ? 1 : 0)
        case .text(let text): parse(text).map { .success($0) } ?? .failure(.value)
        case .error(let error): .failure(error)
        case .array(let array): number(array.rows > 0 ? array[0, 0] : .error(.value))
        }
    }

    /// The number in text as Excel reads it: `12`, ` -1.5e3 `, `50%`, `(12)`, `1,234`, `$5`.
    static func parse(_ text: String) -> Decimal? {
        var body = text.trimmingCharacters(in: .whitespaces)
        guard !body.isEmpty else { return nil }
        var scale: Decimal = 1
        var negative = false
        if body.hasSuffix("%") {
            scale = 0.01
            body.removeLast()
        }
        if body.hasPrefix("(") && body.hasSuffix(")") {
            negative = true
            body = String(body.dropFirst().dropLast())
        }
        if body.hasPrefix("-$") || body.hasPrefix("$-") {
            negative.toggle()
            body = String(body.dropFirst(2))
        } else if body.hasPrefix("$") {
            body.removeFirst()
        }
        if body.contains(",") {
            let parts = body.split(separator: ".", maxSplits: 1)
            let groups = parts[0].split(separator: ",", omittingEmptySubsequences: false)
            guard groups.dropFirst().allSatisfy({ $0.count == 3 }), !groups[0].isEmpty else { return nil }
            body = groups.joined() + (parts.count > 1 ? "." + parts[1] : "")
        }
        guard body.utf8.allSatisfy({ (48...57).contains($0) || [43, 45, 46, 69, 101].contains($0) }),
            case .value(let number) = Decimal.parse(body)
        else { return nil }
        let scaled = number * scale
        return negative ? -scaled : scaled
    }

    /// Text for `&` and text functions: numbers as Excel's General format shows them.
    static func text(_ value: FormulaValue) -> Result<String, FormulaError> {
        switch value {
        case .blank: .success("")
        case .number(let number): .success(number.formulaText)
        case .text(let text): .success(text)
        case .bool(let flag): .success(flag ? "TRUE" : "FALSE")
        case .error(let error): .failure(error)
        case .array(let array): text(array.rows > 0 ? array[0, 0] : .error(.value))
        }
    }

    /// A condition: numbers are true when not 0; text must be `TRUE` or `FALSE`.
    static func bool(_ value: FormulaValue) -> Result<Bool, FormulaError> {
        switch value {
        case .blank: .success(false)
        case .number(let number): .success(number != 0)
        case .bool(let flag): .success(flag)
        case .text(let text):
            switch text.uppercased() {
            case "TRUE": .success(true)
            case "FALSE": .success(false)
            default: .failure(.value)
            }
        case .error(let error): .failure(error)
        case .array(let array): bool(array.rows > 0 ? array[0, 0] : .error(.value))
        }
    }

    /// Excel's ordering across types: numbers < text < booleans; blank counts as 0, "" or FALSE
    /// beside the other side; text compares without case.
    static func compare(_ a: FormulaValue, _ b: FormulaValue) -> ComparisonResult {
        switch (a, b) {
        case (.blank, .blank): return .orderedSame
        case (.blank, .number): return compare(.number(0), b)
        case (.number, .blank): return compare(a, .number(0))
        case (.blank, .text): return compare(.text(""), b)
        case (.text, .blank): return compare(a, .text(""))
        case (.blank, .bool): return compare(.bool(false), b)
        case (.bool, .blank): return compare(a, .bool(false))
        case (.number(let x), .number(let y)):
            return Decimal.order(x.excelPrecision, y.excelPrecision)
        case (.text(let x), .text(let y)): return x.compare(y, options: [.caseInsensitive])
        case (.bool(let x), .bool(let y)): return x == y ? .orderedSame : (!x ? .orderedAscending : .orderedDescending)
        default: return rank(a) < rank(b) ? .orderedAscending : .orderedDescending
        }
    }

    private static func rank(_ value: FormulaValue) -> Int {
        switch value {
        case .blank, .number: 0
        case .text: 1
        case .bool: 2
        case .error, .array: 3
        }
    }
}
