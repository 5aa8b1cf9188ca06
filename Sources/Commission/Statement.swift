import Foundation
import Primitives

/// One computed line: a commission, a bonus, a year-to-date true-up or a clawback.
public struct StatementLine: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case commission, bonus
        case trueUp = "true_up"
        case clawback
    }

    public var kind: Kind
    /// The source row, for lines that come from one.
    public var row: Int?
    public var dealID: String?
    /// The rep's id.
    public var rep: String
    public var period: Period
    /// The line's credit (amount × split); nil for true-ups and attainment bonuses.
    public var credit: Decimal?
    public var amount: Decimal
    /// The rates the amount was computed at, in band order.
    public var rates: [Decimal] {
        get { rateList.array }
        set { rateList = RateList(newValue) }
    }
    /// How the amount was reached, in words and figures.
    public var explanation: String
    /// Conditions such as gated, capped, not eligible, splits not adding up.
    public var flags: LineFlags
    /// The bonus's name, for bonus lines.
    public var bonusName: String?
    /// The sheet of the workbook `row` stands on, when the line was read from one (set by the
    /// caller that read the workbook; the engine never sees it).
    public var sheet: String?
    /// `rates` as stored: none, one, or several.
    package private(set) var rateList: RateList

    init(
        kind: Kind, row: Int?, dealID: String?, rep: String, period: Period, credit: Decimal?, amount: Decimal,
        rates: [Decimal], explanation: String, flags: LineFlags, bonusName: String?
    ) {
        self.init(
            kind: kind, row: row, dealID: dealID, rep: rep, period: period, credit: credit, amount: amount,
            rateList: RateList(rates), explanation: explanation, flags: flags, bonusName: bonusName)
    }

    init(
        kind: Kind, row: Int?, dealID: String?, rep: String, period: Period, credit: Decimal?, amount: Decimal,
        rateList: RateList, explanation: String, flags: LineFlags, bonusName: String?
    ) {
        self.kind = kind
        self.row = row
        self.dealID = dealID
        self.rep = rep
        self.period = period
        self.credit = credit
        self.amount = amount
        self.rateList = rateList
        self.explanation = explanation
        self.flags = flags
        self.bonusName = bonusName
    }

    /// The first of `rates`, without building the array.
    var firstRate: Decimal? {
        switch rateList {
        case .none: nil
        case .one(let rate): rate
        case .many(let rates): rates.first
        }
    }
}

/// A line's rates without an array (an allocation per line) for the usual none or one.
package enum RateList: Sendable, Hashable {
    case none
    case one(Decimal)
    case many([Decimal])

    init(_ rates: [Decimal]) {
        switch rates.count {
        case 0: self = .none
        case 1: self = .one(rates[0])
        default: self = .many(rates)
        }
    }

    package var array: [Decimal] {
        switch self {
        case .none: []
        case .one(let rate): [rate]
        case .many(let rates): rates
        }
    }

    /// Whether the rates are stored alike, bit for bit (`Decimal.sameStorage`): then they are the
    /// same rates (`==`), told so without comparing them as numbers. Rates written alike in the
    /// plan are stored alike.
    package func hasSameStorage(as other: RateList) -> Bool {
        switch (self, other) {
        case (.none, .none): true
        case (.one(let x), .one(let y)): Decimal.sameStorage(x, y)
        case (.many(let x), .many(let y)): x.count == y.count && zip(x, y).allSatisfy { Decimal.sameStorage($0, $1) }
        default: false
        }
    }

    /// The same rates, compared as numbers as `Decimal`'s `==` does, on integers where they are
    /// small (`Decimal.same`): Foundation's comparison is the cost of telling lines apart by rate.
    package static func == (a: RateList, b: RateList) -> Bool {
        switch (a, b) {
        case (.none, .none): true
        case (.one(let x), .one(let y)): Decimal.same(x, y)
        case (.many(let x), .many(let y)): x.count == y.count && zip(x, y).allSatisfy { Decimal.same($0, $1) }
        default: false
        }
    }
}

/// One rep's totals for one period.
public struct RepPeriodTotal: Sendable, Hashable {
    public var rep: String
    public var name: String?
    public var team: String?
    public var period: Period
    public var credit: Decimal
    public var quota: Decimal?
    /// credit ÷ quota, exact; nil without a quota.
    public var attainment: Decimal?
    /// For `basis: ytd`: the annual quota of the period's fiscal year, prorated.
    public var ytdQuota: Decimal?
    public var earned: Decimal
    public var draw: Decimal
    public var drawPaid: Decimal
    public var recovered: Decimal
    public var payable: Decimal
    /// The recoverable-draw balance carried after this period.
    public var balance: Decimal
    public var gated: Bool
}

/// A condition the engine noticed in the data and reports without stopping.
public struct StatementIssue: Sendable, Hashable {
    /// What the engine noticed (plan-format.md section 7, "Reported conditions").
    public enum Code: String, Sendable, Hashable, Codable, CaseIterable {
        case notEligible = "not_eligible"
        case splitTotal = "split_total"
        case missingCancelDate = "missing_cancel_date"
        case cancelBeforeClose = "cancel_before_close"
        case clawbackWindowPassed = "clawback_window_passed"
    }

    public var code: Code
    public var rows: [Int]
    public var dealID: String?
    public var rep: String?
    public var message: String
    /// Further figures, by name (`status`, `days`, `window_days`, `total`).
    public var details: [(String, String)]

    public init(
        code: Code, rows: [Int], dealID: String?, rep: String?, message: String, details: [(String, String)] = []
    ) {
        self.code = code
        self.rows = rows
        self.dealID = dealID
        self.rep = rep
        self.message = message
        self.details = details
    }

    public static func == (a: StatementIssue, b: StatementIssue) -> Bool {
        a.code == b.code && a.rows == b.rows && a.dealID == b.dealID && a.rep == b.rep && a.message == b.message
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(code)
        hasher.combine(rows)
        hasher.combine(dealID)
    }
}

/// Everything the engine computed for one run.
///
/// Lines are kept in groups, one per rep, as the engine produced them, so a million-line
/// statement is never copied into one array; `lines` joins them for callers that want one.
public struct Statement: Sendable, Hashable {
    public var plan: String
    public var currency: String
    /// The lines, grouped by rep in roster order.
    public var lineGroups: [[StatementLine]]
    public var reps: [RepPeriodTotal]
    public var issues: [StatementIssue]

    public init(
        plan: String, currency: String, lineGroups: [[StatementLine]], reps: [RepPeriodTotal],
        issues: [StatementIssue]
    ) {
        self.plan = plan
        self.currency = currency
        self.lineGroups = lineGroups
        self.reps = reps
        self.issues = issues
    }

    /// Every line, in roster order then the plan's order (a joined copy of `lineGroups`).
    public var lines: [StatementLine] { Array(lineGroups.joined()) }

    public var lineCount: Int { lineGroups.reduce(0) { $0 + $1.count } }
}
