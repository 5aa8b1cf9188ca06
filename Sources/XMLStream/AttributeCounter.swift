#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Counts the attributes of each start tag in the raw bytes, ahead of libxml2.
///
/// Every `<` starts a span (it cannot occur inside an attribute value). A span shorter than
/// `shortSpan` cannot hold more than `limit` attributes (each takes at least ` a=""`, five
/// bytes), so spans are found with `memchr` and only a longer one is read byte by byte: there a
/// `!` or `?` after the `<` makes it a comment, CDATA, declaration or processing instruction (no
/// attributes), `=` outside quotes is one attribute, and `>` outside quotes ends the tag (the
/// text after it counts nothing). Constant state across chunks.
struct AttributeCounter {
    /// The most attributes (namespace declarations included) one element may carry. Workbook
    /// parts use a few dozen at most; libxml2 takes about 0.3 ms here and 27 s at 100,000.
    static let limit = 1_000
    static let shortSpan = 5 * (limit + 1)

    /// The exact reading of one long span, from just after its `<`.
    private struct Exact {
        var inTag = true
        var opened = true
        var quote: UInt8 = 0
        var count = 0

        mutating func read(_ bytes: UnsafeRawBufferPointer) -> Bool {
            for byte in bytes {
                if !inTag { return true }
                if opened {
                    opened = false
                    if byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?") {
                        inTag = false
                        return true
                    }
                }
                if quote != 0 {
                    if byte == quote { quote = 0 }
                } else if byte == UInt8(ascii: "=") {
                    count += 1
                    if count > AttributeCounter.limit { return false }
                } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    quote = byte
                } else if byte == UInt8(ascii: ">") {
                    inTag = false
                }
            }
            return true
        }
    }

    /// Bytes of the current span so far (after its `<`), when it began in an earlier chunk.
    private var earlier: [UInt8] = []
    private var spanLength = 0
    private var exact: Exact?

    /// False as soon as a tag carries more than `limit` attributes.
    mutating func scan(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return true }
        let end = bytes.count
        var spanStart: Int? = nil
        var position = 0
        while true {
            let stop =
                memchr(base + position, Int32(UInt8(ascii: "<")), end - position).map { UnsafeRawPointer($0) - base }
                ?? end
            let piece = UnsafeRawBufferPointer(start: base + position, count: stop - position)
            if exact != nil {
                guard exact!.read(piece) else { return false }
            } else {
                spanLength += piece.count
                if spanLength > Self.shortSpan {
                    var reading = Exact()
                    if spanStart == nil {
                        guard earlier.withUnsafeBytes({ reading.read($0) }) else { return false }
                    }
                    let from = spanStart ?? 0
                    guard reading.read(UnsafeRawBufferPointer(start: base + from, count: stop - from)) else {
                        return false
                    }
                    exact = reading
                    earlier = []
                }
            }
            if stop == end {
                if exact == nil {
                    let from = spanStart ?? 0
                    earlier.append(contentsOf: UnsafeRawBufferPointer(start: base + from, count: end - from))
                }
                return true
            }
            exact = nil
            if !earlier.isEmpty { earlier.removeAll(keepingCapacity: true) }
            spanLength = 0
            spanStart = stop + 1
            position = stop + 1
        }
    }
}
