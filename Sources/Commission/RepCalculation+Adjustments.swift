import Foundation
import Primitives

extension RepCalculation {
    /// Step 8: the gate, the per-deal cap, bonuses, then the per-period cap, for one rep-period
    /// (per-deal bonuses are already in place, after their lines: `appendDealBonuses`).
    func applyGateCapsAndBonuses(_ ledger: inout Ledger) throws(EngineError) {
        let rules = plan.commission
        let attainment = ledger.attainment
        let needsQuota =
            rules.gate != nil || plan.bonuses.contains { if case .atAttainment = $0.kind { true } else { false } }
        // A period holding nothing the gate or a bonus could change (no credit, only a year-to-date
        // true-up of 0: a month without deals, or one after the rep left holding a clawback; or
        // only lines the plan does not pay, which count toward nothing) asks for no attainment.
        let idle =
            ledger.credit == 0
            && ledger.entries.allSatisfy {
                ($0.line.kind == .trueUp && $0.line.amount == 0) || $0.line.flags.contains(.notEligible)
            }
        if needsQuota && attainment == nil && !idle {
            let need = "which the plan's gate or attainment bonus needs"
            throw EngineError(
                rows: ledger.entries.compactMap(\.line.row),
                ledger.quota == nil
                    ? "rep \(rep.id) has no quota for \(ledger.period), \(need)"
                    : zeroQuotaWords(period: ledger.period, year: false, need: need))
        }
        if let gate = rules.gate, let attainment, attainment < gate {
            ledger.gated = true
            // The same words end every gated line: written once (none when not explaining).
            let words =
                run.explains
                ? " — gated: attainment \(attainment.attainmentPercentText(below: gate)) is below the \(gate.percentText) gate"
                : ""
            for i in ledger.entries.indices
            where ledger.entries[i].isCommission && !ledger.entries[i].line.flags.contains(.notEligible) {
                ledger.entries[i].line.amount = 0
                ledger.entries[i].line.flags.insert(.gated)
                ledger.entries[i].line.explanation += words
            }
        }
        if let cap = rules.capPerDeal {
            let words = run.explains ? " — capped per deal at \(cap.groupedMoneyText)" : ""
            for i in ledger.entries.indices
            where ledger.entries[i].line.kind == .commission && Decimal.less(cap, ledger.entries[i].line.amount) {
                ledger.entries[i].line.amount = cap
                ledger.entries[i].line.flags.insert(.capped)
                ledger.entries[i].line.explanation += words
            }
        }
        appendAttainmentBonuses(&ledger, attainment: attainment)
        if let cap = rules.capPerPeriod { applyPeriodCap(cap, to: &ledger) }
    }

    /// The per-deal bonuses of the priced line of source line `index`, appended right after it as
    /// it is priced (the gate and the per-deal cap that follow touch commission lines only).
    func appendDealBonuses(of index: Int, period: Period, to entries: inout [Entry]) {
        guard !run.perDealBonuses.isEmpty else { return }
        let source = run.lines[index]
        let keys = run.keys(ofLine: index)
        for (condition, bonus, amount, words) in run.perDealBonuses where condition.matches(keys, date: source.date) {
            // Most lines are a whole deal's: `1.percentText` without the arithmetic.
            let whole = Decimal.same(source.split, 1)
            let line = StatementLine(
                kind: .bonus, row: source.row, dealID: source.dealID, rep: rep.id, period: period,
                credit: run.credits[index], amount: roundedLine(whole ? amount : amount * source.split),
                rateList: .none,
                explanation: run.explains ? words + (whole ? "100%" : source.split.percentText) + " split" : "",
                flags: [],
                bonusName: bonus.name)
            entries.append(Entry(line: line, source: index, countsTowardCap: bonus.countsTowardCap))
        }
    }

    /// Attainment bonuses after the period's lines (per-deal ones already follow their lines).
    private func appendAttainmentBonuses(_ ledger: inout Ledger, attainment: Decimal?) {
        for bonus in plan.bonuses {
            guard case .atAttainment(let level, let amount) = bonus.kind, let attainment, attainment >= level else {
                continue
            }
            let line = StatementLine(
                kind: .bonus, row: nil, dealID: nil, rep: rep.id, period: ledger.period, credit: nil,
                amount: roundedLine(amount), rates: [],
                explanation: run.explains
                    ? "\(bonus.name): attainment \(attainment.attainmentPercentText) ≥ \(level.percentText)" : "",
                flags: [], bonusName: bonus.name)
            ledger.entries.append(Entry(line: line, source: nil, countsTowardCap: bonus.countsTowardCap))
        }
    }

    /// Walks commission lines in order, then capped bonuses: the line that crosses the cap is cut
    /// to the remainder and later ones become 0.
    private func applyPeriodCap(_ cap: Decimal, to ledger: inout Ledger) {
        let commission = ledger.entries.indices.filter {
            ledger.entries[$0].isCommission && !ledger.entries[$0].line.flags.contains(.notEligible)
        }
        let bonuses = ledger.entries.indices.filter {
            ledger.entries[$0].line.kind == .bonus && ledger.entries[$0].countsTowardCap
        }
        // The line that takes the running total past the cap is cut to the remainder, and every
        // later one becomes 0, a credit note's or a falling true-up's negative line too (plan-format.md
        // 3.8); a negative line before it lowers the running total.
        var running: Decimal = 0
        var crossed = false
        for i in commission + bonuses {
            let amount = ledger.entries[i].line.amount
            if crossed || (Decimal.less(0, amount) && !Decimal.less(running, cap)) {
                crossed = true
                guard amount != 0 else { continue }
                ledger.entries[i].line.amount = 0
                ledger.entries[i].line.flags.insert(.capped)
                if run.explains { ledger.entries[i].line.explanation += " — per-period cap reached: 0" }
            } else if Decimal.less(cap, Decimal.sum(running, amount)) {
                crossed = true
                let remainder = Decimal.difference(cap, running)
                ledger.entries[i].line.amount = remainder
                ledger.entries[i].line.flags.insert(.capped)
                if run.explains {
                    ledger.entries[i].line.explanation +=
                        " — cut to \(remainder.groupedMoneyText) by the per-period cap of \(cap.groupedMoneyText)"
                }
            }
            running = Decimal.sum(running, ledger.entries[i].line.amount)
        }
    }

    /// Step 9: a line with a clawback status cancelled within the window is reversed, in the
    /// period of its cancel date, by what it was paid (commission and its per-deal bonuses).
    func applyClawbacks(_ ledgers: inout [Ledger]) -> [StatementIssue] {
        guard let clawback = plan.clawback else { return [] }
        var issues: [StatementIssue] = []
        var paid: [Int: (commission: Decimal, bonus: Decimal)] = [:]
        for ledger in ledgers {
            // Only lines with a clawback status are ever reversed: the others' payments are not kept.
            for entry in ledger.entries {
                guard let source = entry.source, run.clawbackStatus[source] else { continue }
                if entry.line.kind == .commission { paid[source, default: (0, 0)].commission += entry.line.amount }
                if entry.line.kind == .bonus { paid[source, default: (0, 0)].bonus += entry.line.amount }
            }
        }
        for index in ordered where run.clawbackStatus[index] && run.eligible[index] {
            let source = run.lines[index]
            guard let cancel = source.cancelDate else {
                issues.append(
                    StatementIssue(
                        code: .missingCancelDate, rows: [source.row], dealID: source.dealID, rep: rep.id,
                        message:
                            "status '\(source.status ?? "")' is a clawback status but the line has no cancel date; nothing is clawed back"
                    ))
                continue
            }
            let days = source.date.days(to: cancel)
            if days < 0 {
                issues.append(
                    StatementIssue(
                        code: .cancelBeforeClose, rows: [source.row], dealID: source.dealID, rep: rep.id,
                        message:
                            "cancel date \(cancel) is before the close date \(source.date); nothing is clawed back",
                        details: [("days", String(days))]))
                continue
            }
            guard days <= clawback.windowDays else {
                issues.append(
                    StatementIssue(
                        code: .clawbackWindowPassed, rows: [source.row], dealID: source.dealID, rep: rep.id,
                        message:
                            "cancelled \(days) days after the close, past the \(clawback.windowDays)-day window: no clawback",
                        details: [("days", String(days)), ("window_days", String(clawback.windowDays))]))
                continue
            }
            let amounts = paid[index] ?? (0, 0)
            var words = run.explains ? "\(amounts.commission.groupedMoneyText) commission" : ""
            if run.explains && amounts.bonus != 0 { words += " + \(amounts.bonus.groupedMoneyText) bonus" }
            let period = Period(containing: cancel, kind: plan.period, fiscalYearStart: plan.fiscalYearStart)
            let line = StatementLine(
                kind: .clawback, row: source.row, dealID: source.dealID, rep: rep.id, period: period,
                credit: source.credit,
                amount: -(amounts.commission + amounts.bonus), rates: [],
                explanation: run.explains
                    ? "clawback: \(source.status ?? "") on \(cancel), \(days) days after the close (window \(clawback.windowDays)): −(\(words))"
                    : "",
                flags: [], bonusName: nil)
            if let at = ledgers.firstIndex(where: { $0.period == period }) {
                ledgers[at].entries.append(Entry(line: line, source: index))
            }
        }
        return issues
    }

    /// Step 10: earned, the draw and the carried balance, period by period.
    func settle(_ ledgers: [Ledger]) -> [RepPeriodTotal] {
        var balance = run.carried.balance(of: rep.id, before: span.lowerBound)
        return ledgers.map { ledger in
            let sum = ledger.entries.reduce(Decimal(0)) { Decimal.sum($0, $1.line.amount) }
            let earned = plan.rounding.level == .period ? plan.rounding.round(sum) : sum
            var total = RepPeriodTotal(
                rep: rep.id, name: rep.name, team: rep.team, period: ledger.period, credit: ledger.credit,
                quota: ledger.quota, attainment: ledger.attainment, ytdQuota: ledger.ytdQuota, earned: earned, draw: 0,
                drawPaid: 0, recovered: 0, payable: earned, balance: 0, gated: ledger.gated)
            guard let draw = plan.draw else { return total }
            let amount = rep.draw ?? draw.amount
            total.draw = amount
            if earned < amount {
                total.drawPaid = amount - earned
                total.payable = amount
                if draw.recoverable { balance += amount - earned }
            } else if draw.recoverable {
                let recovery = min(balance, earned - amount)
                total.recovered = recovery
                total.payable = earned - recovery
                balance -= recovery
            }
            total.balance = draw.recoverable ? balance : 0
            return total
        }
    }
}

extension Decimal {
    /// Attainment for people, to two decimals of a percent: `188.09%`.
    var attainmentPercentText: String { (self * 100).rounded(places: 2, mode: .halfUp).plainText + "%" }

    /// The attainment as a percent, for one below `level`: two places, or as many more as it
    /// takes not to round up to `level` (49.999% is not written 50%).
    func attainmentPercentText(below level: Decimal) -> String {
        for places in 2...8 {
            let shown = (self * 100).rounded(places: places, mode: .halfUp)
            if shown < level * 100 { return shown.plainText + "%" }
        }
        return (self * 100).plainText + "%"
    }
}
