internal import CLibXML2

/// A libxml2 SAX2 push parser: feed it bytes in chunks, it calls the handler as elements go by.
///
/// Nothing is kept beyond libxml2's working buffers, so memory does not grow with the document.
/// Parsing is safe for hostile input: any `<!DOCTYPE` stops the parse with
/// `XMLStreamError.documentTypeDeclaration`, the network and external entities are off, and
/// libxml2's default size limits stay on (`XML_PARSE_HUGE` is never set), and an element with more
/// than `AttributeCounter.limit` attributes is refused before libxml2 sees it (its duplicate-attribute
/// check takes time quadratic in their number). libxml2 never prints: its handlers are silenced.
public final class XMLPushParser {
    private let state: ParseState
    @exclusivity(unchecked) private var attributes = AttributeCounter()
    @exclusivity(unchecked) private var context: xmlParserCtxtPtr?
    private let documentName: String
    private let recovering: Bool

    /// Prepares to parse one document; `documentName` appears in libxml2's own diagnostics only.
    /// A `recovering` parser reads on past markup that is not well-formed (libxml2's recovery:
    /// an unclosed `<br>` in legacy VML, say) and reports no such error; it still refuses a
    /// document type declaration and stops on the handler's errors.
    public init(handler: any XMLEventHandler, documentName: String, recovering: Bool = false) {
        Self.installOnce
        state = ParseState(handler: handler)
        self.documentName = documentName
        self.recovering = recovering
    }

    deinit {
        if let context { xmlFreeParserCtxt(context) }
    }

    /// How many bytes of the document libxml2 has consumed, read from inside a handler's callback:
    /// at a start tag, the offset of its closing `>` (or of the `/` of `/>`); at an end tag, and
    /// at an empty element's end, the offset just past its `>`. Editors that splice a part's bytes
    /// at these offsets must check what they find there (`XMLSpans` does).
    public var bytesConsumed: Int { context.map { Int(xmlByteConsumed($0)) } ?? 0 }

    /// Parses the next chunk of the document.
    public func feed(_ chunk: UnsafeRawBufferPointer) throws {
        guard !chunk.isEmpty else { return }
        guard attributes.scan(chunk) else { throw XMLStreamError.tooManyAttributes(limit: AttributeCounter.limit) }
        let bytes = chunk.baseAddress!.assumingMemoryBound(to: CChar.self)
        var count = Int32(chunk.count)
        var rest = bytes
        if context == nil {
            // libxml2 keeps the bytes a push parser is created with and parses them only with
            // the next chunk: given four (for the encoding) and the rest at once, a reader that
            // wants only the first rows stops within the first chunk.
            let first = min(count, 4)
            try start(with: bytes, count: first)
            rest += Int(first)
            count -= first
            guard count > 0 else { return }
        }
        try check(xmlParseChunk(context, rest, count, 0))
    }

    /// Ends the document; throws if it is incomplete or was never started.
    public func finish() throws {
        if context == nil { throw Self.emptyDocument }
        try check(xmlParseChunk(context, nil, 0, 1))
    }

    /// Parses a whole document that `next` hands over chunk by chunk (nil after the last),
    /// letting libxml2 pull the bytes as it needs them: its pull parser does about a tenth less
    /// work per byte than the push parser given the same chunks. The same checks apply as with
    /// `feed`; an error `next` throws comes out of this call unchanged (after any error the
    /// handler threw on the bytes before). Use either this or `feed`, once per parser.
    public func parse(pulling next: () throws -> [UInt8]?) throws {
        try parse(pulling: next, scans: true)
    }

    /// Like `parse(pulling:)`, for chunks whose producer ran the attribute check already (on its
    /// own thread: the parsing one is then spared the scan).
    public func parse(pullingChecked next: () throws -> CheckedChunk?) throws {
        try parse(pulling: { try next()?.bytes }, scans: false)
    }

    private func parse(pulling next: () throws -> [UInt8]?, scans: Bool) throws {
        precondition(context == nil, "parse(pulling:) is for a parser that has not started")
        try withoutActuallyEscaping(next) { next in
            let input = PulledInput(next: next, scans: scans)
            CLibXML2_silenceThread()
            var sax = ParseState.saxHandler(for: state.handler)
            let user = Unmanaged.passUnretained(state).toOpaque()
            let source = Unmanaged.passUnretained(input).toOpaque()
            guard
                let created = xmlCreateIOParserCtxt(
                    &sax, user, PulledInput.read, nil, source, XML_CHAR_ENCODING_NONE)
            else {
                throw XMLStreamError.malformed(line: 1, column: 1, message: "libxml2 could not start a parser")
            }
            context = created
            state.context = created
            xmlCtxtUseOptions(created, options)
            let status = withExtendedLifetime(input) { xmlParseDocument(created) }
            if let failure = state.failure { throw failure }
            if let failure = input.failure { throw failure }
            if input.isEmpty { throw Self.emptyDocument }
            try check(status)
        }
    }

    /// Parses a whole in-memory document.
    public static func parse(_ bytes: [UInt8], handler: any XMLEventHandler, documentName: String) throws {
        let parser = XMLPushParser(handler: handler, documentName: documentName)
        try bytes.withUnsafeBytes { try parser.feed($0) }
        try parser.finish()
    }

    private static let installOnce: Void = CLibXML2_install()
    private static let emptyDocument = XMLStreamError.malformed(line: 1, column: 1, message: "the document is empty")

    private func start(with bytes: UnsafePointer<CChar>, count: Int32) throws {
        CLibXML2_silenceThread()
        var sax = ParseState.saxHandler(for: state.handler)
        let user = Unmanaged.passUnretained(state).toOpaque()
        guard let created = xmlCreatePushParserCtxt(&sax, user, bytes, count, documentName) else {
            throw XMLStreamError.malformed(line: 1, column: 1, message: "libxml2 could not start a parser")
        }
        context = created
        state.context = created
        xmlCtxtUseOptions(created, options)
        try check(0)
    }

    private var options: Int32 {
        Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue | (recovering ? XML_PARSE_RECOVER.rawValue : 0))
    }

    /// Turns libxml2's error state and the handler's into one Swift error, in this one place.
    private func check(_ status: Int32) throws {
        if let failure = state.failure { throw failure }
        guard !recovering else { return }
        guard status != 0 || (context.map { $0.pointee.wellFormed == 0 } ?? false) else { return }
        if let error = xmlCtxtGetLastError(context) {
            let message = error.pointee.message.map { String(cString: $0) } ?? "error \(status)"
            throw XMLStreamError.malformed(
                line: Int(error.pointee.line), column: Int(error.pointee.int2),
                message: message.oneLine())
        }
        throw XMLStreamError.malformed(line: 0, column: 0, message: "libxml2 error \(status)")
    }
}

/// The parse's mutable state, reached from libxml2's C callbacks through the user-data pointer.
@usableFromInline
final class ParseState {
    /// A strong `let`: the callbacks borrow it from the state they hold unretained, with no
    /// reference counting per element (an `unowned(unsafe)` reference was retained around each
    /// call, two million times on a 100k-row sheet).
    @usableFromInline let handler: any XMLEventHandler
    /// `handler`'s object, unretained, for `XMLDirect.with` (a reference cast from `handler`
    /// would be retained and released around every callback).
    @usableFromInline let handlerObject: UnsafeMutableRawPointer
    // The parser runs on one thread and never re-enters, so the run-time exclusivity checks on
    // its state (about a tenth of reading time) are switched off per property: a compiler flag
    // would do it too, but SwiftPM refuses unsafe flags in a package others depend on.
    @exclusivity(unchecked) var context: xmlParserCtxtPtr?
    @usableFromInline @exclusivity(unchecked) var failure: (any Error)?

    init(handler: any XMLEventHandler) {
        self.handler = handler
        handlerObject = Unmanaged.passUnretained(handler as AnyObject).toOpaque()
    }

    @usableFromInline
    func fail(_ error: any Error) {
        if failure == nil { failure = error }
        if let context { xmlStopParser(context) }
    }

    static func from(_ user: UnsafeMutableRawPointer?) -> ParseState {
        Unmanaged<ParseState>.fromOpaque(user!).takeUnretainedValue()
    }

    /// Calls `body` with the state behind `user` without retaining it: the parser owns the
    /// state for the whole parse, so the hot callbacks skip reference counting.
    @inline(__always)
    static func with(_ user: UnsafeMutableRawPointer?, _ body: (ParseState) -> Void) {
        Unmanaged<ParseState>.fromOpaque(user!)._withUnsafeGuaranteedRef(body)
    }

    /// libxml2's callbacks for `handler`: its own for elements and text if it is an
    /// `XMLDirectEventHandler`, else closures that call it through the protocol.
    static func saxHandler(for handler: any XMLEventHandler) -> xmlSAXHandler {
        var sax = xmlSAXHandler()
        sax.initialized = UInt32(XML_SAX2_MAGIC)
        sax.startElementNs = { user, local, _, uri, _, _, attributeCount, _, attributes in
            ParseState.with(user) { state in
                guard state.failure == nil, let local else { return }
                do {
                    try state.handler.startElement(
                        XMLName(local: local, uri: uri),
                        attributes: XMLAttributes(base: attributes, count: Int(attributeCount)))
                } catch { state.fail(error) }
            }
        }
        sax.endElementNs = { user, local, _, uri in
            ParseState.with(user) { state in
                guard state.failure == nil, let local else { return }
                do { try state.handler.endElement(XMLName(local: local, uri: uri)) } catch { state.fail(error) }
            }
        }
        sax.characters = { user, text, length in
            ParseState.with(user) { state in
                guard state.failure == nil, let text else { return }
                do { try state.handler.characters(UnsafeBufferPointer(start: text, count: Int(length))) } catch {
                    state.fail(error)
                }
            }
        }
        if let direct = handler as? any XMLDirectEventHandler {
            let callbacks = type(of: direct).directCallbacks
            sax.startElementNs = callbacks.startElement
            sax.endElementNs = callbacks.endElement
            sax.characters = callbacks.characters
        }
        sax.cdataBlock = sax.characters
        // Any DTD is refused at once, before a single entity can be declared or expanded.
        sax.internalSubset = { user, _, _, _ in
            ParseState.from(user).fail(XMLStreamError.documentTypeDeclaration)
        }
        sax.externalSubset = { user, _, _, _ in
            ParseState.from(user).fail(XMLStreamError.documentTypeDeclaration)
        }
        sax.entityDecl = { user, _, _, _, _, _ in
            ParseState.from(user).fail(XMLStreamError.documentTypeDeclaration)
        }
        // Structured errors are read back with xmlCtxtGetLastError; this keeps stderr quiet.
        sax.serror = { _, _ in }
        return sax
    }
}

extension String {
    /// libxml2's message on one line: no trailing newline, inner line breaks and tabs as spaces.
    func oneLine() -> String {
        var result = self
        while result.last?.isNewline == true { result.removeLast() }
        return String(result.map { $0.isNewline || $0 == "\t" ? " " : $0 })
    }
}
