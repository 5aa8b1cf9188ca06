import Spreadsheet

/// What a caller may fix about a file instead of letting the reader detect it.
public struct CSVOptions: Sendable, Hashable {
    /// nil: honour a `sep=` first line, else sniff among `,` tab `;` `|`.
    public var delimiter: UInt8?
    public var escape: UInt8?
    public var comment: UInt8?
    /// nil: a byte-order mark decides, else UTF-8 when the whole file is valid UTF-8, else Windows-1252.
    public var encoding: TextEncoding?
    public var limits: CSVLimits

    public init(
        delimiter: UInt8? = nil, escape: UInt8? = nil, comment: UInt8? = nil, encoding: TextEncoding? = nil,
        limits: CSVLimits = .standard
    ) {
        self.delimiter = delimiter
        self.escape = escape
        self.comment = comment
        self.encoding = encoding
        self.limits = limits
    }
}

/// A delimited text file opened for streaming reads: CSV, TSV, Excel's "Unicode Text".
///
/// Opening detects the encoding (BOM, else UTF-8 if valid, else Windows-1252) and the dialect
/// (`sep=` hint, else sniffing). `forEachRecord` then streams records in constant memory, with the
/// line each starts on. Errors are `SpreadsheetError`s that name the file and line.
public final class CSVReader {
    public let path: String
    public let encoding: TextEncoding
    public let dialect: CSVDialect
    /// Whether the first line was Excel's `sep=X` directive (it is not returned as a record).
    public let hasSeparatorDirective: Bool

    private let file: ChunkedFile
    private let bomLength: Int
    private let limits: CSVLimits
    /// Whether the text may hold malformed UTF-8: UTF-8 taken from a byte-order mark or an
    /// option, not checked whole as detection does (transcoded text is always well-formed).
    private let mayHoldMalformedUTF8: Bool

    public init(path: String, options: CSVOptions = CSVOptions()) throws {
        self.path = path
        limits = options.limits
        do {
            file = try ChunkedFile(path: path)
            let detected: (TextEncoding, bomLength: Int) =
                try options.encoding.map { ($0, 0) } ?? EncodingDetector.detect(file)
            encoding = detected.0
            bomLength = detected.bomLength
            mayHoldMalformedUTF8 = encoding == .utf8 && (options.encoding != nil || bomLength > 0)
        } catch let error as CSVError {
            throw SpreadsheetError(Location(file: path), error.description)
        }
        var base = CSVDialect(escape: options.escape, comment: options.comment)
        let sample = try Self.sample(file, from: bomLength, encoding: encoding)
        if let hinted = Self.separatorDirective(sample) {
            base.delimiter = hinted
            hasSeparatorDirective = true
        } else {
            hasSeparatorDirective = false
            base.delimiter = options.delimiter ?? DelimiterSniffer.sniff(sample, base: base)
        }
        if let delimiter = options.delimiter { base.delimiter = delimiter }
        dialect = base
    }

    /// Streams every record to `body`; `progress`, when given, gets bytes read and the file size.
    public func forEachRecord(
        progress: ((_ done: Int64, _ total: Int64) -> Void)? = nil, _ body: (CSVRecord) throws -> Void
    ) throws {
        try forEachFields(progress: progress) { try body($0.record) }
    }

    /// Streams every record to `body` as borrowed field bytes, building no strings: the fast
    /// path for callers that copy text straight out (CSV to CSV).
    public func forEachFields(
        progress: ((_ done: Int64, _ total: Int64) -> Void)? = nil, _ body: (CSVFields) throws -> Void
    ) throws {
        var scanner = CSVScanner(dialect: dialect, limits: limits, validatesUTF8: mayHoldMalformedUTF8)
        var transcoder = Transcoder(encoding: encoding)
        var pending: [UInt8] = []
        var skipFirst = hasSeparatorDirective
        var done = Int64(bomLength)
        let total = file.size
        func emit(_ fields: CSVFields) throws -> Bool {
            if skipFirst {
                skipFirst = false
                return true
            }
            try body(fields)
            return true
        }
        do {
            try file.forEachChunk(from: bomLength) { chunk in
                transcoder.transcode(chunk, into: &pending)
                let used = try pending.withUnsafeBufferPointer { try scanner.scan($0, isFinal: false, emit: emit) }
                pending.removeFirst(used)
                done += Int64(chunk.count)
                progress?(done, total)
                return true
            }
            if transcoder.endsInsideACharacter { throw CSVError.cutCharacter }
            _ = try pending.withUnsafeBufferPointer { try scanner.scan($0, isFinal: true, emit: emit) }
        } catch let error as CSVError {
            throw SpreadsheetError(Location(file: path, line: error.line ?? scanner.line), error.description)
        }
    }

    /// Up to 64 KiB of the file's start, as UTF-8, for the directive and sniffing.
    private static func sample(_ file: ChunkedFile, from offset: Int, encoding: TextEncoding) throws -> [UInt8] {
        var transcoder = Transcoder(encoding: encoding)
        var sample: [UInt8] = []
        try file.forEachChunk(from: offset) { chunk in
            transcoder.transcode(UnsafeBufferPointer(rebasing: chunk.prefix(64 << 10)), into: &sample)
            return false
        }
        return sample
    }

    /// The delimiter named by a first line `sep=X`, if there is one.
    private static func separatorDirective(_ sample: [UInt8]) -> UInt8? {
        let prefix = Array("sep=".utf8)
        guard sample.count >= 5, sample[0..<4].map({ $0 | 0x20 }) == prefix else { return nil }
        let rest = sample[5...]
        guard rest.isEmpty || rest.first == 10 || rest.first == 13 else { return nil }
        return sample[4]
    }
}
