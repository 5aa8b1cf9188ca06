import Foundation
import Spreadsheet
import XLSX
import XMLStream

/// One cell to set in a worksheet: its new number, and whether its formula (when it has one)
/// stays, with the new value cached, gives way to the constant, or is replaced by `formula`.
struct CellEdit: Sendable, Hashable {
    var address: CellAddress
    var value: Decimal
    var keepsFormula: Bool
    /// A new formula (without `=`) whose value is `value`: a total's ranges repaired.
    var formula: String? = nil
    /// Whether the cell takes the highlight (a correction); a formula that only takes its
    /// recalculated value keeps its style.
    var highlighted = true
    /// A recalculated formula's value when it is not a number: the cell's `t` and its `<v>` text.
    var typed: TypedValue? = nil
    /// A formula saved with a stale value: `value` is what it gives from the workbook as it is,
    /// and it takes what it gives once the other corrections are made (`DependentTotals`).
    var recalculates = false
    /// An input cell written so that the wrong figures' formulas reading it give the plan's
    /// figures (`Finding.wrongInput`): those figures' cells, and the text of what it held.
    var feeds: [CellAddress] = []
    var was: String? = nil
    /// A wrong figure's cell whose wrong input is written instead (`feeds`): that input's cell.
    /// While `InputCorrections` has not accepted it, the figure takes `value` typed.
    var correctedInput: CellAddress? = nil

    /// Whether `number`, what a formula gives, is `value` to the cent.
    func isGiven(by number: Decimal) -> Bool { abs(number - value) < Decimal(string: "0.005")! }

    struct TypedValue: Sendable, Hashable {
        /// `str`, `b` or `e`.
        var type: String
        var text: String
    }
}

/// A worksheet part's bytes from `</sheetData>` on, held back by `WorksheetPatch.finish` so a
/// caller can add elements that belong after the rows, with where libxml2 found its elements.
struct SheetTail {
    var bytes: [UInt8]
    /// The root's children in the tail, by local name, at their offsets in `bytes`.
    var elements: [(name: String, offset: Int)]
    /// Where `</worksheet>` starts in `bytes`.
    var rootClose: Int?
    /// SpreadsheetML's namespace when the sheet's elements carry a prefix: an element added
    /// unprefixed declares it.
    var defaultNamespace: String? = nil

    /// The offset of the first child named `name`, if any.
    func offset(of name: String) -> Int? { elements.first { $0.name == name }?.offset }
}

/// Rewrites the `<c>` elements of the edited cells of a worksheet part as it streams through
/// libxml2, and passes every other byte on as it was, in memory bounded by a chunk and a row.
///
/// Edited cells take a highlighted style (`highlight(s)`, keeping the original number format);
/// cells absent from the XML are inserted in column order. Feed the part's bytes in order, then
/// `finish()`, which returns the part's tail (from `</sheetData>` on), not yet emitted. In a
/// sheet written with a namespace prefix (`<x:sheetData>`), new cells declare SpreadsheetML as
/// their default namespace; a cell without `r` is where the one before it ends (the first in
/// column A), as readers place it.
final class WorksheetPatch {
    let location: Location
    private let parser: XMLPushParser
    private let scanner: RowScanner

    /// The formula each replaced cell had (for its note).
    var formulas: [CellAddress: String] { scanner.formulas }

    /// `formats` is how many cell formats the styles part has: a rewritten cell whose style is
    /// past them (`s="9999"`, which readers take as the default) is written with the default, 0,
    /// never with an index the written styles part lacks or gives to a highlighted copy.
    init(
        location: Location, edits: [CellEdit], formats: Int = .max, highlight: @escaping (Int) -> Int,
        emit: @escaping ([UInt8]) throws -> Void
    ) {
        self.location = location
        var byRow: [Int: [CellEdit]] = [:]
        for edit in edits { byRow[edit.address.row, default: []].append(edit) }
        for row in byRow.keys { byRow[row]!.sort { $0.address.column < $1.address.column } }
        scanner = RowScanner(location: location, byRow: byRow, formats: formats, highlight: highlight, emit: emit)
        parser = XMLPushParser(handler: scanner, documentName: location.sheet ?? "worksheet")
        scanner.parser = parser
    }

    /// The whole part patched at once (small parts and tests): the bytes and the replaced formulas.
    static func apply(
        location: Location, edits: [CellEdit], formats: Int = .max, highlight: @escaping (Int) -> Int,
        to bytes: [UInt8]
    ) throws -> (bytes: [UInt8], formulas: [CellAddress: String]) {
        var out: [UInt8] = []
        let patch = WorksheetPatch(location: location, edits: edits, formats: formats, highlight: highlight) {
            out += $0
        }
        try bytes.withUnsafeBytes { try patch.feed($0) }
        out += try patch.finish().bytes
        return (out, patch.formulas)
    }

    func feed(_ chunk: UnsafeRawBufferPointer) throws {
        scanner.buffer.append(contentsOf: chunk)
        try parse { try parser.feed(chunk) }
        try scanner.flush()
    }

    /// Ends the part, checks every edit found its row and returns the tail, from `</sheetData>` on.
    func finish() throws -> SheetTail {
        try parse { try parser.finish() }
        return try scanner.tail()
    }

    private func parse(_ body: () throws -> Void) throws {
        do { try body() } catch let error as XMLStreamError {
            throw SpreadsheetError(location, "the sheet's XML: \(error)")
        }
    }
}

/// The parser's handler: finds rows, the edited rows' cells and the tail by libxml2's offsets.
private final class RowScanner: XMLEventHandler {
    /// A cell of an edited row, offsets relative to the row's start.
    struct CellSpan {
        var start: Int
        var end: Int
        var address: CellAddress?
        var style: Int
        /// The `<f>` element's span, whether it starts a shared or array formula, and its text.
        var formula: Range<Int>?
        var formulaIsMaster = false
        var formulaText = ""
        /// A shared formula's group (`si`), and the range its master's `ref` covers.
        var sharedIndex: Int?
        var sharedRange: CellRange?
        var formulaIsArray = false
        /// An array formula's cells (`<f t="array" ref="C5">`): one cell's alone is no other's.
        var arrayRange: CellRange?
    }

    /// A shared formula whose master cell was replaced: the next cell of its group that keeps
    /// its formula becomes the master, with the text moved to it and the rest of the range.
    struct Promotion {
        var index: Int
        var text: String
        var master: CellAddress
        var range: CellRange
    }

    /// An edited row as it is read: where it starts (absolute) and its cells.
    struct EditedRow {
        var start: Int
        var tagEnd: Int
        var edits: [CellEdit]
        var cells: [CellSpan] = []
    }

    enum Phase { case head, rows, tail }

    let location: Location
    let byRow: [Int: [CellEdit]]
    let formats: Int
    let highlight: (Int) -> Int
    let emit: ([UInt8]) throws -> Void
    weak var parser: XMLPushParser?

    /// The bytes from `base` (absolute) to the end of what was fed.
    var buffer: [UInt8] = []
    var base = 0
    /// Everything before this absolute offset has been emitted.
    var emitted = 0
    /// The end of the last row not edited (or of `<sheetData>`): safe to emit up to.
    var settled = 0
    var phase = Phase.head
    var depth = 0
    var rowNumber = 0
    var row: EditedRow?
    var inFormula = false
    var patchedRows = Set<Int>()
    var formulas: [CellAddress: String] = [:]
    var promotions: [Promotion] = []
    /// `x:` when the sheet's elements carry a prefix; then new elements declare `namespace`.
    var prefix = ""
    var namespace = ""
    var tailStart = 0
    var tailElements: [(name: String, offset: Int)] = []
    var rootClose: Int?

    init(
        location: Location, byRow: [Int: [CellEdit]], formats: Int, highlight: @escaping (Int) -> Int,
        emit: @escaping ([UInt8]) throws -> Void
    ) {
        self.location = location
        self.byRow = byRow
        self.formats = formats
        self.highlight = highlight
        self.emit = emit
    }

    func startElement(_ name: XMLName, attributes: XMLAttributes) throws {
        defer { depth += 1 }
        switch (phase, depth) {
        case (.head, 1) where name.is("sheetData"):
            let (start, tagEnd) = try startTag()
            let qualified = buffer[(start - base + 1)...].prefix {
                $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: ">") && $0 != UInt8(ascii: "/")
            }
            guard qualified.count >= 9 else { return }
            prefix = String(decoding: qualified.dropLast(9), as: UTF8.self)
            namespace = name.namespaceURI ?? ""
            if tagEnd == emptyEnd {
                tailStart = start
                phase = .tail
            } else {
                settled = tagEnd
                phase = .rows
            }
        case (.rows, 2) where name.is("row"):
            rowNumber = attributes.bytes("r").flatMap(Self.integer) ?? rowNumber + 1
            // A row a promoted shared formula may reach is read as edited, to move the master into it.
            let promoted = promotions.contains { $0.range.first.row <= rowNumber && rowNumber <= $0.range.last.row }
            if let edits = byRow[rowNumber] ?? (promoted ? [] : nil) {
                let (start, tagEnd) = try startTag()
                row = EditedRow(start: start, tagEnd: tagEnd, edits: edits)
            }
        case (.rows, 3) where name.is("c"):
            if formats != .max, let style = attributes.bytes("s"),
                Self.integer(style).map({ $0 >= formats }) ?? !style.isEmpty
            {
                try resetStyle()
            }
            guard row != nil else { return }
            let (start, _) = try startTag()
            let explicit = attributes.string("r").flatMap(CellAddress.init)
            let previous = row!.cells.last?.address?.column ?? 0
            // A cell without `r` follows the one before it; a new cell never lands before one,
            // since the cells before it in the row leave no column free.
            row!.cells.append(
                CellSpan(
                    start: start - row!.start, end: 0,
                    address: explicit ?? CellAddress(row: rowNumber, column: previous + 1),
                    style: attributes.bytes("s").flatMap(Self.integer).flatMap { $0 < formats ? $0 : nil } ?? 0))
        case (.rows, 4) where row != nil && name.is("f") && !row!.cells.isEmpty:
            let (start, _) = try startTag()
            row!.cells[row!.cells.count - 1].formula = (start - row!.start)..<(start - row!.start)
            let type = attributes.string("t")
            var cell = row!.cells[row!.cells.count - 1]
            cell.formulaIsMaster = attributes.bytes("ref") != nil
            cell.formulaIsArray = type == "array" || type == "dataTable"
            if type == "shared" {
                cell.sharedIndex = attributes.bytes("si").flatMap(Self.integer)
                cell.sharedRange = attributes.string("ref").flatMap(CellRange.init)
            } else if type == "array" {
                cell.arrayRange = attributes.string("ref").flatMap(CellRange.init)
            }
            row!.cells[row!.cells.count - 1] = cell
            inFormula = true
        case (.tail, 1):
            let (start, _) = try startTag()
            tailElements.append((name.localName, start - tailStart))
        default: break
        }
    }

    func endElement(_ name: XMLName) throws {
        depth -= 1
        switch (phase, depth) {
        case (.rows, 1):
            tailStart = try closeTag(end: consumed)
            phase = .tail
        case (.rows, 2):
            if let edited = row {
                try emitPatched(edited, end: consumed)
                row = nil
            } else {
                settled = consumed
            }
        case (.rows, 3) where row != nil && !row!.cells.isEmpty:
            row!.cells[row!.cells.count - 1].end = consumed - row!.start
        case (.rows, 4) where inFormula:
            let start = row!.cells[row!.cells.count - 1].formula!.lowerBound
            row!.cells[row!.cells.count - 1].formula = start..<(consumed - row!.start)
            inFormula = false
        case (.tail, 0):
            rootClose = try closeTag(end: consumed) - tailStart
        default: break
        }
    }

    func characters(_ text: UnsafeBufferPointer<UInt8>) {
        if inFormula { row!.cells[row!.cells.count - 1].formulaText += String(decoding: text, as: UTF8.self) }
    }

    /// Emits what is settled and drops it from the buffer.
    func flush() throws {
        let upTo = phase == .tail ? tailStart : row?.start ?? settled
        if upTo > emitted {
            try emit(Array(buffer[(emitted - base)..<(upTo - base)]))
            emitted = upTo
        }
        buffer.removeFirst(emitted - base)
        base = emitted
    }

    func tail() throws -> SheetTail {
        guard phase == .tail else {
            throw SpreadsheetError(
                location,
                phase == .head
                    ? "the sheet's XML has no <sheetData>; it was not corrected"
                    : "the sheet's part ends before its rows do (no </sheetData>)")
        }
        try flush()
        if let missing = byRow.keys.sorted().first(where: { !patchedRows.contains($0) }).flatMap({ byRow[$0]?.first }) {
            throw SpreadsheetError(
                Location(file: location.file, sheet: location.sheet, cell: missing.address),
                "the sheet has no row for this cell; trueup cannot correct it safely")
        }
        return SheetTail(
            bytes: Array(buffer[(tailStart - base)...]), elements: tailElements, rootClose: rootClose,
            defaultNamespace: prefix.isEmpty ? nil : XMLEscaping.escaped(namespace))
    }

    // MARK: Offsets

    private var consumed: Int { parser?.bytesConsumed ?? 0 }
    /// Set by `startTag` for an empty element: its `tagEnd`.
    private var emptyEnd = -1

    /// Where the start tag just read begins and ends (absolute).
    private func startTag() throws -> (start: Int, end: Int) {
        let at = consumed
        guard at >= base, at - base < buffer.count,
            let lessThan = buffer[..<(at - base)].lastIndex(of: UInt8(ascii: "<"))
        else { throw lost() }
        let byte = buffer[at - base]
        if byte == UInt8(ascii: ">") { return (lessThan + base, at + 1) }
        guard byte == UInt8(ascii: "/") else { throw lost() }
        emptyEnd = at + 2
        return (lessThan + base, at + 2)
    }

    /// Where the end tag that ends at `end` starts (absolute); for an empty element, its end.
    private func closeTag(end: Int) throws -> Int {
        guard end > base, end - base <= buffer.count else { throw lost() }
        if end == emptyEnd { return end }
        guard let close = buffer[..<(end - base)].lastIndex(of: UInt8(ascii: "<")),
            buffer[close + 1] == UInt8(ascii: "/")
        else { throw lost() }
        return close + base
    }

    private func lost() -> SpreadsheetError {
        SpreadsheetError(location, "trueup cannot locate the sheet's elements in its bytes; it was not corrected")
    }

    static func integer(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !bytes.isEmpty, bytes.count < 12 else { return nil }
        var value = 0
        for byte in bytes {
            guard byte >= 48 && byte <= 57 else { return nil }
            value = value * 10 + Int(byte - 48)
        }
        return value
    }

    /// Makes the style of the cell whose start tag was just read the default: its `s` value's
    /// bytes become `0`s, as many as they were (`s="9999"` → `s="0000"`), so every offset into
    /// the buffer stays true. A style past the styles part's formats is read as the default;
    /// copied as it was, it would name a highlighted copy (marking a cell no one corrected) or no
    /// format at all (openpyxl then cannot open the corrected copy). The row is not yet emitted:
    /// rows are held until they end.
    private func resetStyle() throws {
        let (start, end) = try startTag()
        guard let value = Self.styleValue(in: buffer[(start - base)..<(end - base)]) else { return }
        for index in value { buffer[index] = UInt8(ascii: "0") }
    }

    /// Where the unprefixed `s` attribute's value lies in `tag` (a start tag's bytes, indices of
    /// the buffer), read as XML reads attributes: names, `=`, and quoted values, which may hold
    /// any other byte.
    static func styleValue(in tag: ArraySlice<UInt8>) -> Range<Int>? {
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        var index = tag.startIndex + 1
        while index < tag.endIndex, !isSpace(tag[index]), tag[index] != UInt8(ascii: ">"),
            tag[index] != UInt8(ascii: "/")
        {
            index += 1
        }
        while index < tag.endIndex {
            while index < tag.endIndex, isSpace(tag[index]) { index += 1 }
            let nameStart = index
            while index < tag.endIndex, !isSpace(tag[index]), tag[index] != UInt8(ascii: "=") {
                if tag[index] == UInt8(ascii: ">") || tag[index] == UInt8(ascii: "/") { return nil }
                index += 1
            }
            let name = tag[nameStart..<index]
            while index < tag.endIndex, isSpace(tag[index]) || tag[index] == UInt8(ascii: "=") { index += 1 }
            guard index < tag.endIndex, tag[index] == UInt8(ascii: "\"") || tag[index] == UInt8(ascii: "'") else {
                return nil
            }
            let quote = tag[index]
            let valueStart = index + 1
            guard let valueEnd = tag[valueStart...].firstIndex(of: quote) else { return nil }
            if name.elementsEqual([UInt8(ascii: "s")]) { return valueStart..<valueEnd }
            index = valueEnd + 1
        }
        return nil
    }

    // MARK: Patching an edited row

    /// Emits what precedes the row, then the row with its edited cells replaced or inserted.
    private func emitPatched(_ edited: EditedRow, end: Int) throws {
        if edited.start > emitted { try emit(Array(buffer[(emitted - base)..<(edited.start - base)])) }
        let bytes = buffer[(edited.start - base)..<(end - base)]
        try emit(patchRow(Array(bytes), edited))
        patchedRows.insert(rowNumber)
        emitted = end
        settled = end
    }

    /// `</row>`, with the sheet's prefix.
    private var rowClose: [UInt8] { Array("</\(prefix)row>".utf8) }

    private func patchRow(_ row: [UInt8], _ edited: EditedRow) throws -> [UInt8] {
        let tagEnd = edited.tagEnd - edited.start
        if edited.edits.isEmpty && !edited.cells.contains(where: { promotion(for: $0) != nil }) { return row }
        if tagEnd == row.count {
            // `<row …/>`: opened, given the new cells, closed.
            return Array(row[0..<(tagEnd - 2)]) + [UInt8(ascii: ">")]
                + (try edited.edits.flatMap { try newCell($0, original: nil) }) + self.rowClose
        }
        let rowClose = row.count - self.rowClose.count
        var out: [UInt8] = []
        var copied = 0
        // An edit of a cell the row has replaces it wherever it stands (cells may come out of
        // column order, and are read sorted); the others are inserted before the first cell
        // of a later column.
        let present = Set(edited.cells.compactMap { $0.address?.column })
        var pending = edited.edits.filter { !present.contains($0.address.column) }[...]
        var replacing = Dictionary(
            edited.edits.filter { present.contains($0.address.column) }.map { ($0.address.column, $0) },
            uniquingKeysWith: { first, _ in first })
        for cell in edited.cells {
            guard let address = cell.address else { continue }
            var inserted: [UInt8] = []
            while let next = pending.first, next.address.column < address.column {
                inserted += try newCell(next, original: nil)
                pending.removeFirst()
            }
            var replacedEnd = cell.start
            if let edit = replacing.removeValue(forKey: address.column) {
                formulas[address] = cell.formula != nil && !cell.formulaText.isEmpty ? cell.formulaText : nil
                inserted += try newCell(edit, original: (cell, row))
                replacedEnd = cell.end
            }
            if !inserted.isEmpty {
                out += row[copied..<cell.start] + inserted
                copied = replacedEnd
            } else if let formula = cell.formula, let master = promotedMaster(cell) {
                // A cell of a shared group whose master was replaced: it becomes the master.
                out += row[copied..<formula.lowerBound] + master
                copied = formula.upperBound
            }
        }
        out += row[copied..<rowClose]
        out += try pending.flatMap { try newCell($0, original: nil) }
        return out + self.rowClose
    }

    /// The promotion a cell of a shared group takes: its group's master was replaced, and it is
    /// the first cell of the group after it (cells are read in order).
    private func promotion(for cell: CellSpan) -> Int? {
        guard let index = cell.sharedIndex, !cell.formulaIsMaster, let address = cell.address else { return nil }
        return promotions.firstIndex { $0.index == index && $0.range.contains(address) }
    }

    /// The `<f>` element that makes `cell` its group's master (nil when no promotion is pending
    /// for it): the master's text moved by the distance between them, and the range from it on.
    private func promotedMaster(_ cell: CellSpan) -> [UInt8]? {
        guard let found = promotion(for: cell), let address = cell.address else { return nil }
        let promotion = promotions.remove(at: found)
        let text = FormulaShifter.shift(
            promotion.text, rows: address.row - promotion.master.row,
            columns: address.column - promotion.master.column)
        let range = CellRange(first: address, last: promotion.range.last)
        return formulaElement(text, attributes: "t=\"shared\" ref=\"\(range)\" si=\"\(promotion.index)\"")
    }

    /// An `<f>` element in the sheet's prefix holding `text`, with `attributes` (written as they are).
    private func formulaElement(_ text: String, attributes: String) -> [UInt8] {
        var element = Array("<\(prefix)f \(attributes)>".utf8)
        XMLEscaping.append(text, to: &element)
        return element + Array("</\(prefix)f>".utf8)
    }

    /// The new `<c>` element: the number, the highlighted style, and the original formula when
    /// it stays. A shared formula's master that loses its formula hands it to the next cell of
    /// its group (`promotedMaster`), when the group is one row or one column; an array formula of
    /// one cell (`{=SUM(IF(…))}`) is no other cell's, and its repair stays an array formula; an
    /// array formula over more cells, or a block's, cannot be replaced safely, so that is refused.
    private func newCell(_ edit: CellEdit, original: (cell: CellSpan, row: [UInt8])?) throws -> [UInt8] {
        var kept: [UInt8]?
        if let original, let formula = original.cell.formula {
            let cell = original.cell
            if edit.keepsFormula && edit.formula == nil {
                kept = promotedMaster(cell) ?? Array(original.row[formula])
            } else if cell.formulaIsArray, let range = cell.arrayRange, range.first == edit.address,
                range.last == edit.address
            {
                kept = edit.formula.map { formulaElement($0, attributes: "t=\"array\" ref=\"\(edit.address)\"") }
            } else if cell.formulaIsMaster {
                guard !cell.formulaIsArray, let index = cell.sharedIndex, let range = cell.sharedRange,
                    range.first == edit.address,
                    range.first.row == range.last.row || range.first.column == range.last.column
                else {
                    throw SpreadsheetError(
                        Location(file: location.file, sheet: location.sheet, cell: edit.address),
                        "the cell starts an array formula, or a shared formula over a block of rows and columns, that other cells use; trueup cannot replace it safely"
                    )
                }
                // A replaced cell of the group that would have been next leaves the promotion to the one after it.
                promotions.append(Promotion(index: index, text: cell.formulaText, master: edit.address, range: range))
            }
        }
        let value: CellValue
        switch edit.typed?.type {
        case "str": value = .text(edit.typed!.text)
        case "b": value = .bool(edit.typed!.text == "1")
        case "e": value = .error(edit.typed!.text)
        default: value = .number(edit.value)
        }
        let style = original?.cell.style ?? 0
        var cell = WorksheetPart.cell(
            WriteCell(value, formula: edit.formula), at: edit.address,
            styleID: edit.highlighted ? highlight(style) : style, formulaElement: kept)
        if !prefix.isEmpty {
            // `<c …>` unprefixed in a prefixed sheet: it declares SpreadsheetML its default namespace.
            var declaration = Array(" xmlns=\"".utf8)
            XMLEscaping.append(namespace, to: &declaration)
            cell.insert(contentsOf: declaration + [UInt8(ascii: "\"")], at: 2)
        }
        return cell
    }
}
