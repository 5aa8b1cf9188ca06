import XMLStream

/// Where the elements of an XML part sit in its bytes, found by libxml2 (so comments, CDATA,
/// quoted `>` and namespace prefixes are read as XML, not guessed at), for editors that splice a
/// part and keep every other byte of it.
public struct XMLSpans {
    public struct Element: Sendable {
        /// The name as written, prefix included (`x:sheets`).
        public var qualifiedName: String
        public var localName: String
        /// 0 for the root.
        public var depth: Int
        /// Where `<` of the start tag is, and just past its `>`.
        public var tagStart: Int
        public var tagEnd: Int
        /// Just past the element's end (`</x>`, or the start tag itself when it is empty).
        public var end: Int
        public var isEmpty: Bool { end == tagEnd }
        public var attributes: [(prefix: String?, name: String, value: String)]
        /// The element's namespace URI (nil when it has none).
        public var namespace: String? = nil

        /// Where its end tag starts (its `end` when it is empty).
        public var closeStart: Int = 0

        public func attribute(_ name: String) -> String? { attributes.first { $0.name == name }?.value }
        public var prefix: String { qualifiedName.dropLast(localName.count).description }
    }

    public let elements: [Element]

    /// The elements whose local name and depth `wanted` accepts, in document order. Throws the
    /// parser's error for XML that is not well-formed (unless `recovering`: then libxml2 reads
    /// on past it, for legacy VML), and `PackageEditError` if libxml2's offsets do not land on
    /// the element's bytes.
    public init(
        _ bytes: [UInt8], partName: String, recovering: Bool = false,
        wanted: @escaping (_ localName: String, _ depth: Int) -> Bool
    ) throws {
        if bytes.count >= 2,
            bytes[0] == 0 || bytes[1] == 0 || (bytes[0] == 0xFE && bytes[1] == 0xFF)
                || (bytes[0] == 0xFF && bytes[1] == 0xFE)
        {
            throw PackageEditError("the part is UTF-16; trueup edits UTF-8 parts only")
        }
        let locator = Locator(bytes: bytes, partName: partName, wanted: wanted)
        let parser = XMLPushParser(handler: locator, documentName: partName, recovering: recovering)
        locator.parser = parser
        try bytes.withUnsafeBytes { try parser.feed($0) }
        try parser.finish()
        elements = locator.found.sorted { $0.tagStart < $1.tagStart }
    }

    /// The first element kept named `name` at `depth`.
    public func first(_ name: String, depth: Int) -> Element? {
        elements.first { $0.depth == depth && $0.localName == name }
    }

    /// The elements kept named `name` directly inside `parent`.
    public func children(of parent: Element, named name: String) -> [Element] {
        elements.filter {
            $0.depth == parent.depth + 1 && $0.localName == name && $0.tagStart >= parent.tagEnd
                && $0.end <= parent.closeStart
        }
    }

    /// `bytes` with each range replaced (ranges must not overlap; insertions at one offset go in
    /// the order given).
    public static func splice(_ bytes: [UInt8], _ edits: [(range: Range<Int>, with: [UInt8])]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + edits.reduce(0) { $0 + $1.with.count })
        var copied = 0
        let ordered = edits.enumerated().sorted {
            ($0.element.range.lowerBound, $0.offset) < ($1.element.range.lowerBound, $1.offset)
        }
        for edit in ordered.map(\.element) {
            out += bytes[copied..<edit.range.lowerBound]
            out += edit.with
            copied = edit.range.upperBound
        }
        return out + bytes[copied...]
    }

    /// A start tag written back with `attributes` (prefixes kept, values escaped).
    public static func startTag(
        _ qualifiedName: String, _ attributes: [(prefix: String?, name: String, value: String)], empty: Bool
    )
        -> [UInt8]
    {
        var out = "<" + qualifiedName
        for attribute in attributes {
            out += " " + (attribute.prefix.map { $0 + ":" } ?? "") + attribute.name + "=\""
            out += PackageXML.attribute(attribute.value) + "\""
        }
        return Array((out + (empty ? "/>" : ">")).utf8)
    }

    private final class Locator: XMLEventHandler {
        let bytes: [UInt8]
        let partName: String
        let wanted: (String, Int) -> Bool
        weak var parser: XMLPushParser?
        var found: [Element] = []
        /// Open elements: the index in `found` of each one kept, nil for the others.
        var open: [Int?] = []

        init(bytes: [UInt8], partName: String, wanted: @escaping (String, Int) -> Bool) {
            self.bytes = bytes
            self.partName = partName
            self.wanted = wanted
        }

        func startElement(_ name: XMLName, attributes: XMLAttributes) throws {
            let local = name.localName
            guard wanted(local, open.count), let parser else {
                open.append(nil)
                return
            }
            let at = parser.bytesConsumed
            guard at < bytes.count, let lessThan = bytes[..<at].lastIndex(of: UInt8(ascii: "<")) else {
                throw lost(local)
            }
            let tagEnd: Int
            if bytes[at] == UInt8(ascii: ">") {
                tagEnd = at + 1
            } else if bytes[at] == UInt8(ascii: "/"), at + 1 < bytes.count, bytes[at + 1] == UInt8(ascii: ">") {
                tagEnd = at + 2
            } else {
                throw lost(local)
            }
            let nameBytes = bytes[(lessThan + 1)...].prefix { !Self.endsName($0) }
            let qualified = String(decoding: nameBytes, as: UTF8.self)
            guard qualified == local || qualified.hasSuffix(":" + local) else { throw lost(local) }
            open.append(found.count)
            found.append(
                Element(
                    qualifiedName: qualified, localName: local, depth: open.count - 1, tagStart: lessThan,
                    tagEnd: tagEnd, end: tagEnd, attributes: attributes.qualified, namespace: name.namespaceURI))
        }

        func endElement(_ name: XMLName) throws {
            guard let index = open.popLast() else { return }
            guard let index, let parser else { return }
            let at = parser.bytesConsumed
            guard at >= found[index].tagEnd, at <= bytes.count, bytes[at - 1] == UInt8(ascii: ">") else {
                throw lost(found[index].localName)
            }
            found[index].end = at
            if at == found[index].tagEnd {
                found[index].closeStart = at
            } else {
                guard let close = bytes[..<at].lastIndex(of: UInt8(ascii: "<")), close >= found[index].tagEnd,
                    bytes[close + 1] == UInt8(ascii: "/")
                else { throw lost(found[index].localName) }
                found[index].closeStart = close
            }
        }

        func characters(_ text: UnsafeBufferPointer<UInt8>) {}

        static func endsName(_ byte: UInt8) -> Bool {
            byte == 32 || byte == 9 || byte == 10 || byte == 13 || byte == UInt8(ascii: ">")
                || byte == UInt8(ascii: "/")
        }

        func lost(_ element: String) -> PackageEditError {
            PackageEditError("trueup cannot locate <\(element)> in the part's bytes to edit it")
        }
    }
}
