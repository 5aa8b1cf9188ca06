import Foundation
import Spreadsheet

/// Splits formula text (without its leading `=`) into tokens.
struct Tokenizer {
    private let bytes: [UInt8]
    private let formula: String
    private var i = 0

    init(_ formula: String) {
        self.formula = formula
        bytes = Array(formula.utf8)
    }

    static func tokens(_ formula: String) throws(FormulaSyntaxError) -> [Token] {
        var tokenizer = Tokenizer(formula)
        var tokens: [Token] = []
        while true {
            let token = try tokenizer.next()
            tokens.append(token)
            if token == .end { return tokens }
        }
    }

    private func fail(_ reason: String) -> FormulaSyntaxError {
        FormulaSyntaxError(formula: formula, reason: reason)
    }

    private func peek(_ offset: Int = 0) -> UInt8 { i + offset < bytes.count ? bytes[i + offset] : 0 }

    mutating func next() throws(FormulaSyntaxError) -> Token {
        while i < bytes.count, bytes[i] == 32 || bytes[i] == 10 || bytes[i] == 13 || bytes[i] == 9 { i += 1 }
        guard i < bytes.count else { return .end }
        let byte = bytes[i]
        switch byte {
        case UInt8(ascii: "\""): return .text(try quoted(UInt8(ascii: "\"")))
        case UInt8(ascii: "'"):
            let name = try quoted(UInt8(ascii: "'"))
            guard peek() == UInt8(ascii: "!") else { throw fail("a quoted name must be a sheet followed by '!'") }
            i += 1
            return .sheet(name)
        case UInt8(ascii: "#"): return try errorLiteral()
        case UInt8(ascii: "["): return try bracketed(table: nil)
        case 48...57, UInt8(ascii: "."): return try number()
        case UInt8(ascii: "<"), UInt8(ascii: ">"):
            let second = peek(1)
            if second == UInt8(ascii: "=") || (byte == UInt8(ascii: "<") && second == UInt8(ascii: ">")) {
                i += 2
                return .symbol(String(decoding: [byte, second], as: UTF8.self))
            }
            i += 1
            return .symbol(String(UnicodeScalar(byte)))
        case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "/"), UInt8(ascii: "^"),
            UInt8(ascii: "&"), UInt8(ascii: "="), UInt8(ascii: "%"), UInt8(ascii: ","), UInt8(ascii: ";"),
            UInt8(ascii: ":"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "{"), UInt8(ascii: "}"):
            i += 1
            return .symbol(String(UnicodeScalar(byte)))
        default:
            guard Self.isWordStart(byte) else { throw fail("unexpected character '\(UnicodeScalar(byte))'") }
            return try word()
        }
    }

    static func isWordStart(_ byte: UInt8) -> Bool {
        switch byte {
        case 65...90, 97...122, UInt8(ascii: "_"), UInt8(ascii: "\\"), UInt8(ascii: "$"), 0x80...0xFF: true
        default: false
        }
    }

    static func isWordByte(_ byte: UInt8) -> Bool {
        isWordStart(byte) || (48...57).contains(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "?")
    }

    private mutating func word() throws(FormulaSyntaxError) -> Token {
        let start = i
        while i < bytes.count, Self.isWordByte(bytes[i]) { i += 1 }
        var text = String(decoding: bytes[start..<i], as: UTF8.self)
        // A 3-D prefix `Jan:Mar!` is kept whole: no sheet has that name, so it reads as unresolved.
        if peek() == UInt8(ascii: ":"), Self.isWordStart(peek(1)) {
            var j = i + 1
            while j < bytes.count, Self.isWordByte(bytes[j]) { j += 1 }
            if j < bytes.count, bytes[j] == UInt8(ascii: "!") {
                text = String(decoding: bytes[start..<j], as: UTF8.self)
                i = j
            }
        }
        if peek() == UInt8(ascii: "!") {
            i += 1
            return .sheet(text)
        }
        if peek() == UInt8(ascii: "[") { return try bracketed(table: text) }
        return .word(text)
    }

    private mutating func number() throws(FormulaSyntaxError) -> Token {
        let start = i
        while i < bytes.count, (48...57).contains(bytes[i]) || bytes[i] == UInt8(ascii: ".") { i += 1 }
        if i < bytes.count, bytes[i] == UInt8(ascii: "E") || bytes[i] == UInt8(ascii: "e"),
            (48...57).contains(peek(1))
                || ((peek(1) == UInt8(ascii: "+") || peek(1) == UInt8(ascii: "-")) && (48...57).contains(peek(2)))
        {
            i += 2
            while i < bytes.count, (48...57).contains(bytes[i]) { i += 1 }
        }
        let text = String(decoding: bytes[start..<i], as: UTF8.self)
        guard case .value(let value) = Decimal.parse(text) else { throw fail("'\(text)' is not a number") }
        return .number(value)
    }

    /// A literal between `quote`s; a doubled quote stands for one.
    private mutating func quoted(_ quote: UInt8) throws(FormulaSyntaxError) -> String {
        var out: [UInt8] = []
        i += 1
        while i < bytes.count {
            if bytes[i] == quote {
                if peek(1) == quote {
                    out.append(quote)
                    i += 2
                    continue
                }
                i += 1
                return String(decoding: out, as: UTF8.self)
            }
            out.append(bytes[i])
            i += 1
        }
        throw fail("a quote is not closed")
    }

    private mutating func errorLiteral() throws(FormulaSyntaxError) -> Token {
        let rest = String(decoding: bytes[i...], as: UTF8.self).uppercased()
        for error in FormulaError.allCases.sorted(by: { $0.rawValue.count > $1.rawValue.count })
        where error != .notEvaluable && rest.hasPrefix(error.rawValue) {
            i += error.rawValue.utf8.count
            return .error(error)
        }
        throw fail("unknown error literal")
    }

    /// `[...]` after a table name or alone: a structured reference, or an external workbook's
    /// index before a sheet name (`[1]Sheet1!A1`), which becomes a sheet no workbook has.
    private mutating func bracketed(table: String?) throws(FormulaSyntaxError) -> Token {
        let start = i
        var depth = 0
        repeat {
            guard i < bytes.count else { throw fail("a '[' is not closed") }
            if bytes[i] == UInt8(ascii: "'") && depth > 0 {
                i += 2
                continue
            }
            if bytes[i] == UInt8(ascii: "[") { depth += 1 }
            if bytes[i] == UInt8(ascii: "]") { depth -= 1 }
            i += 1
        } while depth > 0
        let inner = Array(bytes[(start + 1)..<(i - 1)])
        if table == nil, i < bytes.count, Self.isWordStart(bytes[i]) || bytes[i] == UInt8(ascii: "'") {
            let book = String(decoding: bytes[start..<i], as: UTF8.self)
            let sheetToken = try next()
            guard case .sheet(let name) = sheetToken else { throw fail("an external reference has no sheet") }
            return .sheet(book + name)
        }
        return .structured(try StructuredReferenceParser.parse(inner, table: table, formula: formula))
    }
}
