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
}
