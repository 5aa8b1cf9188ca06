import Spreadsheet

/// Why a delimited text file could not be read.
public enum CSVError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A quoted field opened on `line` never closes before the end of the file.
    case unclosedQuote(line: Int)
    /// One record is longer than `CSVLimits.maxRecordBytes`.
    case recordTooLong(line: Int, limit: Int)
    /// A record has more fields than `CSVLimits.maxFields`.
    case tooManyFields(line: Int, limit: Int)
    /// Field `field` (1-based) of the record on `line` holds more than `CSVLimits.maxFieldCharacters`.
    case fieldTooLong(line: Int, field: Int, limit: Int)
    case io(String)
    /// A UTF-16 file ends in the middle of a character (an odd byte, or half a surrogate pair).
    case cutCharacter
    /// The file is UTF-32 (little- or big-endian), told by its byte-order mark or its NUL bytes.
    case utf32

    public var description: String {
        switch self {
        case .unclosedQuote: "a quoted field opened on this line is never closed"
        case .recordTooLong(_, let limit): "a record longer than \(limit) bytes (an unclosed quote?)"
        case .tooManyFields(_, let limit): "a record with more than \(limit) fields"
        case .fieldTooLong(_, let field, let limit):
            "field \(field) (column \(CellAddress.columnName(field))) holds more than \(limit) characters, the most a spreadsheet cell holds"
        case .io(let why): why
        case .cutCharacter:
            "the file ends in the middle of a UTF-16 character (an odd number of bytes): it was cut short"
        case .utf32: "the file is UTF-32, which trueup does not read: save it as UTF-8"
        }
    }

    /// The 1-based line the problem starts on, when there is one.
    public var line: Int? {
        switch self {
        case .unclosedQuote(let line), .recordTooLong(let line, _), .tooManyFields(let line, _),
            .fieldTooLong(let line, _, _):
            line
        case .io, .cutCharacter, .utf32: nil
        }
    }
}
