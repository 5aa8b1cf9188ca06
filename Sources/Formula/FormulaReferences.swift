/// The cell and range references a formula's text makes, read from its characters with where
/// each one stands, so that forensics can tell which rows a formula reads and rewrite its ranges
/// in place. One reader for every module that looks into formula text.
public enum FormulaReferences {
    /// A cell or range reference in a formula: where its `A1` or `A1:B9` text stands (after any
    /// sheet prefix) and the rows it names.
    public struct Reference: Sendable, Hashable {
        /// Character offsets of the reference's text in the formula.
        public let text: Range<Int>
        public let rows: ClosedRange<Int>
        /// `A1:B9` rather than `A1`.
        public let isRange: Bool
    }

    /// The references a formula makes to `sheet` (`Sheet!G5`, `'Deals Q3'!$G$5:$G$40`), or, with
    /// `sheet` nil, to its own sheet (no prefix). Text inside string literals, function names and
    /// other sheets' names are not references. `chars` is the formula's characters (`Array(formula)`).
    public static func references(in chars: [Character], sheet: String?) -> [Reference] {
        let prefixes = sheet.map {
            [$0 + "!", "'" + $0.replacingOccurrences(of: "'", with: "''") + "'!"].map(Array.init)
        }
        return scan(chars, prefixes: prefixes)
    }

    /// `references(in:sheet:)` for the formula's text: read from its bytes when it and the sheet's
    /// name are ASCII (nearly every formula; a byte is then a character, at the same offset),
    /// else from its characters. The references are the same either way.
    public static func references(in formula: String, sheet: String?) -> [Reference] {
        var formula = formula
        let read = formula.withUTF8 { bytes -> [Reference]? in
            guard bytes.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) else { return nil }
            guard var name = sheet else { return scan(bytes, prefixes: nil) }
            return name.withUTF8 { name -> [Reference]? in
                guard name.allSatisfy({ $0 < 0x80 }) else { return nil }
                // `Sheet!` and `'Sheet'!` (a quote in the name doubled).
                var quoted: [UInt8] = [UInt8(ascii: "'")]
                for byte in name {
                    quoted.append(byte)
                    if byte == UInt8(ascii: "'") { quoted.append(byte) }
                }
                quoted += [UInt8(ascii: "'"), UInt8(ascii: "!")]
                return scan(bytes, prefixes: [Array(name) + [UInt8(ascii: "!")], quoted])
            }
        }
        return read ?? references(in: Array(formula), sheet: sheet)
    }

    /// The references in a formula's text, read unit by unit: its characters, or the bytes of an
    /// ASCII formula (a byte is then a character, at the same offset). `prefixes`: the sheet's two
    /// prefixes (`Sheet!`, `'Sheet'!`), nil for the formula's own sheet.
    private static func scan<Text: RandomAccessCollection>(_ chars: Text, prefixes: [[Text.Element]]?) -> [Reference]
    where Text.Index == Int, Text.Element: FormulaTextUnit {
        typealias Unit = Text.Element
        let (quote, dollar, colon, bang) = (Unit("\""), Unit("$"), Unit(":"), Unit("!"))
        let (underscore, dot, apostrophe, paren) = (Unit("_"), Unit("."), Unit("'"), Unit("("))
        var found: [Reference] = []
        var i = 0
        var inString = false
        while i < chars.count {
            if chars[i] == quote { inString.toggle() }
            let before = i == 0 ? dot : chars[i - 1]
            let startsWord =
                i == 0
                || !(before.isLetter || before.isDigit || before == bang || before == underscore || before == dot
                    || before == apostrophe)
            guard !inString, startsWord else {
                i += 1
                continue
            }
            var start = i
            if let prefixes {
                guard
                    let prefix = prefixes.first(where: { prefix in
                        i + prefix.count <= chars.count && prefix.indices.allSatisfy { chars[i + $0] == prefix[$0] }
                    })
                else {
                    i += 1
                    continue
                }
                start = i + prefix.count
            } else if !(chars[i].isLetter || chars[i] == dollar) {
                i += 1
                continue
            }
            var j = start
            while j < chars.count, chars[j].isLetter || chars[j].isDigit || chars[j] == dollar || chars[j] == colon {
                j += 1
            }
            let ends = chars[start..<j].split(separator: colon, omittingEmptySubsequences: false)
            let rows = ends.map { end in
                Int(Unit.text(end.drop { $0 == dollar || $0.isLetter }.filter { $0 != dollar }))
            }
            let namesSomethingElse = j < chars.count && (chars[j] == paren || chars[j] == bang)
            if !namesSomethingElse, (1...2).contains(ends.count), let first = rows.first ?? nil,
                let last = rows.last ?? nil
            {
                found.append(
                    Reference(text: start..<j, rows: min(first, last)...max(first, last), isRange: ends.count == 2))
            }
            i = max(j, i + 1)
        }
        return found
    }

    /// The rows of `sheet` a formula names cell by cell (`Deals!K7`, `'Deals Q3'!$K$7`); ranges
    /// are left out.
    public static func singleCellRows(in formula: String, sheet: String) -> [Int] {
        references(in: formula, sheet: sheet).filter { !$0.isRange }.map(\.rows.lowerBound)
    }
}

/// A unit of formula text `FormulaReferences` reads: a character, or a byte of an ASCII formula.
protocol FormulaTextUnit: Equatable {
    /// The unit of an ASCII character.
    init(_ ascii: Unicode.Scalar)
    var isLetter: Bool { get }
    var isDigit: Bool { get }
    /// The text of some units.
    static func text(_ units: some Sequence<Self>) -> String
}

extension Character: FormulaTextUnit {
    var isDigit: Bool { isNumber }
    static func text(_ units: some Sequence<Character>) -> String { String(units) }
}

extension UInt8: FormulaTextUnit {
    init(_ ascii: Unicode.Scalar) { self.init(ascii: ascii) }
    var isLetter: Bool { (self | 0x20) >= UInt8(ascii: "a") && (self | 0x20) <= UInt8(ascii: "z") }
    var isDigit: Bool { self >= UInt8(ascii: "0") && self <= UInt8(ascii: "9") }
    static func text(_ units: some Sequence<UInt8>) -> String { String(decoding: Array(units), as: UTF8.self) }
}
