/// The columns of a sheet it shows and hides, for telling apart columns that tie for a field:
/// last year's `Rate | Commission` kept in hidden columns beside this year's, under the same
/// headers or headers alike (`Commission (2025 plan)`, `Commission (2026 plan)`). The one the
/// sheet shows is what its author reads and pays; the hidden ones are working kept out of sight.
///
/// The hidden columns are read at the first question only (`ColumnMatcher.map`'s `hidden`): a
/// header with no tie never reads them.
struct ShownColumns {
    private let read: () -> [ClosedRange<Int>]
    private var hidden: [ClosedRange<Int>]?

    init(_ read: @escaping () -> [ClosedRange<Int>]) {
        self.read = read
    }

    /// The one of `candidates` (columns) the sheet shows, where it hides every other; nil when it
    /// shows two or more of them, or none.
    mutating func only(among candidates: [Int]) -> Int? {
        if hidden == nil { hidden = read() }
        guard let hidden, !hidden.isEmpty else { return nil }
        let shown = candidates.filter { column in !hidden.contains { $0.contains(column) } }
        return shown.count == 1 ? shown[0] : nil
    }
}

extension ShownColumns {
    /// `read`, called at the first call only and its columns kept for the next: for the mappings
    /// of one header search, each of which may ask (one per row searched, alone and joined).
    static func once(_ read: @escaping () -> [ClosedRange<Int>]) -> () -> [ClosedRange<Int>] {
        var held: [ClosedRange<Int>]?
        return {
            if let held { return held }
            let columns = read()
            held = columns
            return columns
        }
    }
}
