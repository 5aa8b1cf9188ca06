import Foundation
import Spreadsheet
import XLSX

/// Adds trueup's notes to a sheet's own comments part (read with libxml2) and VML drawing
/// (legacy VML is not well-formed XML as Excel writes it, so it is scanned as bytes), byte for
/// byte around what is added: an author `trueup`, one `<comment>` per corrected cell that has none yet, and
/// one hidden note shape each, with shape ids after the drawing's own.
///
/// Only the shapes the writers of Excel, LibreOffice and openpyxl produce are merged: an
/// unprefixed `<comments>` root with `<authors>` and `<commentList>`, and a VML `<xml>` root
/// declaring the `v`, `o` and `x` prefixes. `inspect` says whether a pair of parts is one.
struct NotesMerge {
    static let vmlNamespaces = [
        #"xmlns:v="urn:schemas-microsoft-com:vml""#, #"xmlns:o="urn:schemas-microsoft-com:office:office""#,
        #"xmlns:x="urn:schemas-microsoft-com:office:excel""#,
    ]

    /// The cells that already have a comment; nil when the parts are not of a shape trueup merges into.
    static func inspect(comments: [UInt8], vml: [UInt8]) -> Set<CellAddress>? {
        guard let spans = try? commentSpans(comments), let list = spans.first("commentList", depth: 1) else {
            return nil
        }
        guard let vmlRoot = XMLBytes.startTag("xml", in: vml), let vmlRootEnd = XMLBytes.tagEnd(in: vml, at: vmlRoot),
            XMLBytes.find(Array("</xml>".utf8), in: vml, from: vmlRootEnd) != nil
        else { return nil }
        let declarations = String(decoding: vml[vmlRoot..<vmlRootEnd], as: UTF8.self).replacingOccurrences(
            of: "'", with: "\"")
        guard vmlNamespaces.allSatisfy(declarations.contains) else { return nil }
        return Set(
            spans.children(of: list, named: "comment").compactMap { $0.attribute("ref").flatMap(CellAddress.init) })
    }

    /// The comments part read by libxml2: its unprefixed `<comments>` root, `<authors>` and
    /// `<commentList>` (neither empty), each author and each comment; nil when it has not that shape.
    private static func commentSpans(_ bytes: [UInt8]) throws -> XMLSpans? {
        let spans = try XMLSpans(bytes, partName: "comments") { name, depth in
            depth == 0 || (depth == 1 && (name == "authors" || name == "commentList"))
                || (depth == 2 && (name == "author" || name == "comment"))
        }
        guard let root = spans.elements.first, root.localName == "comments", root.prefix.isEmpty,
            let authors = spans.first("authors", depth: 1), !authors.isEmpty,
            let list = spans.first("commentList", depth: 1), !list.isEmpty
        else { return nil }
        return spans
    }

    /// The comments part with an author `trueup` and `notes` added.
    static func comments(_ bytes: [UInt8], adding notes: [(address: CellAddress, text: String)], location: Location)
        throws -> [UInt8]
    {
        let found: XMLSpans?
        do { found = try commentSpans(bytes) } catch {
            throw SpreadsheetError(location, "the sheet's comments part: \(error)")
        }
        guard let spans = found, let authors = spans.first("authors", depth: 1),
            let list = spans.first("commentList", depth: 1)
        else { throw SpreadsheetError(location, "the sheet's comments part has no <authors> and <commentList>") }
        let authorID = spans.children(of: authors, named: "author").count
        return XMLSpans.splice(
            bytes,
            [
                (authors.closeStart..<authors.closeStart, Array("<author>trueup</author>".utf8)),
                (list.closeStart..<list.closeStart, NoteParts.commentElements(notes, authorID: authorID)),
            ])
    }

    /// The VML drawing with a note shape per note, ids after its highest, the id blocks they
    /// fall in added to its `idmap`, and the note shape type added when it lacks one.
    static func vml(_ bytes: [UInt8], adding notes: [(address: CellAddress, text: String)], location: Location)
        throws -> [UInt8]
    {
        var out = bytes
        let text = String(decoding: bytes, as: UTF8.self)
        let ids = text.ranges(of: "_x0000_s").compactMap { range in
            Int(text[range.upperBound...].prefix { $0.isNumber })
        }
        var blocks: [Int] = []
        if let idmap = text.range(of: "<o:idmap"), let data = text[idmap.upperBound...].range(of: "data=\"") {
            blocks = text[data.upperBound...].prefix { $0 != "\"" }.split(separator: ",").compactMap {
                Int($0.trimmingCharacters(in: .whitespaces))
            }
        }
        let first = (ids.max() ?? ((blocks.min() ?? 1) * 1024)) + 1
        guard let end = XMLBytes.find(Array("</xml>".utf8), in: out, from: 0) else {
            throw SpreadsheetError(location, "the sheet's VML drawing has no </xml>")
        }
        var added = NoteParts.vmlShapes(notes, firstShapeID: first)
        if !text.contains("id=\"_x0000_t202\"") && !text.contains("id='_x0000_t202'") {
            added = NoteParts.vmlNoteShapeType + added
        }
        out.replaceSubrange(end..<end, with: added)
        // Shape ids come in blocks of 1,024 that the idmap must list.
        let needed = Set((first..<(first + notes.count)).map { $0 / 1024 }).subtracting(blocks).sorted()
        if !needed.isEmpty, let idmap = XMLBytes.startTag("o:idmap", in: out),
            let idmapEnd = XMLBytes.tagEnd(in: out, at: idmap),
            let data = XMLBytes.find(Array("data=\"".utf8), in: out, from: idmap, before: idmapEnd),
            let close = XMLBytes.find(Array("\"".utf8), in: out, from: data + 6, before: idmapEnd)
        {
            let list = (blocks + needed).map(String.init).joined(separator: ",")
            out.replaceSubrange((data + 6)..<close, with: Array(list.utf8))
        }
        return out
    }
}
