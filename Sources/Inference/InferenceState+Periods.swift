import Commission
import Foundation

/// Mechanics seen per rep-period rather than per row: a gate; and a per-line floor, which the plan
/// format cannot state. A summary's attainment bonus and draw: `InferenceState+Summary`.
extension InferenceState {
    // MARK: Gate

    /// Rep-periods whose rows (at least two, 80% or more) are all paid nothing while other
    /// rep-periods are paid: a gate is likelier than a 0% rate, so they are left out of the tier fit.
    mutating func setAsideSilentPeriods() {
        let kind = clues.period ?? .quarter
        var groups: [String: [Int]] = [:]
        for index in observations.indices where facts.scored[index] && facts.credit[index] >= 100 {
            let line = observations[index].line
            let period = Period(containing: line.date, kind: kind, fiscalYearStart: clues.fiscalYearStart ?? 1)
            groups["\(line.rep.normalizedKey) \(period)", default: []].append(index)
        }
        var silent: [Int] = []
        var paying = 0
        for rows in groups.values {
            let zero = rows.filter { facts.manual[$0] == 0 }.count
            if rows.count >= 2 && zero * 10 >= rows.count * 8 {
                silent += rows
            } else if zero < rows.count {
                paying += 1
            }
        }
        guard !silent.isEmpty, paying > 0 else { return }
        silentRows = silent.sorted()
        for index in silent { facts.scored[index] = false }
    }

    /// The engine's rep-period totals for the plan so far, by `rep period` (id and name both), and
    /// each row's `rep period` under the plan's period.
    func repPeriods() -> (totals: [String: RepPeriodTotal], rowKeys: [Int: String])? {
        guard
            let statement = try? CommissionEngine.calculate(plan: plan, roster: roster, lines: observations.map(\.line))
        else { return nil }
        let totals = Self.totals(of: statement)
        var rowKeys: [Int: String] = [:]
        for line in statement.lines where line.kind == .commission {
            if let row = line.row { rowKeys[row] = "\(line.rep.normalizedKey) \(line.period)" }
        }
        return (totals, rowKeys)
    }

    /// `statement`'s rep-period totals by `rep period` (id and name both).
    static func totals(of statement: Statement) -> [String: RepPeriodTotal] {
        var totals: [String: RepPeriodTotal] = [:]
        for total in statement.reps {
            totals["\(total.rep.normalizedKey) \(total.period)"] = total
            if let name = total.name { totals["\(name.normalizedKey) \(total.period)"] = total }
        }
        return totals
    }

    /// A gate from the silent rep-periods: the attainment that separates them from the paid ones.
    mutating func fitGate() {
        guard !silentRows.isEmpty, best != nil else { return }
        let hasQuotas = quotas.hasRoster || observations.contains { $0.line.quota != nil }
        let summary = "\(silentRows.count) rows pay nothing though the rates pay their like elsewhere"
        guard hasQuotas, let (totals, rowKeys) = repPeriods() else {
            notEstablished.append(
                "gate: \(summary); without quotas (a roster, or a Quota column) no attainment gate can be stated"
            )
            return
        }
        let silentRows = Set(self.silentRows.map { observations[$0].line.row })
        var gated = Set<String>()
        var paid = Set<String>()
        for (index, observation) in observations.enumerated() {
            guard let key = rowKeys[observation.line.row] else { continue }
            if silentRows.contains(observation.line.row) {
                gated.insert(key)
            } else if (facts.manual[index] ?? 0) > 0.005 && facts.counted[index] {
                paid.insert(key)
            }
        }
        paid.subtract(gated)
        let attainment = { (key: String) in totals[key]?.attainment.map { NSDecimalNumber(decimal: $0).doubleValue } }
        let below = gated.compactMap(attainment)
        let above = paid.compactMap(attainment)
        guard let cut = BandFit.bestCut(below: below, above: above) else {
            notEstablished.append(
                "gate: \(summary), but attainment does not separate those rep-periods from the paid ones")
            return
        }
        let misplaced = below.filter { $0 >= cut.upper }.count + above.filter { $0 <= cut.lower }.count
        guard misplaced * 10 <= gated.count + paid.count else {
            notEstablished.append(
                "gate: \(summary), but \(misplaced) rep-periods contradict any attainment level; the plan's gate is by attainment only (an amount gate cannot be written)"
            )
            return
        }
        let level = decimal(BandFit.roundest(above: cut.lower, atMost: cut.upper, metric: .attainment), places: 4)
        let before = FitReport.measure(plan: plan, roster: roster, evidence: evidence).reproduced
        var gatedPlan = plan
        gatedPlan.commission.gate = level
        let after = FitReport.measure(plan: gatedPlan, roster: roster, evidence: evidence).reproduced
        guard after > before else { return }
        plan = gatedPlan
        established.insert("gate")
        let (lower, upper) = attainmentWindow("gate", level: level, cut: cut)
        note(
            "gate",
            "\(gated.count) rep-periods pay nothing on any line, at most \(lower) of quota; \(paid.count) paid ones reach \(upper) or more; the gate adds \(after - before) rows reproduced"
        )
    }

    /// The attainment window `cut` in words; when it is wider than a fifth of a point, an
    /// ambiguity naming the data that would decide where in it the level of `what` lies.
    mutating func attainmentWindow(_ what: String, level: Decimal, cut: (lower: Double, upper: Double))
        -> (lower: String, upper: String)
    {
        let lower = decimal(cut.lower, places: 4).percentText
        let upper = decimal(cut.upper, places: 4).percentText
        if cut.upper - cut.lower > 0.002 {
            ambiguities.append(
                "\(what) at \(level.percentText): any level above \(lower) up to \(upper) fits; a rep-period with attainment in that range would decide"
            )
        }
        return (lower, upper)
    }

    // MARK: Per-line floor (not in the plan format)

    /// Rows paid a common figure where the rates give less, or a `MAX(…, floor)` in the formulas:
    /// a per-line floor, which no plan clause states; named and left out.
    mutating func readLineFloor() {
        let prices = pricesWithOverrides()
        var raised: [Double: [Int]] = [:]
        for (index, price) in prices where price > 0 {
            guard let manual = facts.manual[index], manual > price + 0.005 else { continue }
            raised[(manual * 100).rounded() / 100, default: []].append(index)
        }
        var candidates = clues.floorsInFormulas.map { NSDecimalNumber(decimal: $0.floor).doubleValue }
        candidates += raised.filter { $0.value.count >= 2 }.map(\.key)
        func fitted(_ floor: Double?) -> Int {
            prices.reduce(0) { total, item in
                let price = floor.map { item.value > 0 ? max(item.value, $0) : item.value } ?? item.value
                return total + (reproduces(price, facts.manual[item.key] ?? .nan) ? 1 : 0)
            }
        }
        let without = fitted(nil)
        guard let (floor, with) = candidates.map({ ($0, fitted($0)) }).max(by: { ($0.1, $1.0) < ($1.1, $0.0) }),
            with > without + 1
        else { return }
        let floorText = decimal(floor, places: 2).groupedMoneyText
        let rows = (raised[floor] ?? []).map { observations[$0].line.row }.sorted()
        let formulas = clues.floorsInFormulas.first { NSDecimalNumber(decimal: $0.floor).doubleValue == floor }?
            .formulas
        note(
            "outside",
            (formulas.map { "MAX(…, \(decimal(floor, places: 2).plainText)) in \($0) commission formulas; " } ?? "")
                + "\(rows.count) rows are paid exactly \(floorText) where the rates give less (\(rowList(rows)))")
        notEstablished.append(
            "floor per line of \(floorText): a plan has no per-line floor (a non-recoverable draw floors a rep-period's pay, not a line), so it cannot be written; its \(rows.count) rows are not reproduced"
        )
    }
}
