extension FormulaForensics {
    /// `characterRelativeForm` for a formula written in ASCII, read as bytes: the same result
    /// without a grapheme or Unicode property lookup per character (a sample of two thousand
    /// formulas and every row with a difference are read so). Nil when `bytes` is not ASCII.
    static func asciiRelativeForm(_ bytes: UnsafeBufferPointer<UInt8>, row: Int) -> String? {
        guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
        func isUppercase(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") }
        func isLetter(_ byte: UInt8) -> Bool {
            isUppercase(byte) || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
        }
        func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        let (dollar, quote) = (UInt8(ascii: "$"), UInt8(ascii: "\""))
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16)
        var i = 0
        var inString = false
        while i < bytes.count {
            let c = bytes[i]
            if c == quote { inString.toggle() }
            if !inString, isLetter(c) || c == dollar,
                i == 0 || !(isLetter(bytes[i - 1]) || isDigit(bytes[i - 1]) || bytes[i - 1] == UInt8(ascii: "_"))
            {
                var j = i
                if bytes[j] == dollar { j += 1 }
                let lettersStart = j
                while j < bytes.count, isUppercase(bytes[j]), j - lettersStart < 3 { j += 1 }
                let letters = j - lettersStart
                var anchored = false
                if j < bytes.count, bytes[j] == dollar {
                    anchored = true
                    j += 1
                }
                let digitsStart = j
                while j < bytes.count, isDigit(bytes[j]) { j += 1 }
                let isReference =
                    letters > 0 && j > digitsStart
                    && (j == bytes.count || !(isLetter(bytes[j]) || bytes[j] == UInt8(ascii: "(")))
                if isReference, let number = Int(String(decoding: bytes[digitsStart..<j], as: UTF8.self)) {
                    out += bytes[i..<digitsStart]
                    out += (anchored ? String(number) : "[\(number - row)]").utf8
                    i = j
                    continue
                }
            }
            out.append(c)
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
