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
            append(value)
        }
        endLine()
    }

    /// Writes one row's cells as a record, each at its column (empty fields between); the widest
    /// column decides the record's width. The same as `write(_:)` with the values laid out.
    public mutating func write(cells: [Cell]) {
        cells.withUnsafeBufferPointer { write(cells: $0) }
    }

    // The cells are read where they lie, through pointers: a `for cell in cells` copy of each
    // retains and releases its value, formula and number format.
    private mutating func write(cells: UnsafeBufferPointer<Cell>) {
        var previous = 0
        for index in cells.indices {
            guard cells[index].column > previous else {
                // Out of column order or repeated (the last one wins): laid out first.
                var values = [CellValue](repeating: .empty, count: cells.map(\.column).max() ?? 0)
                for cell in cells { values[cell.column - 1] = cell.value }
                write(values)
                return
            }
            previous = cells[index].column
        }
        line.removeAll(keepingCapacity: true)
        var written = 0
        for index in cells.indices {
            let column = cells[index].column
            while written < column - 1 {
                if written > 0 { line.append(options.delimiter) }
                written += 1
            }
            if written > 0 { line.append(options.delimiter) }
            append(cells.baseAddress! + index)
            written += 1
        }
        endLine()
    }

    private mutating func append(_ cell: UnsafePointer<Cell>) {
        switch cell.pointee.value {
        case .empty:
            return
        case .text(let text):
            appendText(text)
        default:
            append(cell.pointee.value)
        }
    }

    private mutating func appendText(_ text: String) {
        var text = text
        text.withUTF8 { appendText($0) }
    }

    private mutating func append(_ value: CellValue) {
        switch value {
        case .empty:
            return
        case .text(var text):
            text.withUTF8 { appendText($0) }
        default:
            var text = value.plainText
            text.withUTF8 { CSVFormatting.append(bytes: $0, delimiter: options.delimiter, to: &line) }
        }
    }

    /// Writes one record of texts, each treated as a text cell.
    public mutating func write(texts: [String]) {
        line.removeAll(keepingCapacity: true)
        for (index, text) in texts.enumerated() {
            if index > 0 { line.append(options.delimiter) }
            var text = text
            text.withUTF8 { appendText($0) }
        }
        endLine()
    }

    /// Writes one record read from a CSV file, each field treated as a text cell, straight from
    /// its bytes (the same output as `write(texts:)` with the fields' strings).
    public mutating func write(fields: CSVFields) {
        line.removeAll(keepingCapacity: true)
        for index in 0..<fields.count {
            if index > 0 { line.append(options.delimiter) }
            appendText(fields[index])
        }
        endLine()
    }

    private mutating func appendText(_ bytes: UnsafeBufferPointer<UInt8>) {
        let neutralized = options.neutralizeFormulas && Self.needsNeutralizing(bytes)
        CSVFormatting.append(bytes: bytes, neutralized: neutralized, delimiter: options.delimiter, to: &line)
    }

    private mutating func endLine() {
        line.append(13)
        line.append(10)
        emit(line)
    }

    public static func needsNeutralizing(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { needsNeutralizing($0) }
    }

    static func needsNeutralizing(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first(where: { $0 != UInt8(ascii: " ") }) else { return false }
        switch first {
        case UInt8(ascii: "="), UInt8(ascii: "@"), 9, 13, 10: return true
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            // A signed number is left alone. Trimming Unicode whitespace around it changes only
            // text with a tab or a non-ASCII character; the number parser skips spaces itself.
            if bytes.contains(where: { $0 == 9 || $0 >= 0x80 }) {
                let trimmed = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespaces)
                if case .value = Decimal.parse(trimmed) { return false }
                return true
            }
            if case .value = Decimal.parse(ascii: bytes) { return false }
            return true
        default: return false
        }
    }
}
