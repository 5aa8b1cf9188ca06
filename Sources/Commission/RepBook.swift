import Foundation
import Primitives

/// The reps of a run and which rep each credit line belongs to.
///
/// With a roster, a line's rep text must match one rep's id or name (ignoring case and
/// surrounding spaces). Without one, each distinct rep text is a rep of its own.
package struct RepBook: Sendable {
    package let reps: [RosterEntry]
    /// For each input line, the index of its rep in `reps`.
    package let repOfLine: LineIndices
    package let hasRoster: Bool

    init(roster: [RosterEntry], lines: [CreditLine]) throws(EngineError) {
        var resolver = try Resolver(roster: roster)
        var resolved = LineIndices()
        resolved.reserveCapacity(lines.count)
        for line in lines { resolved.append(try resolver.index(of: line)) }
        self.init(reps: resolver.reps, repOfLine: resolved, hasRoster: resolver.hasRoster)
    }

    package init(reps: [RosterEntry], repOfLine: LineIndices, hasRoster: Bool) {
        self.reps = reps
        self.repOfLine = repOfLine
        self.hasRoster = hasRoster
    }

    /// Whether `rep`'s quotas are the roster's: a roster (or the plan's `reps:`) that gives the
    /// rep a `quota` or `annual_quota`. Else the deals' Quota column gives them, the rep's
    /// per-period quota "when no roster gives one" (plan-format.md 1.1), read from its rows.
    package func quotaFromRoster(_ rep: RosterEntry, _ kind: PeriodKind) -> Bool {
        hasRoster && rep.periodQuota(kind) != nil
    }

    /// Resolves lines' reps one at a time, in line order: against the roster, or (without one)
    /// each new rep text becoming the next rep.
    package struct Resolver {
        /// The roster, or the reps met so far.
        package private(set) var reps: [RosterEntry]
        package let hasRoster: Bool
        private var byID: [String: Int] = [:]
        private var byName: [String: [Int]] = [:]
        /// Texts that are one rep's id and another rep's name: they match two people.
        private var idAlsoAnotherName: [String: [Int]] = [:]
        private var memo = KeyMemo()
        /// The rep index found for each names index (`CreditLine.namesIndex`) met: most lines'
        /// reps are found without hashing their text.
        private var byNamesIndex = IndexMemo()

        package init(roster: [RosterEntry]) throws(EngineError) {
            reps = roster
            hasRoster = !roster.isEmpty
            for (index, rep) in roster.enumerated() {
                if byID[rep.id.normalizedKey] != nil {
                    throw EngineError(rows: [], "the roster lists rep id '\(rep.id)' twice")
                }
                byID[rep.id.normalizedKey] = index
                if let name = rep.name { byName[name.normalizedKey, default: []].append(index) }
            }
            for (key, index) in byID {
                guard let named = byName[key], named.contains(where: { $0 != index }) else { continue }
                idAlsoAnotherName[key] = [index] + named.filter { $0 != index }
            }
        }

        /// The index in `reps` of `line`'s rep.
        package mutating func index(of line: CreditLine) throws(EngineError) -> Int {
            guard let names = line.namesIndex.map(Int.init) else { return try resolve(line) }
            if let known = byNamesIndex[names] { return Int(known) }
            let index = try resolve(line)
            byNamesIndex[names] = Int32(index)
            return index
        }

        /// The index in `reps` of `line`'s rep, found from its text.
        private mutating func resolve(_ line: CreditLine) throws(EngineError) -> Int {
            let key = memo.key(line.rep)
            if !idAlsoAnotherName.isEmpty, let matches = idAlsoAnotherName[key] {
                let ids = matches.map { reps[$0].id }.joined(separator: ", ")
                throw EngineError(
                    rows: [line.row],
                    "rep '\(line.rep)' is the id of \(reps[matches[0]].id) and the name of another rep on the roster "
                        + "(\(ids)); correct the roster or the deal")
            }
            if let index = byID[key] { return index }
            guard hasRoster else {
                byID[key] = reps.count
                reps.append(RosterEntry(id: line.rep.trimmingCharacters(in: .whitespaces)))
                return reps.count - 1
            }
            guard let matches = byName[key] else {
                throw EngineError(rows: [line.row], "rep '\(line.rep)' is not on the roster (by id or name)")
            }
            guard matches.count == 1 else {
                let ids = matches.map { reps[$0].id }.joined(separator: ", ")
                throw EngineError(
                    rows: [line.row], "rep '\(line.rep)' matches several reps on the roster (\(ids)); use the rep id")
            }
            return matches[0]
        }
    }
}
