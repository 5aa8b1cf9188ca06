import Foundation
import Spreadsheet
import XLSX

/// Adds notes to a patched worksheet. A sheet without notes gets a comments part and its VML
/// drawing beside it, the relationships that name them, and the `<legacyDrawing>` element Excel
/// needs. A sheet with notes of its own gets trueup's added to its comments part and drawing
/// (`NotesMerge`), except on cells that already have one.
///
/// A sheet with only one of the two parts (a VML drawing of form controls, say), or with parts
/// of a shape trueup does not merge into, gets no notes; its corrections are still made and
/// highlighted.
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
    /// The sheet's own comments part and drawing, as read, when trueup's notes join them.
    let existingParts: (comments: [UInt8], drawing: [UInt8])?
    /// Whether the two parts are the sheet's own, to be added to (else they are new).
    var mergesIntoExisting: Bool { existingParts != nil }
    /// Cells that already have a comment: trueup adds none there.
    let commentedCells: Set<CellAddress>

    /// Nil when the sheet's own notes or drawing cannot take trueup's. `partBytes` reads a part
    /// of the package (nil when absent).
    init?(
        location: Location, sheetPart: String, existingRelationships: [UInt8]?, number: Int,
        taken: (String) -> Bool, partBytes: (String) throws -> [UInt8]? = { _ in nil }
    ) throws {
        var commentsTarget: String?
        var drawingTarget: String?
        var position = 0
        while let existing = existingRelationships,
            let start = XMLBytes.startTag("Relationship", in: existing, from: position),
            let end = XMLBytes.tagEnd(in: existing, at: start)
        {
            let type = XMLBytes.attribute("Type", in: existing, start, end) ?? ""
            let target = XMLBytes.attribute("Target", in: existing, start, end)
                .map { XLSXWorkbook.partName(target: $0, from: sheetPart) }
            if type.hasSuffix("/vmlDrawing") { drawingTarget = target ?? "" }
            if type.hasSuffix("/comments") { commentsTarget = target ?? "" }
            position = end
        }
        self.location = location
        self.existingRelationships = existingRelationships
        switch (commentsTarget, drawingTarget) {
        case (nil, nil):
            let folder = sheetPart.split(separator: "/").dropLast().joined(separator: "/")
            var suffix = number
            while taken("\(folder)/trueup-notes\(suffix).xml") || taken("\(folder)/trueup-notes\(suffix).vml") {
                suffix += 1
            }
            commentsPart = "\(folder)/trueup-notes\(suffix).xml"
            drawingPart = "\(folder)/trueup-notes\(suffix).vml"
            existingParts = nil
            commentedCells = []
        case (let comments?, let drawing?):
            guard let commentsBytes = try partBytes(comments), let drawingBytes = try partBytes(drawing),
                let commented = NotesMerge.inspect(comments: commentsBytes, vml: drawingBytes)
            else { return nil }
            commentsPart = comments
            drawingPart = drawing
            existingParts = (commentsBytes, drawingBytes)
            commentedCells = commented
        default:
            return nil
        }
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

    /// The sheet part's tail (from `</sheetData>`) with `<legacyDrawing>` in its schema place
    /// (a sheet with notes of its own has one already).
    func tail(_ tail: [UInt8]) throws -> [UInt8] {
        if mergesIntoExisting {
            guard XMLBytes.startTag("legacyDrawing", in: tail) != nil else {
                throw SpreadsheetError(location, "the sheet has notes but no <legacyDrawing> to show them")
            }
            return tail
        }
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
