import Foundation

/// The fields a compact value keeps apart from its own words (`HeldApart`): each optional, nil
/// where the value holds none there, and `init()` holding none at all.
public protocol HeldApartFields: Equatable, Sendable {
    init()
}

/// What a compact value type (a credit line, a finding) holds apart from its own words: the
/// fields few of its values have, and the figures no word of it holds (`Decimal.packedStorage`
/// gives none). Shared by the value's copies and never changed: a change makes another
/// (`Optional.keepApart`), and a value with nothing apart holds none.
public final class HeldApart<Fields: HeldApartFields>: Sendable {
    public let fields: Fields

    @usableFromInline init(_ fields: Fields) { self.fields = fields }

    /// Nil when every field is.
    @inlinable
    public static func of(_ fields: Fields) -> HeldApart? { fields == Fields() ? nil : HeldApart(fields) }

    /// A word no `Decimal.packedStorage` is (its top four bits are never set): the figure is held
    /// apart.
    @inlinable public static var figureWord: UInt64 { .max }

    /// The figure of `word`: the Decimal whose `packedStorage` it is, or, for `figureWord`, the
    /// one held apart (`apart`). Static, so that reading a figure a word holds, a million times,
    /// touches no record (not even to retain none).
    @inlinable
    public static func figure(_ word: UInt64, apart: () -> Decimal) -> Decimal {
        word == figureWord ? apart() : Decimal(packedStorage: word)
    }
}

extension Optional {
    /// Holds `value` apart at `field` (nil: none there), making another record only when that
    /// changes what is held.
    @inlinable
    public mutating func keepApart<Fields, Value>(
        _ value: Value?, at field: WritableKeyPath<Fields, Value?>
    ) where Wrapped == HeldApart<Fields> {
        guard value != nil || self?.fields[keyPath: field] != nil else { return }
        var fields = self?.fields ?? Fields()
        fields[keyPath: field] = value
        self = HeldApart.of(fields)
    }

    /// The word that holds `value` (its `packedStorage`), `HeldApart.figureWord` when none does,
    /// and then `value` is held apart at `field` (a value a word holds clears it there).
    @inlinable
    public mutating func word<Fields>(
        holding value: Decimal, apartAt field: WritableKeyPath<Fields, Decimal?>
    ) -> UInt64 where Wrapped == HeldApart<Fields> {
        let word = value.packedStorage ?? HeldApart<Fields>.figureWord
        keepApart(word == HeldApart<Fields>.figureWord ? value : nil, at: field)
        return word
    }
}
