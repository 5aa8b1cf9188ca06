extension XMLAttributes {
    /// Every attribute as written: its prefix (nil when unprefixed), local name and value, in
    /// document order, for editors that write a start tag back with one attribute changed.
    public var qualified: [(prefix: String?, name: String, value: String)] {
        guard let base else { return [] }
        return (0..<count).compactMap { i in
            let entry = base + 5 * i
            guard let local = entry[0], let start = entry[3], let end = entry[4] else { return nil }
            return (
                entry[1].map { String(cString: $0) }, String(cString: local),
                Self.decodedString(UnsafeBufferPointer(start: start, count: end - start))
            )
        }
    }
}
