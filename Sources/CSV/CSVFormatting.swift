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
        var text = text.utf8.contains(0) ? String(text.unicodeScalars.filter { $0 != "\0" }) : text
        text.withUTF8 { bytes in
            let needsQuotes = bytes.contains { $0 == delimiter || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }
            guard needsQuotes else {
                out.append(contentsOf: bytes)
                return
            }
            out.append(UInt8(ascii: "\""))
            for byte in bytes {
                if byte == UInt8(ascii: "\"") { out.append(byte) }
                out.append(byte)
            }
            out.append(UInt8(ascii: "\""))
        }
    }
}
