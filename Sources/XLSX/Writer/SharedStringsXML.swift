import XMLStream

/// `xl/sharedStrings.xml`: every text written, once, in first-use order.
enum SharedStringsXML {
    static func xml(_ strings: [String]) -> [UInt8] {
        var out = Array(#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#.utf8) + [10]
        out += Array(
            #"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="\#(strings.count)" uniqueCount="\#(strings.count)">"#
                .utf8)
        for text in strings {
            out.append(contentsOf: (keepsSpace(text) ? #"<si><t xml:space="preserve">"# : "<si><t>").utf8)
            XMLEscaping.append(text, to: &out)
            out.append(contentsOf: "</t></si>".utf8)
        }
        out.append(contentsOf: "</sst>".utf8)
        return out
    }

    /// Whether `text` starts or ends with white space or holds a line break: its spaces are marked
    /// as meant (`xml:space="preserve"`). ASCII text is looked at byte by byte.
    static func keepsSpace(_ text: String) -> Bool {
        var text = text
        let ascii: Bool? = text.withUTF8 { bytes in
            guard let first = bytes.first, let last = bytes.last else { return false }
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            func isSpace(_ byte: UInt8) -> Bool { byte == 32 || (9...13).contains(byte) }
            return isSpace(first) || isSpace(last) || bytes.contains(10)
        }
        return ascii ?? (text.first?.isWhitespace == true || text.last?.isWhitespace == true || text.contains("\n"))
    }
}
