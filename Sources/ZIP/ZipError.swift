/// Why an archive or one of its parts cannot be read.
///
/// Each case's description is one sentence a person can act on; the caller adds the file name.
public enum ZipError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file is empty.
    case emptyFile
    /// An OLE2 compound file holding a legacy binary `.xls` workbook.
    case legacyExcelWorkbook
    /// An OLE2 compound file holding a password-protected (encrypted) OOXML package.
    case encryptedWorkbook
    /// The bytes are not a ZIP archive at all.
    case notAZip
    /// The archive ends before its end-of-central-directory record or inside an entry.
    case truncated(String)
    /// A structural field is inconsistent.
    case corrupt(String)
    /// Two entries have the same name once case and separators are folded.
    case duplicateName(String, String)
    /// Two entries' data ranges overlap (one compressed stream read as several parts).
    case overlappingEntries(String, String)
    /// The central directory lists more entries than `ZipLimits.maxEntryCount`.
    case tooManyEntries(Int, limit: Int)
    /// A part uses a compression method other than stored or deflate.
    case unsupportedMethod(String, method: UInt16)
    /// A part has the ZIP encryption flag set.
    case encryptedEntry(String)
    /// A part inflates past its declared size or past `ZipLimits.maxPartSize`.
    case partTooLarge(String, limit: Int64)
    /// The archive's parts inflate past `ZipLimits.maxTotalSize` together.
    case archiveTooLarge(limit: Int64)
    /// A part expands more than `ZipLimits.maxExpansionRatio` to one.
    case expansionRatio(String, limit: Int64)
    /// The deflate stream of a part is damaged or ends early.
    case corruptData(String, String)
    /// The CRC-32 of a part's inflated bytes differs from the one recorded.
    case crcMismatch(String)
    /// No entry has the requested name.
    case missingPart(String)
    /// The operating system refused to open or read the file.
    case io(String)

    /// Whether the archive's bytes are damaged (cut short, a broken deflate stream, a size or CRC-32
    /// that does not match), as against a limit passed or a feature not supported.
    public var isDamage: Bool {
        switch self {
        case .truncated, .corrupt, .corruptData, .crcMismatch: true
        default: false
        }
    }

    public var description: String {
        switch self {
        case .emptyFile: "the file is empty (0 bytes)"
        case .legacyExcelWorkbook:
            "a legacy Excel 97-2003 workbook (.xls, an OLE2 compound file), not an .xlsx package; save it as .xlsx"
        case .encryptedWorkbook:
            "a password-protected (encrypted) workbook; remove the password in Excel and save it again"
        case .notAZip: "not a ZIP archive, so not an .xlsx workbook"
        case .truncated(let what): "the archive is truncated: \(what)"
        case .corrupt(let what): "the archive is damaged: \(what)"
        case .duplicateName(let a, let b):
            "the archive holds two parts named '\(a)' and '\(b)' (part names ignore case)"
        case .overlappingEntries(let a, let b):
            "parts '\(a)' and '\(b)' share the same compressed bytes (overlapping entries, a zip bomb)"
        case .tooManyEntries(let count, let limit):
            "the archive lists \(count) entries; a workbook may have at most \(limit) (Excel writes a few parts per sheet)"
        case .unsupportedMethod(let name, let method):
            "part '\(name)' uses compression method \(method); only stored and deflate occur in workbooks"
        case .encryptedEntry(let name): "part '\(name)' is encrypted"
        case .partTooLarge(let name, let limit): "part '\(name)' inflates past \(limit) bytes"
        case .archiveTooLarge(let limit): "the archive inflates past \(limit) bytes in all"
        case .expansionRatio(let name, let limit): "part '\(name)' expands more than \(limit) to 1 (a zip bomb)"
        case .corruptData(let name, let why): "part '\(name)' is damaged: \(why)"
        case .crcMismatch(let name): "part '\(name)' is damaged: its CRC-32 does not match"
        case .missingPart(let name): "the archive has no part '\(name)'"
        case .io(let why): why
        }
    }
}
