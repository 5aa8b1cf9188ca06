import XMLStream

/// `[Content_Types].xml`: the media type of each part, by extension default or per-part
/// override, in the order written, for reading and for a package editor to extend.
public struct ContentTypeSet: Sendable {
    public static let partName = "[Content_Types].xml"

    /// Extension (lowercase, no dot) → type, in order.
    public private(set) var defaults: [(ext: String, type: String)] = []
    /// Part name (no leading `/`, as written) → type, in order.
    public private(set) var overrides: [(part: String, type: String)] = []
    private var overrideIndex: [String: Int] = [:]
    private var defaultIndex: [String: Int] = [:]

    /// No types at all (a package being built).
    public init() {}

    public init(parsing bytes: [UInt8]) throws {
        let collector = Collector()
        try XMLPushParser.parse(bytes, handler: collector, documentName: Self.partName)
        for (ext, type) in collector.defaults where defaultIndex[ext.lowercased()] == nil {
            defaultIndex[ext.lowercased()] = defaults.count
            defaults.append((ext.lowercased(), type))
        }
        for (part, type) in collector.overrides {
            let name = Relationships.resolve(part, from: "")
            if let index = overrideIndex[name.lowercased()] {
                overrides[index].type = type
            } else {
                overrideIndex[name.lowercased()] = overrides.count
                overrides.append((name, type))
            }
        }
    }

    /// The media type of `partName` (no leading `/`, compared case-insensitively).
    public func type(of partName: String) -> String? {
        let key = partName.lowercased()
        if let index = overrideIndex[key] { return overrides[index].type }
        guard let dot = key.lastIndex(of: ".") else { return nil }
        return defaultIndex[String(key[key.index(after: dot)...])].map { defaults[$0].type }
    }

    /// Gives `part` the type `type`: an override, unless its extension's default already says so.
    /// Says whether that changed anything.
    @discardableResult
    public mutating func set(_ type: String, for part: PartName) -> Bool {
        if let index = overrideIndex[part.key] {
            guard overrides[index].type != type else { return false }
            overrides[index].type = type
        } else if defaultIndex[part.fileExtension].map({ defaults[$0].type }) != type {
            overrideIndex[part.key] = overrides.count
            overrides.append((part.name, type))
        } else {
            return false
        }
        return true
    }

    /// Drops `part`'s override; says whether it had one.
    @discardableResult
    public mutating func remove(_ part: PartName) -> Bool {
        guard let index = overrideIndex[part.key] else { return false }
        overrides.remove(at: index)
        overrideIndex = Dictionary(uniqueKeysWithValues: overrides.enumerated().map { ($1.part.lowercased(), $0) })
        return true
    }

    public var xml: [UInt8] {
        var out = PackageXML.header + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
        for (ext, type) in defaults {
            out += #"<Default Extension="\#(PackageXML.attribute(ext))" ContentType="\#(PackageXML.attribute(type))"/>"#
        }
        for (part, type) in overrides {
            out +=
                #"<Override PartName="/\#(PackageXML.attribute(part))" ContentType="\#(PackageXML.attribute(type))"/>"#
        }
        return Array((out + "</Types>").utf8)
    }

    private final class Collector: XMLEventHandler {
        var defaults: [(String, String)] = []
        var overrides: [(String, String)] = []
        func startElement(_ name: XMLName, attributes: XMLAttributes) {
            if name.is("Default"), let ext = attributes.string("Extension"), let type = attributes.string("ContentType")
            {
                defaults.append((ext, type))
            } else if name.is("Override"), let part = attributes.string("PartName"),
                let type = attributes.string("ContentType")
            {
                overrides.append((part, type))
            }
        }
        func endElement(_ name: XMLName) {}
        func characters(_ text: UnsafeBufferPointer<UInt8>) {}
    }
}
