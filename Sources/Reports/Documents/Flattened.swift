/// Two records written as one JSON object: `head`'s members, then `tail`'s (`OrderedJSONEncoder`
/// writes a type's fields into the object its encoder opened), and read back the same way. For
/// members several documents share at the end of their records.
public struct Flattened<Head: Codable & Sendable & Hashable, Tail: Codable & Sendable & Hashable>: Codable,
    Sendable, Hashable
{
    public var head: Head
    public var tail: Tail

    public init(_ head: Head, _ tail: Tail) {
        self.head = head
        self.tail = tail
    }

    public init(from decoder: any Decoder) throws {
        head = try Head(from: decoder)
        tail = try Tail(from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        try head.encode(to: encoder)
        try tail.encode(to: encoder)
    }
}
