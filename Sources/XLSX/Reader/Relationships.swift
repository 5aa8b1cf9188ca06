import XMLStream

/// One relationship from a `.rels` part, with its target resolved to a part name.
struct Relationship: Sendable, Hashable {
    let id: String
    /// The full type URI; match it with `hasType(_:)`, which compares the suffix so that
    /// Transitional and Strict URIs both match.
    let type: String
    /// The target part name (no leading `/`), or the raw target for external relationships.
    let target: String
    let isExternal: Bool

    func hasType(_ suffix: String) -> Bool { type.hasSuffix("/" + suffix) }
}

enum Relationships {
    /// The `.rels` part that describes `partName`'s relationships: `xl/_rels/workbook.xml.rels`.
    static func partName(for source: String) -> String {
        guard let slash = source.lastIndex(of: "/") else { return "_rels/\(source).rels" }
        return source[..<slash] + "/_rels/" + source[source.index(after: slash)...] + ".rels"
    }

    /// Parses a `.rels` part, resolving targets against `source`'s folder per OPC
    /// (a leading `/` is from the package root; `..` climbs; `\` is read as `/`).
    static func parse(_ bytes: [UInt8], source: String, partName: String) throws -> [Relationship] {
        let collector = Collector()
        try XMLPushParser.parse(bytes, handler: collector, documentName: partName)
        let folder = source.lastIndex(of: "/").map { String(source[..<$0]) } ?? ""
        return collector.found.map { item in
            let external = item.mode?.lowercased() == "external"
            return Relationship(
                id: item.id, type: item.type,
                target: external ? item.target : resolve(item.target, from: folder), isExternal: external)
        }
    }

    static func resolve(_ target: String, from folder: String) -> String {
        let cleaned = String(target.map { $0 == "\\" ? "/" : $0 })
        var segments: [Substring] = cleaned.hasPrefix("/") ? [] : folder.split(separator: "/")
        for segment in cleaned.split(separator: "/") {
            switch segment {
            case ".": continue
            case "..": _ = segments.popLast()
            default: segments.append(segment)
            }
        }
        return segments.joined(separator: "/")
    }

    final class Collector: XMLEventHandler {
        var found: [(id: String, type: String, target: String, mode: String?)] = []
        func startElement(_ name: XMLName, attributes: XMLAttributes) {
            guard name.is("Relationship"), let id = attributes.string("Id"), let type = attributes.string("Type"),
                let target = attributes.string("Target")
            else { return }
            found.append((id, type, target, attributes.string("TargetMode")))
        }
        func endElement(_ name: XMLName) {}
        func characters(_ text: UnsafeBufferPointer<UInt8>) {}
    }
}
