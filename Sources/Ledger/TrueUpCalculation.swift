import Commission
import Foundation

/// A run against a ledger: the draw balances it carries in, then the adjustments of its statement.
public struct TrueUpCalculation: Sendable {
    public let ledger: LedgerFile
    public let periods: LedgerPeriods
    /// Every period closed at least once, with its latest close: a reopened period is still paid
    /// what that close recorded, so it is trued-up against it, never paid again in full.
    private let closed: [(entry: LedgerEntry, period: Period, totals: [PaidTotal], reopened: Bool)]

    /// Reads the ledger's closed periods; refuses a ledger whose periods or currency are not the plan's.
    public init(ledger: LedgerFile, plan: Plan) throws {
        self.ledger = ledger
        periods = LedgerPeriods(plan: plan)
        let periods = periods
        closed = try ledger.paidPeriods().map { entry, totals, reopened in
            guard entry.periodKind == periods.kind.rawValue, entry.fiscalYearStart == periods.fiscalYearStart,
                let period = periods.period(entry.period)
            else {
                throw LedgerError(
                    "\(ledger.path): the ledger's periods are \(entry.periodKind)s with the fiscal year starting in month \(entry.fiscalYearStart); the plan's are \(periods.kind.rawValue)s starting in month \(periods.fiscalYearStart)"
                )
            }
            try ledger.checkCurrency(entry, plan: plan.currency)
            return (entry, period, totals, reopened)
        }.sorted { $0.period < $1.period }
    }

    /// The draw balance each rep had at the end of each closed period, for the engine to carry in.
    public var carried: CarriedBalances {
        var carried = CarriedBalances.none
        for (_, period, totals, _) in closed {
            for total in totals {
                guard let balance = total.balanceValue else { continue }
                carried.record(balance, of: total.rep, atEndOf: period)
            }
        }
        return carried
    }

    /// Compares every closed period the statement covers with what was paid. `planText` is the
    /// plan file's text now, to tell a changed plan.
    public func trueUp(_ statement: Statement, planText: String?) throws -> TrueUp {
        let present = Set(statement.reps.map(\.period))
        guard let first = present.min(), let last = present.max() else {
            return TrueUp(ledger: ledger.path, currency: statement.currency, adjustments: [], closedPeriods: [])
        }
        let covered = closed.filter { (first...last).contains($0.period) }
        let planDigest = planText.map(Digest.sha256)
        var groupOfRep: [String: Int] = [:]
        for (index, group) in statement.lineGroups.enumerated() {
            if let rep = group.first?.rep { groupOfRep[rep] = index }
        }
        var adjustments: [Adjustment] = []
        for (entry, period, totals, _) in covered {
            let due = Dictionary(
                statement.reps.filter { $0.period == period }.map { ($0.rep, $0) }, uniquingKeysWith: { a, _ in a })
            let paid = Dictionary(totals.map { ($0.rep, $0) }, uniquingKeysWith: { a, _ in a })
            let reps =
                totals.map(\.rep) + statement.reps.filter { $0.period == period && paid[$0.rep] == nil }.map(\.rep)
            for rep in reps {
                let paidAmount = paid[rep]?.payableValue ?? 0
                let dueAmount = due[rep]?.payable ?? 0
                guard paidAmount != dueAmount else { continue }
                let newLines = groupOfRep[rep].map { statement.lineGroups[$0].filter { $0.period == period } } ?? []
                var causes: [AdjustmentReason] = []
                var knockOn: [String] = []
                if entry.source != .workbook {
                    let oldLines = try ledger.lines(entry: entry.id!, rep: rep)
                    (causes, knockOn) = LineDifferences(old: oldLines, new: newLines).causes(
                        planChanged: planDigest != nil && entry.planSHA256 != nil && planDigest != entry.planSHA256)
                }
                if causes.isEmpty {
                    // No deal of the period's own changed: the payable moved with an earlier
                    // period (a draw recovery, a year-to-date true-up), else the paid figure was wrong.
                    let earlier =
                        entry.source == .workbook ? nil : adjustments.last { $0.rep == rep && $0.period < period }
                    causes = earlier?.causes ?? [AdjustmentReason(cause: .correction, dealIDs: knockOn)]
                }
                adjustments.append(
                    Adjustment(
                        rep: rep, name: due[rep]?.name ?? paid[rep]?.name, period: period, paid: paidAmount,
                        due: dueAmount, causes: causes))
            }
        }
        return TrueUp(
            ledger: ledger.path, currency: statement.currency, adjustments: adjustments,
            closedPeriods: covered.filter { !$0.reopened }.map(\.period),
            reopenedPeriods: covered.filter(\.reopened).map(\.period))
    }
}

extension TrueUpCalculation {
    /// Every rep of every closed period the statement covers, paid against owed (the statement's
    /// payable), whether or not they differ; the statement's periods not closed are named.
    public func paidAgainstOwed(_ statement: Statement) -> PaidAgainstOwed {
        let present = Set(statement.reps.map(\.period))
        guard let first = present.min(), let last = present.max() else {
            return PaidAgainstOwed(ledger: ledger.path, currency: statement.currency, rows: [], notClosed: [])
        }
        let covered = closed.filter { (first...last).contains($0.period) }
        var rows: [PaidAgainstOwed.Row] = []
        for (entry, period, totals, _) in covered {
            let owed = statement.reps.filter { $0.period == period }
            let paid = Dictionary(totals.map { ($0.rep, $0) }, uniquingKeysWith: { a, _ in a })
            let owedByRep = Dictionary(owed.map { ($0.rep, $0) }, uniquingKeysWith: { a, _ in a })
            let reps = totals.map(\.rep) + owed.filter { paid[$0.rep] == nil }.map(\.rep)
            for rep in reps {
                rows.append(
                    PaidAgainstOwed.Row(
                        rep: rep, name: owedByRep[rep]?.name ?? paid[rep]?.name, period: period,
                        paidBy: entry.source == .workbook ? .hand : .trueup, paid: paid[rep]?.payableValue ?? 0,
                        owed: owedByRep[rep]?.payable ?? 0))
            }
        }
        let closedPeriods = Set(covered.map(\.period))
        return PaidAgainstOwed(
            ledger: ledger.path, currency: statement.currency, rows: rows,
            notClosed: present.subtracting(closedPeriods).sorted())
    }
}

/// One rep-period's lines as paid against its lines now, deal by deal.
struct LineDifferences {
    /// Per deal: the credit of its commission lines, what its other lines pay, and its clawbacks.
    private struct DealFigures: Equatable {
        var credit: Decimal = 0
        var paid: Decimal = 0
        var clawedBack: Decimal = 0
        var clawbackLines = 0
        var otherLines = 0
    }

    private var old: [String: DealFigures] = [:]
    private var new: [String: DealFigures] = [:]
    /// Lines without a deal (attainment bonuses), old and new.
    private var oldOther: Decimal = 0
    private var newOther: Decimal = 0

    init(old oldLines: [PaidLine], new newLines: [StatementLine]) {
        for line in oldLines {
            let kind = StatementLine.Kind(rawValue: line.kind) ?? .commission
            Self.add(
                kind: kind, deal: line.dealID, credit: line.creditValue, amount: line.amountValue, to: &old,
                other: &oldOther)
        }
        for line in newLines {
            Self.add(
                kind: line.kind, deal: line.dealID, credit: line.credit, amount: line.amount, to: &new, other: &newOther
            )
        }
    }

    private static func add(
        kind: StatementLine.Kind, deal: String?, credit: Decimal?, amount: Decimal,
        to figures: inout [String: DealFigures],
        other: inout Decimal
    ) {
        guard let dealID = deal else {
            other += amount
            return
        }
        var deal = figures[dealID, default: DealFigures()]
        switch kind {
        case .clawback:
            deal.clawedBack += amount
            deal.clawbackLines += 1
        case .commission:
            deal.credit += credit ?? 0
            deal.paid += amount
            deal.otherLines += 1
        case .bonus, .trueUp:
            deal.paid += amount
            deal.otherLines += 1
        }
        figures[dealID] = deal
    }

    /// The causes, each with its deals in id order: deals added (late, or only clawed back),
    /// clawbacks, credits changed, deals gone, and `plan_changed` when the plan changed and lines
    /// changed with no change of their own deal, or out of step with their deal's change of credit. `knockOn` are those deals: their pay moved with
    /// the period's other deals (a tier crossed) or with an earlier period (a year-to-date basis).
    func causes(planChanged: Bool) -> (causes: [AdjustmentReason], knockOn: [String]) {
        var found: [AdjustmentCause: [String]] = [:]
        var knockOn: [String] = []
        var planMoved: [String] = []
        for deal in Set(old.keys).union(new.keys).sorted() {
            let before = old[deal]
            let now = new[deal]
            switch (before, now) {
            case (nil, let now?):
                found[now.otherLines == 0 ? .clawback : .lateDeal, default: []].append(deal)
            case (_?, nil):
                found[.dealRemoved, default: []].append(deal)
            case (let before?, let now?):
                if before.clawedBack != now.clawedBack || before.clawbackLines != now.clawbackLines {
                    found[.clawback, default: []].append(deal)
                }
                if before.credit != now.credit {
                    found[.amountChanged, default: []].append(deal)
                    // Under a changed plan, pay that moved otherwise than in step with its
                    // credit moved with the plan too (a rate changed as well as the amount).
                    if planChanged && before.credit != 0 {
                        let inStep = before.paid * now.credit / before.credit
                        if abs(now.paid - inStep) > Decimal(string: "0.01")! { planMoved.append(deal) }
                    }
                } else if before.paid != now.paid {
                    knockOn.append(deal)
                }
            case (nil, nil): break
            }
        }
        if planChanged && (!knockOn.isEmpty || !planMoved.isEmpty || oldOther != newOther || found.isEmpty) {
            found[.planChanged] = (knockOn + planMoved).sorted()
        }
        let causes = AdjustmentCause.allCases.compactMap { cause in
            found[cause].map { AdjustmentReason(cause: cause, dealIDs: $0) }
        }
        return (causes, knockOn)
    }
}
