import Foundation
import Primitives

/// Which statuses earn and which claw back (plan-format.md `eligible:` and `clawback.statuses`),
/// on statuses in compared form (`String.normalizedKey`). A small value of the plan's words, for
/// the readers that tell rows apart by status without taking the plan.
public struct StatusRule: Sendable, Hashable {
    private let eligible: Set<String>?
    private let clawback: Set<String>

    public init(_ plan: Plan) {
        self.init(eligible: plan.eligibleStatuses, clawback: plan.clawback?.statuses ?? [])
    }

    /// `eligible`: the statuses that earn (nil: every status); `clawback`: those that claw back.
    public init(eligible: [String]?, clawback: [String]) {
        self.eligible = eligible.map { Set($0.map(\.normalizedKey)) }
        self.clawback = Set(clawback.map(\.normalizedKey))
    }

    public func isClawback(_ status: String?) -> Bool { status.map { clawback.contains($0) } ?? false }

    /// Whether a line with this status earns: any status without an `eligible:` list; a clawback
    /// status always (the clawback is priced as the deal was).
    public func isEligible(_ status: String?) -> Bool {
        guard let eligible else { return true }
        return status.map { eligible.contains($0) } ?? false || isClawback(status)
    }
}

extension Plan {
    /// The period a clawed-back line's reversal falls in: its cancel date's, when it has one on or
    /// after the close date and within the window. A cancellation past the window is clawed back
    /// nowhere, so its period is no clawback period (plan-format.md §7, draw periods).
    package func clawbackPeriod(of line: CreditLine) -> Period? {
        guard let cancel = line.cancelDate, cancel >= line.date, let window = clawback?.windowDays,
            line.date.days(to: cancel) <= window
        else { return nil }
        return Period(containing: cancel, kind: period, fiscalYearStart: fiscalYearStart)
    }
}

/// The first and last period present in the data, built one period at a time.
package struct PeriodSpan {
    package private(set) var range: ClosedRange<Period>?

    package init() {}

    package mutating func include(_ period: Period) {
        guard let known = range else {
            range = period...period
            return
        }
        if period < known.lowerBound {
            range = period...known.upperBound
        } else if period > known.upperBound {
            range = known.lowerBound...period
        }
    }
}

/// The deals whose splits do not add up to 100% (`split_total`).
package enum SplitCheck {
    /// How far from 1 a deal's splits may add up and still be 100%: the binary noise of shares a
    /// sheet keeps as doubles (`=1/3` is 0.333333333333333 to its fifteen digits, three of them
    /// 0.999999999999999), many orders of magnitude below any share a person types (`33.33%`
    /// three times is 99.99%, a `split_total`).
    static let binaryNoise = Decimal(sign: .plus, exponent: -12, significand: 1)

    /// One deal whose splits miss 100%: its total and its members (positions given to `offDeals`),
    /// in order.
    package struct OffDeal {
        package let dealID: String
        package let total: Decimal
        package let members: [Int]
    }

    /// The deals among `count` credit shares (position → deal id and split) whose splits do not
    /// total 1 (`Decimal.isWholeShare`), in the order each deal first appears. Only those deals collect their
    /// members (a million single-line deals would otherwise each allocate a list), and only deals
    /// of several lines keep a running total: a single line's total is its split.
    package static func offDeals(count: Int, dealID: (Int) -> String, split: (Int) -> Decimal) -> [OffDeal] {
        // Each line of a deal of several is named by the deal's first line, found by its id's
        // hash, in the order of the lines: the lines of single-line deals are in no list.
        var later: [(position: Int32, first: Int32)] = []
        var severalLines: [Int32: Decimal] = [:]
        FirstPositions.firsts(in: 0..<count) {
            dealID($0).hashValue
        } isEqual: { earlier, position in
            dealID(earlier) == dealID(position)
        } found: { position, first in
            later.append((Int32(position), Int32(first)))
            severalLines[Int32(first), default: split(first)] += split(position)
        }
        // A deal's first lines, in order: the deals in the order they first appear.
        var off: [(first: Int, total: Decimal)] = []
        var nextLater = 0
        for position in 0..<count {
            if nextLater < later.count, later[nextLater].position == Int32(position) {
                nextLater += 1
                continue
            }
            let total = severalLines[Int32(position)] ?? split(position)
            if total != 1, !total.isWholeShare { off.append((position, total)) }
        }
        guard !off.isEmpty else { return [] }
        var offNumber = [Int32](repeating: -1, count: count)
        for (number, deal) in off.enumerated() { offNumber[deal.first] = Int32(number) }
        var members = off.map { [$0.first] }
        for line in later {
            let number = offNumber[Int(line.first)]
            if number >= 0 { members[Int(number)].append(Int(line.position)) }
        }
        return off.indices.map {
            OffDeal(dealID: dealID(off[$0].first), total: off[$0].total, members: members[$0])
        }
    }
}

extension Decimal {
    /// Whether splits adding up to this are the whole deal: 1, or within `SplitCheck.binaryNoise` of it.
    package var isWholeShare: Bool {
        self == 1 || abs(self - 1) < SplitCheck.binaryNoise
    }
}

extension StatementIssue {
    package static func notEligible(_ line: CreditLine, rep: String) -> StatementIssue {
        let status = line.status ?? "none"
        return StatementIssue(
            code: .notEligible, rows: [line.row], dealID: line.dealID, rep: rep,
            message: "status '\(status)' is not eligible: the line earns nothing", details: [("status", status)])
    }

    package static func splitTotal(_ deal: SplitCheck.OffDeal, rows: [Int]) -> StatementIssue {
        StatementIssue(
            code: .splitTotal, rows: rows, dealID: deal.dealID, rep: nil,
            message: "the splits of deal \(deal.dealID) add up to \(deal.total.percentText), not 100%",
            details: [("total", deal.total.plainText)])
    }
}

extension Plan {
    /// Whether the engine prices `line` under one of the plan's overrides: the line is eligible
    /// and an override's condition matches it. Read from the plan and the line, so that a caller
    /// need not keep the lines' explanations to know it.
    package func overrides(_ line: CreditLine) -> Bool {
        override(of: line) != nil
    }

    /// The override the engine prices `line` under (the first whose condition matches an eligible
    /// line), or nil.
    package func override(of line: CreditLine) -> Override? {
        guard !commission.overrides.isEmpty else { return nil }
        let keys = MatchKeys(line)
        guard StatusRule(self).isEligible(keys.status) else { return nil }
        return commission.overrides.first { $0.when.normalized.matches(keys, date: line.date) }
    }
}
