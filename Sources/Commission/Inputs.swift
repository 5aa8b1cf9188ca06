import Foundation

/// One credit line: one deal credited to one rep (plan-format.md 1.1).
public struct CreditLine: Sendable, Hashable {
    /// The row in the source sheet (1-based), for diagnostics and ordering.
    public var row: Int
    public var dealID: String
    /// The rep as the sheet writes it: an id or a name.
    public var rep: String
    public var date: LocalDate
    /// The deal's full amount (negative for credit notes).
    public var amount: Decimal
    /// This rep's share, as a fraction (1 = 100%).
    public var split: Decimal
    /// The product, type and status, held apart (`Labels`): nil for a line that has none, and
    /// one index into a table for lines given the same ones (8 bytes a line, not 48).
    package private(set) var labels: Labels?
    /// The cancel date and quota, which few lines have, held apart (`Rare`): nil for a line with
    /// neither (8 bytes a line, not 32).
    private var rare: Rare?

    public var cancelDate: LocalDate? {
        get { rare?.cancelDate }
        set { rare = Rare.of(cancelDate: newValue, quota: quota) }
    }

    /// The rep's per-period quota from the sheet, when no roster gives one.
    public var quota: Decimal? {
        get { rare?.quota }
        set { rare = Rare.of(cancelDate: cancelDate, quota: newValue) }
    }

    public var product: String? {
        get { labels?.product }
        set { labels = Labels.of(product: newValue, type: type, status: status) }
    }

    public var type: String? {
        get { labels?.type }
        set { labels = Labels.of(product: product, type: newValue, status: status) }
    }

    public var status: String? {
        get { labels?.status }
        set { labels = Labels.of(product: product, type: type, status: newValue) }
    }

    public init(
        row: Int, dealID: String, rep: String, date: LocalDate, amount: Decimal, split: Decimal = 1,
        product: String? = nil, type: String? = nil, status: String? = nil, cancelDate: LocalDate? = nil,
        quota: Decimal? = nil
    ) {
        self.init(
            row: row, dealID: dealID, rep: rep, date: date, amount: amount, split: split,
            labels: Labels.of(product: product, type: type, status: status), cancelDate: cancelDate, quota: quota)
    }

    /// A line whose product, type and status are `labels` (`Labels.of`), for a reader that
    /// remembers the labels it made for the texts it reads. `previous`: a line read before, whose
    /// cancel date and quota this line shares when they are equal (a quota column repeats a rep's
    /// quota on each of its rows), so that they are held once.
    package init(
        row: Int, dealID: String, rep: String, date: LocalDate, amount: Decimal, split: Decimal, labels: Labels?,
        cancelDate: LocalDate?, quota: Decimal?, sharingWith previous: CreditLine? = nil
    ) {
        self.row = row
        self.dealID = dealID
        self.rep = rep
        self.date = date
        self.amount = amount
        self.split = split
        self.labels = labels
        if let shared = previous?.rare, shared.cancelDate == cancelDate, shared.quota == quota {
            rare = shared
        } else {
            rare = Rare.of(cancelDate: cancelDate, quota: quota)
        }
    }

    /// amount × split, exact.
    public var credit: Decimal { amount * split }
}

extension CreditLine {
    /// Whether this line holds its cancel date and quota in the same place as `other` (for tests
    /// of `init(…sharingWith:)`).
    func sharesCancelDateAndQuota(with other: CreditLine) -> Bool {
        rare != nil && rare === other.rare
    }

    /// A line's cancel date and quota, shared by the copies of the line and never changed: a
    /// change makes another.
    private final class Rare: Sendable, Hashable {
        let cancelDate: LocalDate?
        let quota: Decimal?

        private init(cancelDate: LocalDate?, quota: Decimal?) {
            self.cancelDate = cancelDate
            self.quota = quota
        }

        /// Nil when both are.
        static func of(cancelDate: LocalDate?, quota: Decimal?) -> Rare? {
            cancelDate == nil && quota == nil ? nil : Rare(cancelDate: cancelDate, quota: quota)
        }

        static func == (left: Rare, right: Rare) -> Bool {
            left.cancelDate == right.cancelDate && left.quota == right.quota
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(cancelDate)
            hasher.combine(quota)
        }
    }
}

/// One rep on the plan, with objectives (plan-format.md 1.2).
public struct RosterEntry: Sendable, Hashable {
    public var id: String
    public var name: String?
    public var team: String?
    /// Per-period quota.
    public var quota: Decimal?
    public var annualQuota: Decimal?
    public var start: LocalDate?
    public var end: LocalDate?
    /// Per-period draw, overriding the plan's.
    public var draw: Decimal?
    /// Per-period targets of personal objectives, by the objective's name in compared form
    /// (`String.normalizedKey`).
    public var objectiveTargets: [String: Decimal]
    /// The rep's e-mail address, and other ways the rep's name is written (nicknames, old names):
    /// a hand-kept sheet's rep written one of these ways is this rep.
    public var email: String?
    public var aliases: [String] = []

    public init(
        id: String, name: String? = nil, team: String? = nil, quota: Decimal? = nil, annualQuota: Decimal? = nil,
        start: LocalDate? = nil, end: LocalDate? = nil, draw: Decimal? = nil, objectiveTargets: [String: Decimal] = [:]
    ) {
        self.objectiveTargets = objectiveTargets
        self.id = id
        self.name = name
        self.team = team
        self.quota = quota
        self.annualQuota = annualQuota
        self.start = start
        self.end = end
        self.draw = draw
    }

    /// The per-period quota: `quota`, else `annual_quota / periods_per_year` rounded to cents.
    public func periodQuota(_ kind: PeriodKind) -> Decimal? {
        if let quota { return quota }
        return annualQuota.map { ($0 / Decimal(kind.periodsPerYear)).roundedToCents }
    }

    /// Whether the rep's `quota` and `annual_quota` are both given and tell two per-period quotas:
    /// `quota` is neither `annual_quota / periods_per_year` rounded to cents nor a `periods_per_year`-th
    /// of it. The contract does not say which one wins, so the roster is refused (plan-format.md 1.2).
    public func quotasDisagree(_ kind: PeriodKind) -> Bool {
        guard let quota, let annualQuota else { return false }
        let periods = Decimal(kind.periodsPerYear)
        return quota != (annualQuota / periods).roundedToCents && quota * periods != annualQuota
    }

    /// The words naming both of a rep's quotas that disagree (`quotasDisagree`).
    public func disagreeingQuotasWords(_ kind: PeriodKind) -> String {
        let periods = kind.periodsPerYear
        let annual = annualQuota ?? 0
        let perPeriod = (annual / Decimal(periods)).roundedToCents
        return
            "rep \(id)'s quota \(quota ?? 0) and annual_quota \(annual) disagree (\(annual) / \(periods) is \(perPeriod) a \(kind.rawValue), not \(quota ?? 0)); give one of them, or make them agree"
    }

    /// The annual quota: `annual_quota`, else `quota × periods_per_year`.
    public func yearQuota(_ kind: PeriodKind) -> Decimal? {
        annualQuota ?? quota.map { $0 * Decimal(kind.periodsPerYear) }
    }

    /// The days of `range` the rep is on the plan (between `start` and `end`, both inclusive).
    public func activeDays(in range: ClosedRange<LocalDate>) -> Int {
        let first = max(range.lowerBound, start ?? range.lowerBound)
        let last = min(range.upperBound, end ?? range.upperBound)
        return first > last ? 0 : first.days(to: last) + 1
    }

    /// `amount × active days / days` (plan-format.md 3.4), rounded to cents half-up when the rep is
    /// on the plan for only part of `range`.
    public func prorated(_ amount: Decimal, over range: ClosedRange<LocalDate>) -> Decimal {
        let total = range.lowerBound.days(to: range.upperBound) + 1
        let active = activeDays(in: range)
        guard active < total else { return amount }
        return (amount * Decimal(active) / Decimal(total)).roundedToCents
    }

    /// Whether the rep is on the plan on `date`.
    public func isActive(on date: LocalDate) -> Bool {
        (start.map { date >= $0 } ?? true) && (end.map { date <= $0 } ?? true)
    }
}

/// One open deal in a pipeline, credited to one rep, with its chance of closing.
public struct OpenDeal: Sendable, Hashable {
    /// The row in the pipeline file (1-based).
    public var row: Int
    public var dealID: String
    /// The rep as the file writes it: an id or a name.
    public var rep: String
    /// When the deal is expected to close: the period it is forecast in.
    public var expectedClose: LocalDate
    public var amount: Decimal
    /// This rep's share, as a fraction (1 = 100%).
    public var split: Decimal
    public var product: String?
    public var type: String?
    /// The stage as written, when the file has one.
    public var stage: String?
    /// The chance of closing, 0...1: the file's, else its stage's in the plan.
    public var probability: Decimal

    public init(
        row: Int, dealID: String, rep: String, expectedClose: LocalDate, amount: Decimal, split: Decimal = 1,
        product: String? = nil, type: String? = nil, stage: String? = nil, probability: Decimal
    ) {
        self.row = row
        self.dealID = dealID
        self.rep = rep
        self.expectedClose = expectedClose
        self.amount = amount
        self.split = split
        self.product = product
        self.type = type
        self.stage = stage
        self.probability = probability
    }
}
