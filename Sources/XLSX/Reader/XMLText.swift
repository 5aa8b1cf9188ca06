/// Text as OOXML stores it: `_xHHHH_` escapes for characters XML cannot carry.
enum XMLText {
    /// Decodes `_xHHHH_` escapes (`_x000D_` is a carriage return; `_x005F_` escapes `_`).
    static func decodeEscapes(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "_")) else { return text }
        return decode(Array(text.utf8))
    }

    /// Turns UTF-8 bytes into a String, decoding `_xHHHH_` escapes on the way.
    static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard bytes.contains(UInt8(ascii: "_")) else { return String(decoding: bytes, as: UTF8.self) }
        return decode(Array(bytes))
    }

    private static func decode(_ bytes: [UInt8]) -> String {
        var scalars = String.UnicodeScalarView()
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        var pendingHigh: UInt32?
        func flush() {
            if !out.isEmpty {
                scalars.append(contentsOf: String(decoding: out, as: UTF8.self).unicodeScalars)
                out.removeAll(keepingCapacity: true)
            }
        }
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "_"), i + 6 < bytes.count, bytes[i + 1] == UInt8(ascii: "x"),
                bytes[i + 6] == UInt8(ascii: "_"), let code = hex(bytes[(i + 2)..<(i + 6)])
            {
                flush()
                if (0xD800...0xDBFF).contains(code) {
                    pendingHigh = code
                } else if (0xDC00...0xDFFF).contains(code), let high = pendingHigh {
                    let combined = 0x10000 + ((high - 0xD800) << 10) + (code - 0xDC00)
                    if let scalar = Unicode.Scalar(combined) { scalars.append(scalar) }
                    pendingHigh = nil
                } else if let scalar = Unicode.Scalar(code) {
                    scalars.append(scalar)
                }
                i += 7
                continue
            }
            out.append(bytes[i])
            i += 1
        }
        flush()
        return String(scalars)
    }

    private static func hex(_ digits: ArraySlice<UInt8>) -> UInt32? {
        var value: UInt32 = 0
        for byte in digits {
            let nibble: UInt32
            switch byte {
            case 48...57: nibble = UInt32(byte - 48)
            case 65...70: nibble = UInt32(byte - 55)
            case 97...102: nibble = UInt32(byte - 87)
            default: return nil
            }
            value = value << 4 | nibble
        }
        return value
    }
}
