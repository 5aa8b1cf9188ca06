import Commission
import Foundation

/// A tier table in binary floating point while it is being fitted: `from` in the metric's units.
struct FittedBands: Sendable {
    var from: [Double]
    var rates: [Double]
    /// For each threshold after the first band, the interval `(lower, upper]` the rows allow it in.
    var windows: [(lower: Double, upper: Double)] = []

    func band(containing key: Double) -> Int {
        var index = 0
        while index + 1 < from.count && key >= from[index + 1] - 1e-9 { index += 1 }
        return index
    }

    /// The commission the tiers give a row, as the engine prices it (before overrides and caps).
    func price(_ row: KeyedRow, mode: TierTable.Mode) -> Double {
        switch mode {
        case .retroactive: return row.credit * rates[band(containing: row.key)]
        case .marginal: return marginal(from: row.low, to: row.high, scale: row.scale)
        }
    }

    /// Pays `[low, high)` (money) marginally, thresholds at `from × scale`.
    func marginal(from low: Double, to high: Double, scale: Double) -> Double {
        if high < low { return -marginal(from: high, to: low, scale: scale) }
        var total = 0.0
        for index in rates.indices {
            let start = index == 0 ? -Double.infinity : from[index] * scale
            let end = index + 1 < from.count ? from[index + 1] * scale : Double.infinity
            let part = min(high, end) - max(low, start)
            if part > 0 { total += part * rates[index] }
        }
        return total
    }
}

/// Whether a priced figure reproduces a manual one: to the cent when lines are rounded, or exactly.
func reproduces(_ price: Double, _ manual: Double) -> Bool {
    abs(price - manual) <= 0.005 + 1e-9 * abs(manual) + 1e-7
}

/// Fits tier tables to keyed rows, robustly: rates by how many rows share them, thresholds by
/// the cut that the fewest rows contradict, then the roundest number the rows allow.
enum BandFit {
    /// The rates enough rows share, each with its rows' keys; a rate a single typo made is not one.
    static func supportedRates(_ rows: [KeyedRow]) -> [(rate: Double, keys: [Double])] {
        var keysByRate: [Double: [Double]] = [:]
        var rated = 0
        for row in rows {
            guard let rate = row.rate else { continue }
            keysByRate[rate, default: []].append(row.key)
            rated += 1
        }
        let support = max(2, rated / 300)
        return keysByRate.filter { rate, keys in keys.count >= support && (rate != 0 || keys.count * 10 >= rated) }
            .map { ($0.key, $0.value.sorted()) }
            // Ties go to the lower rate: a dictionary's order must not pick the reading.
            .sorted { (median($0.keys), $0.rate) < (median($1.keys), $1.rate) }
    }

    /// Retroactive (and per-deal) readings: each row's rate is its band's; bands follow the key.
    static func retroactive(_ rows: [KeyedRow], metric: TierTable.Metric, excluding: Set<Double> = [])
        -> FittedBands?
    {
        let rates = supportedRates(rows).filter { !excluding.contains($0.rate) }
        guard let first = rates.first else { return nil }
        var bands = FittedBands(from: [0], rates: [first.rate])
        for pair in zip(rates, rates.dropFirst()) {
            guard let cut = bestCut(below: pair.0.keys, above: pair.1.keys) else { return nil }
            let threshold = roundest(above: cut.lower, atMost: cut.upper, metric: metric)
            guard threshold > bands.from.last! else { return nil }
            bands.from.append(threshold)
            bands.rates.append(pair.1.rate)
            bands.windows.append(cut)
        }
        return bands
    }

    /// The retroactive reading without the bands a few wrong rows make: a rate is dropped while the
    /// table without it reproduces fewer than `minimumGain(rows)` rows less (or the table with it
    /// cannot be cut at all). Two rows typed at 8% among 10% ones are then findings, not a tier.
    static func parsimoniousRetroactive(_ rows: [KeyedRow], metric: TierTable.Metric) -> FittedBands? {
        let rates = supportedRates(rows).map(\.rate)
        let needed = minimumGain(rows.count)
        var excluded: Set<Double> = []
        var bands = retroactive(rows, metric: metric)
        var fitted = bands.map { score(rows, $0, mode: .retroactive) }
        while rates.count - excluded.count > 1 {
            // The rate whose band explains least; ties go to the lower rate.
            var fewest: (rate: Double, bands: FittedBands, fitted: Int)?
            for rate in rates where !excluded.contains(rate) {
                guard let fewer = retroactive(rows, metric: metric, excluding: excluded.union([rate])) else { continue }
                let count = score(rows, fewer, mode: .retroactive)
                if fewest == nil || count > fewest!.fitted { fewest = (rate, fewer, count) }
            }
            guard let fewest, fitted.map({ $0 - fewest.fitted < needed }) ?? true else { break }
            excluded.insert(fewest.rate)
            bands = fewest.bands
            fitted = fewest.fitted
        }
        return bands
    }

    /// How many more rows a band (or any more complex reading) must reproduce to be kept: two, or
    /// one in 500 rows, so that a handful of wrong rows never becomes a rule.
    static func minimumGain(_ rows: Int) -> Int { max(2, rows / 500) }

    /// The cut between two rates' keys that the fewest keys contradict: keys below it belong to
    /// the lower band, keys at or above it to the upper. Returns the open-closed interval
    /// `(lower, upper]` any threshold in which makes that cut.
    static func bestCut(below: [Double], above: [Double]) -> (lower: Double, upper: Double)? {
        var marks = below.map { ($0, false) } + above.map { ($0, true) }
        guard !below.isEmpty, !above.isEmpty else { return nil }
        marks.sort { $0.0 < $1.0 }
        // Cutting before mark i: errors = lower-band keys at or after i + upper-band keys before i.
        var errors = below.count
        var best = (errors: Int.max, at: 0)
        for i in 0...marks.count {
            let between = i > 0 && i < marks.count && marks[i - 1].0 < marks[i].0
            if between && errors < best.errors { best = (errors, i) }
            if i < marks.count { errors += marks[i].1 ? 1 : -1 }
        }
        guard best.errors != Int.max else { return nil }
        return (marks[best.at - 1].0, marks[best.at].0)
    }

    /// Marginal readings: bands found one by one from the lowest, each threshold solved from the
    /// rows that straddle it (the consensus of their solutions) or bounded by the rows either side.
    static func marginal(_ rows: [KeyedRow], basis: TierTable.Basis, metric: TierTable.Metric) -> FittedBands? {
        let sorted = rows.sorted { $0.high / $0.scale < $1.high / $1.scale }
        let lowest = sorted.filter { $0.rate != nil }.prefix(max(5, sorted.count / 5))
        guard let firstRate = mode(lowest.compactMap(\.rate), minimum: 2) else { return nil }
        var bands = FittedBands(from: [0], rates: [firstRate])
        var fitted = score(rows, bands, mode: .marginal)
        let gain = minimumGain(rows.count)
        for _ in 0..<8 {
            let open = sorted.filter { !reproduces(bands.price($0, mode: .marginal), $0.manual) }
            guard open.count >= gain else { break }
            let low = Array(open.prefix(max(10, open.count * 3 / 10)))
            let lastRate = bands.rates.last!
            var next = mode(low.compactMap(\.rate).filter { $0 != lastRate }, minimum: 3)
            if next == nil && basis == .perDeal { next = slopeRate(low) }
            guard let nextRate = next, nextRate != lastRate else { break }
            // Where the rows paid wholly at the last rate end: the next band starts at or above.
            let openRows = Set(open.map(\.index))
            let settled = sorted.filter { $0.rate == lastRate && !openRows.contains($0.index) }
            guard
                let solved = solveThreshold(
                    low, bands: bands, next: nextRate, metric: metric, settled: settled.map { $0.high / $0.scale }),
                solved.threshold > bands.from.last!
            else { break }
            // The roundest number of the window only among those that reproduce the most rows.
            var candidate = bands
            var candidateFit = -1
            for threshold in thresholds(in: solved.window, first: solved.threshold, metric: metric)
            where threshold > bands.from.last! {
                var trial = bands
                trial.from.append(threshold)
                trial.rates.append(nextRate)
                trial.windows.append(solved.window)
                let trialFit = score(rows, trial, mode: .marginal)
                if trialFit > candidateFit { (candidate, candidateFit) = (trial, trialFit) }
            }
            guard candidateFit >= 0 else { break }
            guard candidateFit >= fitted + gain else { break }
            (bands, fitted) = (candidate, candidateFit)
        }
        return bands
    }

    /// The next band's rate from the slopes between per-deal rows above the last threshold:
    /// commission rises by the band's rate for each unit of credit.
    static func slopeRate(_ rows: [KeyedRow]) -> Double? {
        var slopes: [Double] = []
        var later = 0
        for (index, row) in rows.enumerated() {
            later = max(later, index + 1)
            while later < rows.count && rows[later].high - row.high < 500 { later += 1 }
            guard later < rows.count, rows[later].scale == row.scale else { continue }
            let slope = (rows[later].manual - row.manual) / (rows[later].high - row.high)
            slopes.append((slope * 10_000).rounded() / 10_000)
        }
        return mode(slopes, minimum: 2)
    }

    /// Where the next band starts: each row straddling it gives one solution of
    /// `manual = tiers(low…t) + next × (high − t)`; the roundest number within the rounding
    /// noise of their median. Without straddling rows, the gap between the rows either side.
    static func solveThreshold(
        _ rows: [KeyedRow], bands: FittedBands, next: Double, metric: TierTable.Metric, settled: [Double] = []
    ) -> (threshold: Double, window: (lower: Double, upper: Double))? {
        let last = bands.rates.last!
        let lastStart = bands.from.last!
        var solutions: [Double] = []
        var widest = 0.0
        for row in rows where row.high > row.low {
            let start = max(row.low, lastStart * row.scale)
            guard row.high > start else { continue }
            let before = bands.marginal(from: row.low, to: start, scale: row.scale)
            let money = (row.manual - before + last * start - next * row.high) / (last - next)
            // Within the rounding noise of either end, the row lies in one band: it says nothing.
            let noise = 0.0051 / abs(last - next)
            guard money > start + noise, money < row.high - noise else { continue }
            solutions.append(money / row.scale)
            widest = max(widest, noise / row.scale)
        }
        if let cluster = densest(solutions.sorted(), width: 2 * widest), cluster.count >= 2 || rows.count < 4 {
            let window = (cluster.first! - widest - 1e-9, cluster.last! + widest)
            return (roundest(above: window.0, atMost: window.1, metric: metric), window)
        }
        let nextRows = rows.filter { $0.rate == next }.map { $0.low / $0.scale }
        guard let upper = nextRows.min() else { return nil }
        // A row paid wholly at the last rate (`settled`: where each ends) puts the threshold at or above where it ends.
        let lower = max(lastStart, (settled.filter { $0 < upper }.max() ?? lastStart) - 1e-9)
        return (roundest(above: lower, atMost: upper, metric: metric), (lower, upper))
    }

    /// The thresholds worth trying in `(lower, upper]`, roundest first: `first`, then the
    /// roundest multiple of each smaller step, then the window's top.
    static func thresholds(in window: (lower: Double, upper: Double), first: Double, metric: TierTable.Metric)
        -> [Double]
    {
        var result = [first]
        for step in steps(metric) {
            let candidate = (((window.lower / step).rounded(.down) + 1) * step * 1e6).rounded() / 1e6
            if candidate <= window.upper + 1e-9, !result.contains(candidate) { result.append(candidate) }
        }
        if !result.contains(window.upper) { result.append(window.upper) }
        return result
    }

    /// The largest run of sorted values that fit within `width`: the consensus, wrong rows aside.
    static func densest(_ sorted: [Double], width: Double) -> ArraySlice<Double>? {
        guard !sorted.isEmpty else { return nil }
        var best = sorted[0...0]
        var end = 0
        for start in sorted.indices {
            end = max(end, start)
            while end + 1 < sorted.count && sorted[end + 1] - sorted[start] <= width { end += 1 }
            if end - start + 1 > best.count { best = sorted[start...end] }
        }
        return best
    }

    /// How many rows the tiers reproduce.
    static func score(_ rows: [KeyedRow], _ bands: FittedBands, mode: TierTable.Mode) -> Int {
        rows.reduce(0) { $0 + (reproduces(bands.price($1, mode: mode), $1.manual) ? 1 : 0) }
    }

    /// The roundest number in `(lower, upper]`: a multiple of the largest step that has one.
    static func roundest(above lower: Double, atMost upper: Double, metric: TierTable.Metric) -> Double {
        guard upper > lower else { return upper }
        for step in steps(metric) {
            let candidate = ((lower / step).rounded(.down) + 1) * step
            if candidate <= upper + 1e-9 { return (candidate * 1e6).rounded() / 1e6 }
        }
        return upper
    }

    private static func steps(_ metric: TierTable.Metric) -> [Double] {
        var result: [Double] = []
        let top = metric == .amount ? 9 : 1
        for power in stride(from: top, through: -4, by: -1) {
            let unit = pow(10.0, Double(power))
            result += [unit, unit / 2, unit / 4, unit / 5].filter { metric == .amount ? $0 >= 0.01 : $0 >= 0.0001 }
        }
        return result.sorted(by: >)
    }

    static func median(_ sorted: [Double]) -> Double {
        sorted.isEmpty ? 0 : sorted[sorted.count / 2]
    }

    /// The most common value, when at least `minimum` share it.
    static func mode(_ values: [Double], minimum: Int) -> Double? {
        var counts: [Double: Int] = [:]
        for value in values { counts[value, default: 0] += 1 }
        guard let top = counts.max(by: { ($0.value, -$0.key) < ($1.value, -$1.key) }), top.value >= minimum else {
            return nil
        }
        return top.key
    }
}
