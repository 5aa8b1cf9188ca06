import Foundation
import Spreadsheet

/// Adds notes to a patched worksheet: a comments part and its VML drawing beside the sheet,
/// the relationships that name them, and the `<legacyDrawing>` element Excel needs.
///
/// A sheet that has a legacy drawing or comments of its own gets no notes from trueup (merging
/// into another program's drawing is not safe); its corrections are still made and highlighted.
struct NotesPatch {
    static let commentsType = PackagePatch.relationshipsNamespace + "/comments"
    static let vmlType = PackagePatch.relationshipsNamespace + "/vmlDrawing"
    static let drawingID = "rIdTrueupNotesVml"
    static let commentsID = "rIdTrueupNotes"

    let location: Location
    /// The sheet's relationships part's bytes, when it exists.
    let existingRelationships: [UInt8]?
    let commentsPart: String
    let drawingPart: String

    /// Nil when the sheet has notes or a legacy drawing of its own.
    init?(location: Location, sheetPart: String, existingRelationships: [UInt8]?, number: Int, taken: (String) -> Bool)
    {
        var position = 0
        while let existing = existingRelationships,
            let start = XMLBytes.startTag("Relationship", in: existing, from: position),
            let end = XMLBytes.tagEnd(in: existing, at: start)
        {
            let type = XMLBytes.attribute("Type", in: existing, start, end) ?? ""
            if type.hasSuffix("/vmlDrawing") || type.hasSuffix("/comments") { return nil }
            position = end
        }
        self.location = location
        self.existingRelationships = existingRelationships
        let folder = sheetPart.split(separator: "/").dropLast().joined(separator: "/")
        var suffix = number
        while taken("\(folder)/trueup-notes\(suffix).xml") || taken("\(folder)/trueup-notes\(suffix).vml") {
            suffix += 1
        }
        commentsPart = "\(folder)/trueup-notes\(suffix).xml"
        drawingPart = "\(folder)/trueup-notes\(suffix).vml"
    }

    /// The sheet's relationships with the comments and the drawing added.
    func relationships() throws -> [UInt8] {
        let file = { (part: String) in String(part.split(separator: "/").last!) }
        let entries =
            "<Relationship Id=\"\(Self.drawingID)\" Type=\"\(Self.vmlType)\" Target=\"\(file(drawingPart))\"/>"
            + "<Relationship Id=\"\(Self.commentsID)\" Type=\"\(Self.commentsType)\" Target=\"\(file(commentsPart))\"/>"
        var relationships =
            existingRelationships
            ?? Array(
                #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>"#
                    .utf8)
        guard let end = XMLBytes.find(Array("</Relationships>".utf8), in: relationships, from: 0) else {
            throw SpreadsheetError(location, "the sheet's relationships part has no closing </Relationships>")
        }
        relationships.replaceSubrange(end..<end, with: Array(entries.utf8))
        return relationships
    }

    /// The sheet part's tail (from `</sheetData>`) with `<legacyDrawing>` in its schema place.
    func tail(_ tail: [UInt8]) throws -> [UInt8] {
        guard XMLBytes.startTag("legacyDrawing", in: tail) == nil else {
            throw SpreadsheetError(location, "the sheet names a legacy drawing its relationships do not have")
        }
        let followers = [
            "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts",
            "extLst",
        ]
        guard
            let at = followers.compactMap({ XMLBytes.startTag($0, in: tail) }).min()
                ?? XMLBytes.find(Array("</worksheet>".utf8), in: tail, from: 0)
        else { throw SpreadsheetError(location, "the sheet's part has no closing </worksheet>") }
        var patched = tail
        patched.replaceSubrange(
            at..<at,
            with: Array(
                "<legacyDrawing xmlns:r=\"\(PackagePatch.relationshipsNamespace)\" r:id=\"\(Self.drawingID)\"/>".utf8))
        return patched
    }
}
