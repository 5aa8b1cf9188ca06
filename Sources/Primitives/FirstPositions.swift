/// Finds the first position of each key in a long sequence without holding the keys: a table of
/// key hashes to positions (about 12 bytes a key where a `[Key: Int]` holds the whole key), the
/// keys themselves kept only for the rare different keys whose hashes collide.
///
/// Positions are asked in increasing order; `first(of:at:keyAt:)` recomputes the key of an
/// earlier position (`keyAt`) only when its hash matches, to tell a repeat from a collision.
public struct FirstPositions<Key: Hashable> {
    private var byHash: [Int: Int32] = [:]
    /// Keys whose hash another key had first, with their own first positions.
    private var collided: [Key: Int32] = [:]

    /// `capacity`: how many distinct keys to expect.
    public init(capacity: Int) {
        byHash.reserveCapacity(capacity)
    }

    /// The first position before `position` that had a key equal to `key`; nil when there is
    /// none, and `position` is then recorded as `key`'s first. `keyAt` gives the key of an
    /// earlier position. Positions must fit in 32 bits.
    public mutating func first(of key: Key, at position: Int, keyAt: (Int) -> Key) -> Int? {
        let hash = key.hashValue
        guard let earlier = byHash[hash] else {
            byHash[hash] = Int32(position)
            return nil
        }
        if keyAt(Int(earlier)) == key { return Int(earlier) }
        if let own = collided[key] { return Int(own) }
        collided[key] = Int32(position)
        return nil
    }
}
