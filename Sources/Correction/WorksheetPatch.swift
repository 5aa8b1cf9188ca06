import Foundation
import Spreadsheet

/// One cell to set in a worksheet: its new number, and whether its formula (when it has one)
/// stays, with the new value cached, or gives way to the constant.
struct CellEdit: Sendable, Hashable {
    var address: CellAddress
    var value: Decimal
    var keepsFormula: Bool
}

/// Rewrites the `<c>` elements of the edited cells in a worksheet part and copies every other
/// byte as it was. Edited cells take a highlighted style (`highlight(s)`, keeping the original
/// number format); cells absent from the XML are inserted in column order.
struct WorksheetPatch {
    let location: Location
    let edits: [CellEdit]
    let highlight: (Int) -> Int

    /// The patched part, and the formula each replaced cell had (for its note).
    func apply(to bytes: [UInt8]) throws -> (bytes: [UInt8], formulas: [CellAddress: String]) {
        var formulas: [CellAddress: String] = [:]
        var byRow: [Int: [CellEdit]] = [:]
        for edit in edits { byRow[edit.address.row, default: []].append(edit) }
        for row in byRow.keys { byRow[row]!.sort { $0.address.column < $1.address.column } }

        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + edits.count * 64)
        var copied = 0
        func splice(_ start: Int, _ end: Int, _ replacement: [UInt8]) {
            out.append(contentsOf: bytes[copied..<start])
            out.append(contentsOf: replacement)
            copied = end
        }

        guard let dataStart = XMLBytes.startTag("sheetData", in: bytes),
            let dataTagEnd = XMLBytes.tagEnd(in: bytes, at: dataStart),
            !XMLBytes.isEmptyElement(bytes, dataStart, dataTagEnd),
            let dataEnd = XMLBytes.find(Array("</sheetData>".utf8), in: bytes, from: dataTagEnd)
        else { throw SpreadsheetError(location, "the sheet has no rows to correct (no <sheetData> in its part)") }

        var patchedRows = Set<Int>()
        var rowNumber = 0
        var position = dataTagEnd
        while let rowStart = XMLBytes.startTag("row", in: bytes, from: position), rowStart < dataEnd {
            guard let rowTagEnd = XMLBytes.tagEnd(in: bytes, at: rowStart) else { break }
            rowNumber = XMLBytes.attribute("r", in: bytes, rowStart, rowTagEnd).flatMap { Int($0) } ?? rowNumber + 1
            let empty = XMLBytes.isEmptyElement(bytes, rowStart, rowTagEnd)
            guard let rowEdits = byRow[rowNumber] else {
                position = rowTagEnd
                continue
            }
            if empty {
                let opening = Array(bytes[rowStart..<(rowTagEnd - 2)]) + [UInt8(ascii: ">")]
                splice(
                    rowStart, rowTagEnd,
                    opening + (try rowEdits.flatMap { try newCell($0, original: nil) }) + Array("</row>".utf8))
                patchedRows.insert(rowNumber)
                position = rowTagEnd
                continue
            }
            guard let rowClose = XMLBytes.find(Array("</row>".utf8), in: bytes, from: rowTagEnd) else { break }
            var pending = rowEdits[...]
            var cellPosition = rowTagEnd
            while let cellStart = XMLBytes.startTag("c", in: bytes, from: cellPosition), cellStart < rowClose {
                guard let cellTagEnd = XMLBytes.tagEnd(in: bytes, at: cellStart) else { break }
                guard let reference = XMLBytes.attribute("r", in: bytes, cellStart, cellTagEnd),
                    let address = CellAddress(reference)
                else {
                    throw SpreadsheetError(
                        location, "row \(rowNumber) has cells without references; trueup cannot correct it safely")
                }
                let cellEnd =
                    XMLBytes.isEmptyElement(bytes, cellStart, cellTagEnd)
                    ? cellTagEnd
                    : (XMLBytes.find(Array("</c>".utf8), in: bytes, from: cellTagEnd).map { $0 + 4 } ?? rowClose)
                var inserted: [UInt8] = []
                while let next = pending.first, next.address.column < address.column {
                    inserted += try newCell(next, original: nil)
                    pending.removeFirst()
                }
                if let next = pending.first, next.address.column == address.column {
                    let original = Array(bytes[cellStart..<cellEnd])
                    formulas[address] = Self.formulaText(original)
                    inserted += try newCell(next, original: original)
                    pending.removeFirst()
                    splice(cellStart, cellEnd, inserted)
                } else if !inserted.isEmpty {
                    splice(cellStart, cellStart, inserted)
                }
                cellPosition = cellEnd
            }
            if !pending.isEmpty { splice(rowClose, rowClose, try pending.flatMap { try newCell($0, original: nil) }) }
            patchedRows.insert(rowNumber)
            position = rowClose
        }
        if let missing = edits.first(where: { !patchedRows.contains($0.address.row) }) {
            throw SpreadsheetError(
                Location(file: location.file, sheet: location.sheet, cell: missing.address),
                "the sheet has no row for this cell; trueup cannot correct it safely")
        }
        out.append(contentsOf: bytes[copied...])
        return (out, formulas)
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
                if edit.keepsFormula {
                    formula = Array(original[formulaStart..<formulaEnd])
                } else if XMLBytes.attribute("ref", in: original, formulaStart, formulaTagEnd) != nil {
                    throw SpreadsheetError(
                        Location(file: location.file, sheet: location.sheet, cell: edit.address),
                        "the cell starts a shared or array formula other cells use; trueup cannot replace it safely")
                }
            }
        }
        return Array(
            "<c r=\"\(edit.address)\" s=\"\(highlight(style))\">".utf8) + formula
            + Array("<v>\(edit.value.plainString)</v></c>".utf8)
    }
}
