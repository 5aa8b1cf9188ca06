/// What a cell's number format says about how to read its number.
public enum NumberFormatKind: Sendable, Hashable {
    case number
    case date
    /// Elapsed time such as `[h]:mm:ss`: hours do not wrap at 24.
    case duration
}

/// Classifies number formats the way spreadsheet programs do when deciding a number is a date.
public enum NumberFormat {
    /// The codes of Excel's built-in formats that matter to readers (ECMA-376 Part 1, 18.8.30).
    public static func builtInCode(_ id: Int) -> String? {
        switch id {
        case 0: "General"
        case 1: "0"
        case 2: "0.00"
        case 3: "#,##0"
        case 4: "#,##0.00"
        case 9: "0%"
        case 10: "0.00%"
        case 11: "0.00E+00"
        case 12: "# ?/?"
        case 13: "# ??/??"
        case 14: "mm-dd-yy"
        case 15: "d-mmm-yy"
        case 16: "d-mmm"
        case 17: "mmm-yy"
        case 18: "h:mm AM/PM"
        case 19: "h:mm:ss AM/PM"
        case 20: "h:mm"
        case 21: "h:mm:ss"
        case 22: "m/d/yy h:mm"
        case 37: "#,##0 ;(#,##0)"
        case 38: "#,##0 ;[Red](#,##0)"
        case 39: "#,##0.00;(#,##0.00)"
        case 40: "#,##0.00;[Red](#,##0.00)"
        case 45: "mm:ss"
        case 46: "[h]:mm:ss"
        case 47: "mmss.0"
        case 48: "##0.0E+0"
        case 49: "@"
        default: nil
        }
    }

    /// How a built-in format id reads: ids 14–22, 45, 47 and the locale ids 27–36 and 50–58 are
    /// dates or times; 46 is elapsed time.
    public static func kind(builtIn id: Int) -> NumberFormatKind {
        switch id {
        case 46: .duration
        case 14...22, 27...36, 45, 47, 50...58: .date
        default: .number
        }
    }

    /// How a format code reads: its first section, once quoted text, `\x`, `_x`, `*x` and
    /// bracketed sections are stripped, is a date when it has a date or time token; `[h]`, `[m]`
    /// or `[s]` make it elapsed time.
    ///
    /// One pass, in time linear in the code's length, whatever its brackets and quotes.
    public static func kind(code: String) -> NumberFormatKind {
        var section: [Character] = []
        var isElapsed = false
        var iterator = code.makeIterator()
        var bracket: ElapsedBracket? = nil
        while let c = iterator.next() {
            if let open = bracket {
                if c == "]" {
                    if open.isElapsed { isElapsed = true }
                    bracket = nil
                } else {
                    bracket = open.adding(c)
                }
                continue
            }
            switch c {
            case ";": return finish(section, isElapsed)
            case "\"":
                while let q = iterator.next(), q != "\"" {}
            case "\\", "_", "*": _ = iterator.next()
            case "[": bracket = ElapsedBracket()
            default: section.append(c)
            }
        }
        return finish(section, isElapsed)
    }

    /// What an open `[…]` section holds so far, without keeping its text: whether every character
    /// is one letter of `h`, `m` or `s` (either case), which makes it elapsed time.
    private struct ElapsedBracket {
        var letter: Character? = nil
        var uniform = true

        var isElapsed: Bool { uniform && letter != nil }

        func adding(_ c: Character) -> ElapsedBracket {
            let lower: Character? =
                switch c {
                case "h", "H": "h"
                case "m", "M": "m"
                case "s", "S": "s"
                default: nil
                }
            guard uniform, let lower, letter == nil || letter == lower else {
                return ElapsedBracket(letter: letter, uniform: false)
            }
            return ElapsedBracket(letter: lower, uniform: true)
        }
    }

    private static func finish(_ section: [Character], _ isElapsed: Bool) -> NumberFormatKind {
        if isElapsed { return .duration }
        let hasDateToken = section.contains { "dmyhsDMYHS".contains($0) }
        if !hasDateToken { return .number }
        // "General" has none of the tokens; exponent formats like "0.00E+00" have none either.
        return .date
    }
}
