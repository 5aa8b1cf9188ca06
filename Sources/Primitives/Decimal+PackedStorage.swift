import Foundation

extension Decimal {
    /// The bits of the head a packed number may have set: the exponent (the first byte) and the
    /// length's low two bits and the sign and compact flags (the second byte's middle four).
    private static let headBitsKept: UInt32 = 0x3CFF

    /// How many low bits of a word `packedStorage` fills; the bits above are free for a tag.
    @inlinable public static var packedStorageWidth: UInt64 { 60 }

    /// This number's own storage in the low 60 bits of a word (the top four are 0, free for a
    /// caller's tag), or nil when its mantissa is longer than 48 bits or its storage has other
    /// bits set. Nearly every amount, rate and count fits. `Decimal(packedStorage:)` gives back
    /// this Decimal bit for bit: the word holds its storage, not a conversion.
    public var packedStorage: UInt64? {
        guard MemoryLayout<Decimal>.size == 20 else { return nil }
        // Read and written as integers (`StorageWords`), so the round trip is exact whatever the
        // layout; only which numbers fit depends on it.
        let bits = StorageWords(self)
        guard bits.head & ~Self.headBitsKept == 0, bits.low >> 48 == 0, bits.high == 0 else { return nil }
        return UInt64(bits.head & 0xFF) | UInt64(bits.head >> 10 & 0xF) << 8 | bits.low << 12
    }

    /// Whether `a` and `b` have the same storage, bit for bit: then they are the same number (one
    /// number may be stored two ways, mantissa and exponent scaled; those are not the same
    /// storage). Not a number is never.
    public static func sameStorage(_ a: Decimal, _ b: Decimal) -> Bool {
        guard MemoryLayout<Decimal>.size == 20, !a.isNaN else { return false }
        return StorageWords(a) == StorageWords(b)
    }

    /// The Decimal whose storage `packedStorage` gave (its low 60 bits; the top four are ignored).
    public init(packedStorage payload: UInt64) {
        let head = UInt32(payload & 0xFF) | UInt32(payload >> 8 & 0xF) << 10
        let mantissa = (payload & (1 << Decimal.packedStorageWidth - 1)) >> 12
        self = StorageWords(head: head, low: mantissa).decimal
    }
}
