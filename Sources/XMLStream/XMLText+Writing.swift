/// Escaping for XML that is written, not parsed: text and attribute values.
public enum XMLEscaping {
    /// Appends `text` as XML character data or an attribute value (quotes escaped too).
    ///
    /// Characters XML 1.0 cannot carry (controls other than tab and LF) are written as OOXML's
    /// `_xHHHH_` escapes — CR too, as Excel does, since XML parsers turn a CR into LF — and a
    /// literal `_xHHHH_` in the text is protected as `_x005F_xHHHH_`, so that readers decode
    /// exactly the original text.
    public static func append(_ text: String, to out: inout [UInt8]) {
        let bytes = Array(text.utf8)
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            switch byte {
            case UInt8(ascii: "&"): out.append(contentsOf: Array("&amp;".utf8))
            case UInt8(ascii: "<"): out.append(contentsOf: Array("&lt;".utf8))
            case UInt8(ascii: ">"): out.append(contentsOf: Array("&gt;".utf8))
            case UInt8(ascii: "\""): out.append(contentsOf: Array("&quot;".utf8))
            case UInt8(ascii: "_") where looksLikeEscape(bytes, at: i):
                out.append(contentsOf: Array("_x005F".utf8))
                out.append(byte)
            case 0x09, 0x0A: out.append(byte)
            case 0x00..<0x20, 0x7F:
                out.append(contentsOf: Array("_x00".utf8))
                out.append(hexDigit(byte >> 4))
                out.append(hexDigit(byte & 0xF))
                out.append(UInt8(ascii: "_"))
            default: out.append(byte)
            }
            i += 1
        }
    }

    /// `text` escaped, as a String.
    public static func escaped(_ text: String) -> String {
        var out: [UInt8] = []
        append(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether `_xHHHH_` starts at `index`, or `_xHHHH` followed by a character this writer
    /// escapes (which would then supply the closing `_`).
    private static func looksLikeEscape(_ bytes: [UInt8], at index: Int) -> Bool {
        guard index + 6 < bytes.count, bytes[index + 1] == UInt8(ascii: "x"),
            bytes[(index + 2)..<(index + 6)].allSatisfy({ isHex($0) })
        else { return false }
        let next = bytes[index + 6]
        return next == UInt8(ascii: "_") || (next < 0x20 && next != 0x09 && next != 0x0A) || next == 0x7F
    }

    private static func isHex(_ byte: UInt8) -> Bool {
        (48...57).contains(byte) || (65...70).contains(byte) || (97...102).contains(byte)
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 { value < 10 ? 48 + value : 55 + value }
}
