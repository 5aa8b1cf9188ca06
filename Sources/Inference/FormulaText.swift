import Commission
import Foundation

/// Small readers of formula text: the calls a formula makes and their literal arguments.
///
/// They read what a cell's formula says (`ROUND(E5*F5,2)`, `MIN(…,5000)`, `DATE(2026,7,1)`,
/// `-(Deals!K7+Deals!L7)`); they evaluate nothing.
enum FormulaText {
    /// The argument lists of every call to `function` (case-insensitive), outermost first, each
    /// argument's text trimmed. Commas inside nested calls and string literals do not split.
    static func calls(of function: String, in formula: String) -> [[String]] {
        let chars = Array(formula)
        let name = Array(function.uppercased() + "(")
        var found: [[String]] = []
        var i = 0
        var inString = false
        while i < chars.count {
            if chars[i] == "\"" { inString.toggle() }
            let startsWord = i == 0 || !(chars[i - 1].isLetter || chars[i - 1].isNumber || chars[i - 1] == "_")
            if !inString, startsWord, i + name.count <= chars.count,
                chars[i..<i + name.count].map({ Character($0.uppercased()) }) == name
            {
                if let arguments = arguments(chars, from: i + name.count) { found.append(arguments) }
            }
            i += 1
        }
        return found
    }

    /// Splits the arguments of the call whose `(` stands just before `start`, up to its `)`.
    private static func arguments(_ chars: [Character], from start: Int) -> [String]? {
        var depth = 0
        var inString = false
        var current = ""
        var result: [String] = []
        var i = start
        while i < chars.count {
            let c = chars[i]
            if c == "\"" { inString.toggle() }
            if !inString {
                if c == "(" { depth += 1 }
                if c == ")" {
                    if depth == 0 {
                        result.append(current.trimmingCharacters(in: .whitespaces))
                        return result
                    }
                    depth -= 1
                }
                if c == ",", depth == 0 {
                    result.append(current.trimmingCharacters(in: .whitespaces))
                    current = ""
                    i += 1
                    continue
                }
            }
            current.append(c)
            i += 1
        }
        return nil
    }

    /// A literal number argument (`5000`, `0.08`, `-1`), or nil for anything else.
    static func literal(_ argument: String) -> Decimal? {
        guard !argument.isEmpty, argument.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" }) else { return nil }
        return Decimal(string: argument, locale: Locale(identifier: "en_US_POSIX"))
    }

    /// The places of the formula's `ROUND(…, n)` calls (and ROUNDUP/ROUNDDOWN are not rounding rules).
    static func roundPlaces(in formula: String) -> [Int] {
        calls(of: "ROUND", in: formula).compactMap {
            $0.count == 2 ? literal($0[1]).map { NSDecimalNumber(decimal: $0).intValue } : nil
        }
    }

    /// Literal bounds in `MIN(…)` (a cap) or `MAX(…)` (a floor) calls.
    static func literalBounds(of function: String, in formula: String) -> [Decimal] {
        calls(of: function, in: formula).flatMap { $0.compactMap(literal) }
    }

    /// Every `DATE(y,m,d)` with literal arguments, in the order written.
    static func dates(in formula: String) -> [LocalDate] {
        calls(of: "DATE", in: formula).compactMap { arguments in
            let parts = arguments.compactMap { Int($0) }
            guard parts.count == 3 else { return nil }
            return LocalDate(year: parts[0], month: parts[1], day: parts[2])
        }
    }

    /// The rows of `sheet` a formula names cell by cell (`Deals!K7`, `'Deals Q3'!$K$7`); ranges are left out.
    static func singleCellRows(in formula: String, sheet: String) -> [Int] {
        let chars = Array(formula)
        let prefixes = [sheet + "!", "'" + sheet.replacingOccurrences(of: "'", with: "''") + "'!"].map(Array.init)
        var rows: [Int] = []
        var i = 0
        while i < chars.count {
            guard
                let prefix = prefixes.first(where: {
                    i + $0.count <= chars.count && Array(chars[i..<i + $0.count]) == $0
                })
            else {
                i += 1
                continue
            }
            var j = i + prefix.count
            while j < chars.count, chars[j] == "$" || chars[j].isLetter { j += 1 }
            let digits = j
            while j < chars.count, chars[j].isNumber { j += 1 }
            if j > digits, j == chars.count || chars[j] != ":", let row = Int(String(chars[digits..<j])) {
                rows.append(row)
            }
            i = max(j, i + 1)
        }
        return rows
    }
}
