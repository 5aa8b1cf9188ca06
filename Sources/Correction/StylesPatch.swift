import Foundation
import Spreadsheet
import XLSX

/// Adds the correction highlight to a workbook's own styles part: one solid fill appended to
/// `<fills>`, and a copy of each cell format (`<xf>` in `<cellXfs>`) a corrected cell uses, with
/// the fill, so a corrected cell keeps its number format, font, border and alignment and gains
/// the fill; and a plain money format (`#,##0.00`) for the added sheets. The part is read with
/// libxml2 (`XMLSpans`) and spliced; everything else in it is kept byte for byte.
///
/// A cell format naming a number format the part does not define (a custom id, 164 and up, with
/// no `<numFmt>` of that id; or no number at all) is written as General (`numFmtId="0"`), in the
/// part's own formats and in their highlighted copies: Excel shows such cells as General, and
/// readers that look the id up (openpyxl) fail on the file.
///
/// Made before the worksheets are patched, asked for each corrected cell's highlighted format
/// while they are (`highlight`), and written after them (`bytes`): only the formats asked for are
/// copied. A workbook corrected before keeps its highlight fill, its money format and its
/// highlighted formats, used again, so correcting a corrected copy adds nothing it has.
final class StylesPatch {
    /// Light amber, the colour spreadsheet users read as "look here".
    static let highlightFill =
        #"<fill><patternFill patternType="solid"><fgColor rgb="FFFFE699"/><bgColor indexed="64"/></patternFill></fill>"#
    /// The two fills every workbook reserves, for a styles part that has none.
    static let reservedFills =
        #"<fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>"#

    private let location: Location
    private let bytes: [UInt8]
    private let spans: XMLSpans
    private let formats: XMLSpans.Element
    private let xfs: [XMLSpans.Element]
    /// The highlight fill's id, and whether the part has it already.
    private let fillID: Int
    private let hasFill: Bool
    /// The cell format of the added sheets' money cells, and whether the part has it already.
    let moneyStyle: Int
    private let hasMoneyStyle: Bool
    /// The formats asked for, in order: the highlighted copy of `copied[k]` is `firstCopy + k`.
    private var copied: [Int] = []
    private var copyOf: [Int: Int] = [:]
    private var firstCopy: Int { xfs.count + (hasMoneyStyle ? 0 : 1) }
    /// The ids of the custom number formats the part defines (`<numFmt>` in `<numFmts>`).
    private let numberFormats: Set<Int>
    /// Custom ids start here; those below are Excel's built-in formats.
    static let firstCustomNumberFormat = 164

    /// Reads `bytes`, the styles part `partName`; throws naming the part when it cannot be read
    /// or holds no cell formats.
    init(_ bytes: [UInt8], partName: String = "xl/styles.xml", location: Location) throws {
        self.location = location
        self.bytes = bytes
        do {
            spans = try XMLSpans(bytes, partName: partName) { name, depth in
                depth == 0 || (depth == 1 && ["numFmts", "fills", "borders", "cellStyleXfs", "cellXfs"].contains(name))
                    || (depth == 2 && (name == "fill" || name == "xf" || name == "numFmt"))
            }
        } catch {
            throw SpreadsheetError(location, "part '\(partName)': \(error)")
        }
        guard let formats = spans.first("cellXfs", depth: 1), !formats.isEmpty else {
            throw SpreadsheetError(location, "the styles part has no cell formats (<cellXfs>)")
        }
        self.formats = formats
        xfs = spans.children(of: formats, named: "xf")
        guard xfs.count <= 32_000 else {
            throw SpreadsheetError(
                location, "the workbook has \(xfs.count) cell formats; too many to add highlighted copies")
        }
        if let fills = spans.first("fills", depth: 1) {
            guard !fills.isEmpty else {
                throw SpreadsheetError(location, "the styles part has no <fills> to add the highlight to")
            }
            let children = spans.children(of: fills, named: "fill")
            let own = children.firstIndex { Self.text(bytes, $0) == Self.highlightFill }
            (fillID, hasFill) = (own ?? children.count, own != nil)
        } else {
            (fillID, hasFill) = (2, false)
        }
        let read = spans
        let defined = read.first("numFmts", depth: 1).map { read.children(of: $0, named: "numFmt") } ?? []
        numberFormats = Set(defined.compactMap { $0.attribute("numFmtId").flatMap { Int($0) } })
        let money = Self.moneyFormat(prefix: formats.prefix)
        let ownMoney = xfs.firstIndex { Self.text(bytes, $0) == money }
        (moneyStyle, hasMoneyStyle) = (ownMoney ?? xfs.count, ownMoney != nil)
    }

    /// How many cell formats (`<xf>` in `<cellXfs>`) the part has before any is added.
    var formatCount: Int { xfs.count }

    /// The highlighted form of cell format `style`: its copy with the highlight fill (a format
    /// that has the fill already is its own); a format the part does not have is left as it is.
    func highlight(_ style: Int) -> Int {
        guard xfs.indices.contains(style), style != moneyStyle || !hasMoneyStyle else { return style }
        if hasFill, xfs[style].attribute("fillId") == "\(fillID)" { return style }
        if let copy = copyOf[style] { return copy }
        let copy = firstCopy + copied.count
        copied.append(style)
        copyOf[style] = copy
        return copy
    }

    /// The patched part: the fill and the money format when it lacked them, and the copies asked for.
    func patched() -> [UInt8] {
        let prefix = formats.prefix
        var edits: [(range: Range<Int>, with: [UInt8])] = []
        if !hasFill {
            if let fills = spans.first("fills", depth: 1) {
                edits.append((fills.closeStart..<fills.closeStart, Array(Self.highlightFill.utf8)))
                edits.append((fills.tagStart..<fills.tagEnd, Self.counted(fills, fillID + 1)))
            } else {
                // A minimal styles part may have no fills: add the reserved two and the highlight.
                let at = ["borders", "cellStyleXfs", "cellXfs"].lazy.compactMap { self.spans.first($0, depth: 1) }
                    .first!.tagStart
                let fills =
                    "<\(prefix)fills count=\"3\">" + Self.reservedFills + Self.highlightFill + "</\(prefix)fills>"
                edits.append((at..<at, Array(fills.utf8)))
            }
        }
        // The part's own formats naming a number format it does not define, written as General.
        let ownFormats = [spans.first("cellStyleXfs", depth: 1), formats].compactMap { $0 }.flatMap {
            spans.children(of: $0, named: "xf")
        }
        for xf in ownFormats where !namesANumberFormat(xf) {
            edits.append((xf.tagStart..<xf.tagEnd, XMLSpans.startTag(xf.qualifiedName, general(xf), empty: xf.isEmpty)))
        }
        var added: [UInt8] = hasMoneyStyle ? [] : Array(Self.moneyFormat(prefix: prefix).utf8)
        for style in copied {
            let xf = xfs[style]
            let kept = general(xf).filter { $0.prefix != nil || ($0.name != "fillId" && $0.name != "applyFill") }
            added += XMLSpans.startTag(
                xf.qualifiedName, [(nil, "fillId", "\(fillID)"), (nil, "applyFill", "1")] + kept, empty: xf.isEmpty)
            added += bytes[xf.tagEnd..<xf.end]
        }
        if !added.isEmpty {
            edits.append((formats.closeStart..<formats.closeStart, added))
            edits.append((formats.tagStart..<formats.tagEnd, Self.counted(formats, firstCopy + copied.count)))
        }
        return edits.isEmpty ? bytes : XMLSpans.splice(bytes, edits)
    }

    /// Whether cell format `xf` names a number format there is: none (General), a built-in one
    /// (below 164), or a custom one the part defines.
    private func namesANumberFormat(_ xf: XMLSpans.Element) -> Bool {
        guard let text = xf.attribute("numFmtId") else { return true }
        guard let id = Int(text), id >= 0 else { return false }
        return id < Self.firstCustomNumberFormat || numberFormats.contains(id)
    }

    /// The attributes of `xf`, its number format General (`0`) when it names one there is not.
    private func general(_ xf: XMLSpans.Element) -> [(prefix: String?, name: String, value: String)] {
        guard !namesANumberFormat(xf) else { return xf.attributes }
        return xf.attributes.map { attribute in
            attribute.prefix == nil && attribute.name == "numFmtId" ? (nil, "numFmtId", "0") : attribute
        }
    }

    /// The added sheets' money format, as this patch writes it.
    private static func moneyFormat(prefix: String) -> String {
        #"<\#(prefix)xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#
    }

    /// An element's bytes as text.
    private static func text(_ bytes: [UInt8], _ element: XMLSpans.Element) -> String {
        String(decoding: bytes[element.tagStart..<element.end], as: UTF8.self)
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
