/// Why an XML document was refused.
public enum XMLStreamError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The document declares a DTD, which OOXML packages may not contain (ECMA-376 Part 2);
    /// refusing it stops entity-expansion ("billion laughs") and external-entity attacks.
    case documentTypeDeclaration
    /// The document is not well-formed; line and column are 1-based.
    case malformed(line: Int, column: Int, message: String)
    /// An element carries more attributes than any workbook part needs (`AttributeCounter.limit`).
    case tooManyAttributes(limit: Int)

    public var description: String {
        switch self {
        case .documentTypeDeclaration:
            "it declares a DTD (<!DOCTYPE>), which workbooks may not contain (entity expansion and external entities are refused)"
        case .malformed(let line, let column, let message):
            "it is not well-formed XML (line \(line), column \(column): \(message))"
        case .tooManyAttributes(let limit):
            "an element carries more than \(limit) attributes, more than any workbook part has"
        }
    }
}
