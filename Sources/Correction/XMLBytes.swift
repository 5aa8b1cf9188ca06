/// Byte-level scanning of what libxml2 cannot read for the patcher: a worksheet's rows as they
/// stream (`WorksheetPatch` finds `<row>` and `<c>` elements by their bytes, so a million-row
/// sheet passes through at the speed of a copy), the fragment of a sheet after its rows
/// (`NotesPatch.tail`), and legacy VML drawings, which Excel does not write as well-formed XML.
/// Whole package parts (workbook, relationships, content types, styles, comments) are edited
/// through `XLSX`'s `PackageEditor` and `XMLSpans` instead. These helpers work on unprefixed
/// SpreadsheetML; callers refuse a part whose root element is prefixed.
enum XMLBytes {
    /// The offset of the next start tag `<name` at or after `from` (the name ending at a space,
    /// `>` or `/`), or nil.
    static func startTag(_ name: String, in bytes: [UInt8], from: Int = 0) -> Int? {
        let pattern = Array(("<" + name).utf8)
        var index = from
        while let found = find(pattern, in: bytes, from: index) {
            let after = found + pattern.count
            if after < bytes.count, isNameEnd(bytes[after]) { return found }
            index = found + 1
        }
        return nil
    }

    /// The offset just past the `>` that closes the tag starting at `start` (quotes respected).
    static func tagEnd(in bytes: [UInt8], at start: Int) -> Int? {
        var quote: UInt8 = 0
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            if quote != 0 {
                if byte == quote { quote = 0 }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: ">") {
                return index + 1
            }
            index += 1
        }
        return nil
    }

    /// Whether the tag `bytes[start..<end]` closes itself (`<x/>`).
    static func isEmptyElement(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Bool {
        end - 2 >= start && bytes[end - 2] == UInt8(ascii: "/")
    }

    /// The value of attribute `name` in the tag `bytes[start..<end]`, entities left as written.
    static func attribute(_ name: String, in bytes: [UInt8], _ start: Int, _ end: Int) -> String? {
        let pattern = Array((name + "=").utf8)
        var index = start
        while let found = find(pattern, in: bytes, from: index, before: end) {
            index = found + 1
            guard found > start, isSpace(bytes[found - 1]) else { continue }
            let quoteAt = found + pattern.count
            guard quoteAt < end else { return nil }
            let quote = bytes[quoteAt]
            guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { return nil }
            guard let close = bytes[(quoteAt + 1)..<end].firstIndex(of: quote) else { return nil }
            return String(decoding: bytes[(quoteAt + 1)..<close], as: UTF8.self)
        }
        return nil
    }

    /// The first occurrence of `pattern` in `bytes[from..<before]`.
    static func find(_ pattern: [UInt8], in bytes: [UInt8], from: Int, before: Int? = nil) -> Int? {
        let limit = (before ?? bytes.count) - pattern.count
        guard let first = pattern.first, from <= limit else { return nil }
        var index = from
        while index <= limit {
            if bytes[index] == first {
                var matched = true
                for offset in 1..<pattern.count where bytes[index + offset] != pattern[offset] {
                    matched = false
                    break
                }
                if matched { return index }
            }
            index += 1
        }
        return nil
    }

    static func isSpace(_ byte: UInt8) -> Bool { byte == 32 || byte == 9 || byte == 10 || byte == 13 }

    static func isNameEnd(_ byte: UInt8) -> Bool {
        isSpace(byte) || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/")
    }
}
