/// Why a delimited text file could not be read.
public enum CSVError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A quoted field opened on `line` never closes before the end of the file.
    case unclosedQuote(line: Int)
    /// One record is longer than `CSVLimits.maxRecordBytes`.
    case recordTooLong(line: Int, limit: Int)
    /// A record has more fields than `CSVLimits.maxFields`.
    case tooManyFields(line: Int, limit: Int)
    case io(String)

    public var description: String {
        switch self {
        case .unclosedQuote: "a quoted field opened on this line is never closed"
        case .recordTooLong(_, let limit): "a record longer than \(limit) bytes (an unclosed quote?)"
        case .tooManyFields(_, let limit): "a record with more than \(limit) fields"
        case .io(let why): why
        }
    }

    /// The 1-based line the problem starts on, when there is one.
    public var line: Int? {
        switch self {
        case .unclosedQuote(let line), .recordTooLong(let line, _), .tooManyFields(let line, _): line
        case .io: nil
        }
    }
}
