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

    /// The `<comment>` elements alone, by author `authorID`, for adding to an existing comments
    /// part; each declares `namespace` its default when given (a part whose elements carry a prefix).
    public static func commentElements(
        _ notes: [(address: CellAddress, text: String)], authorID: Int, namespace: String? = nil
    ) -> [UInt8] {
        Array(CommentsXML.comments(notes, authorID: authorID, namespace: namespace).utf8)
    }

    /// The note shapes alone, ids from `firstShapeID`, for adding to an existing VML drawing
    /// whose root binds `prefixes` to VML's namespaces.
    public static func vmlShapes(
        _ notes: [(address: CellAddress, text: String)], firstShapeID: Int, prefixes: VMLPrefixes = VMLPrefixes()
    ) -> [UInt8] {
        Array(VMLDrawingXML.shapes(notes, firstShapeID: firstShapeID, prefixes: prefixes).utf8)
    }

    /// The text-box shape type note shapes use (`_x0000_t202`), for a drawing that lacks it.
    public static func vmlNoteShapeType(_ prefixes: VMLPrefixes = VMLPrefixes()) -> [UInt8] {
        Array(VMLDrawingXML.noteShapeType(prefixes).utf8)
    }
}
