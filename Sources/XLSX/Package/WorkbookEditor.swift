import Spreadsheet

/// The workbook part's edits on top of a `PackageEditor`: worksheets appended to the sheet list
/// (each with its part, relationship and content type), names defined local to them and a full
/// recalculation asked for on load. The part is read with libxml2 (`XMLSpans`) and spliced where its elements are, so every
/// other byte of it (namespaces, extensions, defined names) stays as it was.
public struct WorkbookEditor {
    public static let worksheetType = PartXML.relationshipBase + "/worksheet"
    public static let worksheetContentType = PartXML.spreadsheetML + ".worksheet+xml"
    /// What follows `<calcPr>` in the workbook's schema (CT_Workbook), where a new one goes before.
    static let calcPrFollowers: Set<String> = [
        "oleSize", "customWorkbookViews", "pivotCaches", "smartTagPr", "smartTagTypes", "webPublishing",
        "fileRecoveryPr", "webPublishObjects", "extLst",
    ]

    /// A sheet appended to the workbook.
    public struct AppendedSheet: Sendable {
        /// Its name: the one asked for, or with a suffix (`Findings (2)`) when that is taken.
        public var name: String
        public var partName: PartName
        public var relationshipID: String
        public var sheetID: Int
    }

    public let editor: PackageEditor
    public let workbookPart: PartName
    private let bytes: [UInt8]
    private let spans: XMLSpans
    /// The sheets' names, the workbook's own and those appended.
    public private(set) var sheetNames: [String]
    private var nextSheetID: Int
    public private(set) var appended: [AppendedSheet] = []
    /// Names to define, each local to a sheet (its index in the sheet list).
    private var names: [(name: String, formula: String, sheetIndex: Int, hidden: Bool)] = []
    private var recalculates = false

    public init(editor: PackageEditor, workbookPart: PartName) throws {
        self.editor = editor
        self.workbookPart = workbookPart
        let bytes = try editor.bytes(of: workbookPart)
        self.bytes = bytes
        spans = try editor.located(workbookPart.name) {
            try XMLSpans(bytes, partName: workbookPart.name) { name, depth in
                depth == 0
                    || (depth == 1
                        && (name == "sheets" || name == "definedNames" || name == "calcPr"
                            || Self.calcPrFollowers.contains(name)))
                    || (depth == 2 && name == "sheet")
            }
        }
        guard let root = spans.elements.first, root.localName == "workbook" else {
            throw SpreadsheetError(editor.location, "the workbook part '\(workbookPart)' has no <workbook> root")
        }
        guard let sheets = spans.first("sheets", depth: 1) else {
            throw SpreadsheetError(editor.location, "the workbook part '\(workbookPart)' lists no sheets")
        }
        let listed = spans.children(of: sheets, named: "sheet")
        sheetNames = listed.compactMap { $0.attribute("name") }
        nextSheetID = (listed.compactMap { $0.attribute("sheetId").flatMap { Int($0) } }.max() ?? 0) + 1
    }

    /// Appends a worksheet named `wanted` (or `wanted (2)`, … when taken) holding `content`:
    /// a part `…/worksheets/sheetN.xml` with N free, a relationship from the workbook with an id
    /// it does not use, its content type, and a `<sheet>` entry with the next sheet id.
    @discardableResult
    public mutating func appendWorksheet(named wanted: String, _ content: PackageEditor.Content) throws
        -> AppendedSheet
    {
        let name = WorkbookWriter.availableName(wanted, existing: sheetNames)
        let folder = workbookPart.folder.isEmpty ? "" : workbookPart.folder + "/"
        let part = try editor.freePartName { "\(folder)worksheets/sheet\($0).xml" }
        try editor.add(part, contentType: Self.worksheetContentType, content)
        let id = try editor.addRelationship(from: workbookPart, type: Self.worksheetType, to: part)
        let sheet = AppendedSheet(name: name, partName: part, relationshipID: id, sheetID: nextSheetID)
        nextSheetID += 1
        sheetNames.append(name)
        appended.append(sheet)
        return sheet
    }

    /// Defines `name` as `formula` local to the appended sheet `sheet` (`<definedName
    /// localSheetId>`), hidden from Excel's name lists when `hidden`: a mark that stays with the
    /// sheet when it is renamed or moved, for a later run to find it by.
    public mutating func defineName(_ name: String, formula: String, localTo sheet: AppendedSheet, hidden: Bool) {
        guard let index = sheetNames.firstIndex(of: sheet.name) else { return }
        names.append((name, formula, index, hidden))
    }

    /// Asks Excel and LibreOffice to recalculate every formula when the workbook opens
    /// (`<calcPr fullCalcOnLoad="1">`), as after changing cells a calculation chain no longer fits.
    public mutating func recalculateOnLoad() { recalculates = true }

    /// Records the edited workbook part with the package editor.
    public func commit() throws {
        guard !appended.isEmpty || !names.isEmpty || recalculates else { return }
        let root = spans.elements[0]
        let prefix = root.prefix
        var edits: [(range: Range<Int>, with: [UInt8])] = []
        if !appended.isEmpty, let sheets = spans.first("sheets", depth: 1) {
            let entries = appended.map {
                "<\(sheets.prefix)sheet xmlns:r=\"\(PartXML.relationshipBase)\" name=\"\(PackageXML.attribute($0.name))\""
                    + " sheetId=\"\($0.sheetID)\" r:id=\"\($0.relationshipID)\"/>"
            }.joined()
            if sheets.isEmpty {
                let open = XMLSpans.startTag(sheets.qualifiedName, sheets.attributes, empty: false)
                edits.append(
                    (sheets.tagStart..<sheets.end, open + Array((entries + "</\(sheets.qualifiedName)>").utf8)))
            } else {
                edits.append((sheets.closeStart..<sheets.closeStart, Array(entries.utf8)))
            }
        }
        if !names.isEmpty {
            let list = spans.first("definedNames", depth: 1)
            let entries = names.map {
                "<\(list?.prefix ?? prefix)definedName name=\"\(PackageXML.attribute($0.name))\" localSheetId=\"\($0.sheetIndex)\""
                    + ($0.hidden ? " hidden=\"1\"" : "") + ">" + PackageXML.attribute($0.formula)
                    + "</\(list?.prefix ?? prefix)definedName>"
            }.joined()
            if let list, !list.isEmpty {
                edits.append((list.closeStart..<list.closeStart, Array(entries.utf8)))
            } else if let list {
                edits.append(
                    (
                        list.tagStart..<list.end,
                        XMLSpans.startTag(list.qualifiedName, list.attributes, empty: false)
                            + Array((entries + "</\(list.qualifiedName)>").utf8)
                    ))
            } else {
                // `<definedNames>` goes after the sheet list and before `<calcPr>` and what follows it.
                let at =
                    spans.elements.first {
                        $0.depth == 1 && ($0.localName == "calcPr" || Self.calcPrFollowers.contains($0.localName))
                    }?.tagStart ?? root.closeStart
                edits.append((at..<at, Array("<\(prefix)definedNames>\(entries)</\(prefix)definedNames>".utf8)))
            }
        }
        if recalculates {
            if let calc = spans.first("calcPr", depth: 1) {
                let kept = calc.attributes.filter { !($0.prefix == nil && $0.name == "fullCalcOnLoad") }
                let tag = XMLSpans.startTag(
                    calc.qualifiedName, [(nil, "fullCalcOnLoad", "1")] + kept, empty: calc.isEmpty)
                edits.append((calc.tagStart..<calc.tagEnd, tag))
            } else {
                let at =
                    spans.elements.first { $0.depth == 1 && Self.calcPrFollowers.contains($0.localName) }?.tagStart
                    ?? root.closeStart
                edits.append((at..<at, Array("<\(prefix)calcPr fullCalcOnLoad=\"1\"/>".utf8)))
            }
        }
        try editor.replace(workbookPart, .bytes(XMLSpans.splice(bytes, edits)))
    }
}
