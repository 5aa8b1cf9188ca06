import Foundation
import Spreadsheet
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

    struct TypedValue: Sendable, Hashable {
        /// `str`, `b` or `e`.
        var type: String
        var text: String
    }
}

/// Rewrites the `<c>` elements of the edited cells of a worksheet part as it streams through,
/// and passes every other byte on as it was, in memory bounded by a chunk and a row.
///
/// Edited cells take a highlighted style (`highlight(s)`, keeping the original number format);
/// cells absent from the XML are inserted in column order. Feed the part's bytes in order, then
/// `finish()`, which returns the part's tail (from `</sheetData>` on), not yet emitted, so the
/// caller can add elements that belong after the rows.
final class WorksheetPatch {
    private enum Phase { case head, rows, tail }

    let location: Location
    private let highlight: (Int) -> Int
    private let emit: ([UInt8]) throws -> Void
    private var byRow: [Int: [CellEdit]] = [:]
    /// The formula each replaced cell had (for its note).
    private(set) var formulas: [CellAddress: String] = [:]
    private var patchedRows = Set<Int>()
    private var buffer: [UInt8] = []
    private var phase = Phase.head
    private var rowNumber = 0
    private var tail: [UInt8] = []

    init(
        location: Location, edits: [CellEdit], highlight: @escaping (Int) -> Int,
        emit: @escaping ([UInt8]) throws -> Void
    ) {
        self.location = location
        self.highlight = highlight
        self.emit = emit
        for edit in edits { byRow[edit.address.row, default: []].append(edit) }
        for row in byRow.keys { byRow[row]!.sort { $0.address.column < $1.address.column } }
    }

    /// The whole part patched at once (small parts and tests): the bytes and the replaced formulas.
    static func apply(location: Location, edits: [CellEdit], highlight: @escaping (Int) -> Int, to bytes: [UInt8])
        throws -> (bytes: [UInt8], formulas: [CellAddress: String])
    {
        var out: [UInt8] = []
        let patch = WorksheetPatch(location: location, edits: edits, highlight: highlight) { out += $0 }
        try bytes.withUnsafeBytes { try patch.feed($0) }
        out += try patch.finish()
        return (out, patch.formulas)
    }

    func feed(_ chunk: UnsafeRawBufferPointer) throws {
        buffer.append(contentsOf: chunk)
        var emitted = 0
        var position = 0
        scan: while position < buffer.count {
            switch phase {
            case .head:
                guard let start = XMLBytes.startTag("sheetData", in: buffer, from: position),
                    let end = XMLBytes.tagEnd(in: buffer, at: start)
                else { break scan }
                if XMLBytes.isEmptyElement(buffer, start, end) {
                    position = start
                    phase = .tail
                } else {
                    position = end
                    phase = .rows
                }
            case .rows:
                guard let open = buffer[position...].firstIndex(of: UInt8(ascii: "<")), buffer.count - open >= 12
                else { break scan }
                if buffer[open + 1] == UInt8(ascii: "/") {
                    position = open
                    phase = .tail
                    continue
                }
                guard buffer[open + 1] == UInt8(ascii: "r"), buffer[open + 2] == UInt8(ascii: "o"),
                    buffer[open + 3] == UInt8(ascii: "w"), XMLBytes.isNameEnd(buffer[open + 4])
                else {
                    position = open + 1
                    continue
                }
                guard let tagEnd = XMLBytes.tagEnd(in: buffer, at: open) else { break scan }
                let rowEnd: Int
                if XMLBytes.isEmptyElement(buffer, open, tagEnd) {
                    rowEnd = tagEnd
                } else {
                    guard let close = XMLBytes.find(Self.rowClose, in: buffer, from: tagEnd) else { break scan }
                    rowEnd = close + Self.rowClose.count
                }
                rowNumber = XMLBytes.attribute("r", in: buffer, open, tagEnd).flatMap { Int($0) } ?? rowNumber + 1
                if let edits = byRow[rowNumber] {
                    try emit(Array(buffer[emitted..<open]))
                    try emit(patchRow(Array(buffer[open..<rowEnd]), edits: edits))
                    patchedRows.insert(rowNumber)
                    emitted = rowEnd
                }
                position = rowEnd
            case .tail:
                if emitted < position { try emit(Array(buffer[emitted..<position])) }
                tail += buffer[position...]
                position = buffer.count
                emitted = buffer.count
            }
        }
        if emitted < position { try emit(Array(buffer[emitted..<position])) }
        buffer.removeFirst(position)
    }

    /// Checks every edit found its row and returns the part's tail, from `</sheetData>` on.
    func finish() throws -> [UInt8] {
        guard phase == .tail else {
            throw SpreadsheetError(
                location,
                phase == .head
                    ? "the sheet's XML has no <sheetData> trueup can patch (a namespace prefix?); it was not corrected"
                    : "the sheet's part ends before its rows do (no </sheetData>)")
        }
        tail += buffer
        buffer = []
        if patchedRows.count < byRow.count,
            let missing = byRow.keys.sorted().first(where: { !patchedRows.contains($0) }).flatMap({ byRow[$0]?.first })
        {
            throw SpreadsheetError(
                Location(file: location.file, sheet: location.sheet, cell: missing.address),
                "the sheet has no row for this cell; trueup cannot correct it safely")
        }
        return tail
    }

    private static let rowClose = Array("</row>".utf8)

    /// One `<row>` element with its edited cells replaced or inserted.
    private func patchRow(_ row: [UInt8], edits: [CellEdit]) throws -> [UInt8] {
        let tagEnd = XMLBytes.tagEnd(in: row, at: 0)!
        if XMLBytes.isEmptyElement(row, 0, tagEnd) {
            return Array(row[0..<(tagEnd - 2)]) + [UInt8(ascii: ">")]
                + (try edits.flatMap { try newCell($0, original: nil) }) + Self.rowClose
        }
        let rowClose = row.count - Self.rowClose.count
        var out: [UInt8] = []
        var copied = 0
        var pending = edits[...]
        var position = tagEnd
        while let cellStart = XMLBytes.startTag("c", in: row, from: position), cellStart < rowClose {
            guard let cellTagEnd = XMLBytes.tagEnd(in: row, at: cellStart) else { break }
            guard let reference = XMLBytes.attribute("r", in: row, cellStart, cellTagEnd),
                let address = CellAddress(reference)
            else {
                throw SpreadsheetError(
                    location, "row \(rowNumber) has cells without references; trueup cannot correct it safely")
            }
            let cellEnd =
                XMLBytes.isEmptyElement(row, cellStart, cellTagEnd)
                ? cellTagEnd
                : (XMLBytes.find(Array("</c>".utf8), in: row, from: cellTagEnd).map { $0 + 4 } ?? rowClose)
            var inserted: [UInt8] = []
            while let next = pending.first, next.address.column < address.column {
                inserted += try newCell(next, original: nil)
                pending.removeFirst()
            }
            var replacedEnd = cellStart
            if let next = pending.first, next.address.column == address.column {
                let original = Array(row[cellStart..<cellEnd])
                formulas[address] = Self.formulaText(original)
                inserted += try newCell(next, original: original)
                pending.removeFirst()
                replacedEnd = cellEnd
            }
            if !inserted.isEmpty {
                out += row[copied..<cellStart] + inserted
                copied = replacedEnd
            }
            position = cellEnd
        }
        out += row[copied..<rowClose]
        out += try pending.flatMap { try newCell($0, original: nil) }
        return out + Self.rowClose
    }

    /// The new `<c>` element: the number, the highlighted style, and the original formula when
    /// it stays. Dropping the formula of a shared-formula master would break the cells that
    /// share it, so that is refused.
    private func newCell(_ edit: CellEdit, original: [UInt8]?) throws -> [UInt8] {
        var style = 0
        var formula: [UInt8] = []
        if let original, let tagEnd = XMLBytes.tagEnd(in: original, at: 0) {
            style = XMLBytes.attribute("s", in: original, 0, tagEnd).flatMap { Int($0) } ?? 0
            if let formulaStart = XMLBytes.startTag("f", in: original, from: tagEnd),
                let formulaTagEnd = XMLBytes.tagEnd(in: original, at: formulaStart)
            {
                let formulaEnd =
                    XMLBytes.isEmptyElement(original, formulaStart, formulaTagEnd)
                    ? formulaTagEnd
                    : (XMLBytes.find(Array("</f>".utf8), in: original, from: formulaTagEnd).map { $0 + 4 }
                        ?? formulaTagEnd)
                if edit.keepsFormula && edit.formula == nil {
                    formula = Array(original[formulaStart..<formulaEnd])
                } else if XMLBytes.attribute("ref", in: original, formulaStart, formulaTagEnd) != nil {
                    throw SpreadsheetError(
                        Location(file: location.file, sheet: location.sheet, cell: edit.address),
                        "the cell starts a shared or array formula other cells use; trueup cannot replace it safely")
                }
            }
        }
        if let replacement = edit.formula {
            formula = Array("<f>".utf8)
            XMLEscaping.append(replacement, to: &formula)
            formula += Array("</f>".utf8)
        }
        let shownStyle = edit.highlighted ? highlight(style) : style
        guard let typed = edit.typed else {
            return Array("<c r=\"\(edit.address)\" s=\"\(shownStyle)\">".utf8) + formula
                + Array("<v>\(edit.value.plainString)</v></c>".utf8)
        }
        var value = Array("<v>".utf8)
        XMLEscaping.append(typed.text, to: &value)
        return Array("<c r=\"\(edit.address)\" s=\"\(shownStyle)\" t=\"\(typed.type)\">".utf8) + formula + value
            + Array("</v></c>".utf8)
    }

    /// The text of a cell element's `<f>`, entities decoded; nil when it has none or it is empty
    /// (a cell sharing another's formula).
    static func formulaText(_ element: [UInt8]) -> String? {
        guard let tagEnd = XMLBytes.tagEnd(in: element, at: 0),
            let start = XMLBytes.startTag("f", in: element, from: tagEnd),
            let formulaTagEnd = XMLBytes.tagEnd(in: element, at: start),
            !XMLBytes.isEmptyElement(element, start, formulaTagEnd),
            let end = XMLBytes.find(Array("</f>".utf8), in: element, from: formulaTagEnd), end > formulaTagEnd
        else { return nil }
        var text = String(decoding: element[formulaTagEnd..<end], as: UTF8.self)
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&apos;", "'"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text
    }
}
