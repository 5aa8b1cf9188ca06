extension [UInt8] {
    /// Appends a literal's UTF-8 bytes in one copy (appending `"…".utf8` walks a string's view).
    @inline(__always)
    public mutating func append(literal: StaticString) {
        append(contentsOf: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    /// Appends `text`'s UTF-8 bytes in one copy.
    @inline(__always)
    public mutating func append(utf8 text: String) {
        var text = text
        text.withUTF8 { append(contentsOf: $0) }
    }

    /// The first index at or after `from` where `needle` begins, nil when it does not occur there.
    public func firstIndex(of needle: [UInt8], from: Int) -> Int? {
        guard let first = needle.first, count >= needle.count else { return nil }
        var index = from
        let last = count - needle.count
        while index <= last {
            if self[index] == first, self[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
