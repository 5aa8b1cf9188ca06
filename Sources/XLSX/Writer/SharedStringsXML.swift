import XMLStream

/// `xl/sharedStrings.xml`: every text written, once, in first-use order.
enum SharedStringsXML {
    static func xml(_ strings: [String]) -> [UInt8] {
        var out = Array(#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#.utf8) + [10]
        out += Array(
            #"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="\#(strings.count)" uniqueCount="\#(strings.count)">"#
                .utf8)
        for text in strings {
            let spaced = text.first?.isWhitespace == true || text.last?.isWhitespace == true || text.contains("\n")
            out += Array((spaced ? #"<si><t xml:space="preserve">"# : "<si><t>").utf8)
            XMLEscaping.append(text, to: &out)
            out += Array("</t></si>".utf8)
        }
        out += Array("</sst>".utf8)
        return out
    }
}
