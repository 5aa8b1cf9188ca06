import Foundation
import Spreadsheet
import XLSX

/// Adds trueup's notes to a sheet's own comments part and VML drawing, both read with libxml2
/// (the drawing recovering past what Excel writes that is not XML, an unclosed `<br>`), byte for
/// byte around what is added: an author `trueup`, one `<comment>` per corrected cell that has none
/// yet, and one hidden note shape each, with shape ids after the drawing's own.
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
        guard let drawing = try? drawingSpans(vml), let root = drawing.elements.first, root.depth == 0,
            root.localName == "xml", rootClose(vml) != nil
        else { return nil }
        let declarations = String(decoding: vml[root.tagStart..<root.tagEnd], as: UTF8.self).replacingOccurrences(
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

    /// The VML drawing read by libxml2, recovering: its root, its id map and its shapes.
    private static func drawingSpans(_ bytes: [UInt8]) throws -> XMLSpans {
        try XMLSpans(bytes, partName: "vmlDrawing", recovering: true) { name, depth in
            depth == 0 || name == "idmap" || name == "shapetype" || name == "shape"
        }
    }

    /// Where the drawing's `</xml>` starts: it ends the part (libxml2, recovering past an unclosed
    /// `<br>`, does not report the root's end).
    private static func rootClose(_ bytes: [UInt8]) -> Int? {
        guard let at = bytes.lastIndex(of: UInt8(ascii: "<")), bytes[at...].starts(with: "</xml".utf8) else {
            return nil
        }
        return at
    }

    /// The VML drawing with a note shape per note, ids after its highest, the id blocks they
    /// fall in added to its `idmap`, and the note shape type added when it lacks one.
    static func vml(_ bytes: [UInt8], adding notes: [(address: CellAddress, text: String)], location: Location)
        throws -> [UInt8]
    {
        let drawing: XMLSpans
        do { drawing = try drawingSpans(bytes) } catch {
            throw SpreadsheetError(location, "the sheet's VML drawing: \(error)")
        }
        guard let end = rootClose(bytes) else {
            throw SpreadsheetError(location, "the sheet's VML drawing has no </xml>")
        }
        let shapeIDPrefix = "_x0000_s"
        let ids = drawing.elements.filter { $0.localName == "shape" }.flatMap { shape in
            [shape.attribute("id"), shape.attribute("spid")].compactMap { id in
                id.flatMap { $0.hasPrefix(shapeIDPrefix) ? Int($0.dropFirst(shapeIDPrefix.count)) : nil }
            }
        }
        let idmap = drawing.elements.first { $0.localName == "idmap" }
        let blocks =
            idmap?.attribute("data")?.split(separator: ",").compactMap {
                Int($0.trimmingCharacters(in: .whitespaces))
            } ?? []
        let first = (ids.max() ?? ((blocks.min() ?? 1) * 1024)) + 1
        var added = NoteParts.vmlShapes(notes, firstShapeID: first)
        if !drawing.elements.contains(where: { $0.localName == "shapetype" && $0.attribute("id") == "_x0000_t202" }) {
            added = NoteParts.vmlNoteShapeType + added
        }
        var edits = [(range: end..<end, with: added)]
        // Shape ids come in blocks of 1,024 that the idmap must list.
        let needed = Set((first..<(first + notes.count)).map { $0 / 1024 }).subtracting(blocks).sorted()
        if !needed.isEmpty, let idmap, idmap.attribute("data") != nil {
            let list = (blocks + needed).map(String.init).joined(separator: ",")
            let attributes = idmap.attributes.map { attribute in
                attribute.name == "data" && attribute.prefix == nil
                    ? (prefix: attribute.prefix, name: attribute.name, value: list) : attribute
            }
            edits.append(
                (
                    idmap.tagStart..<idmap.tagEnd,
                    XMLSpans.startTag(idmap.qualifiedName, attributes, empty: idmap.isEmpty)
                ))
        }
        return XMLSpans.splice(bytes, edits)
    }
}
