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

    init(_ bytes: [UInt8], partName: String) throws {
        let parser = Parser()
        try XMLPushParser.parse(bytes, handler: parser, documentName: partName)
        formats = parser.formatIDs.map { id in
            if let code = parser.customCodes[id] { return Format(code: code, kind: NumberFormat.kind(code: code)) }
            return Format(code: NumberFormat.builtInCode(id), kind: NumberFormat.kind(builtIn: id))
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
