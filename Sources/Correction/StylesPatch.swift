import Foundation
import Spreadsheet
import XLSX

/// Adds the correction highlight to a workbook's own styles part: one solid fill appended to
/// `<fills>`, and a copy of every cell format (`<xf>` in `<cellXfs>`) that uses it, so a
/// corrected cell keeps its number format, font, border and alignment and gains the fill.
/// The part is read with libxml2 (`XMLSpans`) and spliced; everything else in it is kept byte
/// for byte.
struct StylesPatch {
    /// Light amber, the colour spreadsheet users read as "look here".
    static let highlightFill =
        #"<fill><patternFill patternType="solid"><fgColor rgb="FFFFE699"/><bgColor indexed="64"/></patternFill></fill>"#
    /// The two fills every workbook reserves, for a styles part that has none.
    static let reservedFills =
        #"<fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>"#

    let location: Location

    /// The patched part and the number of cell formats it had: format `s` highlighted is
    /// `count + s`, and `2 × count` is a plain money format (`#,##0.00`) for the added sheets.
    func apply(to bytes: [UInt8], partName: String = "xl/styles.xml") throws -> (bytes: [UInt8], formatCount: Int) {
        let spans: XMLSpans
        do {
            spans = try XMLSpans(bytes, partName: partName) { name, depth in
                depth == 0 || (depth == 1 && ["fills", "borders", "cellStyleXfs", "cellXfs"].contains(name))
                    || (depth == 2 && (name == "fill" || name == "xf"))
            }
        } catch {
            throw SpreadsheetError(location, "part '\(partName)': \(error)")
        }
        guard let formats = spans.first("cellXfs", depth: 1), !formats.isEmpty else {
            throw SpreadsheetError(location, "the styles part has no cell formats (<cellXfs>)")
        }
        let prefix = formats.prefix
        var edits: [(range: Range<Int>, with: [UInt8])] = []
        let fillID: Int
        if let fills = spans.first("fills", depth: 1) {
            guard !fills.isEmpty else {
                throw SpreadsheetError(location, "the styles part has no <fills> to add the highlight to")
            }
            fillID = spans.children(of: fills, named: "fill").count
            edits.append((fills.closeStart..<fills.closeStart, Array(Self.highlightFill.utf8)))
            edits.append((fills.tagStart..<fills.tagEnd, Self.counted(fills, fillID + 1)))
        } else {
            // A minimal styles part may have no fills: add the reserved two and the highlight.
            let at = ["borders", "cellStyleXfs", "cellXfs"].lazy.compactMap { spans.first($0, depth: 1) }.first!
                .tagStart
            fillID = 2
            let fills = "<\(prefix)fills count=\"3\">" + Self.reservedFills + Self.highlightFill + "</\(prefix)fills>"
            edits.append((at..<at, Array(fills.utf8)))
        }

        let xfs = spans.children(of: formats, named: "xf")
        guard xfs.count <= 32_000 else {
            throw SpreadsheetError(
                location, "the workbook has \(xfs.count) cell formats; too many to add highlighted copies")
        }
        var copies: [UInt8] = []
        for xf in xfs {
            let kept = xf.attributes.filter { $0.prefix != nil || ($0.name != "fillId" && $0.name != "applyFill") }
            copies += XMLSpans.startTag(
                xf.qualifiedName, [(nil, "fillId", "\(fillID)"), (nil, "applyFill", "1")] + kept, empty: xf.isEmpty)
            copies += bytes[xf.tagEnd..<xf.end]
        }
        copies += Array(
            #"<\#(prefix)xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#.utf8)
        edits.append((formats.closeStart..<formats.closeStart, copies))
        edits.append((formats.tagStart..<formats.tagEnd, Self.counted(formats, xfs.count * 2 + 1)))
        return (XMLSpans.splice(bytes, edits), xfs.count)
    }

    /// The element's start tag with its `count` attribute set (added when it had none).
    private static func counted(_ element: XMLSpans.Element, _ count: Int) -> [UInt8] {
        var attributes = element.attributes
        if let index = attributes.firstIndex(where: { $0.prefix == nil && $0.name == "count" }) {
            attributes[index].value = "\(count)"
        } else {
            attributes.append((nil, "count", "\(count)"))
        }
        return XMLSpans.startTag(element.qualifiedName, attributes, empty: false)
    }
}
