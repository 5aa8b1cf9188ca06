/// RFC 4180 text for one record: fields quoted only when they hold the delimiter, a quote, CR or LF.
public enum CSVFormatting {
    public static func field(_ text: String, delimiter: UInt8 = UInt8(ascii: ",")) -> String {
        var out: [UInt8] = []
        append(text, delimiter: delimiter, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// The fields joined by `delimiter`, ending in CRLF as RFC 4180 says.
    public static func record(_ fields: [String], delimiter: UInt8 = UInt8(ascii: ",")) -> String {
        var out: [UInt8] = []
        appendRecord(fields, delimiter: delimiter, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends one record's UTF-8 bytes, CRLF included, to `out` (the allocation-free form).
    public static func appendRecord(_ fields: [String], delimiter: UInt8 = UInt8(ascii: ","), to out: inout [UInt8]) {
        for (index, field) in fields.enumerated() {
            if index > 0 { out.append(delimiter) }
            append(field, delimiter: delimiter, to: &out)
        }
        out.append(13)
        out.append(10)
    }

    /// Appends one field; NUL characters are dropped (payroll and spreadsheet programs stop
    /// reading a line, or a file, at one).
    static func append(_ text: String, delimiter: UInt8, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { append(bytes: $0, delimiter: delimiter, to: &out) }
    }

    /// Appends one field from UTF-8 bytes, after an apostrophe when `neutralized` (inside the
    /// quotes, when there are quotes); NUL bytes are dropped.
    static func append(
        bytes: UnsafeBufferPointer<UInt8>, neutralized: Bool = false, delimiter: UInt8, to out: inout [UInt8]
    ) {
        var needsQuotes = false
        var hasNUL = false
        for byte in bytes where byte <= UInt8(ascii: "\"") || byte == delimiter {
            if byte == 0 {
                hasNUL = true
            } else if byte == delimiter || byte == UInt8(ascii: "\"") || byte == 10 || byte == 13 {
                needsQuotes = true
            }
        }
        if needsQuotes { out.append(UInt8(ascii: "\"")) }
        if neutralized { out.append(UInt8(ascii: "'")) }
        if !needsQuotes && !hasNUL {
            out.append(contentsOf: bytes)
            return
        }
        for byte in bytes where byte != 0 {
            if needsQuotes && byte == UInt8(ascii: "\"") { out.append(byte) }
            out.append(byte)
        }
        if needsQuotes { out.append(UInt8(ascii: "\"")) }
    }
}
