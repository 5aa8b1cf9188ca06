/// Values found once for each small index met (a table's entry numbers), held in a flat list
/// rather than hashed: a million lines of a few hundred entries are looked up by position.
public struct IndexMemo {
    /// By index, its value, or -1 for an index not met.
    private var values: [Int32] = []

    public init() {}

    /// The value kept at `index` (not negative), nil when none is; a value set must not be negative.
    public subscript(index: Int) -> Int32? {
        get { index < values.count && values[index] >= 0 ? values[index] : nil }
        set {
            if index >= values.count { values += repeatElement(-1, count: index + 1 - values.count) }
            values[index] = newValue ?? -1
        }
    }
}
