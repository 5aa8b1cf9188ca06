/// One record: its fields and the line it starts on.
public struct CSVRecord: Sendable, Hashable {
    /// 1-based line number of the record's first character.
    public var line: Int
    /// The fields as text. A blank line is a record with no fields.
    public var fields: [String]
}

/// One record's fields as unquoted UTF-8 bytes, borrowed from the reader during one call.
///
/// The bytes are always well-formed UTF-8 (a malformed sequence reads as U+FFFD, as in
/// `CSVRecord`'s strings), so a caller that only copies text out never builds a `String`.
public struct CSVFields {
    /// 1-based line number of the record's first character.
    public let line: Int
    let bytes: UnsafeBufferPointer<UInt8>
    /// Where each field ends in `bytes`; field `i` starts where field `i - 1` ends.
    let ends: UnsafeBufferPointer<Int>

    /// How many fields the record has (0 for a blank line).
    public var count: Int { ends.count }

    /// Field `index`'s bytes, valid only during the call that received these fields.
    public subscript(index: Int) -> UnsafeBufferPointer<UInt8> {
        let start = index == 0 ? 0 : ends[index - 1]
        return UnsafeBufferPointer(rebasing: bytes[start..<ends[index]])
    }

    /// The fields as strings, to keep beyond the call.
    public var record: CSVRecord {
        CSVRecord(line: line, fields: (0..<count).map { String(decoding: self[$0], as: UTF8.self) })
    }
}

/// The record-splitting state machine over UTF-8 text, with Python's `csv` semantics:
/// quotes open a field only at its start; `""` inside quotes is one quote; text after a closing
/// quote is kept literally; `\r`, `\n` and `\r\n` all end a record; a blank line is an empty record.
///
/// `scan` consumes whole records and returns how many bytes it used; the caller keeps the rest
/// (an incomplete record) and passes it again, followed by more bytes.
struct CSVScanner {
    let dialect: CSVDialect
    let limits: CSVLimits
    /// Whether field bytes must be checked for malformed UTF-8 (only text that was neither
    /// validated whole nor transcoded can hold any).
    let validatesUTF8: Bool
    /// The line the next record starts on.
    private(set) var line = 1
    /// The current record's unquoted field bytes, and where each field ends in them.
    private var recordBytes: [UInt8] = []
    private var fieldEnds: [Int] = []

    init(dialect: CSVDialect, limits: CSVLimits, validatesUTF8: Bool = false) {
        self.dialect = dialect
        self.limits = limits
        self.validatesUTF8 = validatesUTF8
        recordBytes.reserveCapacity(1024)
        fieldEnds.reserveCapacity(64)
    }

    /// Splits complete records out of `bytes`, calling `emit` for each (return false to stop).
    /// With `isFinal`, the end of `bytes` ends the last record.
    mutating func scan(
        _ bytes: UnsafeBufferPointer<UInt8>, isFinal: Bool, emit: (CSVFields) throws -> Bool
    ) throws -> Int {
        let delimiter = dialect.delimiter
        let quote = dialect.quote
        let escape = dialect.escape ?? 0
        let hasEscape = dialect.escape != nil
        let delimiterMask = UInt64(delimiter) &* Self.ones
        let count = bytes.count
        var consumed = 0
        var position = 0
        recordLoop: while position < count {
            let recordStart = position
            var recordLines = 0
            recordBytes.removeAll(keepingCapacity: true)
            fieldEnds.removeAll(keepingCapacity: true)
            // Comment lines and blank lines.
            if let comment = dialect.comment, bytes[position] == comment {
                var end = position
                while end < count && bytes[end] != 10 && bytes[end] != 13 { end += 1 }
                guard let next = lineEnd(bytes, end, isFinal: isFinal) else { break recordLoop }
                position = next
                consumed = position
                line += 1
                continue
            }
            if bytes[position] == 10 || bytes[position] == 13 {
                guard let next = lineEnd(bytes, position, isFinal: isFinal) else { break recordLoop }
                position = next
                consumed = position
                line += 1
                guard try emitRecord(line: line - 1, emit) else { return consumed }
                continue
            }
            // Fields.
            while true {
                let fieldStart = position
                var special = false
                if position < count && bytes[position] == quote {
                    special = true
                    position += 1
                    var closed = false
                    while position < count {
                        let byte = bytes[position]
                        if hasEscape && byte == escape {
                            position += 2
                            continue
                        }
                        if byte == quote {
                            if position + 1 < count {
                                if bytes[position + 1] == quote {
                                    position += 2
                                    continue
                                }
                                position += 1
                                closed = true
                                break
                            }
                            if isFinal {
                                position += 1
                                closed = true
                            }
                            break
                        }
                        if byte == 10 || (byte == 13 && !(position + 1 < count && bytes[position + 1] == 10)) {
                            recordLines += 1
                        }
                        position += 1
                    }
                    if !closed {
                        if isFinal && position >= count { throw CSVError.unclosedQuote(line: line) }
                        break recordLoop
                    }
                }
                if !hasEscape {
                    // Eight bytes at a time while none of them ends the field.
                    while position + 8 <= count {
                        let word = UnsafeRawPointer(bytes.baseAddress! + position).loadUnaligned(as: UInt64.self)
                        if Self.holds(word, delimiterMask) || Self.holds(word, Self.lineFeeds)
                            || Self.holds(word, Self.carriageReturns)
                        {
                            break
                        }
                        position += 8
                    }
                }
                while position < count {
                    let byte = bytes[position]
                    if byte == delimiter || byte == 10 || byte == 13 { break }
                    if hasEscape && byte == escape {
                        special = true
                        position += 2
                        continue
                    }
                    position += 1
                }
                if position > count { position = count }
                if position >= count && !isFinal { break recordLoop }
                let end = min(position, count)
                appendField(UnsafeBufferPointer(rebasing: bytes[fieldStart..<end]), special: special)
                try checkLastFieldLength()
                if fieldEnds.count > limits.maxFields {
                    throw CSVError.tooManyFields(line: line, limit: limits.maxFields)
                }
                if end >= count {
                    position = count
                    break
                }
                if bytes[end] == delimiter {
                    position = end + 1
                    if position >= count && !isFinal { break recordLoop }
                    if position >= count {
                        fieldEnds.append(recordBytes.count)
                        break
                    }
                    continue
                }
                guard let next = lineEnd(bytes, end, isFinal: isFinal) else { break recordLoop }
                position = next
                break
            }
            consumed = position
            let recordLine = line
            line += 1 + recordLines
            guard try emitRecord(line: recordLine, emit) else { return consumed }
            _ = recordStart
        }
        if !isFinal && count - consumed > limits.maxRecordBytes {
            throw CSVError.recordTooLong(line: line, limit: limits.maxRecordBytes)
        }
        return consumed
    }

    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let lineFeeds: UInt64 = 10 &* ones
    private static let carriageReturns: UInt64 = 13 &* ones

    /// Whether any byte of `word` equals the byte repeated in `mask` (the classic SWAR test).
    @inline(__always)
    private static func holds(_ word: UInt64, _ mask: UInt64) -> Bool {
        let x = word ^ mask
        return (x &- ones) & ~x & 0x8080_8080_8080_8080 != 0
    }

    /// The index after the line ending at `index` (`\r\n` counts as one), or nil when a `\r` is
    /// the last byte and more input could still bring its `\n`.
    private func lineEnd(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, isFinal: Bool) -> Int? {
        if index >= bytes.count { return isFinal ? index : nil }
        if bytes[index] == 13 {
            if index + 1 < bytes.count { return bytes[index + 1] == 10 ? index + 2 : index + 1 }
            return isFinal ? index + 1 : nil
        }
        return index + 1
    }

    /// Hands the current record's fields to `emit`.
    private func emitRecord(line: Int, _ emit: (CSVFields) throws -> Bool) throws -> Bool {
        try recordBytes.withUnsafeBufferPointer { bytes in
            try fieldEnds.withUnsafeBufferPointer { ends in try emit(CSVFields(line: line, bytes: bytes, ends: ends)) }
        }
    }

    /// Appends one field's text: its bytes as they are when it has no quotes or escapes,
    /// otherwise unquoted; malformed UTF-8, where it can occur, becomes U+FFFD.
    private mutating func appendField(_ raw: UnsafeBufferPointer<UInt8>, special: Bool) {
        let start = recordBytes.count
        if special {
            unquote(raw)
        } else {
            recordBytes.append(contentsOf: raw)
        }
        if validatesUTF8 {
            var validator = UTF8Validator()
            let valid = recordBytes.withUnsafeBufferPointer {
                validator.accept(UnsafeBufferPointer(rebasing: $0[start...])) && validator.isComplete
            }
            if !valid {
                let repaired = String(decoding: recordBytes[start...], as: UTF8.self)
                recordBytes.removeSubrange(start...)
                recordBytes.append(contentsOf: repaired.utf8)
            }
        }
        fieldEnds.append(recordBytes.count)
    }

    /// Refuses the field just appended when it holds more than `limits.maxFieldCharacters`
    /// UTF-16 units, before anything reads its text (a 50 MB number took minutes to parse).
    /// A UTF-8 byte is at most one unit, so a field of fewer bytes is never counted.
    private func checkLastFieldLength() throws {
        let end = fieldEnds[fieldEnds.count - 1]
        let start = fieldEnds.count > 1 ? fieldEnds[fieldEnds.count - 2] : 0
        guard end - start > limits.maxFieldCharacters else { return }
        // Every byte but a continuation byte starts a character; one of four bytes is two units.
        // Counting stops past the limit: a refused field costs no more than an allowed one.
        var units = 0
        for index in start..<end {
            let byte = recordBytes[index]
            units += (byte & 0xC0 == 0x80 ? 0 : 1) + (byte >= 0xF0 ? 1 : 0)
            if units > limits.maxFieldCharacters {
                throw CSVError.fieldTooLong(line: line, field: fieldEnds.count, limit: limits.maxFieldCharacters)
            }
        }
    }

    /// Appends a quoted or escaped field's text without its quotes and escapes.
    private mutating func unquote(_ raw: UnsafeBufferPointer<UInt8>) {
        var i = 0
        var inQuotes = false
        if raw.first == dialect.quote {
            inQuotes = true
            i = 1
        }
        while i < raw.count {
            let byte = raw[i]
            if let escape = dialect.escape, byte == escape, i + 1 < raw.count {
                recordBytes.append(raw[i + 1])
                i += 2
                continue
            }
            if inQuotes && byte == dialect.quote {
                if i + 1 < raw.count && raw[i + 1] == dialect.quote {
                    recordBytes.append(byte)
                    i += 2
                    continue
                }
                inQuotes = false
                i += 1
                continue
            }
            recordBytes.append(byte)
            i += 1
        }
    }
}
