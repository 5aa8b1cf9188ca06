import Foundation
import Spreadsheet

/// Writes cells as delimited text: RFC 4180 quoting, UTF-8 (with a BOM for Excel if asked),
/// a chosen delimiter, and protection against formula injection.
///
/// A text field that a spreadsheet would run as a formula — one starting with `=`, `+`, `-`,
/// `@`, a tab, CR or LF, also after leading spaces (` =1+1` runs too) — is written with a
/// leading apostrophe (OWASP's CSV-injection advice). NUL characters are never written.
/// Numbers are never touched, so `-42.50` stays a negative number, and text that is itself a
/// plain number (`-42.50` read from a CSV) is left alone too.
public struct CSVWriter {
    public struct Options: Sendable, Hashable {
        public var delimiter: UInt8
        public var byteOrderMark: Bool
        public var neutralizeFormulas: Bool

        public init(delimiter: UInt8 = UInt8(ascii: ","), byteOrderMark: Bool = false, neutralizeFormulas: Bool = true)
        {
            self.delimiter = delimiter
            self.byteOrderMark = byteOrderMark
            self.neutralizeFormulas = neutralizeFormulas
        }
    }

    public let options: Options
    private let emit: ([UInt8]) -> Void
    private var line: [UInt8] = []

    /// Writes through `emit`; the BOM, when asked for, goes first.
    public init(options: Options = Options(), emit: @escaping ([UInt8]) -> Void) {
        self.options = options
        self.emit = emit
        if options.byteOrderMark { emit([0xEF, 0xBB, 0xBF]) }
    }

    /// Writes one record of cells (numbers plain, dates ISO 8601, booleans TRUE/FALSE).
    public mutating func write(_ values: [CellValue]) {
        line.removeAll(keepingCapacity: true)
        for (index, value) in values.enumerated() {
            if index > 0 { line.append(options.delimiter) }
            var text = value.plainText
            if case .text = value, options.neutralizeFormulas, Self.needsNeutralizing(text) { text = "'" + text }
            CSVFormatting.append(text, delimiter: options.delimiter, to: &line)
        }
        line.append(13)
        line.append(10)
        emit(line)
    }

    /// Writes one record of texts, each treated as a text cell.
    public mutating func write(texts: [String]) {
        write(texts.map { CellValue.text($0) })
    }

    public static func needsNeutralizing(_ text: String) -> Bool {
        guard let first = text.utf8.first(where: { $0 != UInt8(ascii: " ") }) else { return false }
        switch first {
        case UInt8(ascii: "="), UInt8(ascii: "@"), 9, 13, 10: return true
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            if case .value = Decimal.parse(text.trimmingCharacters(in: .whitespaces)) { return false }
            return true
        default: return false
        }
    }
}
