import Spreadsheet

/// The parts that carry a sheet's notes, for editors that add them to an existing package:
/// the comments part and the legacy VML drawing Excel needs to show them.
public enum NoteParts {
    public static let commentsContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"
    public static let vmlContentType = "application/vnd.openxmlformats-officedocument.vmlDrawing"

    public static func comments(_ notes: [(address: CellAddress, text: String)]) -> [UInt8] {
        Array(CommentsXML.xml(notes).utf8)
    }

    /// `firstBlock` picks the shape ids (blocks of 1,024) so they differ from other drawings'.
    public static func vmlDrawing(_ notes: [(address: CellAddress, text: String)], firstBlock: Int) -> [UInt8] {
        Array(VMLDrawingXML.xml(notes, firstBlock: firstBlock).utf8)
    }

    /// The `<comment>` elements alone, by author `authorID`, for adding to an existing comments part.
    public static func commentElements(_ notes: [(address: CellAddress, text: String)], authorID: Int) -> [UInt8] {
        Array(CommentsXML.comments(notes, authorID: authorID).utf8)
    }

    /// The note shapes alone, ids from `firstShapeID`, for adding to an existing VML drawing
    /// (whose root declares the `v`, `o` and `x` prefixes).
    public static func vmlShapes(_ notes: [(address: CellAddress, text: String)], firstShapeID: Int) -> [UInt8] {
        Array(VMLDrawingXML.shapes(notes, firstShapeID: firstShapeID).utf8)
    }

    /// The text-box shape type note shapes use (`_x0000_t202`), for a drawing that lacks it.
    public static var vmlNoteShapeType: [UInt8] { Array(VMLDrawingXML.noteShapeType.utf8) }
}
