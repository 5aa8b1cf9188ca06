import Foundation
import Spreadsheet
import XMLStream

/// The package-level edits of a corrected workbook: the workbook part asks for a full
/// recalculation on open and lists the appended sheets; the relationships and content types
/// gain the new sheets and lose the calculation chain, which a changed formula cell invalidates.
struct PackagePatch {
    static let relationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let worksheetType = relationshipsNamespace + "/worksheet"
    static let worksheetContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"

    /// A sheet appended to the workbook.
    struct NewSheet {
        var name: String
        var sheetID: Int
        var relationshipID: String
        /// Relative to the workbook part's folder (the relationship's target).
        var target: String
        /// The part's name in the package.
        var partName: String
    }

    let location: Location

    /// `<calcPr fullCalcOnLoad="1">` and a `<sheet>` for each new sheet.
    func workbook(_ bytes: [UInt8], adding sheets: [NewSheet]) throws -> [UInt8] {
        var bytes = bytes
        guard let sheetsEnd = XMLBytes.find(Array("</sheets>".utf8), in: bytes, from: 0) else {
            throw SpreadsheetError(location, "the workbook part lists no sheets in a form trueup can extend")
        }
        let entries = sheets.map {
            "<sheet xmlns:r=\"\(Self.relationshipsNamespace)\" name=\"\(XMLEscaping.escaped($0.name))\" sheetId=\"\($0.sheetID)\" r:id=\"\($0.relationshipID)\"/>"
        }.joined()
        bytes.replaceSubrange(sheetsEnd..<sheetsEnd, with: Array(entries.utf8))

        if let calcStart = XMLBytes.startTag("calcPr", in: bytes),
            let calcEnd = XMLBytes.tagEnd(in: bytes, at: calcStart)
        {
            var tag = String(decoding: bytes[calcStart..<calcEnd], as: UTF8.self)
            if let range = tag.range(of: #"\sfullCalcOnLoad\s*=\s*("[^"]*"|'[^']*')"#, options: .regularExpression) {
                tag.removeSubrange(range)
            }
            tag.insert(contentsOf: " fullCalcOnLoad=\"1\"", at: tag.index(tag.startIndex, offsetBy: 7))
            bytes.replaceSubrange(calcStart..<calcEnd, with: Array(tag.utf8))
        } else {
            let followers = [
                "oleSize", "customWorkbookViews", "pivotCaches", "smartTagPr", "smartTagTypes", "webPublishing",
                "fileRecoveryPr", "webPublishObjects", "extLst",
            ]
            let at =
                followers.compactMap { XMLBytes.startTag($0, in: bytes) }.min()
                ?? XMLBytes.find(Array("</workbook>".utf8), in: bytes, from: 0)
            guard let at else { throw SpreadsheetError(location, "the workbook part has no closing </workbook>") }
            bytes.replaceSubrange(at..<at, with: Array(#"<calcPr fullCalcOnLoad="1"/>"#.utf8))
        }
        return bytes
    }

    /// The workbook's relationships without the calculation chain and with the new sheets.
    func relationships(_ bytes: [UInt8], adding sheets: [NewSheet]) throws -> [UInt8] {
        let kept = removing(element: "Relationship", from: bytes) { tag in
            (XMLBytes.attribute("Type", in: tag, 0, tag.count) ?? "").hasSuffix("/calcChain")
        }
        let entries = sheets.map {
            "<Relationship Id=\"\($0.relationshipID)\" Type=\"\(Self.worksheetType)\" Target=\"\(XMLEscaping.escaped($0.target))\"/>"
        }
        return try inserting(entries, before: "</Relationships>", in: kept, part: "the workbook's relationships part")
    }

    /// `[Content_Types].xml` without the calculation chain's override and with the new parts'.
    func contentTypes(
        _ bytes: [UInt8], dropping calcChain: String?, adding overrides: [(partName: String, contentType: String)]
    ) throws -> [UInt8] {
        var bytes = bytes
        if let calcChain {
            bytes = removing(element: "Override", from: bytes) { tag in
                (XMLBytes.attribute("PartName", in: tag, 0, tag.count) ?? "").lowercased() == "/"
                    + calcChain.lowercased()
            }
        }
        let entries = overrides.map {
            "<Override PartName=\"/\(XMLEscaping.escaped($0.partName))\" ContentType=\"\($0.contentType)\"/>"
        }
        return try inserting(entries, before: "</Types>", in: bytes, part: "[Content_Types].xml")
    }

    /// `bytes` with `entries` inserted before the closing tag `closing`.
    private func inserting(_ entries: [String], before closing: String, in bytes: [UInt8], part: String) throws
        -> [UInt8]
    {
        guard let end = XMLBytes.find(Array(closing.utf8), in: bytes, from: 0) else {
            throw SpreadsheetError(location, "\(part) has no closing \(closing)")
        }
        var bytes = bytes
        bytes.replaceSubrange(end..<end, with: Array(entries.joined().utf8))
        return bytes
    }

    /// `bytes` without the empty elements `<name …/>` whose start tag `matches`.
    private func removing(element name: String, from bytes: [UInt8], where matches: ([UInt8]) -> Bool) -> [UInt8] {
        var out: [UInt8] = []
        var copied = 0
        var position = 0
        while let start = XMLBytes.startTag(name, in: bytes, from: position),
            let end = XMLBytes.tagEnd(in: bytes, at: start)
        {
            let tag = Array(bytes[start..<end])
            if matches(tag) {
                var elementEnd = end
                if !XMLBytes.isEmptyElement(bytes, start, end),
                    let close = XMLBytes.find(Array("</\(name)>".utf8), in: bytes, from: end)
                {
                    elementEnd = close + name.count + 3
                }
                out += bytes[copied..<start]
                copied = elementEnd
            }
            position = end
        }
        return out + bytes[copied...]
    }
}
