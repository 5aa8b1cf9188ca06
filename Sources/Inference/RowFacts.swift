import Commission
import Foundation

/// The tier table's switches, apart from the mode, as one reading to try against the rows.
struct Structure: Hashable, Sendable, CustomStringConvertible {
    var metric: TierTable.Metric
    var basis: TierTable.Basis
    var period: PeriodKind
    var fiscalYearStart: Int

    var description: String {
        "\(metric.rawValue), \(basis.rawValue), \(period.rawValue)s"
            + (fiscalYearStart == 1 ? "" : " (fiscal year from month \(fiscalYearStart))")
    }
}

/// Each row's facts in binary floating point, for fast fitting; the engine checks the result exactly.
struct RowFacts: Sendable {
    let observations: [Observation]
    let credit: [Double]
    /// The manual commission, when there is one.
    let manual: [Double?]
    /// The rate `round(credit × rate, 2)` gives the manual commission at, when one does (a clean row).
    let rate: [Double?]
    /// Counts toward running totals (its status is eligible).
    var counted: [Bool]
    /// Its commission is scored against the tiers (counted, has a manual figure, not set aside).
    var scored: [Bool]
    /// Row indices per rep, each in the engine's order: close date, deal id, row.
    let byRep: [[Int]]
    /// Each rep's key (`String.normalizedKey` of how the sheet writes the rep).
    let repKeys: [String]

    init(_ observations: [Observation]) {
        self.observations = observations
        credit = observations.map { NSDecimalNumber(decimal: $0.line.credit).doubleValue }
        manual = observations.map { $0.commission.map { NSDecimalNumber(decimal: $0).doubleValue } }
        rate = zip(credit, manual).map { credit, manual in
            manual.flatMap { RowFacts.cleanRate(credit: credit, commission: $0) }
        }
        counted = Array(repeating: true, count: observations.count)
        scored = manual.map { $0 != nil }
        var groups: [String: [Int]] = [:]
        var order: [String] = []
        for (index, observation) in observations.enumerated() {
            let key = observation.line.rep.normalizedKey
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(index)
        }
        repKeys = order
        let days = observations.map(\.line.date.dayNumber)
        let deals = observations.map(\.line.dealID)
        let rows = observations.map(\.line.row)
        byRep = order.map { key in
            groups[key]!.sorted { a, b in
                if days[a] != days[b] { return days[a] < days[b] }
                if deals[a] != deals[b] { return deals[a] < deals[b] }
                return rows[a] < rows[b]
            }
        }
    }

    /// The rate, to 0.001% at most, that prices `credit` to `commission` (to the cent, or exactly).
    /// Nil for credits too small to tell rates apart.
    static func cleanRate(credit: Double, commission: Double) -> Double? {
        guard abs(credit) >= 100 else { return nil }
        let implied = commission / credit
        for scale in [10_000.0, 100_000.0] {
            let snapped = (implied * scale).rounded() / scale
            if abs(credit * snapped - commission) <= 0.005 + 1e-7 * abs(commission) { return snapped }
        }
        return nil
    }
}

/// Per-rep-period quotas for attainment readings: the roster's (prorated like the engine) or the sheet's.
struct QuotaBook: Sendable {
    let roster: [String: RosterEntry]
    let hasRoster: Bool

    init(roster: [RosterEntry]) {
        var byKey: [String: RosterEntry] = [:]
        for entry in roster {
            byKey[entry.id.normalizedKey] = entry
            if let name = entry.name { byKey[name.normalizedKey] = byKey[name.normalizedKey] ?? entry }
        }
        self.roster = byKey
        hasRoster = !roster.isEmpty
    }

    /// The quota that turns money into attainment for `rep` in `period`: the period's, or for
    /// `ytd` the fiscal year's; nil when none is known.
    func quota(rep: String, period: Period, ytd: Bool, sheetQuota: Decimal?) -> Decimal? {
        guard hasRoster else {
            return sheetQuota.map { ytd ? $0 * Decimal(period.kind.periodsPerYear) : $0 }
        }
        guard let entry = roster[rep] else { return nil }
        if ytd {
            return entry.yearQuota(period.kind).map { entry.prorated($0, over: period.fiscalYearRange) }
        }
        return entry.periodQuota(period.kind).map { entry.prorated($0, over: period.start...period.end) }
    }
}

/// One scored row under a structure: where its credit stands on the tier scale.
struct KeyedRow: Sendable {
    let index: Int
    let credit: Double
    let manual: Double
    /// The running credit before and after the row (money); 0 and the credit for per-deal readings.
    let low: Double
    let high: Double
    /// The money that picks a retroactive band: the credit, the period's total, or the year's at the period's end.
    let point: Double
    /// Money per unit of the metric: the quota for attainment, 1 for amounts.
    let scale: Double
    let rate: Double?

    var key: Double { point / scale }
}

extension RowFacts {
    /// Each row's period of `kind` with fiscal years starting in month `fiscalYearStart`.
    func periods(_ kind: PeriodKind, fiscalYearStart: Int) -> [Period] {
        observations.map { Period(containing: $0.line.date, kind: kind, fiscalYearStart: fiscalYearStart) }
    }

    /// The scored rows placed on the tier scale of `structure`; nil when an attainment reading has no quota.
    /// `periods`, when given, holds each row's period under the structure's kind and fiscal year.
    func keyed(_ structure: Structure, quotas: QuotaBook, periods known: [Period]? = nil) -> [KeyedRow]? {
        var result: [KeyedRow] = []
        result.reserveCapacity(observations.count)
        let attainment = structure.metric == .attainment
        let all = known ?? periods(structure.period, fiscalYearStart: structure.fiscalYearStart)
        for (repIndex, indices) in byRep.enumerated() {
            let periods = indices.map { all[$0] }
            var periodTotals: [Period: Double] = [:]
            for (offset, index) in indices.enumerated() where counted[index] {
                periodTotals[periods[offset], default: 0] += credit[index]
            }
            var scales: [Period: Double] = [:]
            var running = 0.0
            var yearBefore = 0.0
            var current: Period?
            for (offset, index) in indices.enumerated() {
                let period = periods[offset]
                if period != current {
                    if structure.basis == .ytd, let current, current.fiscalYear == period.fiscalYear {
                        yearBefore += periodTotals[current] ?? 0
                        running = yearBefore
                    } else {
                        yearBefore = 0
                        running = 0
                    }
                    current = period
                }
                guard counted[index] else { continue }
                let low = running
                running += credit[index]
                guard scored[index], let manual = manual[index] else { continue }
                var scale = 1.0
                if attainment {
                    if let known = scales[period] {
                        scale = known
                    } else {
                        let quota = quotas.quota(
                            rep: repKeys[repIndex], period: period, ytd: structure.basis == .ytd,
                            sheetQuota: observations[index].line.quota)
                        guard let quota, quota > 0 else { return nil }
                        scale = NSDecimalNumber(decimal: quota).doubleValue
                        scales[period] = scale
                    }
                }
                let point: Double =
                    switch structure.basis {
                    case .perDeal: credit[index]
                    case .period: periodTotals[period] ?? 0
                    case .ytd: yearBefore + (periodTotals[period] ?? 0)
                    }
                let perDeal = structure.basis == .perDeal
                result.append(
                    KeyedRow(
                        index: index, credit: credit[index], manual: manual, low: perDeal ? 0 : low,
                        high: perDeal ? credit[index] : running, point: point, scale: scale, rate: rate[index]))
            }
        }
        return result
    }
}
