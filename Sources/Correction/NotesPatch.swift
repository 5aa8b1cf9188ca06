import Foundation
import Spreadsheet
import XLSX

/// Adds notes to a patched worksheet. A sheet without notes gets a comments part and its VML
/// drawing beside it, the relationships that name them, and the `<legacyDrawing>` element Excel
/// needs. A sheet with notes of its own gets trueup's added to its comments part and drawing
/// (`NotesMerge`), except on cells that already have one.
///
/// A sheet with only one of the two parts (a VML drawing of form controls, say), with parts
/// another sheet uses too, or with parts of a shape trueup does not merge into, gets no notes;
/// its corrections are still made and highlighted. Of several VML drawings (one for the header
/// and footer's pictures, one for the notes) the notes are merged into the one with note shapes.
struct NotesPatch {
    static let relationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let commentsType = relationshipsNamespace + "/comments"
    static let vmlType = relationshipsNamespace + "/vmlDrawing"

    let location: Location
    let commentsPart: PartName
    let drawingPart: PartName
    /// The sheet's own comments part and drawing, as read, when trueup's notes join them.
    let existingParts: (comments: [UInt8], drawing: [UInt8])?
    /// Whether the two parts are the sheet's own, to be added to (else they are new).
    var mergesIntoExisting: Bool { existingParts != nil }
    /// Cells that already have a comment: trueup adds none there.
    let commentedCells: Set<CellAddress>

    /// Nil when the sheet's own notes or drawing cannot take trueup's. `relationships` are the
    /// sheet's; `newParts` names a comments part and a drawing for a sheet without notes;
    /// `partBytes` reads a part of the package (nil when absent); `shared` names parts other
    /// sheets' relationships point at too.
    init?(
        location: Location, relationships: RelationshipSet, newParts: () throws -> (PartName, PartName),
        partBytes: (PartName) throws -> [UInt8]?, shared: Set<String> = []
    ) throws {
        let parts = { (type: String) -> [PartName?] in
            relationships.entries.filter { $0.hasType(type) }.map {
                relationships.targetPart(of: $0).flatMap { try? PartName($0) }
            }
        }
        self.location = location
        let drawings = parts("vmlDrawing")
        switch (parts("comments").last, drawings.last) {
        case (nil, nil):
            (commentsPart, drawingPart) = try newParts()
            existingParts = nil
            commentedCells = []
        case (let comments??, _??):
            // The drawing with note shapes, when the sheet has several (a header's pictures are
            // another); else the last.
            var found: (part: PartName, bytes: [UInt8])?
            for case let drawing? in drawings {
                if let earlier = found, Self.hasNoteShapes(earlier.bytes) { break }
                if let bytes = try partBytes(drawing) { found = (drawing, bytes) }
            }
            guard let (drawing, drawingBytes) = found, !shared.contains(comments.name),
                !shared.contains(drawing.name), let commentsBytes = try partBytes(comments),
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

    /// Whether a VML drawing holds note shapes (`<x:ClientData ObjectType="Note">`, any prefix).
    static func hasNoteShapes(_ bytes: [UInt8]) -> Bool {
        let text = String(decoding: bytes, as: UTF8.self)
        return text.contains("ObjectType=\"Note\"") || text.contains("ObjectType='Note'")
    }

    /// The sheet part's tail (from `</sheetData>`) with `<legacyDrawing>` naming relationship
    /// `drawingID` in its schema place (a sheet with notes of its own has one already).
    func tail(_ tail: SheetTail, drawingID: String?) throws -> [UInt8] {
        if mergesIntoExisting {
            guard tail.offset(of: "legacyDrawing") != nil else {
                throw SpreadsheetError(location, "the sheet has notes but no <legacyDrawing> to show them")
            }
            return tail.bytes
        }
        guard tail.offset(of: "legacyDrawing") == nil else {
            throw SpreadsheetError(location, "the sheet names a legacy drawing its relationships do not have")
        }
        // What follows <legacyDrawing> in the schema (controls and OLE objects come wrapped in
        // markup-compatibility <AlternateContent>).
        let followers: Set = [
            "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts",
            "extLst", "AlternateContent",
        ]
        guard let at = tail.elements.first(where: { followers.contains($0.name) })?.offset ?? tail.rootClose else {
            throw SpreadsheetError(location, "the sheet's part has no closing </worksheet>")
        }
        var patched = tail.bytes
        patched.replaceSubrange(
            at..<at,
            with: Array(
                "<legacyDrawing\(tail.defaultNamespace.map { " xmlns=\"\($0)\"" } ?? "") xmlns:r=\"\(Self.relationshipsNamespace)\" r:id=\"\(drawingID ?? "")\"/>"
                    .utf8))
        return patched
    }
}
