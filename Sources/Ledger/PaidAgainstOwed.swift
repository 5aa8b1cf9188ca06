import Commission
import Foundation

/// Each closed period as paid against what the engine says was owed, rep by rep, with the run's
/// totals: the report a team shows before it stops paying from spreadsheets (a year run in
/// parallel). A period closed from a hand-kept workbook was paid by hand; one closed from the
/// engine's statement was paid from trueup.
public struct PaidAgainstOwed: Sendable {
    /// How a closed period was paid.
    public enum PaidBy: String, Sendable, Hashable, Codable {
        /// Closed from a hand-kept workbook (`close --from-workbook`): its rep totals.
        case hand
        /// Closed from the engine's statement (`close --deals`).
        case trueup
    }

    /// One rep's figures for one closed period.
    public struct Row: Sendable, Hashable {
        public var rep: String
        public var name: String?
        public var period: Period
        public var paidBy: PaidBy
        /// What the ledger recorded as paid (0 for a rep it does not list).
        public var paid: Decimal
        /// The engine's payable now (0 for a rep the statement does not list).
        public var owed: Decimal
        /// owed − paid: positive was underpaid (owed to the rep), negative overpaid.
        public var difference: Decimal { owed - paid }
    }

    /// Paid and owed added up over some rows.
    public struct Sum: Sendable, Hashable {
        public var paid: Decimal = 0
        public var owed: Decimal = 0
        public var difference: Decimal { owed - paid }

        public init() {}

        init(_ rows: some Sequence<Row>) {
            for row in rows {
                paid += row.paid
                owed += row.owed
            }
        }
    }

    /// The ledger, as given on the command line.
    public var ledger: String
    public var currency: String
    /// Closed periods in order, each rep in the ledger's order then the statement's.
    public var rows: [Row]
    /// The statement's periods the ledger has not closed: not counted.
    public var notClosed: [Period]

    /// Each closed period, how it was paid, and its sums.
    public var periods: [(period: Period, paidBy: PaidBy, sum: Sum)] {
        var seen: [Period] = []
        for row in rows where seen.last != row.period { seen.append(row.period) }
        return seen.map { period in
            let rows = rows.filter { $0.period == period }
            return (period, rows[0].paidBy, Sum(rows))
        }
    }

    /// Each rep's sums over the closed periods, reps in the order they first appear.
    public var reps: [(rep: String, name: String?, sum: Sum)] {
        var order: [String] = []
        var sums: [String: (name: String?, sum: Sum)] = [:]
        for row in rows {
            if sums[row.rep] == nil { order.append(row.rep) }
            var entry = sums[row.rep, default: (row.name, Sum())]
            entry.sum.paid += row.paid
            entry.sum.owed += row.owed
            entry.name = entry.name ?? row.name
            sums[row.rep] = entry
        }
        return order.map { ($0, sums[$0]!.name, sums[$0]!.sum) }
    }

    /// The sums of the periods paid by hand, of those paid from trueup, and of all.
    public func sum(paidBy: PaidBy? = nil) -> Sum {
        Sum(rows.filter { paidBy == nil || $0.paidBy == paidBy })
    }
}
