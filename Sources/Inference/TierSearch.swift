import Commission
import Foundation
import Parallel
import Primitives

/// One fitted reading of the tier table, and how many rows it reproduces on its own.
struct TierCandidate: Sendable {
    let structure: Structure
    let mode: TierTable.Mode
    let bands: FittedBands
    let fitted: Int
    let scored: Int
    /// Digits the thresholds need: fewer is rounder, the more likely a person wrote them.
    var digits: Int {
        bands.from.dropFirst().reduce(0) { total, from in
            var text = String(format: "%.6f", from)
            while text.hasSuffix("0") { text.removeLast() }
            return total + text.filter(\.isNumber).drop { $0 == "0" }.count
        }
    }
}

/// Tries every reading of the tier table's switches, fits bands to each, and ranks them.
enum TierSearch {
    /// Every structure worth trying: per deal, period and year to date over months, quarters and
    /// years (fiscal years starting in January, April, July or October), amount and, with quotas, attainment.
    static func structures(hasQuotas: Bool, periodHint: PeriodKind?, fiscalHint: Int?) -> [Structure] {
        var result: [Structure] = []
        let metrics: [TierTable.Metric] = hasQuotas ? [.amount, .attainment] : [.amount]
        let starts = Array(Set([fiscalHint ?? 1, 1, 4, 7, 10])).sorted()
        for metric in metrics {
            for kind in PeriodKind.allCases {
                let fiscal = fiscalHint ?? 1
                if kind == periodHint || periodHint == nil || metric == .attainment {
                    result.append(Structure(metric: metric, basis: .perDeal, period: kind, fiscalYearStart: fiscal))
                }
                result.append(Structure(metric: metric, basis: .period, period: kind, fiscalYearStart: fiscal))
                if kind != .year {
                    for start in starts {
                        result.append(Structure(metric: metric, basis: .ytd, period: kind, fiscalYearStart: start))
                    }
                }
            }
        }
        return result
    }

    /// Each structure and mode fitted; best first. `prefer` breaks ties toward the period the workbook names.
    static func rank(_ facts: RowFacts, quotas: QuotaBook, structures: [Structure], prefer period: PeriodKind?)
        -> [TierCandidate]
    {
        // Per-deal amount readings do not depend on the period: each distinct reading is keyed once.
        func probe(_ structure: Structure) -> Structure {
            var probe = structure
            if structure.basis == .perDeal && structure.metric == .amount { probe.period = .quarter }
            return probe
        }
        var distinct: [Structure] = []
        for structure in structures where !distinct.contains(probe(structure)) { distinct.append(probe(structure)) }
        let probes = distinct
        let modes: [TierTable.Mode] = [.retroactive, .marginal]
        // Readings are independent: each is keyed and fitted on its own core.
        let fits = inParallel(chunks: probes.count) { index -> [(TierTable.Mode, FittedBands, Int, Int)] in
            guard let rows = facts.keyed(probes[index], quotas: quotas), !rows.isEmpty else { return [] }
            return modes.compactMap { mode in
                let fitted =
                    mode == .retroactive
                    ? BandFit.parsimoniousRetroactive(rows, metric: probes[index].metric)
                    : BandFit.marginal(rows, basis: probes[index].basis, metric: probes[index].metric)
                return fitted.map { (mode, $0, BandFit.score(rows, $0, mode: mode), rows.count) }
            }
        }
        var candidates: [TierCandidate] = []
        for structure in structures {
            let index = probes.firstIndex(of: probe(structure))!
            for (mode, bands, fitted, scored) in fits[index] {
                candidates.append(
                    TierCandidate(structure: structure, mode: mode, bands: bands, fitted: fitted, scored: scored))
            }
        }
        let basisOrder: [TierTable.Basis] = [.perDeal, .period, .ytd]
        return candidates.sorted { a, b in
            if a.fitted != b.fitted { return a.fitted > b.fitted }
            if a.bands.rates.count != b.bands.rates.count { return a.bands.rates.count < b.bands.rates.count }
            let aPeriod = a.structure.period == period
            let bPeriod = b.structure.period == period
            if aPeriod != bPeriod { return aPeriod }
            if a.digits != b.digits { return a.digits < b.digits }
            let aBasis = basisOrder.firstIndex(of: a.structure.basis)!
            let bBasis = basisOrder.firstIndex(of: b.structure.basis)!
            if aBasis != bBasis { return aBasis < bBasis }
            if a.structure.fiscalYearStart != b.structure.fiscalYearStart {
                return a.structure.fiscalYearStart == 1
            }
            if a.structure.metric != b.structure.metric { return a.structure.metric == .attainment }
            return a.mode == .retroactive && b.mode == .marginal
        }
    }

    /// Readings that fit as many rows as the best but would pay differently elsewhere, in words,
    /// with the data that would tell them apart.
    static func rivals(of best: TierCandidate, among ranked: [TierCandidate]) -> [String] {
        guard best.bands.rates.count > 1 else { return [] }
        var notes: [String] = []
        let equal = ranked.filter { $0.fitted == best.fitted && $0.bands.rates.count == best.bands.rates.count }
        let threshold = best.bands.from[1]
        let thresholdText =
            best.structure.metric == .amount
            ? decimal(threshold, places: 2).groupedMoneyText : decimal(threshold, places: 6).percentText
        if equal.contains(where: { $0.mode != best.mode && $0.structure.basis == best.structure.basis }) {
            let unit = best.structure.basis == .perDeal ? "a deal" : "a rep's running total"
            notes.append(
                "marginal and retroactive fit equally (\(best.fitted) rows each): no row tells them apart; \(unit) that passes \(thresholdText) would decide (retroactive pays all of it at the higher rate, marginal only the part above)"
            )
        }
        let otherBases = equal.filter { $0.structure.basis != best.structure.basis }
        if otherBases.contains(where: { [$0.structure.basis, best.structure.basis].contains(.perDeal) }) {
            notes.append(
                "basis per_deal and \([best.structure.basis, .period, .ytd].first { $0 != .perDeal }!.rawValue) fit equally (\(best.fitted) rows each); a rep whose deals add up past \(thresholdText) within one period (or year) while no single deal does would decide"
            )
        }
        // Year to date equals the period's own total wherever the period is the first of its
        // fiscal year with deals: that holds for some fiscal years only, which are named.
        let ytd = otherBases.filter { $0.structure.basis == .ytd } + (best.structure.basis == .ytd ? [best] : [])
        if best.structure.basis != .perDeal, otherBases.contains(where: { $0.structure.basis != .perDeal }) {
            let starts = Array(Set(ytd.map(\.structure.fiscalYearStart))).sorted()
            let months = starts.map { CivilCalendar.monthNames[$0 - 1] }.joined(separator: " or ")
            notes.append(
                "basis period and ytd with fiscal years starting in \(months) fit equally (\(best.fitted) rows each): under those fiscal years no rep has deals in two \(best.structure.period.rawValue)s of one year; a rep who does would decide (the fiscal year start is not established)"
            )
        }
        if equal.contains(where: { $0.structure.metric != best.structure.metric }) {
            notes.append(
                "amount and attainment thresholds fit equally (\(best.fitted) rows each); reps with different quotas reaching the same credit would decide"
            )
        }
        if best.structure.basis != .perDeal,
            equal.contains(where: {
                $0.structure.basis == best.structure.basis && $0.structure.period != best.structure.period
            })
        {
            let kinds = Set(equal.map(\.structure.period.rawValue)).sorted().joined(separator: ", ")
            notes.append(
                "running totals by \(kinds) fit equally (\(best.fitted) rows each); a rep with deals in several months of one quarter whose total passes \(thresholdText) would decide"
            )
        }
        return notes
    }
}

/// A double fitted to `places` decimals, as a decimal.
func decimal(_ value: Double, places: Int) -> Decimal {
    var scale = Decimal(1)
    for _ in 0..<places { scale *= 10 }
    let scaled = (value * pow(10, Double(places))).rounded()
    return Decimal(Int64(scaled)) / scale
}
