import Foundation

/// Where something is in an input file, for diagnostics: `Q3.xlsx › Deals!F57` or `deals.csv:12`.
public struct Location: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var sheet: String?
    public var cell: CellAddress?
    /// A 1-based line, for text files.
    public var line: Int?

    public init(file: String, sheet: String? = nil, cell: CellAddress? = nil, line: Int? = nil) {
        self.file = file
        self.sheet = sheet
        self.cell = cell
        self.line = line
    }

    public var description: String {
        var text = file
        if let sheet {
            text += " › " + Self.quotedSheetName(sheet)
            if let cell { text += "!\(cell)" }
        } else if let cell {
            text += " › \(cell)"
        }
        if let line { text += ":\(line)" }
        return text
    }

    /// A sheet name as formulas write it: quoted when it has spaces or punctuation.
    public static func quotedSheetName(_ name: String) -> String {
        let plain = name.unicodeScalars.allSatisfy {
            $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "."
        }
        return plain ? name : "'" + name.replacingOccurrences(of: "'", with: "''") + "'"
    }
}

/// A problem with an input file, located as precisely as the reader knows.
///
/// Prints as `location: reason`, one line, ready for standard error.
public struct SpreadsheetError: Error, Sendable, Hashable, CustomStringConvertible {
    public var location: Location
    public var reason: String

    public init(_ location: Location, _ reason: String) {
        self.location = location
        self.reason = reason
    }

    public var description: String { "\(location): \(reason)" }
}
