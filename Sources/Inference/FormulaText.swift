import Commission
import Foundation
import Spreadsheet

/// Small readers of formula text: the calls a formula makes and their literal arguments.
///
/// They read what a cell's formula says (`ROUND(E5*F5,2)`, `MIN(…,5000)`, `DATE(2026,7,1)`,
/// `-(Deals!K7+Deals!L7)`); they evaluate nothing.
enum FormulaText {
    /// The argument lists of every call to `function` (case-insensitive), outermost first, each
    /// argument's text trimmed. Commas inside nested calls and string literals do not split.
    static func calls(of function: String, in formula: String) -> [[String]] {
        let name = Array(function.uppercased().utf8) + [UInt8(ascii: "(")]
        var found: [[String]] = []
        var copy = formula
        copy.withUTF8 { bytes in
            var i = 0
            var inString = false
            while i < bytes.count {
                if bytes[i] == UInt8(ascii: "\"") { inString.toggle() }
                let startsWord = i == 0 || !isWordByte(bytes[i - 1])
                if !inString, startsWord, i + name.count <= bytes.count,
                    (0..<name.count).allSatisfy({ upper(bytes[i + $0]) == name[$0] }),
                    let arguments = arguments(bytes, from: i + name.count)
                {
                    found.append(arguments)
                }
                i += 1
            }
        }
        return found
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || (byte >= 48 && byte <= 57) || byte == 95
            || byte >= 0x80
    }

    private static func upper(_ byte: UInt8) -> UInt8 { byte >= 97 && byte <= 122 ? byte - 32 : byte }

    /// Splits the arguments of the call whose `(` stands just before `start`, up to its `)`.
    private static func arguments(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> [String]? {
        var depth = 0
        var inString = false
        var argumentStart = start
        var result: [String] = []
        func take(_ end: Int) {
            var (from, to) = (argumentStart, end)
            while from < to && bytes[from] == 32 { from += 1 }
            while to > from && bytes[to - 1] == 32 { to -= 1 }
            result.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<to]), as: UTF8.self))
        }
        for i in start..<bytes.count {
            let byte = bytes[i]
            if byte == UInt8(ascii: "\"") { inString.toggle() }
            guard !inString else { continue }
            if byte == UInt8(ascii: "(") { depth += 1 }
            if byte == UInt8(ascii: ")") {
                if depth == 0 {
                    take(i)
                    return result
                }
                depth -= 1
            }
            if byte == UInt8(ascii: ","), depth == 0 {
                take(i)
                argumentStart = i + 1
            }
        }
        return nil
    }

    /// The formula with the row numbers of its cell references dropped (`ROUND(D#*E#,2)`), so the
    /// formulas of one column share it; literal numbers stay.
    static func shape(_ formula: String) -> String {
        var out: [UInt8] = []
        var afterLetter = false
        for byte in formula.utf8 {
            let isDigit = byte >= 48 && byte <= 57
            if isDigit && afterLetter { continue }
            afterLetter = (byte >= 65 && byte <= 90) || byte == 36 || (afterLetter && isDigit)
            out.append(byte)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A literal number argument (`5000`, `0.08`, `-1`), or nil for anything else.
    static func literal(_ argument: String) -> Decimal? {
        guard !argument.isEmpty, argument.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || $0 == 46 || $0 == 45 }),
            case .value(let number) = Decimal.parse(argument)
        else { return nil }
        return number
    }

    /// The places of the formula's `ROUND(…, n)` calls (and ROUNDUP/ROUNDDOWN are not rounding
    /// rules): only whole places a plan can have (`RoundingRule.placesRange`); `ROUND(x, 40)` or
    /// `ROUND(x, -2)` is no rounding rule a plan could state, and is not read as one.
    static func roundPlaces(in formula: String) -> [Int] {
        roundPlaceLiterals(in: formula).compactMap(\.places)
    }

    /// The literal places of the formula's `ROUND(…, n)` calls, as written, each with the places
    /// a plan can have that it is (nil for `40`, `-2` or `2.5`).
    static func roundPlaceLiterals(in formula: String) -> [(text: String, places: Int?)] {
        calls(of: "ROUND", in: formula).compactMap { arguments in
            guard arguments.count == 2, let places = literal(arguments[1]) else { return nil }
            return (arguments[1], RoundingRule.placesRange.first { Decimal($0) == places })
        }
    }

    /// Literal bounds in `MIN(…)` (a cap) or `MAX(…)` (a floor) calls.
    static func literalBounds(of function: String, in formula: String) -> [Decimal] {
        calls(of: function, in: formula).flatMap { $0.compactMap(literal) }
    }

    /// Literal numbers a formula compares with (`D2>=50000`, `50000<=D2`): a tier's threshold
    /// written into the formula (`IF(D2>=50000,0.08,0.05)`).
    static func comparedLiterals(in formula: String) -> [Decimal] {
        let pattern =
            #"(?:[<>]=?\s*(-?[0-9]+(?:\.[0-9]+)?)(?![0-9.]))|(?:(?<![0-9.A-Za-z$])(-?[0-9]+(?:\.[0-9]+)?)\s*[<>])"#
        guard let expression = try? NSRegularExpression(pattern: pattern) else { return [] }
        let text = formula as NSString
        return expression.matches(in: formula, range: NSRange(location: 0, length: text.length)).compactMap { match in
            for group in 1...2 where match.range(at: group).location != NSNotFound {
                return literal(text.substring(with: match.range(at: group)))
            }
            return nil
        }
    }

    /// Every `DATE(y,m,d)` with literal arguments, in the order written.
    static func dates(in formula: String) -> [LocalDate] {
        calls(of: "DATE", in: formula).compactMap { arguments in
            let parts = arguments.compactMap { Int($0) }
            guard parts.count == 3 else { return nil }
            return LocalDate(year: parts[0], month: parts[1], day: parts[2])
        }
    }
}
