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

    private init(_ fields: Fields) { self.fields = fields }

    /// Nil when every field is.
    public static func of(_ fields: Fields) -> HeldApart? { fields == Fields() ? nil : HeldApart(fields) }

    /// A word no `Decimal.packedStorage` is (its top four bits are never set): the figure is held
    /// apart.
    public static var figureWord: UInt64 { .max }
}

extension Optional {
    /// Holds `value` apart at `field` (nil: none there), making another record only when that
    /// changes what is held.
    public mutating func keepApart<Fields, Value>(
        _ value: Value?, at field: WritableKeyPath<Fields, Value?>
    ) where Wrapped == HeldApart<Fields> {
        guard value != nil || self?.fields[keyPath: field] != nil else { return }
        var fields = self?.fields ?? Fields()
        fields[keyPath: field] = value
        self = HeldApart.of(fields)
    }

    /// The figure of `word`: the Decimal whose `packedStorage` it is, or, for
    /// `HeldApart.figureWord`, the one held apart at `field`.
    @inlinable
    public func figure<Fields>(_ word: UInt64, apartAt field: KeyPath<Fields, Decimal?>) -> Decimal
    where Wrapped == HeldApart<Fields> {
        word == HeldApart<Fields>.figureWord ? self!.fields[keyPath: field]! : Decimal(packedStorage: word)
    }

    /// The word that holds `value` (its `packedStorage`), `HeldApart.figureWord` when none does,
    /// and then `value` is held apart at `field` (a value a word holds clears it there).
    public mutating func word<Fields>(
        holding value: Decimal, apartAt field: WritableKeyPath<Fields, Decimal?>
    ) -> UInt64 where Wrapped == HeldApart<Fields> {
        let word = value.packedStorage ?? HeldApart<Fields>.figureWord
        keepApart(word == HeldApart<Fields>.figureWord ? value : nil, at: field)
        return word
    }
}
