import Foundation
import Spreadsheet
import XMLStream

/// Turns a worksheet part's XML events into raw rows (`RawRows`) as they stream by; a
/// `RowBuilder` reads their values, on this thread or on the one that takes the rows.
///
/// Handles what real writers do (formats.md "Cells"): rows and cells without `r` (running counters,
/// re-anchored by any explicit `r`), every `t` type, rich and phonetic inline strings, shared
/// formulas expanded per cell, and merged ranges. Memory holds the raw rows not yet taken.
///
/// Refuses, naming the sheet, what it would otherwise read in part: a second `<sheetData>` (one
/// nested in the first included), and a `sheetData`, `row`, `c`, `v`, `f` or `is` element in
/// another namespace than SpreadsheetML's (Transitional or Strict) where SpreadsheetML's would be
/// read. Extension content (`extLst`, `mc:AlternateContent`, x14 elements) is read past, in a
/// row or cell as elsewhere.
final class WorksheetParser: XMLEventHandler {
    private enum Capture {
        case none, value, formula, inlineText
    }

    /// The SpreadsheetML elements this parser acts on.
    private enum Element {
        case cell, value, formula, inlineString, phonetic, text, row, sheetData, mergeCell, extensionList, other
    }

    private let file: String
    private let sheet: String
    /// Called at the end of each row with cells, with the raw rows collected so far: it takes
    /// what it wants (emptying `pending` or not). The rows left at the end are in `pending`.
    private let rowEnded: (_ pending: inout RawRows) throws -> Void

    /// Merged ranges found so far (they follow `<sheetData>`, so they are complete at the end).
    @exclusivity(unchecked) private(set) var mergedRanges: [CellRange] = []
    /// The rows marked hidden (`<row hidden="1">`: filtered out or hidden by hand), in file order.
    @exclusivity(unchecked) private(set) var hiddenRows: [Int] = []
    /// The columns hidden (`<col min= max= hidden="1">`, or of width 0: `ColumnWidths.hides`), in
    /// file order; complete when the first row begins (`<cols>` stands before `<sheetData>`).
    @exclusivity(unchecked) private(set) var hiddenColumns: [ClosedRange<Int>] = []

    // The parser runs on one thread and never re-enters, so the run-time exclusivity checks on
    // its state (about a tenth of reading time) are switched off per property: a compiler flag
    // would do it too, but SwiftPM refuses unsafe flags in a package others depend on.
    @exclusivity(unchecked) private var mainNamespace: UnsafePointer<UInt8>?
    @exclusivity(unchecked) private var inSheetData = false
    /// Whether a `<sheetData>` began: a second is refused.
    @exclusivity(unchecked) private var sawSheetData = false
    /// How many `<extLst>` elements within `<sheetData>` the parse is inside: what they hold
    /// belongs to other vocabularies, and is not checked.
    @exclusivity(unchecked) private var extensionDepth = 0
    @exclusivity(unchecked) private var rowIndex = 0
    @exclusivity(unchecked) private var rowHasExplicitIndex = false
    @exclusivity(unchecked) private var nextColumn = 1
    /// The raw rows collected and not yet taken by `rowEnded`, and the cells of the open row.
    @exclusivity(unchecked) var pending = RawRows()
    /// Cells added since the last `<row>` began (a nested row's included).
    @exclusivity(unchecked) private var cellsSinceRowStart = 0

    @exclusivity(unchecked) private var cellColumn = 0
    @exclusivity(unchecked) private var cellType = RawCell.Kind.number
    @exclusivity(unchecked) private var cellStyle = 0
    @exclusivity(unchecked) private var capture = Capture.none
    /// Where the `<v>` text gathered since the last cell began starts in `pending.bytes`: it is
    /// gathered there, at the end, and a cell's value is the bytes from here to the end.
    @exclusivity(unchecked) private var valueStart = 0
    /// `pending.bytes`, reached without reference counting in the hot callbacks (re-read when
    /// `rowEnded` replaces `pending`).
    @exclusivity(unchecked) private var store: Unmanaged<CellBytes>
    /// The `<v>` text gathered, kept across a hand-over of `pending` (a row nested in a cell).
    @exclusivity(unchecked) private var carried = ScratchBytes()
    @exclusivity(unchecked) private var formulaBytes = ScratchBytes()
    @exclusivity(unchecked) private var inlineBytes = ScratchBytes()
    @exclusivity(unchecked) private var hasInline = false
    @exclusivity(unchecked) private var hasFormula = false
    @exclusivity(unchecked) private var formulaIsShared = false
    @exclusivity(unchecked) private var formulaSharedIndex: Int?
    @exclusivity(unchecked) private var formulaHasRef = false
    @exclusivity(unchecked) private var formulaIsArray = false
    @exclusivity(unchecked) private var phoneticDepth = 0
    @exclusivity(unchecked) private var sharedFormulas: [Int: (text: String, row: Int, column: Int)] = [:]

    init(file: String, sheet: String, rowEnded: @escaping (_ pending: inout RawRows) throws -> Void) {
        self.file = file
        self.sheet = sheet
        self.rowEnded = rowEnded
        store = .passUnretained(pending.bytes)
    }

    /// The number of bytes in `pending.bytes`.
    private var storeCount: Int { store._withUnsafeGuaranteedRef { $0.count } }

    /// Whether cells were added since the last entry of `pending` (to the open row, or stray).
    private var openRowHasCells: Bool { pending.cells.count > pending.openCellsStart }

    /// Whether `name` is in the SpreadsheetML main namespace (Transitional or Strict), or none.
    @inline(__always)
    private func isMain(_ name: XMLName) -> Bool {
        guard let uri = name.uri else { return true }
        return uri == mainNamespace || adoptsAsMain(uri)
    }

    /// Whether `uri`, not the one last adopted, is a main namespace; if so, it is the one `isMain`
    /// compares by pointer from now on. Kept out of line: the hot callbacks stay small.
    @inline(never)
    private func adoptsAsMain(_ uri: UnsafePointer<UInt8>) -> Bool {
        guard
            equalsCString(uri, "http://schemas.openxmlformats.org/spreadsheetml/2006/main")
                || equalsCString(uri, "http://purl.oclc.org/ooxml/spreadsheetml/main")
        else { return false }
        mainNamespace = uri
        return true
    }

    /// Refuses `name`, in another namespace than SpreadsheetML's, when SpreadsheetML's element of
    /// its local name would be read where it stands: read past, its rows or values would be lost.
    @inline(never)
    private func refuseForeign(_ name: XMLName) throws {
        let readHere =
            name.is("sheetData")
            || inSheetData && extensionDepth == 0
                && (name.is("row") || name.is("c") || name.is("v") || name.is("f") || name.is("is"))
        guard readHere else { return }
        let place = inSheetData && rowIndex > 0 && !name.is("row") ? " in row \(rowIndex)" : ""
        let lost = name.is("sheetData") || name.is("row") ? "rows" : name.is("c") ? "cell" : "value"
        throw SpreadsheetError(
            Location(file: file, sheet: sheet),
            "a <\(name.localName)>\(place) is in the namespace '\(name.namespaceURI ?? "")', not SpreadsheetML's; "
                + "read past, its \(lost) would be lost")
    }

    /// Refuses a second `<sheetData>`: reading one of the two, the other's rows would be lost.
    @inline(never)
    private func refuseSecondSheetData() throws {
        throw SpreadsheetError(
            Location(file: file, sheet: sheet),
            "the worksheet has a second <sheetData>; a worksheet has one, and reading either alone would lose rows")
    }

    /// Which element `name` is, told by its first byte (and its second, for the one-letter
    /// names of the elements every cell has) before any whole name is compared.
    @inline(__always)
    private static func element(_ name: XMLName) -> Element {
        let local = name.local
        // Every cell has a `c` and most a `v`: tested first, before the table of first bytes.
        if local[0] == UInt8(ascii: "c") && local[1] == 0 { return .cell }
        if local[0] == UInt8(ascii: "v") && local[1] == 0 { return .value }
        let single = local[0] != 0 && local[1] == 0
        switch local[0] {
        case UInt8(ascii: "c"), UInt8(ascii: "v"): return .other  // `c` and `v` alone are told above
        case UInt8(ascii: "f"): return single ? .formula : .other
        case UInt8(ascii: "t"): return single ? .text : .other
        case UInt8(ascii: "r"): return name.is("row") ? .row : name.is("rPh") ? .phonetic : .other
        case UInt8(ascii: "i"): return name.is("is") ? .inlineString : .other
        case UInt8(ascii: "s"): return name.is("sheetData") ? .sheetData : .other
        case UInt8(ascii: "m"): return name.is("mergeCell") ? .mergeCell : .other
        case UInt8(ascii: "e"): return name.is("extLst") ? .extensionList : .other
        default: return .other
        }
    }

    @inline(__always)
    func startElement(_ name: XMLName, attributes: XMLAttributes) throws {
        guard isMain(name) else { return try refuseForeign(name) }
        let element = Self.element(name)
        if inSheetData {
            switch element {
            case .cell: try startCell(attributes)
            case .value: capture = .value
            case .formula: startFormula(attributes)
            case .inlineString: hasInline = true
            case .phonetic: phoneticDepth += 1
            case .text: if hasInline && phoneticDepth == 0 { capture = .inlineText }
            case .row: try startRow(attributes)
            case .sheetData: try refuseSecondSheetData()
            case .extensionList: extensionDepth += 1
            case .mergeCell, .other: break
            }
        } else {
            try startOutsideSheetData(name, element, attributes)
        }
    }

    @inline(never)
    private func startOutsideSheetData(_ name: XMLName, _ element: Element, _ attributes: XMLAttributes) throws {
        if element == .sheetData {
            if sawSheetData { try refuseSecondSheetData() }
            sawSheetData = true
            inSheetData = true
        } else if element == .mergeCell, let ref = attributes.string("ref"), let range = CellRange(ref) {
            mergedRanges.append(range)
        } else if !sawSheetData, name.is("col"), let columns = ColumnWidths.hidden(attributes) {
            hiddenColumns.append(columns)
        }
    }

    @inline(__always)
    func endElement(_ name: XMLName) throws {
        guard inSheetData, isMain(name) else { return }
        switch Self.element(name) {
        case .cell:
            endCell()
        case .value, .formula, .text:
            capture = .none
        case .phonetic:
            phoneticDepth -= 1
        case .row:
            try endRow()
        case .sheetData:
            inSheetData = false
        case .extensionList:
            extensionDepth -= 1
        case .inlineString, .mergeCell, .other:
            break
        }
    }

    /// Gathers a value's, formula's or inline string's text. A value or an inline string past
    /// `CellValue.maxTextBytes` is refused here, as it grows, so a cell of many text nodes (each
    /// within libxml2's 10 MB) costs no more than one; `RowBuilder` counts the characters of text
    /// past `CellValue.maxTextLength` bytes.
    @inline(__always)
    func characters(_ text: UnsafeBufferPointer<UInt8>) throws {
        switch capture {
        case .none: return
        case .value:
            store._withUnsafeGuaranteedRef { $0.append(text) }
            if storeCount - valueStart > CellValue.maxTextBytes { try refuseLongText() }
        case .formula: formulaBytes.append(text)
        case .inlineText:
            inlineBytes.append(text)
            if inlineBytes.count > CellValue.maxTextBytes { try refuseLongText() }
        }
    }

    @inline(never)
    private func refuseLongText() throws {
        throw SpreadsheetError(
            Location(file: file, sheet: sheet, cell: CellAddress(row: max(rowIndex, 1), column: cellColumn)),
            RowBuilder.longText)
    }

    // MARK: Rows and cells

    @inline(never)
    private func endRow() throws {
        if openRowHasCells {
            pending.close(index: rowIndex, as: .row)
            try handOver()
        } else if cellsSinceRowStart > 0 {
            pending.close(index: rowIndex, as: .repeatedRow)
            try handOver()
        }
    }

    /// Calls `rowEnded`; if it takes the bytes, the `<v>` text gathered since the last cell began
    /// moves to the new ones (a cell's `</c>` may follow, after a row nested in it).
    private func handOver() throws {
        let gathered = pending.bytes[valueStart..<pending.bytes.count]
        let countBefore = pending.bytes.count
        carried.removeAll()
        carried.append(gathered)
        try rowEnded(&pending)
        store = .passUnretained(pending.bytes)
        guard pending.bytes.count < countBefore else { return }
        valueStart = pending.bytes.count
        pending.bytes.append(carried.bytes)
    }

    private func startRow(_ attributes: XMLAttributes) throws {
        if let r = attributes.bytes("r") {
            guard let index = parseInt(r), index >= 1, index <= CellAddress.maxRow else {
                throw SpreadsheetError(
                    Location(file: file, sheet: sheet),
                    "row number '\(String(decoding: r, as: UTF8.self))' is not between 1 and \(CellAddress.maxRow)")
            }
            rowIndex = index
            rowHasExplicitIndex = true
        } else {
            rowIndex += 1
            rowHasExplicitIndex = false
        }
        nextColumn = 1
        if let hidden = attributes.bytes("hidden"),
            hidden.first == UInt8(ascii: "1") || hidden.first == UInt8(ascii: "t")
        {
            hiddenRows.append(rowIndex)
        }
        // Cells before any row are dropped, as Excel drops them (their values are still read).
        if openRowHasCells { pending.close(index: rowIndex, as: .stray) }
        cellsSinceRowStart = 0
    }

    private func startCell(_ attributes: XMLAttributes) throws {
        // One pass over the attributes; the first of each name counts, as with `bytes(_:)`.
        var reference: UnsafeBufferPointer<UInt8>?
        var type: UnsafeBufferPointer<UInt8>?
        var style: UnsafeBufferPointer<UInt8>?
        attributes.forEach { local, value in
            guard local[0] != 0, local[1] == 0 else { return }
            switch local[0] {
            case UInt8(ascii: "r"): if reference == nil { reference = value }
            case UInt8(ascii: "t"): if type == nil { type = value }
            case UInt8(ascii: "s"): if style == nil { style = value }
            default: break
            }
        }
        if let r = reference {
            guard let address = parseCellReference(r) else {
                throw SpreadsheetError(
                    Location(file: file, sheet: sheet),
                    "invalid cell reference '\(String(decoding: r, as: UTF8.self))' in row \(rowIndex)")
            }
            cellColumn = address.column
            if !rowHasExplicitIndex && cellsSinceRowStart == 0 {
                rowIndex = address.row
                rowHasExplicitIndex = true
            }
        } else {
            cellColumn = nextColumn
            if rowIndex == 0 { rowIndex = 1 }
        }
        guard cellColumn <= CellAddress.maxColumn else {
            throw SpreadsheetError(Location(file: file, sheet: sheet), "a cell lies past column XFD in row \(rowIndex)")
        }
        nextColumn = cellColumn + 1
        cellType = Self.cellType(type)
        cellStyle = style.flatMap(parseInt) ?? 0
        valueStart = storeCount
        formulaBytes.removeAll()
        inlineBytes.removeAll()
        hasInline = false
        hasFormula = false
        formulaIsArray = false
        phoneticDepth = 0
        capture = .none
    }

    @inline(__always)
    private static func cellType(_ t: UnsafeBufferPointer<UInt8>?) -> RawCell.Kind {
        guard let t, let first = t.first else { return .number }
        switch (first, t.count) {
        case (UInt8(ascii: "s"), 1): return .sharedString
        case (UInt8(ascii: "n"), 1): return .number
        case (UInt8(ascii: "b"), 1): return .boolean
        case (UInt8(ascii: "e"), 1): return .error
        case (UInt8(ascii: "d"), 1): return .isoDate
        case (UInt8(ascii: "s"), 3): return .formulaString
        case (UInt8(ascii: "i"), _): return .inlineString
        default: return .number
        }
    }

    private func startFormula(_ attributes: XMLAttributes) {
        capture = .formula
        hasFormula = true
        formulaIsShared = attributes.bytes("t").map { $0.elementsEqual("shared".utf8) } ?? false
        formulaSharedIndex = attributes.bytes("si").flatMap(parseInt)
        formulaHasRef = attributes.bytes("ref") != nil
        formulaIsArray = attributes.bytes("t").map { $0.elementsEqual("array".utf8) } ?? false
    }

    private func endCell() {
        capture = .none
        // The formula first: `value` below points into the parser's buffers, and is appended
        // before anything else runs.
        let formula = hasFormula ? resolveFormula() : nil
        let end = storeCount
        let none = valueStart..<valueStart
        let value: Range<Int>
        let kind: RawCell.Kind
        switch cellType {
        case .inlineString:
            // The text is in <is>; a stray <v> beside it (or instead of it) is ignored.
            guard hasInline else {
                (kind, value) = (.empty, none)
                break
            }
            kind = .inlineString
            value = appendInline()
        case let other:
            (kind, value) = end == valueStart ? (.empty, none) : (other, valueStart..<end)
        }
        guard kind != .empty || formula != nil else { return }
        cellsSinceRowStart += 1
        pending.cells.append(
            RawCell(
                row: rowIndex, column: cellColumn, style: cellStyle, kind: kind,
                isArrayFormula: formulaIsArray && formula != nil, value: value, formula: formula))
    }

    /// Appends the inline string's text to `pending.bytes`, returning where it lies; the `<v>`
    /// text gathered (read by a cell this one is nested in) is copied after it, still at the end.
    @inline(never)
    private func appendInline() -> Range<Int> {
        carried.removeAll()
        carried.append(pending.bytes[valueStart..<pending.bytes.count])
        let range = pending.append(inlineBytes.bytes)
        valueStart = pending.bytes.count
        pending.bytes.append(carried.bytes)
        return range
    }

    private func resolveFormula() -> String? {
        let text = String(decoding: formulaBytes.bytes, as: UTF8.self)
        guard formulaIsShared, let index = formulaSharedIndex else { return text.isEmpty ? nil : text }
        if !text.isEmpty {
            if formulaHasRef || sharedFormulas[index] == nil {
                sharedFormulas[index] = (text, rowIndex, cellColumn)
            }
            return text
        }
        guard let master = sharedFormulas[index] else { return nil }
        return FormulaShifter.shift(master.text, rows: rowIndex - master.row, columns: cellColumn - master.column)
    }
}

/// A non-negative decimal integer from ASCII bytes, or nil.
@inline(__always)
func parseInt(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    guard !bytes.isEmpty, bytes.count <= 18 else { return nil }
    var value = 0
    for byte in bytes {
        guard byte >= 48 && byte <= 57 else { return nil }
        value = value * 10 + Int(byte - 48)
    }
    return value
}

/// `CellAddress.parse` of a cell's `r` bytes, with the same results, for the parse thread's hot
/// path: read through a pointer, with unchecked arithmetic where the bounds checked at each letter
/// and digit keep it from overflowing (the generic parse checks every index and every step).
@inline(__always)
func parseCellReference(_ bytes: UnsafeBufferPointer<UInt8>) -> (row: Int, column: Int)? {
    guard var p = bytes.baseAddress else { return nil }
    let end = p + bytes.count
    if p < end && p.pointee == UInt8(ascii: "$") { p += 1 }
    let lettersStart = p
    var column = 0
    while p < end {
        let byte = p.pointee
        let value: Int
        if byte &- 65 < 26 {
            value = Int(byte &- 64)
        } else if byte &- 97 < 26 {
            value = Int(byte &- 96)
        } else {
            break
        }
        column = column &* 26 &+ value
        p += 1
        if column > CellAddress.maxColumn { return nil }
    }
    guard p != lettersStart else { return nil }
    if p < end && p.pointee == UInt8(ascii: "$") { p += 1 }
    let digitsStart = p
    var row = 0
    while p < end, p.pointee &- 48 < 10 {
        row = row &* 10 &+ Int(p.pointee &- 48)
        p += 1
        if row > CellAddress.maxRow { return nil }
    }
    guard p == end, p != digitsStart, row >= 1 else { return nil }
    return (row, column)
}

extension WorksheetParser: XMLDirectEventHandler {
    /// libxml2 calls the parser's methods from callbacks of its own, into which they are inlined:
    /// a 100k-row sheet has five million events, and the generic path's closures, protocol
    /// dispatch and call frames cost about thirty instructions each, on the thread that sets the
    /// read's pace.
    static var directCallbacks: XMLDirectCallbacks {
        XMLDirectCallbacks(
            startElement: { user, local, _, uri, _, _, attributeCount, _, attributes in
                XMLDirect.with(user, WorksheetParser.self) { parser in
                    guard let local else { return }
                    try parser.startElement(
                        XMLName(local: local, uri: uri),
                        attributes: XMLAttributes(base: attributes, count: Int(attributeCount)))
                }
            },
            endElement: { user, local, _, uri in
                XMLDirect.with(user, WorksheetParser.self) { parser in
                    guard let local else { return }
                    try parser.endElement(XMLName(local: local, uri: uri))
                }
            },
            characters: { user, text, length in
                XMLDirect.with(user, WorksheetParser.self) { parser in
                    guard let text else { return }
                    try parser.characters(UnsafeBufferPointer(start: text, count: Int(length)))
                }
            })
    }
}
