import Foundation

/// A compensation plan: every switch of the plan-file contract (docs/plan-format.md), explicit.
public struct Plan: Sendable, Hashable {
    public var name: String
    public var currency: String
    public var period: PeriodKind
    /// The calendar month (1...12) the fiscal year starts in.
    public var fiscalYearStart: Int
    public var rounding: RoundingRule
    /// The reconciler's allowance: |manual − engine| ≤ tolerance is a rounding difference.
    public var tolerance: Decimal
    /// Statuses that earn commission; nil means every line is commissionable.
    public var eligibleStatuses: [String]?
    public var commission: CommissionRules
    public var bonuses: [Bonus]
    public var clawback: Clawback?
    public var draw: Draw?
    /// The plan's own roster (`reps:`); empty when a roster file or the sheet gives it.
    public var reps: [RosterEntry]
    /// Column pins: field name → header text.
    public var columns: [String: String]
    /// Personal objectives beyond quota, reported by the review (trueup extension).
    public var objectives: [Objective] = []
    /// How a pipeline is forecast (trueup extension).
    public var forecast = ForecastRules()

    public init(
        name: String, currency: String, period: PeriodKind, fiscalYearStart: Int = 1,
        rounding: RoundingRule = RoundingRule(), tolerance: Decimal = Decimal(string: "0.01")!,
        eligibleStatuses: [String]? = nil, commission: CommissionRules, bonuses: [Bonus] = [],
        clawback: Clawback? = nil, draw: Draw? = nil, reps: [RosterEntry] = [], columns: [String: String] = [:]
    ) {
        self.name = name
        self.currency = currency
        self.period = period
        self.fiscalYearStart = fiscalYearStart
        self.rounding = rounding
        self.tolerance = tolerance
        self.eligibleStatuses = eligibleStatuses
        self.commission = commission
        self.bonuses = bonuses
        self.clawback = clawback
        self.draw = draw
        self.reps = reps
        self.columns = columns
    }
}

/// How commission lines are priced.
public struct CommissionRules: Sendable, Hashable {
    public var tiers: TierTable
    public var overrides: [Override]
    /// A rep-period whose period attainment is below this earns no commission lines.
    public var gate: Decimal?
    public var capPerDeal: Decimal?
    public var capPerPeriod: Decimal?

    public init(
        tiers: TierTable, overrides: [Override] = [], gate: Decimal? = nil, capPerDeal: Decimal? = nil,
        capPerPeriod: Decimal? = nil
    ) {
        self.tiers = tiers
        self.overrides = overrides
        self.gate = gate
        self.capPerDeal = capPerDeal
        self.capPerPeriod = capPerPeriod
    }
}

/// The rate table and the three switches that say how to read it.
public struct TierTable: Sendable, Hashable {
    /// What a band's `from` measures.
    public enum Metric: String, Sendable, Hashable {
        /// `from` is a fraction of quota.
        case attainment
        /// `from` is money.
        case amount
    }

    /// Which credit picks the band.
    public enum Basis: String, Sendable, Hashable {
        case perDeal = "per_deal", period, ytd
    }

    public enum Mode: String, Sendable, Hashable {
        /// Each part of the credit is paid at its own band's rate.
        case marginal
        /// All of the credit is paid at the rate of the band the total reaches.
        case retroactive
    }

    public struct Band: Sendable, Hashable {
        public var from: Decimal
        public var rate: Decimal

        public init(from: Decimal, rate: Decimal) {
            self.from = from
            self.rate = rate
        }
    }

    public var metric: Metric
    public var basis: Basis
    public var mode: Mode
    /// Ascending `from`, the first at 0.
    public var bands: [Band]

    public init(metric: Metric, basis: Basis, mode: Mode, bands: [Band]) {
        self.metric = metric
        self.basis = basis
        self.mode = mode
        self.bands = bands
    }
}

/// Which lines a rule applies to. Text is compared ignoring case and surrounding spaces;
/// dates (`from`, `to`) are inclusive and compared with the close date.
public struct LineCondition: Sendable, Hashable {
    public var product: String?
    public var type: String?
    public var status: String?
    public var from: LocalDate?
    public var to: LocalDate?

    public init(
        product: String? = nil, type: String? = nil, status: String? = nil, from: LocalDate? = nil,
        to: LocalDate? = nil
    ) {
        self.product = product
        self.type = type
        self.status = status
        self.from = from
        self.to = to
    }

    public func matches(_ line: CreditLine) -> Bool {
        normalized.matches(MatchKeys(line), date: line.date)
    }

    /// The condition with its texts in compared form, for matching many lines.
    var normalized: NormalizedCondition {
        NormalizedCondition(
            product: product?.normalizedKey, type: type?.normalizedKey, status: status?.normalizedKey, from: from,
            to: to)
    }
}

/// A line's texts in compared form, worked out once for all the lines given the same labels
/// (`CreditLine.Labels.keys`).
struct MatchKeys: Sendable {
    let product: String?
    let type: String?
    let status: String?

    init(product: String?, type: String?, status: String?) {
        self.product = product
        self.type = type
        self.status = status
    }

    init(_ line: CreditLine) {
        self = line.labels?.keys ?? MatchKeys(product: nil, type: nil, status: nil)
    }
}

/// A `LineCondition` whose texts are already in compared form.
struct NormalizedCondition {
    let product: String?
    let type: String?
    let status: String?
    let from: LocalDate?
    let to: LocalDate?

    func matches(_ keys: MatchKeys, date: LocalDate) -> Bool {
        if let product, keys.product != product { return false }
        if let type, keys.type != type { return false }
        if let status, keys.status != status { return false }
        if let from, date < from { return false }
        if let to, date > to { return false }
        return true
    }
}

/// A per-line change to the tier-derived commission; the first matching override applies.
public struct Override: Sendable, Hashable {
    public enum Effect: Sendable, Hashable {
        /// Replaces the tier rate: commission = credit × rate.
        case rate(Decimal)
        /// Multiplies the tier-derived commission.
        case multiplier(Decimal)
    }

    public var when: LineCondition
    public var effect: Effect

    public init(when: LineCondition, effect: Effect) {
        self.when = when
        self.effect = effect
    }
}

/// A SPIFF paid per matching line, or a bonus paid once when a rep-period's attainment reaches a level.
public struct Bonus: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// Paid once per matching eligible line, times the line's split.
        case perDeal(amount: Decimal, when: LineCondition)
        /// Paid once in a rep-period whose final period attainment is at least `at`.
        case atAttainment(at: Decimal, amount: Decimal)
    }

    public var name: String
    public var kind: Kind
    public var countsTowardCap: Bool

    public init(name: String, kind: Kind, countsTowardCap: Bool = false) {
        self.name = name
        self.kind = kind
        self.countsTowardCap = countsTowardCap
    }
}

/// Lines cancelled within `windowDays` of closing are reversed.
public struct Clawback: Sendable, Hashable {
    public var statuses: [String]
    public var windowDays: Int

    public init(statuses: [String], windowDays: Int) {
        self.statuses = statuses
        self.windowDays = windowDays
    }
}

/// A per-period draw against commission.
public struct Draw: Sendable, Hashable {
    public var amount: Decimal
    /// Recoverable: a shortfall paid now is recovered later from earnings above the draw.
    public var recoverable: Bool

    public init(amount: Decimal, recoverable: Bool) {
        self.amount = amount
        self.recoverable = recoverable
    }
}

extension String {
    /// The form names and statuses are compared in: trimmed and case-folded.
    ///
    /// Called for every line's rep, status, product and type, so text that is already in that
    /// form (lowercase ASCII, no surrounding spaces) is returned as it is, without any copying.
    public var normalizedKey: String {
        switch utf8.withContiguousStorageIfAvailable(Self.asciiKey) {
        case .unchanged?: return self
        case .folded(let key)?: return key
        case .notASCII?, nil: break
        }
        var start = startIndex
        var end = endIndex
        while start < end, self[start].isWhitespace { start = index(after: start) }
        while end > start, self[index(before: end)].isWhitespace { end = index(before: end) }
        return self[start..<end].lowercased()
    }

    /// Feeds `normalizedKey`'s bytes to `hasher`, without making the key when the text is ASCII
    /// (a million rows' deal ids are not copied to be hashed): texts with equal keys hash alike.
    public func hashNormalizedKey(into hasher: inout Hasher) {
        let hashed = utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            if bytes.contains(where: { $0 >= 0x80 }) { return false }
            var start = 0
            var end = bytes.count
            while start < end, Self.isASCIISpace(bytes[start]) { start += 1 }
            while end > start, Self.isASCIISpace(bytes[end - 1]) { end -= 1 }
            Self.hashFolded(UnsafeBufferPointer(rebasing: bytes[start..<end]), into: &hasher)
            return true
        }
        guard hashed != true else { return }
        // `==` on strings is canonical equivalence (`e` + U+0301 is `é`, U+037E is `;`): the
        // composed form's bytes hash alike for equal keys, and as the ASCII path does for ASCII.
        // Every scalar below U+0300 (Latin-1 and Latin Extended: `Tomás`, `Łukasz`) is in composed
        // form already, so only a key with a scalar from there on is composed (a Foundation call).
        var key = normalizedKey
        if key.unicodeScalars.contains(where: { $0.value >= 0x300 }) {
            key = key.precomposedStringWithCanonicalMapping
        }
        key.withUTF8 { Self.hashFolded($0, into: &hasher) }
    }

    /// Hashes `bytes` with their ASCII capitals lowercased (lowercasing text already in compared
    /// form leaves it as it is): their FNV-1a hash, given to `hasher` as one word.
    private static func hashFolded(_ bytes: UnsafeBufferPointer<UInt8>, into hasher: inout Hasher) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64(byte &- 65 < 26 ? byte | 0x20 : byte)) &* 0x100_0000_01b3
        }
        hasher.combine(hash)
    }

    /// Tab, line feed, vertical tab, form feed, carriage return and space: ASCII's whitespace.
    private static func isASCIISpace(_ byte: UInt8) -> Bool { byte == 32 || byte &- 9 < 5 }

    private enum ASCIIKey {
        case unchanged
        case folded(String)
        case notASCII
    }

    /// `normalizedKey` of ASCII text, byte by byte on the string's own storage: the same trimming
    /// (tab, line feed, vertical tab, form feed, carriage return and space are its ASCII
    /// whitespace) and lowercasing; `.notASCII` for other text.
    private static func asciiKey(_ bytes: UnsafeBufferPointer<UInt8>) -> ASCIIKey {
        var folds = false
        for byte in bytes {
            if byte >= 0x80 { return .notASCII }
            if byte &- 65 < 26 { folds = true }
        }
        var start = 0
        var end = bytes.count
        while start < end, isASCIISpace(bytes[start]) { start += 1 }
        while end > start, isASCIISpace(bytes[end - 1]) { end -= 1 }
        if !folds, start == 0, end == bytes.count { return .unchanged }
        return .folded(
            String(unsafeUninitializedCapacity: end - start) { buffer in
                for offset in 0..<(end - start) {
                    let byte = bytes[start + offset]
                    buffer[offset] = byte &- 65 < 26 ? byte | 0x20 : byte
                }
                return end - start
            })
    }
}

extension Plan {
    /// The values the plan's rules name, as written: the products and types its overrides and
    /// per-deal bonuses apply to, and the statuses that earn, claw back or that a rule names.
    /// A reader finds by them a column no header names (`Prod.` over `Cloud`).
    public var namedValues: (products: Set<String>, types: Set<String>, statuses: Set<String>) {
        var conditions = commission.overrides.map(\.when)
        for bonus in bonuses {
            if case .perDeal(_, let when) = bonus.kind { conditions.append(when) }
        }
        var statuses = Set(eligibleStatuses ?? []).union(clawback?.statuses ?? [])
        statuses.formUnion(conditions.compactMap(\.status))
        return (Set(conditions.compactMap(\.product)), Set(conditions.compactMap(\.type)), statuses)
    }
}
