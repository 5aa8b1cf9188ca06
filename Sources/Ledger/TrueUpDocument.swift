import Commission
import Foundation
import Reports

/// The `adjustments` member that `calculate`, `reconcile` and `review --format json` add after
/// their documents' own members against a ledger: `{rep, name, period, paid, due, difference,
/// causes}` each, every cause `{cause, deal_ids}`, money as strings of plain decimals.
public struct AdjustmentsMember: Codable, Sendable, Hashable {
    public var adjustments: [AdjustmentDocument]

    public init(_ trueUp: TrueUp) {
        adjustments = trueUp.adjustments.map(AdjustmentDocument.init)
    }
}

/// One adjustment as the JSON documents write it.
public struct AdjustmentDocument: Codable, Sendable, Hashable {
    public var rep: String
    public var name: String?
    public var period: String
    public var paid: MoneyText
    public var due: MoneyText
    public var difference: MoneyText
    public var causes: [Reason]

    public struct Reason: Codable, Sendable, Hashable {
        public var cause: AdjustmentCause
        public var dealIDs: [String]

        enum CodingKeys: String, CodingKey {
            case cause
            case dealIDs = "deal_ids"
        }
    }

    public init(_ adjustment: Adjustment) {
        rep = adjustment.rep
        name = adjustment.name
        period = adjustment.period.description
        paid = MoneyText(adjustment.paid)
        due = MoneyText(adjustment.due)
        difference = MoneyText(adjustment.difference)
        causes = adjustment.causes.map { Reason(cause: $0.cause, dealIDs: $0.dealIDs) }
    }
}

/// The `paid_against_owed` member `reconcile --format json` adds against a ledger: every rep of
/// every closed period, paid (by hand or from trueup) against owed, and the sums per period, per
/// rep, by how periods were paid, and in all. `difference` is owed − paid: positive underpaid.
public struct PaidAgainstOwedMember: Codable, Sendable, Hashable {
    public var paidAgainstOwed: Section

    enum CodingKeys: String, CodingKey {
        case paidAgainstOwed = "paid_against_owed"
    }

    public init(_ report: PaidAgainstOwed) { paidAgainstOwed = Section(report) }

    public struct Section: Codable, Sendable, Hashable {
        public var ledger: String
        public var currency: String
        public var rows: [Flattened<Row, Sum>]
        public var periods: [Flattened<PeriodLabel, Sum>]
        public var reps: [Flattened<RepLabel, Sum>]
        public var byHand: Sum
        public var byTrueup: Sum
        public var total: Sum
        /// The run's periods the ledger has not closed: not counted.
        public var notClosed: [String]

        enum CodingKeys: String, CodingKey {
            case ledger, currency, rows, periods, reps
            case byHand = "by_hand"
            case byTrueup = "by_trueup"
            case total
            case notClosed = "not_closed"
        }

        init(_ report: PaidAgainstOwed) {
            ledger = report.ledger
            currency = report.currency
            rows = report.rows.map { row in
                var sum = PaidAgainstOwed.Sum()
                (sum.paid, sum.owed) = (row.paid, row.owed)
                return Flattened(
                    Row(rep: row.rep, name: row.name, period: row.period.description, paidBy: row.paidBy), Sum(sum))
            }
            periods = report.periods.map {
                Flattened(PeriodLabel(period: $0.period.description, paidBy: $0.paidBy), Sum($0.sum))
            }
            reps = report.reps.map { Flattened(RepLabel(rep: $0.rep, name: $0.name), Sum($0.sum)) }
            byHand = Sum(report.sum(paidBy: .hand))
            byTrueup = Sum(report.sum(paidBy: .trueup))
            total = Sum(report.sum())
            notClosed = report.notClosed.map(\.description)
        }
    }

    /// One rep of one closed period; paid, owed and their difference follow in the same object.
    public struct Row: Codable, Sendable, Hashable {
        public var rep: String
        public var name: String?
        public var period: String
        public var paidBy: PaidAgainstOwed.PaidBy

        enum CodingKeys: String, CodingKey {
            case rep, name, period
            case paidBy = "paid_by"
        }
    }

    /// One closed period, and how it was paid; its sum follows in the same object.
    public struct PeriodLabel: Codable, Sendable, Hashable {
        public var period: String
        public var paidBy: PaidAgainstOwed.PaidBy

        enum CodingKeys: String, CodingKey {
            case period
            case paidBy = "paid_by"
        }
    }

    /// One rep over every closed period; the rep's sum follows in the same object.
    public struct RepLabel: Codable, Sendable, Hashable {
        public var rep: String
        public var name: String?
    }

    public struct Sum: Codable, Sendable, Hashable {
        public var paid: MoneyText
        public var owed: MoneyText
        public var difference: MoneyText

        init(_ sum: PaidAgainstOwed.Sum) {
            paid = MoneyText(sum.paid)
            owed = MoneyText(sum.owed)
            difference = MoneyText(sum.difference)
        }
    }
}
