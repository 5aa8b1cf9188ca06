import Foundation
import Primitives

/// One credit line: one deal credited to one rep (plan-format.md 1.1).
///
/// Held in 48 bytes, for ten million rows: the amount in a word of its storage
/// (`Decimal.packedStorage`, where a Decimal takes 20 bytes), the date's day number in 32 bits,
/// the rep, product, type and status as one index into a table the process shares (`Names`) and
/// the split as a code among the splits met (`SplitCodes`), both in one 32-bit word, and what no
/// word holds (a mantissa longer than 48 bits, a day past 32 bits, names or a split the tables
/// have no room for) apart in `rare` (`HeldApart`) with the cancel date and quota. Two lines are equal when
/// their values are, however held.
public struct CreditLine: Sendable, Hashable {
    /// The row in the source sheet (1-based), for diagnostics and ordering.
    public var row: Int
    public var dealID: String
    /// The amount's storage (`Decimal.packedStorage`), `HeldApart.figureWord` when no word holds it.
    private var amountWord: UInt64
    /// The date's day number, `dayHeldApart` when 32 bits do not hold it.
    private var day: Int32
    /// In the low 20 bits, the rep and labels' index in the process's table (`Names`): one number
    /// for the lines of a rep given the same labels, `namesHeldApart` when they are in `rare`.
    /// Above them, the split's code (`SplitCodes`), `splitHeldApart` when it is in `rare`. Four
    /// bytes a line, where the texts and the split took 32.
    private var codes: UInt32
    /// The cancel date and quota, which few lines have, and the values no word holds, held apart
    /// (`RareFields`): nil for a line with none (8 bytes a line, not 32).
    private var rare: HeldApart<RareFields>?

    /// A word no `packedStorage` is (its top four bits are never set).
    private static let dayHeldApart = Int32.min
    private static let nameBits: UInt32 = 20
    private static let nameMask: UInt32 = 1 << nameBits - 1
    /// An index the names' table never gives (it holds one fewer than 20 bits count).
    private static let namesHeldApart = nameMask
    /// A code `SplitCodes` never gives.
    private static let splitHeldApart = UInt32.max >> nameBits

    /// The rep and labels' index in the table, or `namesHeldApart`.
    private var names: UInt32 { codes & Self.nameMask }
    /// The split's code, or `splitHeldApart`.
    private var splitCode: UInt32 { codes >> Self.nameBits }

    /// The rep and labels' index in the process's table, nil when they are held apart: lines
    /// with the same index have the same rep, as written (for a reader resolving many lines' reps).
    package var namesIndex: UInt32? { names == Self.namesHeldApart ? nil : names }

    /// The rep as the sheet writes it: an id or a name.
    public var rep: String {
        get { names == Self.namesHeldApart ? rare!.fields.names!.rep : lineNameTable.entry(at: names).pointee.rep }
        set { setNames(rep: newValue, labels: labels) }
    }

    /// The product, type and status (`Labels`): nil for a line that has none.
    package private(set) var labels: Labels? {
        get {
            if names == Self.namesHeldApart { return rare!.fields.names!.labels }
            let index = lineNameTable.entry(at: names).pointee.labels
            return index == Names.noLabels ? nil : Labels(tableIndex: index)
        }
        set { setNames(rep: rep, labels: newValue) }
    }

    public var date: LocalDate {
        get { day == Self.dayHeldApart ? rare!.fields.date! : LocalDate(dayNumber: Int(day)) }
        set {
            day = Self.day(newValue)
            rare.keepApart(day == Self.dayHeldApart ? newValue : nil, at: \.date)
        }
    }

    /// The deal's full amount (negative for credit notes).
    public var amount: Decimal {
        get { HeldApart<RareFields>.figure(amountWord) { rare!.fields.amount! } }
        set { amountWord = rare.word(holding: newValue, apartAt: \.amount) }
    }

    /// This rep's share, as a fraction (1 = 100%).
    public var split: Decimal {
        get {
            let code = splitCode
            return code == Self.splitHeldApart ? rare!.fields.split! : Decimal(packedStorage: SplitCodes.word(code))
        }
        set {
            let code = SplitCodes.code(newValue) ?? Self.splitHeldApart
            codes = codes & Self.nameMask | code << Self.nameBits
            rare.keepApart(code == Self.splitHeldApart ? newValue : nil, at: \.split)
        }
    }

    /// Whether the split is stored as `Decimal(1)` is: the rep's share is the whole deal (a split
    /// of 1 stored otherwise, `1.00`, is not told here; `split` gives it).
    var isWholeShare: Bool { splitCode == SplitCodes.wholeShare }

    public var cancelDate: LocalDate? {
        get { rare?.fields.cancelDate }
        set { apart.cancelDate = newValue }
    }

    /// The rep's per-period quota from the sheet, when no roster gives one.
    public var quota: Decimal? {
        get { rare?.fields.quota }
        set { apart.quota = newValue }
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
    /// quota on each of its rows), so that they are held once. `nameCode`: `nameCode(rep:labels:)`
    /// of `rep` and `labels`, when the reader remembers it.
    package init(
        row: Int, dealID: String, rep: String, date: LocalDate, amount: Decimal, split: Decimal, labels: Labels?,
        cancelDate: LocalDate?, quota: Decimal?, sharingWith previous: CreditLine? = nil, nameCode: UInt32? = nil
    ) {
        self.row = row
        self.dealID = dealID
        amountWord = amount.packedStorage ?? HeldApart<RareFields>.figureWord
        day = Self.day(date)
        let names = nameCode ?? Self.nameCode(rep: rep, labels: labels)
        let splitCode = SplitCodes.code(split) ?? Self.splitHeldApart
        codes = names | splitCode << Self.nameBits
        var fields = RareFields(cancelDate: cancelDate, quota: quota)
        if amountWord == HeldApart<RareFields>.figureWord { fields.amount = amount }
        if splitCode == Self.splitHeldApart { fields.split = split }
        if day == Self.dayHeldApart { fields.date = date }
        if names == Self.namesHeldApart { fields.names = HeldNames(rep: rep, labels: labels) }
        if let shared = previous?.rare, fields.holdsNoValueOfTheLine, shared.fields == fields {
            rare = shared
        } else {
            rare = HeldApart.of(fields)
        }
    }

    /// amount × split, exact.
    public var credit: Decimal { amount * split }

    /// What the line holds apart, as a value: setting it makes another record (or none).
    private var apart: RareFields {
        get { rare?.fields ?? RareFields() }
        set { rare = HeldApart.of(newValue) }
    }

    /// Sets the rep and labels: their index in the table, or held apart when it has no room.
    private mutating func setNames(rep: String, labels: Labels?) {
        let names = Self.names(rep: rep, labels: labels) ?? Self.namesHeldApart
        codes = codes & ~Self.nameMask | names
        rare.keepApart(names == Self.namesHeldApart ? HeldNames(rep: rep, labels: labels) : nil, at: \.names)
    }

    /// What a line files `rep` and `labels` under: their index in the process's table, or the mark
    /// that the line holds them apart. The table is asked under its lock, where a million lines
    /// read on two threads wait on each other: a reader remembers the code of each rep it reads,
    /// and gives it to `init` (a key the table has keeps its index, and one it has no room for
    /// never finds room later).
    package static func nameCode(rep: String, labels: Labels?) -> UInt32 {
        names(rep: rep, labels: labels) ?? namesHeldApart
    }

    /// The index of `rep` and `labels` in the table, nil when it has no room for them or the
    /// labels are held apart from theirs.
    private static func names(rep: String, labels: Labels?) -> UInt32? {
        let index = if let labels { labels.interned } else { Names.noLabels }
        return index.flatMap { lineNameTable.index(of: Names(rep: rep, labels: $0)) }
    }

    /// `date`'s day number in 32 bits, `dayHeldApart` when they do not hold it.
    private static func day(_ date: LocalDate) -> Int32 {
        Int32(exactly: date.dayNumber).flatMap { $0 == dayHeldApart ? nil : $0 } ?? dayHeldApart
    }

    public static func == (a: CreditLine, b: CreditLine) -> Bool {
        a.row == b.row && a.dealID == b.dealID && a.date == b.date && a.amount == b.amount && a.split == b.split
            && a.cancelDate == b.cancelDate && a.quota == b.quota && a.sameNames(as: b)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(row)
        hasher.combine(dealID)
        hasher.combine(rep)
        hasher.combine(date)
        hasher.combine(amount)
        hasher.combine(split)
        hasher.combine(labels)
        hasher.combine(cancelDate)
        hasher.combine(quota)
    }
}

extension CreditLine {
    /// Whether this line's rep and labels are `other`'s: the same index in the table, when both
    /// are there (the table gives equal names one index and other names another).
    private func sameNames(as other: CreditLine) -> Bool {
        if names != Self.namesHeldApart && other.names != Self.namesHeldApart { return names == other.names }
        return rep == other.rep && labels == other.labels
    }

    /// A line's rep and labels as the key of their table.
    struct Names: InternedKey {
        let rep: String
        /// The labels' index in their table (`Labels.interned`), `noLabels` for a line without.
        let labels: UInt32
        static let noLabels = UInt32.max

        var byteCount: Int { rep.utf8.count }
    }

    /// A line's rep and labels held apart from the table: when it is full, or the labels are held
    /// apart from theirs.
    fileprivate struct HeldNames: Equatable {
        let rep: String
        let labels: Labels?
    }

    /// Whether this line holds its cancel date and quota in the same place as `other` (for tests
    /// of `init(…sharingWith:)`).
    func sharesCancelDateAndQuota(with other: CreditLine) -> Bool {
        rare != nil && rare === other.rare
    }

    /// A line's cancel date and quota, and the amount, split, date or names no word of the line
    /// holds.
    fileprivate struct RareFields: HeldApartFields {
        var cancelDate: LocalDate?
        var quota: Decimal?
        /// Set only when the line's own word cannot hold it.
        var amount: Decimal?
        var split: Decimal?
        var date: LocalDate?
        var names: HeldNames?

        /// Whether only the cancel date and quota are here (what lines may share: a value
        /// of the line's own is kept as it is, not replaced by one merely equal to it).
        var holdsNoValueOfTheLine: Bool { amount == nil && split == nil && date == nil && names == nil }
    }
}

/// The table lines' rep and labels index (`CreditLine.Names`): a rep's lines given the same
/// labels share an entry, so it holds about a rep per product, type and status met.
private let lineNameTable = InternTable<CreditLine.Names, CreditLine.Names>(
    capacity: 1 << 20 - 1, textBudget: 32 << 20, entry: { $0 })

/// The splits lines are given, each storage (`Decimal.packedStorage`) met in this process at a
/// 12-bit code that never changes: a run meets few (whole shares, halves, a team's usual
/// shares), and a line keeps the code beside its names' index. A split the table has no room for
/// (past 4,095 of them) is held with its line. Code 0 is `Decimal(1)`'s, given without a lookup.
enum SplitCodes {
    static let wholeShare: UInt32 = 0
    /// Nil only where no split has a word (`packedStorage`), and then no code is given.
    private static let wholeShareWord = Decimal(1).packedStorage

    private struct Word: InternedKey {
        let word: UInt64
        var byteCount: Int { 0 }
    }

    private static let table: InternTable<Word, UInt64> = {
        let table = InternTable<Word, UInt64>(capacity: 1 << 12 - 1, textBudget: 0, entry: { $0.word })
        precondition(table.index(of: Word(word: wholeShareWord!)) == wholeShare)
        return table
    }()

    /// `split`'s code, nil when no word holds it or the table has no room for it.
    static func code(_ split: Decimal) -> UInt32? {
        guard let word = split.packedStorage else { return nil }
        return word == wholeShareWord ? wholeShare : table.index(of: Word(word: word))
    }

    /// The storage of the split at `code`, which `code(_:)` gave.
    static func word(_ code: UInt32) -> UInt64 { code == wholeShare ? wholeShareWord! : table.entry(at: code).pointee }
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
