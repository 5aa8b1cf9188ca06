/// A chunk of a document already scanned by `AttributeCheck`, for
/// `XMLPushParser.parse(pullingChecked:)`: the scan can then run on the thread that produces the
/// chunks (an inflating one) instead of the parsing one. Only `AttributeCheck` makes these.
public struct CheckedChunk: Sendable {
    public let bytes: [UInt8]

    fileprivate init(bytes: [UInt8]) { self.bytes = bytes }
}

/// The attribute-limit scan of `XMLPushParser` (`AttributeCounter`), run by a chunk's producer.
/// One check per document, given every chunk in order.
public struct AttributeCheck: Sendable {
    private var counter = AttributeCounter()

    public init() {}

    /// `bytes` as a checked chunk; throws `XMLStreamError.tooManyAttributes` for an element over the limit.
    public mutating func checked(_ bytes: UnsafeRawBufferPointer) throws -> CheckedChunk {
        guard counter.scan(bytes) else { throw XMLStreamError.tooManyAttributes(limit: AttributeCounter.limit) }
        return CheckedChunk(bytes: Array(bytes))
    }
}
