/// A handler that gives libxml2 C callbacks of its own for elements and text.
///
/// `XMLPushParser` calls an `XMLEventHandler` through closures of its own and the protocol's
/// witness table, about thirty instructions an event; a 100k-row worksheet has five million
/// events. A direct handler's callbacks are called by libxml2 itself: each reaches its handler
/// with `XMLDirect.with`, which keeps the generic path's rules (nothing is called after the
/// parse failed, and a thrown error stops it). Everything else (the refusal of any DTD, the
/// silenced errors, the attribute limit) is as for any handler.
public protocol XMLDirectEventHandler: XMLEventHandler {
    static var directCallbacks: XMLDirectCallbacks { get }
}

/// libxml2's SAX2 callbacks for start tags, end tags and text, as C function pointers. The
/// first argument, `user`, is for `XMLDirect.with`; the others are libxml2's (SAX2's
/// `startElementNs`, `endElementNs` and `characters`, which also receives CDATA sections).
public struct XMLDirectCallbacks {
    public typealias StartElement =
        @convention(c) (
            _ user: UnsafeMutableRawPointer?, _ localName: UnsafePointer<UInt8>?, _ prefix: UnsafePointer<UInt8>?,
            _ uri: UnsafePointer<UInt8>?, _ namespaceCount: Int32,
            _ namespaces: UnsafeMutablePointer<UnsafePointer<UInt8>?>?, _ attributeCount: Int32,
            _ defaultedCount: Int32, _ attributes: UnsafeMutablePointer<UnsafePointer<UInt8>?>?
        ) -> Void
    public typealias EndElement =
        @convention(c) (
            _ user: UnsafeMutableRawPointer?, _ localName: UnsafePointer<UInt8>?, _ prefix: UnsafePointer<UInt8>?,
            _ uri: UnsafePointer<UInt8>?
        ) -> Void
    public typealias Characters =
        @convention(c) (
            _ user: UnsafeMutableRawPointer?, _ text: UnsafePointer<UInt8>?, _ length: Int32
        ) -> Void

    let startElement: StartElement
    let endElement: EndElement
    let characters: Characters

    public init(startElement: StartElement, endElement: EndElement, characters: Characters) {
        self.startElement = startElement
        self.endElement = endElement
        self.characters = characters
    }
}

public enum XMLDirect {
    /// Calls `body` with the handler of the parse behind `user` (unretained: the parse holds
    /// it), unless the parse has failed already; an error `body` throws stops the parse and
    /// comes out of it, as a generic handler's does.
    @inlinable @inline(__always)
    public static func with<Handler: XMLDirectEventHandler>(
        _ user: UnsafeMutableRawPointer?, _: Handler.Type, _ body: (Handler) throws -> Void
    ) {
        Unmanaged<ParseState>.fromOpaque(user!)._withUnsafeGuaranteedRef { state in
            guard state.failure == nil else { return }
            do {
                try Unmanaged<Handler>.fromOpaque(state.handlerObject)._withUnsafeGuaranteedRef(body)
            } catch {
                state.fail(error)
            }
        }
    }
}
