import XMLStream

/// What `workbook.xml` says: the sheets in order, the date system and the defined names.
struct WorkbookPart {
    struct SheetEntry {
        let name: String
        let state: SheetInfo.State
        let relationshipID: String?
    }

    var sheets: [SheetEntry] = []
    var uses1904Dates = false
    var recalculatesOnLoad = false
    var definedNames: [DefinedName] = []

    init(_ bytes: [UInt8], partName: String) throws {
        let parser = Parser()
        try XMLPushParser.parse(bytes, handler: parser, documentName: partName)
        self = parser.result
    }

    private init() {}

    private final class Parser: XMLEventHandler {
        var result = WorkbookPart()
        private var pendingName: (name: String, localSheet: Int?, hidden: Bool)?
        private var text: [UInt8] = []

        func startElement(_ name: XMLName, attributes: XMLAttributes) {
            if name.is("sheet") {
                let state = attributes.string("state").flatMap(SheetInfo.State.init(rawValue:)) ?? .visible
                result.sheets.append(
                    SheetEntry(
                        name: attributes.string("name") ?? "", state: state,
                        relationshipID: attributes.bytes("id", namespaceSuffix: "relationships").map {
                            String(decoding: $0, as: UTF8.self)
                        }))
            } else if name.is("workbookPr") {
                let flag = attributes.string("date1904")?.lowercased()
                result.uses1904Dates = flag == "1" || flag == "true"
            } else if name.is("calcPr") {
                let flag = attributes.string("fullCalcOnLoad")?.lowercased()
                result.recalculatesOnLoad = flag == "1" || flag == "true"
            } else if name.is("definedName"), let defined = attributes.string("name") {
                let hidden = attributes.string("hidden").map { $0 == "1" || $0 == "true" } ?? false
                pendingName = (defined, attributes.string("localSheetId").flatMap { Int($0) }, hidden)
                text.removeAll(keepingCapacity: true)
            }
        }

        func endElement(_ name: XMLName) {
            if name.is("definedName"), let pending = pendingName {
                result.definedNames.append(
                    DefinedName(
                        name: pending.name, formula: String(decoding: text, as: UTF8.self),
                        localSheet: pending.localSheet, isHidden: pending.hidden))
                pendingName = nil
            }
        }

        func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
            if pendingName != nil { text.append(contentsOf: bytes) }
        }
    }
}
