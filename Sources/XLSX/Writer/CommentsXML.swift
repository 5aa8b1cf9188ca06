import Spreadsheet
import XMLStream

/// `xl/commentsN.xml`: a sheet's notes, all by one author.
enum CommentsXML {
    static func xml(_ notes: [(address: CellAddress, text: String)]) -> String {
        PartXML.header
            + #"<comments xmlns="\#(PartXML.mainNamespace)"><authors><author>trueup</author></authors><commentList>"#
            + comments(notes, authorID: 0) + "</commentList></comments>"
    }

    /// `namespace`, when given, is declared the default on each `<comment>` (for a part whose
    /// elements carry a prefix).
    static func comments(_ notes: [(address: CellAddress, text: String)], authorID: Int, namespace: String? = nil)
        -> String
    {
        let declaration = namespace.map { #" xmlns=""# + XMLEscaping.escaped($0) + "\"" } ?? ""
        var out = ""
        for note in notes {
            out +=
                #"<comment\#(declaration) ref="\#(note.address)" authorId="\#(authorID)"><text><r><t xml:space="preserve">"#
            out += XMLEscaping.escaped(note.text) + "</t></r></text></comment>"
        }
        return out
    }
}
