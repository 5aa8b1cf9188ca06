import Spreadsheet
import XMLStream

/// The one thing a reader needs from `styles.xml`: each cell style's number format.
struct Styles: Sendable {
    struct Format: Sendable, Hashable {
        let code: String?
        let kind: NumberFormatKind
    }

    /// Indexed by a cell's `s` attribute (the position in `cellXfs`).
    private(set) var formats: [Format] = []

    static let empty = Styles()

    private init() {}

    /// The most characters a custom format code may have. Excel writes at most 255; a longer
    /// code is refused, never read as General, which would read a date as a number.
    static let maxCodeCharacters = 1_000

    init(_ bytes: [UInt8], partName: String, location: Location) throws {
        let parser = Parser()
        try XMLPushParser.parse(bytes, handler: parser, documentName: partName)
        var custom: [Int: Format] = [:]
        for (id, code) in parser.customCodes.sorted(by: { $0.key < $1.key }) {
            let length = code.count
            guard length <= Self.maxCodeCharacters else {
                throw SpreadsheetError(
                    location,
                    "part '\(partName)': number format \(id) has a code of \(length) characters, more than \(Self.maxCodeCharacters) (Excel writes at most 255)"
                )
            }
            // Each code is classified once, however many cell styles use it.
            custom[id] = Format(code: code, kind: NumberFormat.kind(code: code))
        }
        formats = parser.formatIDs.map { id in
            custom[id] ?? Format(code: NumberFormat.builtInCode(id), kind: NumberFormat.kind(builtIn: id))
        }
    }

    /// The format of style index `s`; a missing or out-of-range index is General.
    @inline(__always)
    func format(_ index: Int) -> Format? {
        index >= 0 && index < formats.count ? formats[index] : nil
    }

    private final class Parser: XMLEventHandler {
        var customCodes: [Int: String] = [:]
        var formatIDs: [Int] = []
        private var inCellXfs = false

        func startElement(_ name: XMLName, attributes: XMLAttributes) {
            if name.is("numFmt"), let id = attributes.string("numFmtId").flatMap({ Int($0) }),
                let code = attributes.string("formatCode")
            {
                customCodes[id] = code
            } else if name.is("cellXfs") {
                inCellXfs = true
            } else if inCellXfs && name.is("xf") {
                formatIDs.append(attributes.string("numFmtId").flatMap { Int($0) } ?? 0)
            }
        }

        func endElement(_ name: XMLName) {
            if name.is("cellXfs") { inCellXfs = false }
        }

        func characters(_ text: UnsafeBufferPointer<UInt8>) {}
    }
}
