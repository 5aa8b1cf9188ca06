/// UTF-8 text appended a piece at a time, for writers of millions of small pieces (the lines of
/// `calculate --format json`, their explanations): each piece is one copy into room the buffer
/// keeps ahead, where `[UInt8].append(contentsOf:)` spends about a hundred instructions a piece
/// on checks.
public struct TextBuffer: Sendable {
    /// The text written, then zeros: the room for the next pieces. It grows in steps within the
    /// capacity reserved, so that reserved memory not yet needed is never touched (not resident).
    @usableFromInline var storage: [UInt8] = []
    /// How many bytes of text have been written.
    public var count: Int { written }
    @usableFromInline var written = 0

    /// An empty buffer with `capacity` bytes reserved; it grows past them when they are written.
    public init(capacity: Int = 256) {
        storage.reserveCapacity(capacity)
    }

    /// Empties the buffer, keeping its room.
    public mutating func removeAll() { written = 0 }

    /// Calls `write` with room for `maximum` bytes after the text; `write` fills the first bytes
    /// of it and returns how many.
    @inlinable
    public mutating func append(upTo maximum: Int, _ write: (UnsafeMutableRawBufferPointer) -> Int) {
        if storage.count - written < maximum {
            // Steps that double up to 64 KiB: few of them, each touching little memory ahead.
            storage.append(contentsOf: repeatElement(0, count: max(maximum, 64, min(storage.count, 1 << 16))))
        }
        let start = written
        written += storage.withUnsafeMutableBytes { write(UnsafeMutableRawBufferPointer(rebasing: $0[start...])) }
    }

    /// Appends `bytes`.
    @inlinable
    public mutating func append(_ bytes: UnsafeRawBufferPointer) {
        append(upTo: bytes.count) { room in
            room.copyMemory(from: bytes)
            return bytes.count
        }
    }

    /// Appends a literal's bytes.
    @inlinable
    public mutating func append(literal: StaticString) {
        append(UnsafeRawBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    /// Appends `text`'s UTF-8 bytes.
    @inlinable
    public mutating func append(utf8 text: String) {
        var text = text
        text.withUTF8 { append(UnsafeRawBufferPointer($0)) }
    }

    /// Appends `value` in decimal digits (`-42`), as `String(value)` writes it.
    public mutating func append(digitsOf value: Int) {
        append(upTo: 20) { room in
            // Int.min has 19 digits after its sign.
            var digits = 0
            var rest = value.magnitude
            repeat {
                digits += 1
                rest /= 10
            } while rest > 0
            let count = digits + (value < 0 ? 1 : 0)
            if value < 0 { room[0] = UInt8(ascii: "-") }
            rest = value.magnitude
            for index in stride(from: count - 1, through: count - digits, by: -1) {
                room[index] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            }
            return count
        }
    }

    /// Calls `body` with the text's bytes, valid only during the call.
    @inlinable
    public func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try storage.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[..<written])) }
    }

    /// The text as a string (invalid UTF-8, which the appending functions never write, repaired).
    public var string: String { withUnsafeBytes { String(decoding: $0, as: UTF8.self) } }
}
