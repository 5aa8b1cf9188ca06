/// Escaping for XML that is written, not parsed: text and attribute values.
public enum XMLEscaping {
    /// Appends `text` as XML character data or an attribute value (quotes escaped too).
    ///
    /// Characters XML 1.0 cannot carry (controls other than tab and LF, and the noncharacters
    /// U+FFFE and U+FFFF) are written as OOXML's `_xHHHH_` escapes — CR too, as Excel does, since
    /// XML parsers turn a CR into LF — and a literal `_xHHHH_` in the text is protected as
    /// `_x005F_xHHHH_`, so that readers decode exactly the original text.
    public static func append(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            // Runs that need no escape are copied whole.
            var run = 0
            for i in bytes.indices where i >= run {
                let byte = bytes[i]
                if byte == 0xEF, let last = nonCharacterEnd(bytes, at: i) {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i]))
                    out.append(contentsOf: (last == 0xBE ? "_xFFFE_" : "_xFFFF_").utf8)
                    run = i + 3
                    continue
                }
                let plain =
                    byte >= 0x20 && byte != 0x7F && byte != UInt8(ascii: "&") && byte != UInt8(ascii: "<")
                    && byte != UInt8(ascii: ">") && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "_")
                if plain || byte == 0x09 || byte == 0x0A { continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i]))
                run = i + 1
                switch byte {
                case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
                case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
                case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
                case UInt8(ascii: "\""): out.append(contentsOf: "&quot;".utf8)
                case UInt8(ascii: "_"):
                    if looksLikeEscape(bytes, at: i) { out.append(contentsOf: "_x005F".utf8) }
                    out.append(byte)
                default:
                    out.append(contentsOf: "_x00".utf8)
                    out.append(hexDigit(byte >> 4))
                    out.append(hexDigit(byte & 0xF))
                    out.append(UInt8(ascii: "_"))
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...]))
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
    private static func looksLikeEscape(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard index + 6 < bytes.count, bytes[index + 1] == UInt8(ascii: "x"),
            bytes[(index + 2)..<(index + 6)].allSatisfy({ isHex($0) })
        else { return false }
        let next = bytes[index + 6]
        return next == UInt8(ascii: "_") || (next < 0x20 && next != 0x09 && next != 0x0A) || next == 0x7F
            || nonCharacterEnd(bytes, at: index + 6) != nil
    }

    /// The last byte of U+FFFE (`EF BF BE`) or U+FFFF (`EF BF BF`) starting at `index`, nil when
    /// neither starts there.
    private static func nonCharacterEnd(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt8? {
        guard index + 2 < bytes.count, bytes[index] == 0xEF, bytes[index + 1] == 0xBF,
            bytes[index + 2] == 0xBE || bytes[index + 2] == 0xBF
        else { return nil }
        return bytes[index + 2]
    }

    private static func isHex(_ byte: UInt8) -> Bool {
        (48...57).contains(byte) || (65...70).contains(byte) || (97...102).contains(byte)
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 { value < 10 ? 48 + value : 55 + value }
}
