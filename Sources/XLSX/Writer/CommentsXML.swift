import Spreadsheet
import XMLStream

/// `xl/commentsN.xml`: a sheet's notes, all by one author.
enum CommentsXML {
    static func xml(_ notes: [(address: CellAddress, text: String)]) -> String {
        var out =
            PartXML.header
            + #"<comments xmlns="\#(PartXML.mainNamespace)"><authors><author>trueup</author></authors><commentList>"#
        for note in notes {
            out += #"<comment ref="\#(note.address)" authorId="0"><text><r><t xml:space="preserve">"#
            out += XMLEscaping.escaped(note.text) + "</t></r></text></comment>"
        }
        return out + "</commentList></comments>"
    }
}
