import Foundation
import Spreadsheet

/// Adds the correction highlight to a workbook's own styles part: one solid fill appended to
/// `<fills>`, and a copy of every cell format (`<xf>` in `<cellXfs>`) that uses it, so a
/// corrected cell keeps its number format, font, border and alignment and gains the fill.
/// Everything else in the part is kept byte for byte.
struct StylesPatch {
    /// Light amber, the colour spreadsheet users read as "look here".
    static let highlightFill =
        #"<fill><patternFill patternType="solid"><fgColor rgb="FFFFE699"/><bgColor indexed="64"/></patternFill></fill>"#

    let location: Location

    /// The patched part and the number of cell formats it had: format `s` highlighted is
    /// `count + s`, and `2 × count` is a plain money format (`#,##0.00`) for the added sheets.
    func apply(to bytes: [UInt8]) throws -> (bytes: [UInt8], formatCount: Int) {
        var bytes = bytes
        if XMLBytes.startTag("fills", in: bytes) == nil {
            // A minimal styles part may have no fills; add the two every workbook reserves.
            guard
                let at = ["borders", "cellStyleXfs", "cellXfs"].lazy.compactMap({ XMLBytes.startTag($0, in: bytes) })
                    .first
            else { throw SpreadsheetError(location, "the styles part has no cell formats (<cellXfs>)") }
            let fills =
                #"<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>"#
            bytes.replaceSubrange(at..<at, with: Array(fills.utf8))
        }
        guard let fillsStart = XMLBytes.startTag("fills", in: bytes),
            let fillsTagEnd = XMLBytes.tagEnd(in: bytes, at: fillsStart),
            !XMLBytes.isEmptyElement(bytes, fillsStart, fillsTagEnd),
            let fillsEnd = XMLBytes.find(Array("</fills>".utf8), in: bytes, from: fillsTagEnd)
        else { throw SpreadsheetError(location, "the styles part has no <fills> to add the highlight to") }
        let fillID = children("fill", in: bytes, fillsTagEnd, fillsEnd).starts.count
        bytes.replaceSubrange(fillsEnd..<fillsEnd, with: Array(Self.highlightFill.utf8))
        bytes.replaceSubrange(
            fillsStart..<fillsTagEnd, with: setCount(fillID + 1, tag: Array(bytes[fillsStart..<fillsTagEnd])))

        guard let formatsStart = XMLBytes.startTag("cellXfs", in: bytes),
            let formatsTagEnd = XMLBytes.tagEnd(in: bytes, at: formatsStart),
            !XMLBytes.isEmptyElement(bytes, formatsStart, formatsTagEnd),
            let formatsEnd = XMLBytes.find(Array("</cellXfs>".utf8), in: bytes, from: formatsTagEnd)
        else { throw SpreadsheetError(location, "the styles part has no cell formats (<cellXfs>)") }
        let formats = children("xf", in: bytes, formatsTagEnd, formatsEnd)
        guard formats.starts.count <= 32_000 else {
            throw SpreadsheetError(
                location, "the workbook has \(formats.starts.count) cell formats; too many to add highlighted copies")
        }
        var copies: [UInt8] = []
        for (start, end) in zip(formats.starts, formats.ends) {
            guard let tagEnd = XMLBytes.tagEnd(in: bytes, at: start) else { continue }
            var tag = String(decoding: bytes[start..<tagEnd], as: UTF8.self)
            for name in ["fillId", "applyFill"] {
                if let range = tag.range(of: #"\s\#(name)\s*=\s*("[^"]*"|'[^']*')"#, options: .regularExpression) {
                    tag.removeSubrange(range)
                }
            }
            tag.insert(contentsOf: " fillId=\"\(fillID)\" applyFill=\"1\"", at: tag.index(tag.startIndex, offsetBy: 3))
            copies += Array(tag.utf8) + bytes[tagEnd..<end]
        }
        copies += Array(#"<xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#.utf8)
        bytes.replaceSubrange(formatsEnd..<formatsEnd, with: copies)
        bytes.replaceSubrange(
            formatsStart..<formatsTagEnd,
            with: setCount(formats.starts.count * 2 + 1, tag: Array(bytes[formatsStart..<formatsTagEnd])))
        return (bytes, formats.starts.count)
    }

    /// The child elements `<name …>` directly between `from` and `to`: where each starts and ends.
    private func children(_ name: String, in bytes: [UInt8], _ from: Int, _ to: Int) -> (starts: [Int], ends: [Int]) {
        var starts: [Int] = []
        var ends: [Int] = []
        var position = from
        let close = Array("</\(name)>".utf8)
        while let start = XMLBytes.startTag(name, in: bytes, from: position), start < to,
            let tagEnd = XMLBytes.tagEnd(in: bytes, at: start)
        {
            let end =
                XMLBytes.isEmptyElement(bytes, start, tagEnd)
                ? tagEnd : (XMLBytes.find(close, in: bytes, from: tagEnd, before: to).map { $0 + close.count } ?? to)
            starts.append(start)
            ends.append(end)
            position = end
        }
        return (starts, ends)
    }

    /// The start tag with its `count` attribute set (added when it had none).
    private func setCount(_ value: Int, tag: [UInt8]) -> [UInt8] {
        var text = String(decoding: tag, as: UTF8.self)
        if let range = text.range(of: #"\scount\s*=\s*("[^"]*"|'[^']*')"#, options: .regularExpression) {
            text.replaceSubrange(range, with: " count=\"\(value)\"")
        }
        return Array(text.utf8)
    }
}
