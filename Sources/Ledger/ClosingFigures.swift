import Commission
import Foundation

/// What closing one period records: its rep totals and lines, and where they came from.
public struct ClosingFigures: Sendable {
    public var period: Period
    public var source: LedgerEntry.Source
    public var planName: String
    public var currency: String
    public var planText: String?
    public var inputs: InputDigests
    /// Rep totals and lines; their `entryID` is set when they are recorded.
    public var totals: [PaidTotal]
    public var lines: [PaidLine]

    /// The SHA-256 of each file a close read.
    public struct InputDigests: Sendable, Hashable {
        public var plan: String?
        public var deals: String?
        public var roster: String?
        public var workbook: String?

        public init(plan: String? = nil, deals: String? = nil, roster: String? = nil, workbook: String? = nil) {
            self.plan = plan
            self.deals = deals
            self.roster = roster
            self.workbook = workbook
        }
    }

    /// The engine's statement for `period`: every line and rep total of it.
    public init(statement: Statement, period: Period, planText: String, inputs: InputDigests) {
        self.period = period
        source = .engine
        planName = statement.plan
        currency = statement.currency
        self.planText = planText
        self.inputs = inputs
        totals = statement.reps.filter { $0.period == period }.enumerated().map { position, total in
            PaidTotal(
                entryID: 0, position: position, rep: total.rep, name: total.name, team: total.team,
                period: period.description, credit: total.credit.plainText, earned: total.earned.plainText,
                draw: total.draw.plainText, drawPaid: total.drawPaid.plainText, recovered: total.recovered.plainText,
                payable: total.payable.plainText, balance: total.balance.plainText)
        }
        var lines: [PaidLine] = []
        for line in statement.lineGroups.joined() where line.period == period {
            lines.append(
                PaidLine(
                    entryID: 0, position: lines.count, rep: line.rep, period: period.description,
                    kind: line.kind.rawValue, dealID: line.dealID, row: line.row, credit: line.credit?.plainText,
                    amount: line.amount.plainText, bonus: line.bonusName,
                    flags: line.flags.names.joined(separator: " "),
                    explanation: line.explanation))
        }
        self.lines = lines
    }

    /// What a hand-kept workbook paid each rep for `period`: totals only, no lines.
    public init(
        paid: [(rep: String, name: String?, payable: Decimal)], period: Period, planName: String, currency: String,
        inputs: InputDigests
    ) {
        self.period = period
        source = .workbook
        self.planName = planName
        self.currency = currency
        planText = nil
        self.inputs = inputs
        totals = paid.enumerated().map { position, item in
            PaidTotal(
                entryID: 0, position: position, rep: item.rep, name: item.name, team: nil,
                period: period.description, credit: nil, earned: nil, draw: nil, drawPaid: nil, recovered: nil,
                payable: item.payable.plainText, balance: nil)
        }
        lines = []
    }

    public var totalPayable: Decimal { totals.reduce(Decimal(0)) { $0 + $1.payableValue } }
}
