/// How fields and records are written in one delimited file.
public struct CSVDialect: Sendable, Hashable {
    /// The field separator: `,` `;` tab or `|` in practice.
    public var delimiter: UInt8
    public var quote: UInt8
    /// A character that makes the next one literal (`\` in some exports); none in RFC 4180.
    public var escape: UInt8?
    /// Lines that start with this character are not records.
    public var comment: UInt8?

    public init(
        delimiter: UInt8 = UInt8(ascii: ","), quote: UInt8 = UInt8(ascii: "\""), escape: UInt8? = nil,
        comment: UInt8? = nil
    ) {
        self.delimiter = delimiter
        self.quote = quote
        self.escape = escape
        self.comment = comment
    }

    /// The delimiters sniffing chooses among, in order of preference on a tie.
    public static let candidateDelimiters: [UInt8] = [
        UInt8(ascii: ","), UInt8(ascii: "\t"), UInt8(ascii: ";"), UInt8(ascii: "|"),
    ]

    /// A name for the delimiter people recognise: `comma`, `tab`, `semicolon`, `pipe`.
    public var delimiterName: String {
        switch delimiter {
        case UInt8(ascii: ","): "comma"
        case UInt8(ascii: "\t"): "tab"
        case UInt8(ascii: ";"): "semicolon"
        case UInt8(ascii: "|"): "pipe"
        default: "'\(Character(Unicode.Scalar(delimiter)))'"
        }
    }
}

/// Bounds that keep a hostile file from exhausting memory.
public struct CSVLimits: Sendable, Hashable {
    public var maxRecordBytes: Int
    public var maxFields: Int
    /// The most characters a field holds, counted as Excel counts a cell's (UTF-16 units):
    /// 32,767, the most a spreadsheet cell holds.
    public var maxFieldCharacters: Int

    public init(maxRecordBytes: Int = 64 << 20, maxFields: Int = 16_384, maxFieldCharacters: Int = 32_767) {
        self.maxRecordBytes = maxRecordBytes
        self.maxFields = maxFields
        self.maxFieldCharacters = maxFieldCharacters
    }

    public static let standard = CSVLimits()
}

/// Chooses the delimiter of a sample: the candidate that splits the most lines into the same
/// number of fields (more than one), ties broken by `CSVDialect.candidateDelimiters` order.
enum DelimiterSniffer {
    static func sniff(_ sample: [UInt8], base: CSVDialect) -> UInt8 {
        var best: (delimiter: UInt8, score: Double, width: Int)? = nil
        for candidate in CSVDialect.candidateDelimiters {
            var dialect = base
            dialect.delimiter = candidate
            var counts: [Int] = []
            var scanner = CSVScanner(dialect: dialect, limits: .standard)
            sample.withUnsafeBufferPointer { bytes in
                _ = try? scanner.scan(bytes, isFinal: false) { record in
                    if record.count > 0 { counts.append(record.count) }
                    return counts.count < 50
                }
            }
            guard let mode = mostCommon(counts), mode > 1 else { continue }
            let score = Double(counts.filter { $0 == mode }.count) / Double(counts.count)
            if best == nil || score > best!.score + 1e-9 {
                best = (candidate, score, mode)
            }
        }
        return best?.delimiter ?? base.delimiter
    }

    private static func mostCommon(_ values: [Int]) -> Int? {
        var tally: [Int: Int] = [:]
        for value in values { tally[value, default: 0] += 1 }
        return tally.max { ($0.value, $0.key) < ($1.value, $1.key) }?.key
    }
}
