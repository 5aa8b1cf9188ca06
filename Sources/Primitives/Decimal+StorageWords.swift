import Foundation

extension Decimal {
    /// Decimal's 20 bytes of storage as the three words a caller holds it in: bytes 0–7 (the
    /// exponent, the length and flags, two reserved bytes, then the mantissa's first two 16-bit
    /// words), 8–15 (its next four) and 16–19 (its last two), little-endian.
    ///
    /// A Decimal passed in registers is spilled to memory in exactly these pieces. Reading it back
    /// in the same pieces lets each load take its bytes straight from the store before it; a load
    /// across two of them (the mantissa's first 64 bits, bytes 4–11) must wait for both stores to
    /// reach the cache, a stall that cost more than all the arithmetic around it (hot: every
    /// comparison, sum and product of amounts reads two and writes one).
    @usableFromInline struct StorageWords: Equatable {
        @usableFromInline var first: UInt64
        @usableFromInline var second: UInt64
        @usableFromInline var last: UInt32

        @inlinable init(first: UInt64, second: UInt64, last: UInt32) {
            self.first = first
            self.second = second
            self.last = last
        }

        /// The storage of `value`; only for the 20-byte layout (`MemoryLayout<Decimal>.size`).
        @inlinable init(_ value: Decimal) {
            self = withUnsafeBytes(of: value) { raw in
                StorageWords(
                    first: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self)),
                    second: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)),
                    last: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 16, as: UInt32.self)))
            }
        }

        /// The Decimal with this storage, written in the same three pieces.
        @inlinable var decimal: Decimal {
            var value = Decimal()
            withUnsafeMutableBytes(of: &value) { raw in
                raw.storeBytes(of: first.littleEndian, toByteOffset: 0, as: UInt64.self)
                raw.storeBytes(of: second.littleEndian, toByteOffset: 8, as: UInt64.self)
                raw.storeBytes(of: last.littleEndian, toByteOffset: 16, as: UInt32.self)
            }
            return value
        }

        /// The first four bytes: exponent, then length (high four bits), sign and compact flags,
        /// then two reserved bytes.
        @inlinable var head: UInt32 { UInt32(truncatingIfNeeded: first) }
        /// The mantissa's first 64 bits (its first four 16-bit words, least significant first).
        @inlinable var low: UInt64 { first >> 32 | second << 32 }
        /// The mantissa's last 64 bits.
        @inlinable var high: UInt64 { second >> 32 | UInt64(last) << 32 }

        /// The storage of a head and a mantissa of at most 64 bits.
        @inlinable init(head: UInt32, low: UInt64) {
            self.init(first: UInt64(head) | low << 32, second: low >> 32, last: 0)
        }
    }
}
