/// RFC 4180 text for one record: fields quoted only when they hold the delimiter, a quote, CR or LF.
public enum CSVFormatting {
    public static func field(_ text: String, delimiter: Character = ",") -> String {
        let needsQuotes = text.contains { $0 == delimiter || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        guard needsQuotes else { return text }
        var quoted = "\""
        for character in text {
            if character == "\"" { quoted += "\"\"" } else { quoted.append(character) }
        }
        return quoted + "\""
    }

    /// The fields joined by `delimiter`, ending in CRLF as RFC 4180 says.
    public static func record(_ fields: [String], delimiter: Character = ",") -> String {
        fields.map { field($0, delimiter: delimiter) }.joined(separator: String(delimiter)) + "\r\n"
    }
}
