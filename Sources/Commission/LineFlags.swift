/// Conditions a statement line reports (plan-format.md section 7, "Reported conditions"): a
/// byte per line rather than an array of strings.
public struct LineFlags: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8

    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// The rep-period's attainment is under the gate: the commission line pays 0.
    public static let gated = LineFlags(rawValue: 1 << 0)
    /// A cap cut the line.
    public static let capped = LineFlags(rawValue: 1 << 1)
    /// The line's status is not eligible: it earns nothing and counts toward nothing.
    public static let notEligible = LineFlags(rawValue: 1 << 2)
    /// The splits of the line's deal do not add up to 100%.
    public static let splitTotal = LineFlags(rawValue: 1 << 3)

    /// Each flag with its contract word, in reporting order.
    public static let named: [(flag: LineFlags, name: String)] = [
        (.gated, "gated"), (.capped, "capped"), (.notEligible, "not_eligible"), (.splitTotal, "split_total"),
    ]

    /// The contract's words for the flags set (`["capped", "split_total"]`).
    public var names: [String] { Self.named.filter { contains($0.flag) }.map(\.name) }

    /// The flags the contract's words name; nil when a word is not a flag.
    public init?(names: [String]) {
        var flags: LineFlags = []
        for name in names {
            guard let flag = Self.named.first(where: { $0.name == name })?.flag else { return nil }
            flags.insert(flag)
        }
        self = flags
    }
}
