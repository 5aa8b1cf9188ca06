import Commission
import Foundation

extension InferenceState {
    // MARK: Tiers

    /// Groups of one product or type (or of one product and one type together, or of a grouping
    /// column such as Region) whose rows mostly carry rates that hardly occur elsewhere: an override
    /// is likelier than a tier, so they are left out of the tier fit.
    mutating func setAsideOverrideGroups() {
        var overall: [Double: Int] = [:]
        var rated = 0
        for index in observations.indices where facts.scored[index] {
            if let rate = facts.rate[index] {
                overall[rate, default: 0] += 1
                rated += 1
            }
        }
        var taken = Set<Int>()
        /// Whether the rows of one group mostly carry rates that are rare outside it.
        func rare(_ rows: [Int]) -> Bool {
            var inside: [Double: Int] = [:]
            for index in rows { if let rate = facts.rate[index] { inside[rate, default: 0] += 1 } }
            let insideRated = inside.values.reduce(0, +)
            let outsideRated = rated - insideRated
            guard insideRated >= 3, outsideRated > 0 else { return false }
            let rare = inside.filter { rate, count in
                Double((overall[rate] ?? 0) - count) < 0.02 * Double(outsideRated)
            }.values.reduce(0, +)
            // 80% of its rows, or all but one of four or more: one wrong row does not hide a group.
            return rare * 10 >= insideRated * 8 || (insideRated >= 4 && rare >= insideRated - 1)
        }
        /// Whether the rows all carry one rate, rare outside them.
        func oneRareRate(_ rows: [Int]) -> Bool {
            let rates = Set(rows.map { facts.rate[$0] })
            guard rates.count == 1, let rate = rates.first ?? nil else { return false }
            let outsideRated = rated - rows.count
            return outsideRated > 0 && Double((overall[rate] ?? 0) - rows.count) < 0.02 * Double(outsideRated)
        }
        /// Whether the rate of the row is a whole percent (`8%`), as most plans write a product's
        /// rate, and not what a mistyped rate or figure leaves (`7.5%` for 8%, `7.83%`).
        func planLike(_ row: Int) -> Bool {
            guard let rate = facts.rate[row] else { return false }
            let percents = rate * 100
            return abs(percents - percents.rounded()) < 1e-6
        }
        /// The groups of `size` rows mostly at rates rare elsewhere: of three rows or more (`nil`),
        /// two at one such rate, or one at such a rate that a plan writes.
        func groups(_ keyOf: (Int) -> (key: String, name: String)?, size: Int? = nil)
            -> [(name: String, rows: [Int])]
        {
            var found: [String: (name: String, rows: [Int])] = [:]
            for index in observations.indices where facts.scored[index] && !taken.contains(index) {
                guard let (key, name) = keyOf(index) else { continue }
                found[key, default: (name, [])].rows.append(index)
            }
            return found.sorted { $0.key < $1.key }.map(\.value).filter { group in
                guard let size else { return group.rows.count >= 3 && rare(group.rows) }
                return group.rows.count == size && oneRareRate(group.rows) && (size > 1 || planLike(group.rows[0]))
            }
        }
        func setAside(_ rows: [Int]) {
            taken.formUnion(rows)
            for index in rows { facts.scored[index] = false }
        }
        /// Sets aside the groups of one product or type; `pairs`: one of two rows at a rate rare
        /// elsewhere is one too, whatever else is found.
        func takeGroups(of field: String, pairs: Bool = false) {
            let keyOf = { (index: Int) -> (key: String, name: String)? in
                let line = self.observations[index].line
                return (field == "product" ? line.product : line.type).map { ($0.normalizedKey, $0) }
            }
            var found = groups(keyOf)
            // Once some of them follow a rate of their own, so does one of two rows at a rate rare
            // elsewhere: in a small sheet that is all the rows a product has, and left among the
            // tiers' rows, two products' rates read as two bands of the deal's amount. So does a
            // lone row at a rate a plan writes, rare elsewhere: a product sold once in the sheet.
            var singles: [(name: String, rows: [Int])] = []
            if pairs || !found.isEmpty {
                found += groups(keyOf, size: 2)
                singles = groups(keyOf, size: 1)
            }
            for group in found + singles {
                let when = field == "product" ? LineCondition(product: group.name) : LineCondition(type: group.name)
                overrideGroups.append((when, "\(field)=\(group.name)", group.rows))
                setAside(group.rows)
            }
            for group in singles {
                let rate = facts.rate[group.rows[0]].map { decimal($0, places: 5).percentText } ?? ""
                ambiguities.append(
                    "\(field)=\(group.name): its one row (\(rowList([observations[group.rows[0]].line.row]))) is paid \(rate), a rate no other row has; it is written as the \(field)'s own, but a mistyped row would read the same: another row of it would decide"
                )
            }
        }
        takeGroups(of: "product")
        takeGroups(of: "type")
        // A product whose other rows a type's override prices (an Integration Pack renewal paid as
        // renewals are) is read again once the types have taken theirs: what is left of it may
        // follow a rate of its own, written after the types' overrides (the first match wins).
        if overrideGroups.contains(where: { $0.when.type != nil }) { takeGroups(of: "product", pairs: true) }
        for group in groups({ index in
            let line = observations[index].line
            guard let product = line.product, let type = line.type else { return nil }
            return ("\(product.normalizedKey)\u{1}\(type.normalizedKey)", "\(product)\u{1}\(type)")
        }) {
            let parts = group.name.split(separator: "\u{1}").map(String.init)
            overrideGroups.append(
                (
                    LineCondition(product: parts[0], type: parts[1]), "product=\(parts[0]) and type=\(parts[1])",
                    group.rows
                ))
            setAside(group.rows)
            note(
                "overrides",
                "product=\(parts[0]) alone and type=\(parts[1]) alone do not set the rate: their other rows follow the tiers"
            )
        }
        for column in evidence.extraColumns {
            for group in groups({ index in
                column.values[observations[index].line.row].map { ($0.normalizedKey, $0) }
            }) {
                setAside(group.rows)
                let rate = BandFit.mode(group.rows.compactMap { facts.rate[$0] }, minimum: 2)
                let atRate = rate.map { r in group.rows.filter { facts.rate[$0] == r }.count } ?? 0
                let rows = group.rows.map { observations[$0].line.row }.sorted()
                note(
                    "outside",
                    "\(column.header)=\(group.name): \(atRate) of \(group.rows.count) rows at \(rate.map { decimal($0, places: 5).percentText } ?? "no one rate"), a rate the other rows hardly have (\(rowList(rows)))"
                )
                notEstablished.append(
                    "override for \(column.header)=\(group.name): its rows follow a rate of their own, but a plan's overrides test product, type and status only, so it cannot be written; its \(group.rows.count) rows are left out of the tier fit and are not reproduced"
                )
            }
        }
    }

    /// The tier table: every reading fitted, the best kept, equal rivals reported.
    mutating func fitTiers() {
        let hasQuotas = quotas.hasRoster || observations.contains { $0.line.quota != nil }
        let structures = TierSearch.structures(
            hasQuotas: hasQuotas, periodHint: clues.period, fiscalHint: clues.fiscalYearStart)
        var ranked = TierSearch.rank(facts, quotas: quotas, structures: structures, prefer: clues.period)
        if ranked.isEmpty, takeTiersFromAnOverrideGroup() {
            ranked = TierSearch.rank(facts, quotas: quotas, structures: structures, prefer: clues.period)
        }
        guard var best = ranked.first else {
            let figures = observations.filter { $0.commission != nil }.count
            notEstablished.append(
                figures == 0
                    ? "commission tiers: none of the \(observations.count) deals rows has a commission figure"
                    : "commission tiers: no rate is shared by enough of the \(figures) rows with a commission figure to read a tier table"
            )
            return
        }
        // A reading with more bands than another is kept only when it reproduces enough rows more:
        // a few wrong rows are findings, not a tier.
        let gain = BandFit.minimumGain(best.scored)
        while let simpler = ranked.first(where: { $0.bands.rates.count < best.bands.rates.count }),
            best.fitted - simpler.fitted < gain
        {
            note(
                "tiers",
                "\(best.bands.rates.count) bands reproduce \(best.fitted - simpler.fitted) rows more than \(simpler.bands.rates.count), fewer than \(gain): the rows they add are read as errors"
            )
            best = simpler
        }
        // Running totals by another period than the one the workbook names (its summary's date
        // ranges, its period labels) overrule it only when they reproduce most rows.
        if let named = clues.period, best.structure.basis != .perDeal, best.structure.period != named,
            best.fitted * 2 < best.scored,
            let following = ranked.first(where: { $0.structure.period == named || $0.structure.basis == .perDeal })
        {
            note(
                "period",
                "running totals by \(best.structure.period.rawValue) reproduce \(best.fitted) of \(best.scored) rows, too few to overrule the period the workbook names"
            )
            best = following
        }
        // Year-to-date retroactive tiers where a summary pays true-ups and the rows fit them as well.
        let yearToDate = yearToDateReading(instead: best, among: ranked)
        if let (candidate, agreeing, read) = yearToDate, let (summary, paid) = trueUpSummary {
            note(
                "tiers",
                "sheet '\(summary.sheet)' pays \(paid) rep-periods a true-up, which only year-to-date retroactive tiers pay; that reading fits \(candidate.fitted) rows, as many as \(best.structure.basis.rawValue) \(best.mode.rawValue), and pays a true-up where the sheet does in \(agreeing) of \(read) rep-periods"
            )
            best = candidate
        }
        if best.bands.rates.count == 1 {
            // One rate: no switch changes a figure, so the plan asks for no quota.
            best = TierCandidate(
                structure: Structure(
                    metric: .amount, basis: .perDeal, period: best.structure.period,
                    fiscalYearStart: best.structure.fiscalYearStart),
                mode: .retroactive, bands: best.bands, fitted: best.fitted, scored: best.scored)
        }
        let rows = facts.keyed(best.structure, quotas: quotas) ?? []
        // A per-deal `MIN(…, cap)` in most formulas is a cap, not a last band at 0% (marginal).
        if best.mode == .marginal, best.structure.basis == .perDeal, best.bands.rates.count > 1,
            best.bands.rates.last == 0,
            clues.capsInFormulas.contains(where: { $0.formulas * 2 >= clues.formulaCount })
        {
            var bands = best.bands
            bands.from.removeLast()
            bands.rates.removeLast()
            bands.windows.removeLast()
            best = TierCandidate(
                structure: best.structure, mode: best.mode, bands: bands,
                fitted: BandFit.score(rows, bands, mode: best.mode), scored: best.scored)
        }
        // A threshold the formulas compare with (`IF(D2>=50000,…)`), inside the window the rows
        // allow, is the threshold: the formulas state it.
        var stated: [Int: Int] = [:]
        var bandsStated = best.bands
        for (offset, window) in best.bands.windows.enumerated() {
            guard
                let literal = clues.thresholdsInFormulas.first(where: { item in
                    let value = NSDecimalNumber(decimal: item.value).doubleValue
                    return item.formulas * 2 >= clues.formulaCount && value > window.lower
                        && value <= window.upper + 1e-9
                })
            else { continue }
            bandsStated.from[offset + 1] = NSDecimalNumber(decimal: literal.value).doubleValue
            stated[offset] = literal.formulas
        }
        if !stated.isEmpty {
            best = TierCandidate(
                structure: best.structure, mode: best.mode, bands: bandsStated,
                fitted: BandFit.score(rows, bandsStated, mode: best.mode), scored: best.scored)
        }
        self.best = best
        let metric = best.structure.metric
        let bands = zip(best.bands.from, best.bands.rates).map { from, rate in
            TierTable.Band(from: decimal(from, places: metric == .amount ? 2 : 6), rate: decimal(rate, places: 5))
        }
        plan.commission.tiers = TierTable(metric: metric, basis: best.structure.basis, mode: best.mode, bands: bands)
        established.insert("tiers")
        let misses = rows.filter { !reproduces(best.bands.price($0, mode: best.mode), $0.manual) }
            .map { observations[$0.index].line.row }.sorted()
        var fitLine = "\(best.fitted) of \(best.scored) rows priced by the tiers fit"
        if !misses.isEmpty { fitLine += "; \(rowList(misses)) do not" }
        note("tiers", fitLine)
        for (index, band) in bands.enumerated() {
            let count = rows.filter {
                $0.rate == best.bands.rates[index] && best.bands.band(containing: $0.key) == index
            }
            .count
            note("tiers", "band \(index + 1) (\(band.rate.percentText)): \(count) rows at exactly this rate")
        }
        for (offset, window) in best.bands.windows.enumerated() {
            let threshold = bands[offset + 1].from
            let words = { (value: Double) in
                metric == .amount ? decimal(value, places: 2).groupedMoneyText : decimal(value, places: 4).percentText
            }
            let thresholdText = metric == .amount ? threshold.groupedMoneyText : threshold.percentText
            if let formulas = stated[offset] {
                note(
                    "tiers",
                    "band \(offset + 2) starts at \(thresholdText): \(formulas) of \(clues.formulaCount) commission formulas compare with it; the rows put it above \(words(window.lower)) and at most \(words(window.upper))"
                )
                continue
            }
            let wide = window.upper - window.lower > max(0.01, abs(window.upper) * 0.002)
            note(
                "tiers",
                "band \(offset + 2) starts at \(thresholdText): the rows put it above \(words(window.lower)) and at most \(words(window.upper))"
                    + (wide ? "; \(thresholdText) is the roundest number there" : ""))
            if wide {
                ambiguities.append(
                    "the threshold \(thresholdText) could be anywhere above \(words(window.lower)) up to \(words(window.upper)); a \(best.structure.basis == .perDeal ? "deal" : "running total") in that range would decide"
                )
            }
        }
        for sheet in evidence.otherSheets where bands.count > 1 {
            let listed = bands.allSatisfy { band in
                let from = metric == .attainment ? [band.from, band.from * 100] : [band.from]
                return (band.from == 0 || from.contains { sheet.numbers.contains($0) })
                    && (sheet.numbers.contains(band.rate) || sheet.numbers.contains(band.rate * 100))
            }
            if listed { note("tiers", "sheet '\(sheet.name)' lists these thresholds and rates as typed values") }
        }
        if bands.count == 1 {
            note("tiers", "one rate fits every reading: the metric, basis and mode change nothing")
        } else {
            note("tiers", "reading: \(best.structure), \(best.mode.rawValue); \(ranked.count) readings tried")
            // The summary's true-ups tell year to date from running totals by period.
            ambiguities += TierSearch.rivals(of: best, among: ranked).filter {
                yearToDate == nil || !$0.hasPrefix("basis period and ytd")
            }
        }
        if best.structure.basis == .perDeal || bands.count == 1 {
            plan.period = clues.period ?? .quarter
            plan.fiscalYearStart = clues.fiscalYearStart ?? 1
            if let words = clues.periodWords {
                note("period", words)
                established.insert("period")
            } else {
                note(
                    "period",
                    "not established: the commission does not depend on the period and the workbook names none; check it"
                )
                notEstablished.append(
                    "period: nothing in the workbook names it, and per-deal commission does not depend on it (written: quarter)"
                )
            }
        } else {
            plan.period = best.structure.period
            plan.fiscalYearStart = best.structure.fiscalYearStart
            established.insert("period")
            note(
                "period",
                "running totals by \(best.structure.period.rawValue) reproduce the rows"
                    + (clues.periodWords.map { "; \($0)" } ?? ""))
        }
    }

    /// When every product (or type) with rows enough has a rate of its own, too few rows are left
    /// to read the tiers from: the group with the most rows at one rate gives them back, its rate
    /// the tiers' and the others' overrides of it. Any group's rate could be the plan's base rate;
    /// the largest keeps the plan shortest. False when no group has two rows at one rate.
    mutating func takeTiersFromAnOverrideGroup() -> Bool {
        let atOneRate = overrideGroups.indices.map { position -> Int in
            let rates = overrideGroups[position].rows.compactMap { facts.rate[$0] }
            guard let rate = BandFit.mode(rates, minimum: 2) else { return 0 }
            return rates.filter { $0 == rate }.count
        }
        guard let largest = atOneRate.indices.max(by: { atOneRate[$0] < atOneRate[$1] }), atOneRate[largest] >= 2
        else { return false }
        let group = overrideGroups.remove(at: largest)
        let silent = Set(silentRows)
        for index in group.rows where !silent.contains(index) { facts.scored[index] = true }
        let others = overrideGroups.map(\.label)
        note(
            "tiers",
            "too few rows are left outside the groups at a rate of their own to read the tiers from: they are read from \(group.label)'s \(group.rows.count) rows, the most"
        )
        if !others.isEmpty {
            ambiguities.append(
                "the tiers' rate: \(([group.label] + others.dropLast()).joined(separator: ", ")) and \(others.last!) each have a rate of their own, and any of them could be the plan's base rate, the others its overrides; \(group.label)'s is written as the tiers', having the most rows; a line of another \(group.label.prefix { $0 != "=" }) would decide"
            )
        }
        return true
    }

    /// Rows of the set-aside groups priced by the tiers as fitted, keyed by row index.
    func tierPrices() -> [Int: Double] {
        guard let best else { return [:] }
        var all = facts
        for index in observations.indices { all.scored[index] = all.counted[index] && all.manual[index] != nil }
        var prices: [Int: Double] = [:]
        for row in all.keyed(best.structure, quotas: quotas) ?? [] {
            prices[row.index] = best.bands.price(row, mode: best.mode)
        }
        return prices
    }

    // MARK: Overrides and caps

    /// Each set-aside group as a rate override (its own rate) or a multiplier of the tier
    /// commission, whichever reproduces more of its rows.
    mutating func fitOverrides() {
        guard best != nil, !overrideGroups.isEmpty else {
            notEstablished.append("overrides: no product or type has a rate of its own")
            return
        }
        let prices = tierPrices()
        let multiTier = plan.commission.tiers.bands.count > 1
        for group in overrideGroups {
            // A group of one row (a product sold once) is its row's rate.
            let minimum = min(2, group.rows.count)
            let rate = BandFit.mode(group.rows.compactMap { facts.rate[$0] }, minimum: minimum)
            let ratios = group.rows.compactMap { index -> Double? in
                guard let price = prices[index], abs(price) >= 1, let manual = facts.manual[index] else { return nil }
                return ((manual / price) * 100).rounded() / 100
            }
            let multiplier = group.rows.count > 1 ? BandFit.mode(ratios, minimum: minimum) : nil
            let rateFit =
                rate.map { r in group.rows.filter { reproduces(facts.credit[$0] * r, facts.manual[$0] ?? .nan) }.count }
                ?? 0
            let multiplierFit =
                multiplier.map { m in
                    group.rows.filter { reproduces((prices[$0] ?? .nan) * m, facts.manual[$0] ?? .nan) }.count
                } ?? 0
            let useMultiplier = multiplierFit > rateFit || (multiplierFit == rateFit && multiTier && multiplier != nil)
            let fitted = max(rateFit, multiplierFit)
            guard fitted * 10 >= group.rows.count * 6 else {
                notEstablished.append(
                    "override for \(group.label): its \(group.rows.count) rows follow neither one rate nor one multiple of the tiers"
                )
                continue
            }
            let when = group.when
            let effect: Override.Effect =
                useMultiplier ? .multiplier(decimal(multiplier!, places: 2)) : .rate(decimal(rate!, places: 5))
            // The more specific condition first: the first matching override wins.
            let specific = when.product != nil && when.type != nil
            plan.commission.overrides.insert(
                Override(when: when, effect: effect), at: specific ? 0 : plan.commission.overrides.count)
            established.insert("overrides")
            let what =
                useMultiplier
                ? "the tier commission × \(decimal(multiplier!, places: 2).plainText)"
                : "\(decimal(rate!, places: 5).percentText) instead of the tiers"
            note("overrides", "\(group.label): \(fitted) of \(group.rows.count) rows at \(what)")
            if multiplierFit == rateFit && rate != nil && multiplier != nil && multiTier {
                ambiguities.append(
                    "\(group.label): a rate of \(decimal(rate!, places: 5).percentText) and a multiplier of \(decimal(multiplier!, places: 2).plainText) fit equally; a line of \(group.label) in another tier would decide"
                )
            }
        }
    }

    /// The commission each row gets from the tiers and overrides, before caps.
    func pricesWithOverrides() -> [Int: Double] {
        var prices = tierPrices()
        for (index, price) in prices {
            let line = observations[index].line
            guard let override = plan.commission.overrides.first(where: { $0.when.matches(line) }) else { continue }
            switch override.effect {
            case .rate(let rate): prices[index] = facts.credit[index] * NSDecimalNumber(decimal: rate).doubleValue
            case .multiplier(let m): prices[index] = price * NSDecimalNumber(decimal: m).doubleValue
            }
        }
        return prices
    }

    /// A per-deal cap: a `MIN(…, cap)` in the formulas, or a value many rows stop at where the tiers give more.
    mutating func fitDealCap() {
        let prices = pricesWithOverrides()
        var stopped: [Double: Int] = [:]
        for (index, price) in prices {
            guard let manual = facts.manual[index], manual > 0, price > manual + 0.005 else { continue }
            stopped[(manual * 100).rounded() / 100, default: 0] += 1
        }
        var candidates = clues.capsInFormulas.map { NSDecimalNumber(decimal: $0.cap).doubleValue }
        candidates += stopped.filter { $0.value >= 2 }.map(\.key)
        func fitted(_ cap: Double?) -> Int {
            prices.reduce(0) { total, item in
                let price = cap.map { min(item.value, $0) } ?? item.value
                return total + (reproduces(price, facts.manual[item.key] ?? .nan) ? 1 : 0)
            }
        }
        let without = fitted(nil)
        // Ties go to the lower cap, whatever order the dictionary gave them in.
        let scored = candidates.map { ($0, fitted($0)) }.sorted { ($0.1, $1.0) > ($1.1, $0.0) }
        guard let (cap, with) = scored.first, with > without else {
            notEstablished.append("cap per deal: no row stops short of its tier commission at a common value")
            return
        }
        let capDecimal = decimal(cap, places: 2)
        plan.commission.capPerDeal = capDecimal
        established.insert("cap")
        let formulas = clues.capsInFormulas.first { NSDecimalNumber(decimal: $0.cap).doubleValue == cap }?.formulas ?? 0
        var line =
            "\(stopped[cap] ?? 0) rows paid exactly \(capDecimal.groupedMoneyText) where the rates give more; the cap adds \(with - without) rows reproduced"
        if formulas > 0 { line = "MIN(…, \(capDecimal.plainText)) in \(formulas) commission formulas; " + line }
        note("cap", line)
    }

    /// A per-period cap: rep-periods whose manual commission stops at one common total while the
    /// engine pays more. Checked with the engine.
    mutating func fitPeriodCap() {
        guard let figures = rowFigures else { return }
        var sums: [String: Decimal] = [:]
        var short: Set<String> = []
        let halfCent = Decimal(string: "0.005")!
        for observation in observations {
            let row = observation.line.row
            guard let key = figures.repPeriod[row], let amount = figures.commission[row],
                let manual = observation.commission
            else { continue }
            sums[key, default: 0] += manual
            if manual < amount - halfCent { short.insert(key) }
        }
        var counts: [Decimal: Int] = [:]
        for key in short { counts[sums[key]!.rounded(places: 2, mode: .halfUp), default: 0] += 1 }
        guard let top = counts.filter({ $0.key > 0 }).max(by: { ($0.value, $1.key) < ($1.value, $0.key) }),
            top.value >= 2
        else {
            notEstablished.append("cap per period: no two rep-periods stop at the same total")
            return
        }
        let before = reproducedSoFar
        var capped = plan
        capped.commission.capPerPeriod = top.key
        let after = FitReport.measure(plan: capped, roster: roster, evidence: evidence).reproduced
        guard after > before else { return }
        plan = capped
        established.insert("cap")
        note(
            "cap",
            "\(top.value) rep-periods stop at exactly \(top.key.groupedMoneyText) while the rates give more; the per-period cap adds \(after - before) rows reproduced"
        )
        // Per-deal bonuses the cap stops too (bonus cells at nothing in capped rep-periods) count
        // toward it: kept when the engine then reproduces more rows.
        guard plan.bonuses.contains(where: { if case .perDeal = $0.kind { true } else { false } }) else { return }
        var counted = plan
        for index in counted.bonuses.indices {
            if case .perDeal = counted.bonuses[index].kind { counted.bonuses[index].countsTowardCap = true }
        }
        let countedFit = FitReport.measure(plan: counted, roster: roster, evidence: evidence).reproduced
        guard countedFit > after else { return }
        plan = counted
        note(
            "bonuses",
            "the per-deal bonus counts toward the per-period cap: rep-periods at the cap are paid no bonus; \(countedFit - after) rows more reproduced"
        )
    }
}
