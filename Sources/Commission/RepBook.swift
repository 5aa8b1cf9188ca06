import Foundation

/// The reps of a run and which rep each credit line belongs to.
///
/// With a roster, a line's rep text must match one rep's id or name (ignoring case and
/// surrounding spaces). Without one, each distinct rep text is a rep of its own.
struct RepBook {
    let reps: [RosterEntry]
    /// For each input line, the index of its rep in `reps`.
    let repOfLine: [Int]
    let hasRoster: Bool

    init(roster: [RosterEntry], lines: [CreditLine]) throws(EngineError) {
        hasRoster = !roster.isEmpty
        guard hasRoster else {
            var order: [String: Int] = [:]
            var reps: [RosterEntry] = []
            var memo = KeyMemo()
            repOfLine = lines.map { line in
                let key = memo.key(line.rep)
                if let index = order[key] { return index }
                order[key] = reps.count
                reps.append(RosterEntry(id: line.rep.trimmingCharacters(in: .whitespaces)))
                return reps.count - 1
            }
            self.reps = reps
            return
        }
        var byID: [String: Int] = [:]
        var byName: [String: [Int]] = [:]
        for (index, rep) in roster.enumerated() {
            if byID[rep.id.normalizedKey] != nil {
                throw EngineError(rows: [], "the roster lists rep id '\(rep.id)' twice")
            }
            byID[rep.id.normalizedKey] = index
            if let name = rep.name { byName[name.normalizedKey, default: []].append(index) }
        }
        var resolved: [Int] = []
        resolved.reserveCapacity(lines.count)
        var memo = KeyMemo()
        for line in lines {
            let key = memo.key(line.rep)
            if let index = byID[key] {
                resolved.append(index)
            } else if let matches = byName[key], matches.count == 1 {
                resolved.append(matches[0])
            } else if let matches = byName[key] {
                let ids = matches.map { roster[$0].id }.joined(separator: ", ")
                throw EngineError(
                    rows: [line.row], "rep '\(line.rep)' matches several reps on the roster (\(ids)); use the rep id")
            } else {
                throw EngineError(rows: [line.row], "rep '\(line.rep)' is not on the roster (by id or name)")
            }
        }
        reps = roster
        repOfLine = resolved
    }
}
