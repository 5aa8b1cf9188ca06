/// What a document member reads as when the document lacks it: `false`, `0`, an empty list,
/// `nil`. The contract's own output leaves some members out, and documents written before a
/// member existed lack it.
public protocol ValueWhenAbsent: Codable, Hashable {
    static var whenAbsent: Self { get }
}

extension Bool: ValueWhenAbsent {
    public static var whenAbsent: Bool { false }
}

extension Int: ValueWhenAbsent {
    public static var whenAbsent: Int { 0 }
}

extension Array: ValueWhenAbsent where Element: Codable & Hashable {
    public static var whenAbsent: [Element] { [] }
}

extension Optional: ValueWhenAbsent where Wrapped: Codable & Hashable {
    public static var whenAbsent: Wrapped? { nil }
}

/// Whether a member with a default is written when it holds the default.
public protocol DefaultWriting {
    static var writesDefault: Bool { get }
}

/// Written always.
public enum WritesDefault: DefaultWriting {
    public static var writesDefault: Bool { true }
}

/// Left out when it holds the default.
public enum OmitsDefault: DefaultWriting {
    public static var writesDefault: Bool { false }
}

/// A member read as `Value.whenAbsent` from a document without it, and written always or only
/// when it differs from that, as `Writing` says. Used as `@DefaultWhenAbsent` and
/// `@OmittedWhenDefault`.
///
/// Marks the member for the synthesized `Codable` conformance of the type that holds it; the
/// holder reads and writes it as a plain `Value`.
@propertyWrapper
public struct DefaultedMember<Value: ValueWhenAbsent, Writing: DefaultWriting>: Codable, Hashable {
    public var wrappedValue: Value

    public init(wrappedValue: Value) { self.wrappedValue = wrappedValue }

    public init(from decoder: any Decoder) throws { wrappedValue = try Value(from: decoder) }

    public func encode(to encoder: any Encoder) throws { try wrappedValue.encode(to: encoder) }
}

extension DefaultedMember: Sendable where Value: Sendable {}

/// A member always written, and read as `Value.whenAbsent` from a document without it.
public typealias DefaultWhenAbsent<Value: ValueWhenAbsent> = DefaultedMember<Value, WritesDefault>

/// A member written only when it is not `Value.whenAbsent` (a row, a team, flags: where the
/// contract leaves them out rather than writing `null` or `[]`), and read as `Value.whenAbsent`
/// from a document without it.
public typealias OmittedWhenDefault<Value: ValueWhenAbsent> = DefaultedMember<Value, OmitsDefault>

extension KeyedDecodingContainer {
    public func decode<Value, Writing>(
        _: DefaultedMember<Value, Writing>.Type, forKey key: Key
    ) throws -> DefaultedMember<Value, Writing> {
        DefaultedMember(wrappedValue: try decodeIfPresent(Value.self, forKey: key) ?? .whenAbsent)
    }
}

extension KeyedEncodingContainer {
    public mutating func encode<Value, Writing>(_ member: DefaultedMember<Value, Writing>, forKey key: Key) throws {
        guard Writing.writesDefault || member.wrappedValue != .whenAbsent else { return }
        try encode(member.wrappedValue, forKey: key)
    }
}
