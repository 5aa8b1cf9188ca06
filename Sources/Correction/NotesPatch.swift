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
    /// `partBytes` reads a part of the package (nil when absent).
    init?(
        location: Location, relationships: RelationshipSet, newParts: () throws -> (PartName, PartName),
        partBytes: (PartName) throws -> [UInt8]?
    ) throws {
        let part = { (type: String) -> PartName?? in
            guard let entry = relationships.entries.last(where: { $0.hasType(type) }) else { return .none }
            return .some(relationships.targetPart(of: entry).flatMap { try? PartName($0) })
        }
        self.location = location
        switch (part("comments"), part("vmlDrawing")) {
        case (nil, nil):
            (commentsPart, drawingPart) = try newParts()
            existingParts = nil
            commentedCells = []
        case (let comments??, let drawing??):
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
