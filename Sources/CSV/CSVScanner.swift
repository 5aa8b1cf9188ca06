/// One record: its fields and the line it starts on.
public struct CSVRecord: Sendable, Hashable {
    /// 1-based line number of the record's first character.
    public var line: Int
    /// The fields as text. A blank line is a record with no fields.
    public var fields: [String]
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
    /// The line the next record starts on.
    private(set) var line = 1

    init(dialect: CSVDialect, limits: CSVLimits) {
        self.dialect = dialect
        self.limits = limits
    }

    /// Splits complete records out of `bytes`, calling `emit` for each (return false to stop).
    /// With `isFinal`, the end of `bytes` ends the last record.
    mutating func scan(
        _ bytes: UnsafeBufferPointer<UInt8>, isFinal: Bool, emit: (CSVRecord) throws -> Bool
    ) throws -> Int {
        let delimiter = dialect.delimiter
        let quote = dialect.quote
        let escape = dialect.escape ?? 0
        let hasEscape = dialect.escape != nil
        let count = bytes.count
        var consumed = 0
        var fields: [String] = []
        var position = 0
        recordLoop: while position < count {
            let recordStart = position
            var recordLines = 0
            fields.removeAll(keepingCapacity: true)
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
                guard try emit(CSVRecord(line: line - 1, fields: [])) else { return consumed }
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
                fields.append(makeField(UnsafeBufferPointer(rebasing: bytes[fieldStart..<end]), special: special))
                if fields.count > limits.maxFields { throw CSVError.tooManyFields(line: line, limit: limits.maxFields) }
                if end >= count {
                    position = count
                    break
                }
                if bytes[end] == delimiter {
                    position = end + 1
                    if position >= count && !isFinal { break recordLoop }
                    if position >= count {
                        fields.append("")
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
            guard try emit(CSVRecord(line: recordLine, fields: fields)) else { return consumed }
            _ = recordStart
        }
        if !isFinal && count - consumed > limits.maxRecordBytes {
            throw CSVError.recordTooLong(line: line, limit: limits.maxRecordBytes)
        }
        return consumed
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

    /// The field's text: taken as is when it has no quotes or escapes, otherwise unquoted.
    private func makeField(_ raw: UnsafeBufferPointer<UInt8>, special: Bool) -> String {
        guard special else { return String(decoding: raw, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var i = 0
        var inQuotes = false
        if raw.first == dialect.quote {
            inQuotes = true
            i = 1
        }
        while i < raw.count {
            let byte = raw[i]
            if let escape = dialect.escape, byte == escape, i + 1 < raw.count {
                out.append(raw[i + 1])
                i += 2
                continue
            }
            if inQuotes && byte == dialect.quote {
                if i + 1 < raw.count && raw[i + 1] == dialect.quote {
                    out.append(byte)
                    i += 2
                    continue
                }
                inQuotes = false
                i += 1
                continue
            }
            out.append(byte)
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
