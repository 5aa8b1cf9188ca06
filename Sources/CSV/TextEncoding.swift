/// The character encodings CSV files arrive in.
public enum TextEncoding: String, Sendable, Hashable, CustomStringConvertible {
    case utf8 = "UTF-8"
    case utf16LittleEndian = "UTF-16LE"
    case utf16BigEndian = "UTF-16BE"
    /// Excel's "CSV" on Western Windows; chosen when the bytes are not valid UTF-8.
    case windows1252 = "windows-1252"
    /// Japanese Excel's "CSV"; chosen when the bytes are not valid UTF-8 and read as Japanese
    /// (`ShiftJIS.reads`).
    case shiftJIS = "Shift_JIS"

    public var description: String { rawValue }
}

/// Decides a file's encoding from its byte-order mark, or by checking the whole file is UTF-8
/// (else Shift_JIS when its first 64 KB read as Japanese, else Windows-1252).
enum EncodingDetector {
    /// Returns the encoding and the length of the byte-order mark to skip.
    static func detect(_ file: ChunkedFile) throws -> (TextEncoding, bomLength: Int) {
        let head = try file.prefix(4)
        // UTF-32's marks, told before UTF-16's (`FF FE 00 00` begins with UTF-16LE's): read as
        // UTF-16, every character would be followed by a NUL, rows of garbage.
        if head == [0xFF, 0xFE, 0x00, 0x00] || head == [0x00, 0x00, 0xFE, 0xFF] { throw CSVError.utf32 }
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { return (.utf8, 3) }
        if head.starts(with: [0xFF, 0xFE]) { return (.utf16LittleEndian, 2) }
        if head.starts(with: [0xFE, 0xFF]) { return (.utf16BigEndian, 2) }
        let sample = try file.prefix(4096)
        if isUTF32WithoutMark(sample) { throw CSVError.utf32 }
        if let utf16 = utf16WithoutMark(sample) { return (utf16, 0) }
        var validator = UTF8Validator()
        var valid = true
        try file.forEachChunk { chunk in
            if !validator.accept(chunk) {
                valid = false
                return false
            }
            return true
        }
        if valid && validator.isComplete { return (.utf8, 0) }
        return (ShiftJIS.reads(try file.prefix(65536)) ? .shiftJIS : .windows1252, 0)
    }
}

extension EncodingDetector {
    /// UTF-32 without a byte-order mark, told by its NUL bytes: in mostly-ASCII text the two high
    /// bytes of every four are NUL (the last two little-endian, the first two big-endian) and the
    /// character's own byte is not. UTF-16's NULs fall on alternate bytes, never two in a row.
    static func isUTF32WithoutMark(_ sample: [UInt8]) -> Bool {
        let quads = sample.count / 4
        guard quads >= 2 else { return false }
        var nuls = [0, 0, 0, 0]
        for index in 0..<(quads * 4) where sample[index] == 0 { nuls[index % 4] += 1 }
        let little = nuls[2] * 10 >= quads * 9 && nuls[3] * 10 >= quads * 9 && nuls[0] * 10 <= quads
        let big = nuls[0] * 10 >= quads * 9 && nuls[1] * 10 >= quads * 9 && nuls[3] * 10 <= quads
        return little || big
    }

    /// UTF-16 without a byte-order mark, told by its NUL bytes: text that is mostly ASCII has a
    /// NUL in every high byte, so nearly half the sample is NUL, all at even offsets (big-endian)
    /// or all at odd ones (little-endian). Nil for anything else.
    static func utf16WithoutMark(_ sample: [UInt8]) -> TextEncoding? {
        let pairs = sample.count / 2
        guard pairs >= 2 else { return nil }
        var evenNULs = 0
        var oddNULs = 0
        for index in 0..<(pairs * 2) where sample[index] == 0 {
            if index % 2 == 0 { evenNULs += 1 } else { oddNULs += 1 }
        }
        if evenNULs * 10 >= pairs * 6 && oddNULs * 20 <= pairs { return .utf16BigEndian }
        if oddNULs * 10 >= pairs * 6 && evenNULs * 20 <= pairs { return .utf16LittleEndian }
        return nil
    }
}

/// Checks UTF-8 well-formedness across chunk boundaries, with an ASCII fast path.
struct UTF8Validator {
    private var pending = 0
    private var lowerBound: UInt8 = 0x80
    private var upperBound: UInt8 = 0xBF

    var isComplete: Bool { pending == 0 }

    mutating func accept(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let count = bytes.count
        var index = 0
        while index < count {
            if pending == 0 {
                // Outside a sequence, ASCII is skipped eight bytes at a time.
                while index + 8 <= count
                    && UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0
                {
                    index += 8
                }
                guard index < count else { return true }
            }
            let byte = base[index]
            index += 1
            if pending > 0 {
                guard byte >= lowerBound && byte <= upperBound else { return false }
                pending -= 1
                lowerBound = 0x80
                upperBound = 0xBF
                continue
            }
            switch byte {
            case 0x00...0x7F: continue
            case 0xC2...0xDF: pending = 1
            case 0xE0: (pending, lowerBound) = (2, 0xA0)
            case 0xE1...0xEC, 0xEE...0xEF: pending = 2
            case 0xED: (pending, upperBound) = (2, 0x9F)
            case 0xF0: (pending, lowerBound) = (3, 0x90)
            case 0xF1...0xF3: pending = 3
            case 0xF4: (pending, upperBound) = (3, 0x8F)
            default: return false
            }
        }
        return true
    }
}

/// Turns a chunk of source bytes into UTF-8, keeping an incomplete sequence for the next chunk.
struct Transcoder {
    let encoding: TextEncoding
    private var carry: [UInt8] = []
    private var pendingHighSurrogate: UInt16?

    init(encoding: TextEncoding) { self.encoding = encoding }

    /// Appends the UTF-8 form of `bytes` to `output`.
    mutating func transcode(_ bytes: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        switch encoding {
        case .utf8:
            output.append(contentsOf: bytes)
        case .windows1252:
            for byte in bytes {
                if byte < 0x80 {
                    output.append(byte)
                } else {
                    appendScalar(Windows1252.scalar(byte), to: &output)
                }
            }
        case .shiftJIS:
            var pending = carry
            pending.append(contentsOf: bytes)
            let complete = ShiftJIS.completeLength(pending)
            output.append(contentsOf: ShiftJIS.utf8(pending[..<complete]))
            carry = Array(pending[complete...])
        case .utf16LittleEndian, .utf16BigEndian:
            var units = carry
            units.append(contentsOf: bytes)
            let usable = units.count & ~1
            var i = 0
            while i < usable {
                let unit =
                    encoding == .utf16LittleEndian
                    ? UInt16(units[i]) | UInt16(units[i + 1]) << 8 : UInt16(units[i]) << 8 | UInt16(units[i + 1])
                i += 2
                if let high = pendingHighSurrogate {
                    pendingHighSurrogate = nil
                    if (0xDC00...0xDFFF).contains(unit) {
                        let value = 0x10000 + (UInt32(high - 0xD800) << 10) + UInt32(unit - 0xDC00)
                        appendScalar(Unicode.Scalar(value) ?? "\u{FFFD}", to: &output)
                        continue
                    }
                    appendScalar("\u{FFFD}", to: &output)
                }
                if (0xD800...0xDBFF).contains(unit) {
                    pendingHighSurrogate = unit
                } else {
                    appendScalar(Unicode.Scalar(unit) ?? "\u{FFFD}", to: &output)
                }
            }
            carry = Array(units[usable...])
        }
    }

    /// Whether the bytes so far end inside a character: an odd byte or a high surrogate of UTF-16
    /// waiting for its pair, or a Shift_JIS lead byte waiting for its trail byte. At the end of a file, the file was cut short.
    var endsInsideACharacter: Bool { !carry.isEmpty || pendingHighSurrogate != nil }

    private func appendScalar(_ scalar: Unicode.Scalar, to output: inout [UInt8]) {
        output.append(contentsOf: UTF8.encode(scalar)!)
    }
}

/// The Windows-1252 code page: Latin-1 except 0x80–0x9F.
enum Windows1252 {
    private static let high: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,
        0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
        0x0153, 0x9D, 0x017E, 0x0178,
    ]

    static func scalar(_ byte: UInt8) -> Unicode.Scalar {
        if (0x80...0x9F).contains(byte) { return Unicode.Scalar(high[Int(byte) - 0x80])! }
        return Unicode.Scalar(byte)
    }
}
