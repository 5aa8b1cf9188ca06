/// A finding's causes, in order, as 5-bit codes in one word: the first cause in the lowest bits,
/// 0 after the last. Up to twelve causes; more, or a cause without a code, are held otherwise
/// (`init` gives nil, and `heldApart` marks the finding).
struct CauseCodes: Sendable, Hashable {
    private var word: UInt64

    /// No causes.
    init() { word = 0 }

    private init(word: UInt64) { self.word = word }

    /// A word no list of causes is: every code slot set, one past the last cause's code.
    static let heldApart = CauseCodes(word: .max)

    private static let width: UInt64 = 5
    private static let slots = 12
    private static let mask: UInt64 = (1 << width) - 1

    /// The causes by code less one.
    private static let byCode = Cause.allCases
    /// Each cause's code: its position in `Cause.allCases`, plus one.
    private static let codes: [Cause: UInt64] = Dictionary(
        uniqueKeysWithValues: byCode.enumerated().map { ($1, UInt64($0 + 1)) })

    /// `causes` in one word, nil when it does not hold them.
    init?(_ causes: [Cause]) {
        guard causes.count <= Self.slots, Self.byCode.count < Int(Self.mask) else { return nil }
        var word: UInt64 = 0
        for (slot, cause) in causes.enumerated() {
            guard let code = Self.codes[cause] else { return nil }
            word |= code << (UInt64(slot) * Self.width)
        }
        self.word = word
    }

    /// The first cause, nil for none.
    var first: Cause? {
        let code = word & Self.mask
        return code == 0 ? nil : Self.byCode[Int(code) - 1]
    }

    /// The causes, in the order given.
    var causes: [Cause] {
        var causes: [Cause] = []
        var rest = word
        while rest != 0 {
            causes.append(Self.byCode[Int(rest & Self.mask) - 1])
            rest >>= Self.width
        }
        return causes
    }
}
