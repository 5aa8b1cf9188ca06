import Foundation
import Primitives

extension RepCalculation {
    /// Steps 4 to 7: each period's commission lines (and year-to-date true-ups), rounded per line
    /// when the plan says so, in the plan's order.
    func priceCommission() throws(EngineError) -> [Ledger] {
        let table = plan.commission.tiers
        var ledgers: [Ledger] = []
        var fiscalYear: Int?
        var yearCredit: Decimal = 0
        /// Tier-priced lines of earlier periods this fiscal year: credit × multiplier, rate paid.
        var paid: [(weight: Decimal, rate: Decimal)] = []
        /// The fiscal year's annual quota once a period of it gives one (`basis: ytd`), and the
        /// rows that gave it (quotas read from the sheet).
        var knownYearQuota: Decimal?
        var yearQuotaRows: [Int] = []
        // Each line's period, read in a pass of its own: a rep's lines lie scattered among the
        // run's, and reads that wait on nothing else are made together, where hashing each
        // line's period as it is read would make each read wait for the one before.
        let periodOfOrdered = ordered.map { run.periodOfLine[$0] }
        // Each period's lines, in the plan's order: one pass, not one filter per period. The
        // plan's order is by date, so a period's lines stand together: each run of them is filed
        // at once, its period hashed once.
        var linesOfPeriod: [Period: [Int]] = [:]
        var start = 0
        for position in ordered.indices
        where position + 1 == ordered.count || periodOfOrdered[position + 1] != periodOfOrdered[position] {
            linesOfPeriod[periodOfOrdered[position], default: []] += ordered[start...position]
            start = position + 1
        }
        let repPeriods = periods(ofLines: periodOfOrdered)
        let sheetYearQuotas =
            table.basis == .ytd && !quotaFromRoster ? firstYearQuotas(repPeriods, linesOfPeriod) : [:]
        for period in repPeriods {
            if period.fiscalYear != fiscalYear {
                (fiscalYear, yearCredit, paid, yearQuotaRows) = (period.fiscalYear, 0, [], [])
                knownYearQuota = sheetYearQuotas[period.fiscalYear]
            }
            let all = linesOfPeriod[period] ?? []
            // Each line's credit, read once, in a pass of its own (as the periods are above).
            let credits = all.map { run.credits[$0] }
            let own = all.filter { run.eligible[$0] }
            var ledger = Ledger(period: period)
            // Room for the lines, a true-up and per-deal bonuses: entries are large, and growing
            // copies them.
            ledger.entries.reserveCapacity(all.count + 1 + (run.perDealBonuses.isEmpty ? 0 : own.count))
            // The quota stands on any of the period's rows, whatever their status (plan-format.md §7).
            ledger.quota = try quota(for: period, lines: all)
            if table.basis == .ytd {
                // One annual quota per fiscal year (plan-format.md §7): a period whose rows give
                // none (a month without deals between two with them) has the year's, so its
                // true-up prices the year-to-date credit against it, not against no quota.
                let ownYearQuota = yearQuota(for: period, periodQuota: ledger.quota)
                if !quotaFromRoster && table.metric == .attainment, let own = ownYearQuota {
                    let rows = all.filter { run.lines[$0].quota != nil }.map { run.lines[$0].row }
                    if let known = knownYearQuota, own != known {
                        throw differentYearQuotas(known, own, rows: yearQuotaRows + rows, period: period)
                    }
                    if yearQuotaRows.isEmpty { yearQuotaRows = rows }
                }
                ledger.ytdQuota = ownYearQuota ?? knownYearQuota
                knownYearQuota = ledger.ytdQuota
            }
            ledger.credit = all.indices.reduce(Decimal(0)) { sum, position in
                run.eligible[all[position]] ? Decimal.sum(sum, credits[position]) : sum
            }
            let bandQuota = table.basis == .ytd ? ledger.ytdQuota : ledger.quota
            if table.metric == .attainment && bandQuota == nil && !own.isEmpty {
                let fix =
                    run.book.hasRoster
                    ? "give the rep a quota or annual_quota in the roster, or fill the rep's cells of a Quota column"
                    : "give a roster (--roster, or the plan's reps:) with the rep's quota, or fill the rep's cells of a Quota column"
                throw EngineError(
                    rows: own.map { run.lines[$0].row },
                    "rep \(rep.id) has no quota for \(period), and the tiers are set on attainment; \(fix)")
            }
            // A quota of 0 (the roster's, or one prorated to 0: a deal dated before the rep's
            // start) gives no attainment either, so no band can be chosen (plan-format.md 3.4).
            if table.metric == .attainment && bandQuota == 0 && !own.isEmpty {
                throw EngineError(
                    rows: own.map { run.lines[$0].row },
                    zeroQuotaWords(
                        period: period, year: table.basis == .ytd, need: "and the tiers are set on attainment"))
            }
            let bands = PricedBands(table, quota: bandQuota)
            var cumulative = table.basis == .ytd ? yearCredit : 0
            let periodEnd = Decimal.sum(cumulative, ledger.credit)
            var ownPaid: [(weight: Decimal, rate: Decimal)] = []
            // One buffer for every line's parts, and one for their words.
            var parts: [PricedBands.Part] = []
            var words = TextBuffer()
            for (position, index) in all.enumerated() {
                guard run.eligible[index] else {
                    ledger.entries.append(notEligible(index, period: period))
                    continue
                }
                let credit = credits[position]
                // A line no one asks about adds to the running total alone (`Run.pricedLines`).
                if let priced = run.pricedLines, !priced[index] {
                    cumulative = Decimal.sum(cumulative, credit)
                    continue
                }
                switch (table.basis, table.mode) {
                case (.perDeal, .marginal): bands.marginal(from: 0, to: credit, into: &parts)
                case (.perDeal, .retroactive):
                    parts.removeAll(keepingCapacity: true)
                    parts.append(retroactivePart(bands, band: bands.band(containing: credit), credit: credit))
                case (_, .marginal): bands.marginal(from: cumulative, to: Decimal.sum(cumulative, credit), into: &parts)
                case (_, .retroactive):
                    parts.removeAll(keepingCapacity: true)
                    parts.append(retroactivePart(bands, band: bands.band(containing: periodEnd), credit: credit))
                }
                cumulative = Decimal.sum(cumulative, credit)
                let priced = price(index, credit: credit, parts: parts, bands: bands, period: period, words: &words)
                if let weight = priced.tierWeight, let rate = priced.entry.line.firstRate {
                    ownPaid.append((weight, rate))
                }
                ledger.entries.append(priced.entry)
                // Per-deal bonuses stand right after their line.
                appendDealBonuses(of: index, period: period, to: &ledger.entries)
            }
            if table.basis == .ytd && table.mode == .retroactive {
                let rateNow = bands.rates[bands.band(containing: periodEnd)]
                if !paid.isEmpty {
                    ledger.entries.append(trueUp(paid, rateNow: rateNow, period: period))
                    paid = paid.map { ($0.weight, rateNow) }
                }
                paid += ownPaid
            }
            yearCredit = periodEnd
            ledgers.append(ledger)
        }
        return ledgers
    }

    /// Quotas read from the sheet: each fiscal year's one annual quota (plan-format.md §7), from
    /// the first of its rows that gives a quota. A period before that row (a quarter without the
    /// rep's deals, or whose rows leave the Quota cell blank) stands under it as the rest of the
    /// year does.
    private func firstYearQuotas(_ periods: [Period], _ linesOfPeriod: [Period: [Int]]) -> [Int: Decimal] {
        var result: [Int: Decimal] = [:]
        for period in periods where result[period.fiscalYear] == nil {
            let quota = linesOfPeriod[period]?.lazy.compactMap { run.lines[$0].quota }.first
            result[period.fiscalYear] = yearQuota(for: period, periodQuota: quota)
        }
        return result
    }

    /// The refusal for a Quota column that gives one fiscal year two quotas under `basis: ytd` on
    /// attainment: the year is priced against one annual quota (plan-format.md §7), and the
    /// contract does not say which period's quota × periods a year (or what sum) that is.
    private func differentYearQuotas(_ known: Decimal, _ own: Decimal, rows: [Int], period: Period) -> EngineError {
        let perYear = Decimal(plan.period.periodsPerYear)
        return EngineError(
            rows: rows,
            "the Quota column gives rep \(rep.id) quotas of \((known / perYear).groupedMoneyText) and "
                + "\((own / perYear).groupedMoneyText) a period "
                + "in the fiscal year of \(period), and basis: ytd prices the year's tiers against one annual "
                + "quota, which the contract does not derive from different ones; give one quota for the year, "
                + "or a roster with the rep's annual_quota")
    }

    private func retroactivePart(_ bands: PricedBands, band: Int, credit: Decimal) -> PricedBands.Part {
        PricedBands.Part(band: band, credit: credit, amount: Decimal.product(credit, bands.rates[band]))
    }

    /// A line's commission from its tier parts, with the first matching override applied; `words`
    /// is the room its explanation is written in. `credit`: the line's (`run.credits`).
    /// `tierWeight` is credit × multiplier for lines whose rate comes from the tiers.
    private func price(
        _ index: Int, credit: Decimal, parts: [PricedBands.Part], bands: PricedBands, period: Period,
        words: inout TextBuffer
    ) -> (entry: Entry, tierWeight: Decimal?) {
        let source = run.lines[index]
        var amount = parts.count == 1 ? parts[0].amount : parts.reduce(Decimal(0)) { Decimal.sum($0, $1.amount) }
        var overrideRate: Decimal?
        let explains = run.explains
        var explanation = explains ? bands.describe(parts, in: &words) : ""
        var weight: Decimal? = credit
        if !run.overrides.isEmpty, case let keys = run.keys(ofLine: index),
            let (_, override, overrideWords) = run.overrides.first(where: {
                $0.condition.matches(keys, date: source.date)
            })
        {
            switch override.effect {
            case .rate(let rate):
                amount = Decimal.product(credit, rate)
                overrideRate = rate
                if explains { explanation = credit.groupedMoneyText + overrideWords }
                weight = nil
            case .multiplier(let multiplier):
                amount = Decimal.product(amount, multiplier)
                if explains { explanation = "(" + explanation + ")" + overrideWords }
                weight = Decimal.product(credit, multiplier)
            }
        }
        // The rates paid, each once, without an array for the usual one.
        let rates: RateList
        if let overrideRate {
            rates = .one(overrideRate)
        } else if parts.count == 1 {
            rates = .one(bands.rates[parts[0].band])
        } else {
            var unique: [Decimal] = []
            for part in parts where !unique.contains(where: { Decimal.same($0, bands.rates[part.band]) }) {
                unique.append(bands.rates[part.band])
            }
            rates = RateList(unique)
        }
        let line = StatementLine(
            kind: .commission, row: source.row, dealID: source.dealID, rep: rep.id, period: period, credit: credit,
            amount: roundedLine(amount), rateList: rates, explanation: explanation,
            flags: run.isSplitFlagged(index) ? .splitTotal : [], bonusName: nil)
        return (Entry(line: line, source: index), weight)
    }

    private func trueUp(_ paid: [(weight: Decimal, rate: Decimal)], rateNow: Decimal, period: Period) -> Entry {
        var groups: [(rate: Decimal, weight: Decimal)] = []
        for item in paid {
            if let at = groups.firstIndex(where: { $0.rate == item.rate }) {
                groups[at].weight += item.weight
            } else {
                groups.append((item.rate, item.weight))
            }
        }
        let amount = paid.reduce(Decimal(0)) { $0 + $1.weight * (rateNow - $1.rate) }
        let words =
            run.explains
            ? groups.map { "\($0.weight.groupedMoneyText) × (\(rateNow.percentText) − \($0.rate.percentText))" } : []
        let line = StatementLine(
            kind: .trueUp, row: nil, dealID: nil, rep: rep.id, period: period, credit: nil,
            amount: roundedLine(amount), rates: [rateNow],
            explanation: run.explains ? "true-up: " + words.joined(separator: " + ") : "", flags: [], bonusName: nil)
        return Entry(line: line, source: nil)
    }

    private func notEligible(_ index: Int, period: Period) -> Entry {
        let source = run.lines[index]
        var flags: LineFlags = .notEligible
        if run.isSplitFlagged(index) { flags.insert(.splitTotal) }
        let line = StatementLine(
            kind: .commission, row: source.row, dealID: source.dealID, rep: rep.id, period: period,
            credit: run.credits[index], amount: 0, rates: [],
            explanation: run.explains ? "not eligible (status \(source.status ?? "none")): earns nothing" : "",
            flags: flags, bonusName: nil)
        return Entry(line: line, source: nil)
    }

    /// Rounds a line's amount when the plan rounds per line; leaves it exact otherwise.
    func roundedLine(_ amount: Decimal) -> Decimal {
        plan.rounding.level == .line ? plan.rounding.round(amount) : amount
    }
}

extension Run {
    /// An override as the run matches and explains it: its condition in compared form and its
    /// `explainingWords`, made once rather than for every line.
    typealias PreparedOverride = (condition: NormalizedCondition, override: Override, words: String)

    static func prepared(_ overrides: [Override]) -> [PreparedOverride] {
        overrides.map { ($0.when.normalized, $0, $0.explainingWords) }
    }
}

extension Override {
    /// What follows the amount in the words of a line this override changed: ` at 3% (override:
    /// product=Services)` after the credit for a rate, ` × 0.5 (override: type=Renewal)` after the
    /// tiers' words in parentheses for a multiplier.
    var explainingWords: String {
        switch effect {
        case .rate(let rate): " at \(rate.percentText) (override: \(when.summary))"
        case .multiplier(let multiplier): " × \(multiplier.plainText) (override: \(when.summary))"
        }
    }
}

extension LineCondition {
    /// `product=Services, type=Renewal`: the condition in the plan's own words.
    var summary: String {
        var parts: [String] = []
        if let product { parts.append("product=\(product)") }
        if let type { parts.append("type=\(type)") }
        if let status { parts.append("status=\(status)") }
        if let from { parts.append("from \(from)") }
        if let to { parts.append("to \(to)") }
        return parts.isEmpty ? "every line" : parts.joined(separator: ", ")
    }
}
