import Foundation
import Spreadsheet
import XLSX
import XMLStream

/// Adds trueup's notes to a sheet's own comments part and VML drawing, both read with libxml2
/// (the drawing recovering past what Excel writes that is not XML, an unclosed `<br>`), byte for
/// byte around what is added: an author `trueup`, one `<comment>` per corrected cell that has none
/// yet, and one hidden note shape each, with shape ids after the drawing's own.
///
/// Any writer's parts are merged (Excel's, LibreOffice's, openpyxl's, a hand-made one's): a
/// `<comments>` root with `<authors>` and `<commentList>` under any prefix (added elements
/// declare the part's namespace when its elements carry one), and a VML `<xml>` root, the added
/// shapes written with the prefixes it binds to VML's namespaces (openpyxl's `ns0`…; a binding
/// it lacks is declared on the root). `inspect` says whether a pair of parts can be merged.
struct NotesMerge {
    /// The cells that already have a comment; nil when the parts are not of a shape trueup merges into.
    static func inspect(comments: [UInt8], vml: [UInt8]) -> Set<CellAddress>? {
        guard let spans = try? commentSpans(comments), let list = spans.first("commentList", depth: 1) else {
            return nil
        }
        guard let drawing = try? drawingSpans(vml), let root = drawing.elements.first, root.depth == 0,
            root.localName == "xml", !Self.isEmptyTag(vml[root.tagStart..<root.tagEnd]), rootClose(vml) != nil
        else { return nil }
        return Set(
            spans.children(of: list, named: "comment").compactMap { $0.attribute("ref").flatMap(CellAddress.init) })
    }

    /// The comments part read by libxml2: its `<comments>` root, `<authors>` and `<commentList>`,
    /// each author and each comment; nil when it has not that shape.
    private static func commentSpans(_ bytes: [UInt8]) throws -> XMLSpans? {
        let spans = try XMLSpans(bytes, partName: "comments") { name, depth in
            depth == 0 || (depth == 1 && (name == "authors" || name == "commentList"))
                || (depth == 2 && (name == "author" || name == "comment"))
        }
        guard let root = spans.elements.first, root.localName == "comments", !root.isEmpty,
            spans.first("authors", depth: 1) != nil, spans.first("commentList", depth: 1) != nil
        else { return nil }
        return spans
    }

    /// Whether a start tag closes itself (`<xml/>`): libxml2, recovering, may not report the
    /// drawing root's end, so its `isEmpty` cannot tell.
    private static func isEmptyTag(_ tag: ArraySlice<UInt8>) -> Bool {
        tag.count >= 2 && tag[tag.endIndex - 2] == UInt8(ascii: "/")
    }

    /// The edit putting `children` last in `parent`: before its end tag, or, when it is empty
    /// (`<commentList/>`), with the tag opened and closed around them.
    private static func appending(_ children: [UInt8], to parent: XMLSpans.Element) -> (
        range: Range<Int>, with: [UInt8]
    ) {
        guard parent.isEmpty else { return (parent.closeStart..<parent.closeStart, children) }
        return (
            parent.tagStart..<parent.end,
            XMLSpans.startTag(parent.qualifiedName, parent.attributes, empty: false) + children
                + Array("</\(parent.qualifiedName)>".utf8)
        )
    }

    /// ` xmlns="…"` for an element added unprefixed inside `parent`, when `parent` carries a
    /// prefix (then the default namespace in scope may not be its).
    private static func declaration(inside parent: XMLSpans.Element) -> String? {
        parent.prefix.isEmpty ? nil : parent.namespace
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
        let author = declaration(inside: authors).map { "<author xmlns=\"\(XMLEscaping.escaped($0))\">" } ?? "<author>"
        return XMLSpans.splice(
            bytes,
            [
                appending(Array((author + "trueup</author>").utf8), to: authors),
                appending(
                    NoteParts.commentElements(notes, authorID: authorID, namespace: declaration(inside: list)),
                    to: list),
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
        // A drawing's shape ids stay far below these; larger ones would overflow the next id.
        guard (ids.max() ?? 0) < 1 << 40, (blocks.min() ?? 1) < 1 << 20 else {
            throw SpreadsheetError(location, "the sheet's VML drawing numbers its shapes past any drawing's ids")
        }
        let first = (ids.max() ?? ((blocks.min() ?? 1) * 1024)) + 1
        guard let root = drawing.elements.first, !Self.isEmptyTag(bytes[root.tagStart..<root.tagEnd]) else {
            throw SpreadsheetError(location, "the sheet's VML drawing has no <xml> root")
        }
        let (prefixes, declarations) = Self.prefixes(rootTag: Array(bytes[root.tagStart..<root.tagEnd]))
        var added = NoteParts.vmlShapes(notes, firstShapeID: first, prefixes: prefixes)
        if !drawing.elements.contains(where: { $0.localName == "shapetype" && $0.attribute("id") == "_x0000_t202" }) {
            added = NoteParts.vmlNoteShapeType(prefixes) + added
        }
        var edits = [(range: end..<end, with: added)]
        if !declarations.isEmpty {
            edits.append((root.tagEnd - 1..<root.tagEnd - 1, Array(declarations.utf8)))
        }
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

    /// The prefixes the drawing's root start tag `rootTag` binds to VML's three namespaces, and
    /// the declarations to add to it for those it binds to none (or only as the default
    /// namespace, which attributes cannot use): `v`, `o`, `x`, or a name the tag does not use.
    static func prefixes(rootTag: [UInt8]) -> (VMLPrefixes, declarations: String) {
        let tag = String(decoding: rootTag, as: UTF8.self)
        var bound: [String: String] = [:]
        for match in tag.matches(of: #/xmlns:([A-Za-z_][A-Za-z0-9_.\-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/#) {
            let uri = String(match.output.2 ?? match.output.3 ?? "")
            if bound[uri] == nil { bound[uri] = String(match.output.1) }
        }
        var used = Set(bound.values)
        var declarations = ""
        func prefix(for uri: String, preferring wanted: String) -> String {
            if let prefix = bound[uri] { return prefix }
            var name = wanted
            var number = 1
            while used.contains(name) {
                number += 1
                name = "\(wanted)\(number)"
            }
            used.insert(name)
            declarations += " xmlns:\(name)=\"\(uri)\""
            return name
        }
        let prefixes = VMLPrefixes(
            vml: prefix(for: VMLPrefixes.vmlNamespace, preferring: "v"),
            office: prefix(for: VMLPrefixes.officeNamespace, preferring: "o"),
            excel: prefix(for: VMLPrefixes.excelNamespace, preferring: "x"))
        return (prefixes, declarations)
    }
}
