import XMLStream
import ZIP

/// The relationships of one source (a part, or the package itself) as a `.rels` part holds
/// them, in order, targets as written: what a package editor reads, extends and writes back.
///
/// Ids are allocated, never fixed: `rId` and one more than the highest number any `rIdN` here
/// has, so an id never collides with one the source already uses, however often the package
/// is edited.
public struct RelationshipSet: Sendable {
    public struct Entry: Sendable, Hashable {
        public var id: String
        /// The full type URI.
        public var type: String
        /// As written: relative to the source's folder, or from the root when it starts with `/`.
        public var target: String
        public var isExternal: Bool

        /// Whether the type ends with `/suffix`, so Transitional and Strict URIs both match.
        public func hasType(_ suffix: String) -> Bool { type.hasSuffix("/" + suffix) }
    }

    /// The part whose relationships these are; nil for the package's own (`_rels/.rels`).
    public let source: PartName?
    public private(set) var entries: [Entry]

    public init(source: PartName?, entries: [Entry] = []) {
        self.source = source
        self.entries = entries
    }

    /// Parses `bytes`, the `.rels` part `partName`.
    public init(parsing bytes: [UInt8], source: PartName?, partName: String) throws {
        let collector = Relationships.Collector()
        try XMLPushParser.parse(bytes, handler: collector, documentName: partName)
        self.init(
            source: source,
            entries: collector.found.map {
                Entry(id: $0.id, type: $0.type, target: $0.target, isExternal: $0.mode?.lowercased() == "external")
            })
    }

    /// The part an internal relationship points at, resolved as OPC says; nil for external ones.
    public func targetPart(of entry: Entry) -> String? {
        entry.isExternal ? nil : Relationships.resolve(entry.target, from: source?.folder ?? "")
    }

    /// The first relationship of the type (suffix) pointing inside the package.
    public func first(_ typeSuffix: String) -> Entry? {
        entries.first { $0.hasType(typeSuffix) && !$0.isExternal }
    }

    /// An id no relationship here has.
    public var nextID: String {
        let taken = Set(entries.map { $0.id.lowercased() })
        var number =
            entries.compactMap { entry -> Int? in
                guard entry.id.lowercased().hasPrefix("rid") else { return nil }
                return Int(entry.id.dropFirst(3))
            }.max() ?? 0
        repeat { number += 1 } while taken.contains("rid\(number)")
        return "rId\(number)"
    }

    /// Adds a relationship of `type` to `part` (written relative to the source) and returns its id.
    @discardableResult
    public mutating func add(type: String, to part: PartName) -> String {
        let id = nextID
        entries.append(Entry(id: id, type: type, target: part.reference(from: source), isExternal: false))
        return id
    }

    /// Removes the internal relationships that point at `part`; says whether any did.
    @discardableResult
    public mutating func removeAll(pointingAt part: PartName) -> Bool {
        let before = entries.count
        let folder = source?.folder ?? ""
        entries.removeAll { entry in
            !entry.isExternal && ZipEntry.normalize(Relationships.resolve(entry.target, from: folder)) == part.key
        }
        return entries.count != before
    }

    /// The `.rels` part.
    public var xml: [UInt8] {
        var out = PackageXML.header + #"<Relationships xmlns="\#(PartXML.packageRelationships)">"#
        for entry in entries {
            out += #"<Relationship Id="\#(PackageXML.attribute(entry.id))" Type="\#(PackageXML.attribute(entry.type))""#
            out += #" Target="\#(PackageXML.attribute(entry.target))""#
            out += entry.isExternal ? #" TargetMode="External"/>"# : "/>"
        }
        return Array((out + "</Relationships>").utf8)
    }
}
