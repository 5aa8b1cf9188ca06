/// Receives the events of one XML document from `XMLPushParser`.
///
/// Names and text are borrowed views into the parser's buffers, valid only during the call. A
/// handler that throws stops the parse; the error comes out of `XMLPushParser.feed` or `finish`.
public protocol XMLEventHandler: AnyObject {
    func startElement(_ name: XMLName, attributes: XMLAttributes) throws
    func endElement(_ name: XMLName) throws
    /// Text content, in one or more pieces per text node (CDATA sections arrive here too).
    func characters(_ text: UnsafeBufferPointer<UInt8>) throws
}

/// An element's local name and namespace URI, borrowed from the parser.
public struct XMLName {
    /// The local name as libxml2's NUL-terminated C string, for handlers that tell their
    /// elements apart by first bytes before comparing whole names.
    public let local: UnsafePointer<UInt8>
    /// The namespace URI as libxml2's C string. libxml2 interns names per document, so within one
    /// document an equal pointer means an equal URI: a cheap identity check for hot loops.
    public let uri: UnsafePointer<UInt8>?

    /// A name as libxml2 hands it over (to a direct handler's callback, `XMLDirectEventHandler`).
    @inlinable @inline(__always)
    public init(local: UnsafePointer<UInt8>, uri: UnsafePointer<UInt8>?) {
        self.local = local
        self.uri = uri
    }

    /// Whether the local name is exactly `name` (compared as bytes, no allocation). Inlinable,
    /// so that a handler's chain of these compares unrolled bytes instead of making calls.
    @inlinable @inline(__always)
    public func `is`(_ name: StaticString) -> Bool {
        equalsCString(local, name)
    }

    public var localName: String { String(cString: local) }
    public var namespaceURI: String? { uri.map { String(cString: $0) } }
}

/// The attributes of one start tag, borrowed from the parser (libxml2's SAX2 quintuples).
public struct XMLAttributes {
    @usableFromInline let base: UnsafeMutablePointer<UnsafePointer<UInt8>?>?
    public let count: Int

    /// Attributes as libxml2 hands them over (to a direct handler's callback, `XMLDirectEventHandler`).
    @inlinable @inline(__always)
    public init(base: UnsafeMutablePointer<UnsafePointer<UInt8>?>?, count: Int) {
        self.base = base
        self.count = count
    }

    /// The raw value of the attribute whose local name is `name`, in any namespace.
    @inlinable @inline(__always)
    public func bytes(_ name: StaticString) -> UnsafeBufferPointer<UInt8>? {
        guard let base else { return nil }
        for i in 0..<count {
            let entry = base + 5 * i
            if let local = entry[0], equalsCString(local, name), let start = entry[3], let end = entry[4] {
                return UnsafeBufferPointer(start: start, count: end - start)
            }
        }
        return nil
    }

    /// Calls `body` with each attribute's local name (a C string) and raw value, in document
    /// order: one pass for a handler that reads several attributes of an element met millions
    /// of times, where `bytes(_:)` would scan the attributes once per name.
    @inlinable @inline(__always)
    public func forEach(
        _ body: (_ localName: UnsafePointer<UInt8>, _ value: UnsafeBufferPointer<UInt8>) throws -> Void
    ) rethrows {
        guard let base else { return }
        for i in 0..<count {
            let entry = base + 5 * i
            if let local = entry[0], let start = entry[3], let end = entry[4] {
                try body(local, UnsafeBufferPointer(start: start, count: end - start))
            }
        }
    }

    /// The value of the attribute whose local name and namespace URI match.
    public func bytes(_ name: StaticString, namespaceSuffix: StaticString) -> UnsafeBufferPointer<UInt8>? {
        guard let base else { return nil }
        for i in 0..<count {
            let entry = base + 5 * i
            if let local = entry[0], equalsCString(local, name), let uri = entry[2],
                hasCStringSuffix(uri, namespaceSuffix), let start = entry[3], let end = entry[4]
            {
                return UnsafeBufferPointer(start: start, count: end - start)
            }
        }
        return nil
    }

    /// The value of attribute `name` as a String.
    ///
    /// libxml2's SAX2 interface hands over `&amp;` in attribute values as `&#38;` (it keeps `&`
    /// escaped for entity processing, which is off here); this turns it back into `&`.
    public func string(_ name: StaticString) -> String? {
        bytes(name).map(Self.decodedString)
    }

    static func decodedString(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        guard bytes.contains(UInt8(ascii: "&")) else { return text }
        return text.replacing("&#38;", with: "&")
    }

    /// Every attribute as (local name, namespace URI, value), for the rare callers that need all.
    public var all: [(name: String, namespaceURI: String?, value: String)] {
        guard let base else { return [] }
        return (0..<count).compactMap { i in
            let entry = base + 5 * i
            guard let local = entry[0], let start = entry[3], let end = entry[4] else { return nil }
            return (
                String(cString: local), entry[2].map { String(cString: $0) },
                Self.decodedString(UnsafeBufferPointer(start: start, count: end - start))
            )
        }
    }
}

/// Whether the NUL-terminated C string at `pointer` (a name or namespace URI libxml2 handed over)
/// is exactly `name`, compared as bytes without allocating.
@inlinable @inline(__always)
public func equalsCString(_ pointer: UnsafePointer<UInt8>, _ name: StaticString) -> Bool {
    let expected = name.utf8Start
    let count = name.utf8CodeUnitCount
    for i in 0..<count where pointer[i] != expected[i] { return false }
    return pointer[count] == 0
}

func hasCStringSuffix(_ pointer: UnsafePointer<UInt8>, _ suffix: StaticString) -> Bool {
    var length = 0
    while pointer[length] != 0 { length += 1 }
    let count = suffix.utf8CodeUnitCount
    guard length >= count else { return false }
    let start = pointer + (length - count)
    for i in 0..<count where start[i] != suffix.utf8Start[i] { return false }
    return true
}
