import Commission
import Foundation

/// Mechanics seen per rep-period rather than per row: a gate, an attainment bonus, a draw; and a
/// per-line floor, which the plan format cannot state.
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
        var totals: [String: RepPeriodTotal] = [:]
        for total in statement.reps {
            totals["\(total.rep.normalizedKey) \(total.period)"] = total
            if let name = total.name { totals["\(name.normalizedKey) \(total.period)"] = total }
        }
        var rowKeys: [Int: String] = [:]
        for line in statement.lines where line.kind == .commission {
            if let row = line.row { rowKeys[row] = "\(line.rep.normalizedKey) \(line.period)" }
        }
        return (totals, rowKeys)
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

    // MARK: Attainment bonus and draw, from a summary sheet

    /// An `at_attainment` bonus from a summary's bonus column: one amount, paid to the rep-periods
    /// at or above an attainment level.
    mutating func fitAttainmentBonus(_ summary: SummaryTable, totals: [String: RepPeriodTotal]) {
        guard let header = summary.headers["bonus"] else { return }
        let joined = summary.entries.compactMap { entry -> (bonus: Decimal, attainment: Double)? in
            guard let bonus = entry.bonus, let attainment = totals["\(entry.rep) \(entry.period)"]?.attainment else {
                return nil
            }
            return (bonus, NSDecimalNumber(decimal: attainment).doubleValue)
        }
        let paid = joined.filter { $0.bonus != 0 }
        // One rep-period paid is enough when attainment separates it from all the others (checked below).
        guard let amount = mostCommon(paid.map(\.bonus)), paid.count >= 2 || (paid.count == 1 && joined.count >= 3)
        else {
            notEstablished.append(
                joined.isEmpty
                    ? "attainment bonus: column '\(header)' of sheet '\(summary.sheet)' cannot be set against attainment (no quota, or no rep-period matches)"
                    : paid.isEmpty
                        ? "attainment bonus: column '\(header)' of sheet '\(summary.sheet)' pays nothing"
                        : "attainment bonus: column '\(header)' of sheet '\(summary.sheet)' never pays one amount twice"
            )
            return
        }
        let above = joined.filter { $0.bonus == amount }.map(\.attainment)
        let below = joined.filter { $0.bonus == 0 }.map(\.attainment)
        guard let cut = below.isEmpty ? (0, above.min()!) : BandFit.bestCut(below: below, above: above) else { return }
        let level = BandFit.roundest(above: cut.lower, atMost: cut.upper, metric: .attainment)
        let fitted = joined.filter { $0.bonus == ($0.attainment >= level - 1e-9 ? amount : 0) }.count
        guard fitted * 10 >= joined.count * 9, paid.count >= 2 || fitted == joined.count else {
            notEstablished.append(
                "attainment bonus: column '\(header)' of sheet '\(summary.sheet)' pays \(amount.groupedMoneyText) in \(paid.count) rep-periods, but no attainment level separates them from the rest (\(fitted) of \(joined.count) fit the best one)"
            )
            return
        }
        let at = decimal(level, places: 4)
        plan.bonuses.append(Bonus(name: header, kind: .atAttainment(at: at, amount: amount)))
        established.insert("bonuses")
        let (lower, upper) = attainmentWindow("attainment bonus", level: at, cut: cut)
        note(
            "bonuses",
            "sheet '\(summary.sheet)' column '\(header)': \(above.count) rep-periods are paid \(amount.groupedMoneyText), each at \(upper) of quota or more; the others reach at most \(lower); \(fitted) of \(joined.count) rep-periods fit"
        )
    }

    /// A draw from a summary's earnings and payable columns: the figure rep-periods that earned
    /// less are topped up to (a floor on pay, often `MAX(earned, draw)`), recoverable when later
    /// pay is cut by the shortfall.
    mutating func fitDraw(_ summary: SummaryTable) {
        guard summary.headers["payable"] != nil, summary.headers["earned"] != nil else {
            notEstablished.append("draw: no summary sheet gives both what a rep earned and what was paid")
            return
        }
        let entries = summary.entries.filter { $0.earned != nil && $0.payable != nil }
        let halfCent = Decimal(string: "0.005")!
        let topped = entries.filter { $0.payable! > $0.earned! + halfCent }
        let inFormulas = entries.compactMap(\.payableFormula).flatMap {
            FormulaText.literalBounds(of: "MAX", in: $0).filter { $0 > 0 }
        }
        // A Draw column the payable's `MAX` reads (`MAX(C2,D2)`) writes the draw on each row.
        let drawColumn = entries.filter { $0.payableFormula?.uppercased().contains("MAX(") == true }.compactMap(\.draw)
            .filter { $0 > 0 }
        // A rep's own draw on the roster overrides the plan's, as the engine applies it: such reps
        // say nothing of the plan's draw.
        var rosterDraws: [String: Decimal] = [:]
        for rep in roster {
            guard let own = rep.draw else { continue }
            for name in [rep.id] + (rep.name.map { [$0] } ?? []) + rep.aliases { rosterDraws[name.normalizedKey] = own }
        }
        let planEntries = entries.filter { rosterDraws[$0.rep] == nil }
        let plansTopped = planEntries.filter { $0.payable! > $0.earned! + halfCent }.map(\.payable!)
        let plansColumn = planEntries.filter { $0.payableFormula?.uppercased().contains("MAX(") == true }
            .compactMap(\.draw).filter { $0 > 0 }
        guard
            let draw = mostCommon(plansTopped + inFormulas + plansColumn)
                ?? mostCommon(topped.map(\.payable!) + inFormulas + drawColumn)
        else {
            notEstablished.append(
                "draw: every rep-period's payable in sheet '\(summary.sheet)' is no more than its earnings; nothing tops pay up"
            )
            return
        }
        /// How many rep-periods' payable the draw reproduces, walking each rep's periods in order.
        func fitted(recoverable: Bool) -> (count: Int, recovered: Int) {
            var count = 0
            var recovered = 0
            for entries in Dictionary(grouping: entries, by: \.rep).values {
                var balance: Decimal = 0
                let floor = rosterDraws[entries[0].rep] ?? draw
                for entry in entries.sorted(by: { $0.period < $1.period }) {
                    let earned = entry.earned!
                    var payable = max(earned, floor)
                    if recoverable {
                        if earned < floor {
                            balance += floor - earned
                        } else {
                            let recovery = min(balance, earned - floor)
                            if recovery > 0 { recovered += 1 }
                            payable = earned - recovery
                            balance -= recovery
                        }
                    }
                    if abs(payable - entry.payable!) <= halfCent { count += 1 }
                }
            }
            return (count, recovered)
        }
        let flat = fitted(recoverable: false)
        let carried = fitted(recoverable: true)
        let recoverable =
            carried.count > flat.count || (carried.count == flat.count && summary.headers["recovered"] != nil)
        let count = max(flat.count, carried.count)
        guard count * 10 >= entries.count * 9 else {
            notEstablished.append(
                "draw: \(topped.count) rep-periods are paid more than they earned, but a draw of \(draw.groupedMoneyText) reproduces only \(count) of \(entries.count) payable figures"
            )
            return
        }
        plan.draw = Draw(amount: draw, recoverable: recoverable)
        established.insert("draw")
        let payable = summary.headers["payable"]!
        note(
            "draw",
            "sheet '\(summary.sheet)' column '\(payable)': \(topped.count) rep-periods that earned less are paid exactly \(draw.groupedMoneyText)"
                + (inFormulas.isEmpty
                    ? "" : "; MAX(…, \(draw.plainText)) in \(inFormulas.count) payable formulas: a floor on pay")
                + (drawColumn.isEmpty
                    ? ""
                    : "; column '\(summary.headers["draw"] ?? "Draw")' writes \(drawColumn.filter { $0 == draw }.count) rep-periods' draw of \(draw.groupedMoneyText), beside MAX(…) payable formulas")
        )
        if carried.count != flat.count {
            note(
                "draw",
                recoverable
                    ? "recoverable: \(carried.recovered) rep-periods that earned above the draw are paid their earnings less the shortfall carried; \(carried.count) of \(entries.count) payable figures fit (not recoverable: \(flat.count))"
                    : "not recoverable: pay is never cut after a shortfall; \(flat.count) of \(entries.count) payable figures fit (recoverable: \(carried.count))"
            )
        } else {
            note("draw", "\(count) of \(entries.count) payable figures fit")
            ambiguities.append(
                "draw: recoverable and not recoverable fit equally (\(recoverable ? "recoverable, from the column '\(summary.headers["recovered"]!)'" : "not recoverable") written); a rep-period earning above \(draw.groupedMoneyText) after one below it would decide"
            )
        }
    }

    /// The attainment bonus and the draw, when a summary sheet shows them.
    mutating func fitSummaryMechanics() {
        guard let summary = SummaryTable.find(in: evidence) else {
            notEstablished.append(
                "attainment bonus and draw: no summary sheet lists rep-periods with a bonus, earned or payable column")
            return
        }
        if summary.headers["bonus"] != nil, let (totals, _) = repPeriods() {
            fitAttainmentBonus(summary, totals: totals)
        }
        fitDraw(summary)
    }
}
