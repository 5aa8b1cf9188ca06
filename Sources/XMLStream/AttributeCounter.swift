#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Counts the attributes of each start tag in the raw bytes, ahead of libxml2.
///
/// Every `<` starts a span (it cannot occur inside an attribute value). A span shorter than
/// `shortSpan` cannot hold more than `limit` attributes (each takes at least ` a=""`, five
/// bytes), so short spans are passed over (`scan`) and only a longer one is read byte by byte: there a
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
    ///
    /// Where tags are dense (a worksheet's `<c r="A1"><v>1</v></c>`, a `<` every few bytes), a
    /// call per span would cost more than the span: instead each step looks at the longest window
    /// the current span may still fill while short and jumps past the last `<` in it (found from
    /// the window's end, a few bytes back). Every span that ends in such a window is short; a
    /// window without a `<` is a long span, read exactly from its start.
    mutating func scan(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), !bytes.isEmpty else { return true }
        let end = bytes.count
        // Where the current span began in this chunk; nil when it began in an earlier one (its
        // bytes are then in `earlier`).
        var spanStart: Int? = nil
        var position = 0
        while position < end {
            if exact != nil {
                let stop =
                    memchr(base + position, Int32(UInt8(ascii: "<")), end - position).map {
                        UnsafeRawPointer($0) - UnsafeRawPointer(base)
                    } ?? end
                guard exact!.read(UnsafeRawBufferPointer(start: base + position, count: stop - position)) else {
                    return false
                }
                if stop == end { return true }
                exact = nil
                spanLength = 0
                spanStart = stop + 1
                position = stop + 1
                continue
            }
            // A span of more than `shortSpan` bytes is long: this one may take `room` more.
            let room = Self.shortSpan - spanLength + 1
            let window = min(end - position, room)
            var last = position + window - 1
            while last >= position && base[last] != UInt8(ascii: "<") { last -= 1 }
            if last >= position {
                if !earlier.isEmpty { earlier.removeAll(keepingCapacity: true) }
                spanLength = 0
                spanStart = last + 1
                position = last + 1
            } else if window < room {
                // The chunk ends inside a span that is short so far: its bytes wait for the next.
                let from = spanStart ?? 0
                earlier.append(contentsOf: UnsafeRawBufferPointer(start: base + from, count: end - from))
                spanLength += end - position
                return true
            } else {
                // A long span: read exactly from its start (in an earlier chunk, or in this one).
                var reading = Exact()
                if spanStart == nil {
                    guard earlier.withUnsafeBytes({ reading.read($0) }) else { return false }
                }
                earlier = []
                exact = reading
                position = spanStart ?? 0
            }
        }
        return true
    }
}
