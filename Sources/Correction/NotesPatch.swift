import Foundation
import Spreadsheet
import XLSX
import XMLStream

/// Adds notes to a patched worksheet: a comments part and its VML drawing beside the sheet,
/// the relationships that name them, and the `<legacyDrawing>` element Excel needs.
struct NotesPatch {
    static let commentsType = PackagePatch.relationshipsNamespace + "/comments"
    static let vmlType = PackagePatch.relationshipsNamespace + "/vmlDrawing"
    static let drawingID = "rIdTrueupNotesVml"
    static let commentsID = "rIdTrueupNotes"

    /// The parts added for one sheet's notes.
    struct Added {
        var sheet: [UInt8]
        var relationshipsPart: String
        var relationships: [UInt8]
        var commentsPart: String
        var comments: [UInt8]
        var drawingPart: String
        var drawing: [UInt8]
    }

    let location: Location

    /// Nil when the sheet already has a legacy drawing (notes of its own), which trueup does not merge into.
    func apply(
        sheetPart: String, sheet: [UInt8], existingRelationships: [UInt8]?,
        notes: [(address: CellAddress, text: String)],
        number: Int, taken: (String) -> Bool
    ) throws -> Added? {
        guard XMLBytes.startTag("legacyDrawing", in: sheet) == nil else { return nil }
        let followers = [
            "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts",
            "extLst",
        ]
        guard
            let at = followers.compactMap({ XMLBytes.startTag($0, in: sheet) }).min()
                ?? XMLBytes.find(Array("</worksheet>".utf8), in: sheet, from: 0)
        else { throw SpreadsheetError(location, "the sheet's part has no closing </worksheet>") }
        var patchedSheet = sheet
        patchedSheet.replaceSubrange(
            at..<at,
            with: Array(
                "<legacyDrawing xmlns:r=\"\(PackagePatch.relationshipsNamespace)\" r:id=\"\(Self.drawingID)\"/>".utf8))

        let folder = sheetPart.split(separator: "/").dropLast().joined(separator: "/")
        var suffix = number
        func name(_ stem: String) -> String { "trueup-\(stem)\(suffix).\(stem == "notes" ? "xml" : "vml")" }
        while taken(folder + "/" + name("notes")) || taken(folder + "/" + name("drawing")) { suffix += 1 }
        let commentsTarget = name("notes")
        let drawingTarget = name("drawing")
        let entries =
            "<Relationship Id=\"\(Self.drawingID)\" Type=\"\(Self.vmlType)\" Target=\"\(drawingTarget)\"/>"
            + "<Relationship Id=\"\(Self.commentsID)\" Type=\"\(Self.commentsType)\" Target=\"\(commentsTarget)\"/>"
        var relationships =
            existingRelationships
            ?? Array(
                #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>"#
                    .utf8)
        guard let end = XMLBytes.find(Array("</Relationships>".utf8), in: relationships, from: 0) else {
            throw SpreadsheetError(location, "the sheet's relationships part has no closing </Relationships>")
        }
        relationships.replaceSubrange(end..<end, with: Array(entries.utf8))
        return Added(
            sheet: patchedSheet, relationshipsPart: XLSXWorkbook.relationshipsPartName(for: sheetPart),
            relationships: relationships, commentsPart: folder + "/" + commentsTarget,
            comments: NoteParts.comments(notes), drawingPart: folder + "/" + drawingTarget,
            drawing: NoteParts.vmlDrawing(notes, firstBlock: 100 + number))
    }
}
