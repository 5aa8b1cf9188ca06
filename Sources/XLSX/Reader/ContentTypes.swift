import XMLStream

/// `[Content_Types].xml`: the media type of each part, by extension default or per-part override.
struct ContentTypes {
    private var defaults: [String: String] = [:]
    private var overrides: [String: String] = [:]

    init(_ bytes: [UInt8]) throws {
        let collector = Collector()
        try XMLPushParser.parse(bytes, handler: collector, documentName: "[Content_Types].xml")
        defaults = collector.defaults
        overrides = collector.overrides
    }

    /// The media type of `partName` (no leading `/`, compared case-insensitively).
    func type(of partName: String) -> String? {
        let key = partName.lowercased()
        if let type = overrides[key] { return type }
        guard let dot = key.lastIndex(of: ".") else { return nil }
        return defaults[String(key[key.index(after: dot)...])]
    }

    private final class Collector: XMLEventHandler {
        var defaults: [String: String] = [:]
        var overrides: [String: String] = [:]
        func startElement(_ name: XMLName, attributes: XMLAttributes) {
            if name.is("Default"), let ext = attributes.string("Extension"), let type = attributes.string("ContentType")
            {
                defaults[ext.lowercased()] = type
            } else if name.is("Override"), let part = attributes.string("PartName"),
                let type = attributes.string("ContentType")
            {
                overrides[Relationships.resolve(part, from: "").lowercased()] = type
            }
        }
        func endElement(_ name: XMLName) {}
        func characters(_ text: UnsafeBufferPointer<UInt8>) {}
    }
}
