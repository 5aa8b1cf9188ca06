import Foundation

/// A personal objective beyond quota (a trueup extension of the plan file): what is measured,
/// over which lines, and the per-period target every rep has unless the roster gives another.
public struct Objective: Sendable, Hashable {
    public enum Measure: String, Sendable, Hashable, CaseIterable {
        /// How many deals: each counting line adds its split (a deal split 50/50 counts half to each rep).
        case deals
        /// The credit (amount × split) of the counting lines.
        case credit
        /// Credit ÷ deals: the average size of the rep's share of a deal.
        case averageDeal = "average_deal"
    }

    public var name: String
    public var measure: Measure
    /// Which lines count; every line that counts toward credit when empty.
    public var when: LineCondition
    /// The per-period target for every rep without one of their own.
    public var target: Decimal?

    public init(name: String, measure: Measure, when: LineCondition = LineCondition(), target: Decimal? = nil) {
        self.name = name
        self.measure = measure
        self.when = when
        self.target = target
    }

    /// The rep's target: the roster's, else the plan's.
    public func target(for rep: RosterEntry) -> Decimal? {
        rep.objectiveTargets[name.normalizedKey] ?? target
    }
}

/// How open deals in a pipeline turn into a forecast (a trueup extension of the plan file).
public struct ForecastRules: Sendable, Hashable {
    /// Stage name (compared ignoring case) → probability of closing, 0...1.
    public var stages: [String: Decimal]
    /// Deals at or above this probability are in the committed forecast.
    public var commitAt: Decimal

    public init(stages: [String: Decimal] = [:], commitAt: Decimal = Decimal(string: "0.9")!) {
        self.stages = stages
        self.commitAt = commitAt
    }

    /// The probability a stage stands for, matched ignoring case and surrounding spaces.
    public func probability(ofStage stage: String) -> Decimal? {
        let key = stage.normalizedKey
        return stages.first { $0.key.normalizedKey == key }?.value
    }
}

/// Tests many lines against a fixed list of conditions: each condition is put in compared form
/// once, and each line's texts are in that form already (`CreditLine.Labels.keys`).
public struct LineMatcher {
    private let conditions: [NormalizedCondition]

    public init(_ conditions: [LineCondition]) {
        self.conditions = conditions.map(\.normalized)
    }

    /// Calls `body` with the index of each condition `line` matches, in order.
    public mutating func forEachMatch(of line: CreditLine, _ body: (Int) -> Void) {
        let keys = MatchKeys(line)
        for (index, condition) in conditions.enumerated() where condition.matches(keys, date: line.date) {
            body(index)
        }
    }
}
