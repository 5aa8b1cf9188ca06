import Commission
import Foundation
import Ingest
import Primitives

/// Rows that copy an earlier row (same deal, rep, date, amount and split): the later copy earns
/// nothing. A rep is the roster's one rep however a row writes it (`LUCA BIANCHI`, `R02`).
enum DuplicateRows {
    /// What makes two rows of one deal (in compared form) and rep copies of each other: the day,
    /// the amount and the split.
    private struct Copy: Hashable {
        let day: Int
        let amount: Decimal
        let split: Decimal
    }

    /// What makes a row of one deal and rep repeat another under another date.
    private struct Repeat: Hashable {
        let amount: Decimal
        let split: Decimal
        let labels: CreditLine.Labels?
    }

    /// Moves the rows that copy an earlier one out of `deals` (in place: a million lines are not
    /// copied), returning them with the row each one copies.
    static func takeCopies(from deals: inout DealsTable, roster: [RosterEntry]) -> [CopiedRow] {
        let groups = sharingDealAndRep(deals.lines, reps: repNumbers(deals.lines, roster: roster))
        var found = find(deals.lines, groups: groups)
        let redated = redated(deals.lines, groups: groups, besides: found)
        found.merge(redated) { same, _ in same }
        guard !found.isEmpty else { return [] }
        // Taken out in place: a list of every row kept would be 8 bytes a row.
        let taken = found.sorted { $0.key < $1.key }
        let copies = taken.map { read, original in
            CopiedRow(
                line: deals.lines[read], manual: deals.manual[read], original: original,
                isRedated: redated[read] != nil)
        }
        let rows = taken.map(\.key)
        deals.lines.removeSubranges(RangeSet(rows, within: deals.lines))
        deals.manual.leaveOut(rows)
        return copies
    }

    /// Each line's rep as a number, one for each rep of `roster` however the line writes it
    /// (`RepNames`: id or name, any case) and one for each other rep in compared form.
    /// A line's rep is looked up once per rep and labels' index in the process's table
    /// (`CreditLine.namesIndex`), its text hashed only for lines held apart from the table.
    static func repNumbers(_ lines: [CreditLine], roster: [RosterEntry]) -> [Int32] {
        let names = RepNames(roster)
        var numbers: [String: Int32] = [:]
        var numberOfText: [String: Int32] = [:]
        var numberOfIndex = IndexMemo()
        func number(ofText text: String) -> Int32 {
            if let known = numberOfText[text] { return known }
            let rep = names.id(text)
            let number = numbers[rep] ?? Int32(numbers.count)
            numbers[rep] = number
            numberOfText[text] = number
            return number
        }
        return lines.map { line in
            guard let index = line.namesIndex.map(Int.init) else { return number(ofText: line.rep) }
            if let known = numberOfIndex[index] { return known }
            let found = number(ofText: line.rep)
            numberOfIndex[index] = found
            return found
        }
    }

    /// The lines that share their deal (in compared form) and rep (`repNumbers`) with another:
    /// each group's positions in order, its first line first. Copies (`find`) and repeats
    /// (`redated`) are looked for within these alone, so that a million lines are hashed into a
    /// table once, not once for each.
    static func sharingDealAndRep(_ lines: [CreditLine], reps: [Int32]) -> [[Int]] {
        var groups: [[Int]] = []
        var groupOfFirst: [Int: Int] = [:]
        // Through a buffer, so that reading two fields does not copy (retain) whole lines.
        lines.withUnsafeBufferPointer { lines in
            FirstPositions.firsts(in: lines.indices) { index in
                var hasher = Hasher()
                lines[index].dealID.hashNormalizedKey(into: &hasher)
                hasher.combine(reps[index])
                return hasher.finalize()
            } isEqual: { earlier, index in
                reps[earlier] == reps[index] && lines[earlier].dealID.normalizedKey == lines[index].dealID.normalizedKey
            } found: { index, first in
                if let group = groupOfFirst[first] {
                    groups[group].append(index)
                } else {
                    groupOfFirst[first] = groups.count
                    groups.append([first, index])
                }
            }
        }
        return groups
    }

    /// Within each of `groups`, `found` hears each position whose `key` an earlier position of
    /// the group had, with the first such position; a position whose key is nil is passed over.
    /// A group's keys are held as positions (`FirstPositions`): one of a million lines (a rep's
    /// rows without deal ids) takes 16 MB, not the keys themselves.
    private static func firstEqual<Key: Hashable>(
        in groups: [[Int]], key: (Int) -> Key?, found: (_ position: Int, _ first: Int) -> Void
    ) {
        for group in groups {
            var table = FirstPositions(capacity: group.count)
            for position in group {
                guard let value = key(position) else { continue }
                if let first = table.first(of: value, at: position, keyAt: { key($0)! }) { found(position, first) }
            }
        }
    }

    /// Each row that copies an earlier one (the same deal, rep, day, amount and split) to the row
    /// it copies; `groups`: the lines' groups of one deal and rep (`sharingDealAndRep`).
    static func find(_ lines: [CreditLine], groups: [[Int]]) -> [Int: Int] {
        var result: [Int: Int] = [:]
        firstEqual(in: groups) { index in
            Copy(day: lines[index].date.dayNumber, amount: lines[index].amount, split: lines[index].split)
        } found: { index, first in
            result[index] = lines[first].row
        }
        return result
    }

    /// Rows that repeat an earlier row of the same deal in all but the date (the same rep, amount,
    /// split, product, type and status: a deal paid again in a later month, or on a later month's
    /// tab that dates its rows), where leaving them out makes the deal's splits add up to 100%,
    /// which with them they exceed (the engine's `split_total`): each row to the row it repeats.
    /// `found`: the rows already known as copies, which are none of these.
    static func redated(_ lines: [CreditLine], groups: [[Int]], besides found: [Int: Int]) -> [Int: Int] {
        var repeats: [Int: Int] = [:]
        firstEqual(in: groups) { index in
            found[index] == nil
                ? Repeat(amount: lines[index].amount, split: lines[index].split, labels: lines[index].labels) : nil
        } found: { index, first in
            repeats[index] = first
        }
        guard !repeats.isEmpty else { return [:] }
        // The splits of each deal repeated, with and without its repeats.
        let deals = Set(repeats.keys.map { lines[$0].dealID.normalizedKey })
        func hash(_ line: CreditLine) -> Int {
            var hasher = Hasher()
            line.dealID.hashNormalizedKey(into: &hasher)
            return hasher.finalize()
        }
        // Each line's deal in compared form is made only where its hash is a repeated deal's.
        let hashes = Set(repeats.keys.map { hash(lines[$0]) })
        var total: [String: Decimal] = [:]
        for (index, line) in lines.enumerated() where found[index] == nil && hashes.contains(hash(line)) {
            let deal = line.dealID.normalizedKey
            guard deals.contains(deal) else { continue }
            total[deal, default: 0] += line.split
        }
        var repeated: [String: Decimal] = [:]
        for index in repeats.keys { repeated[lines[index].dealID.normalizedKey, default: 0] += lines[index].split }
        var result: [Int: Int] = [:]
        for (index, first) in repeats {
            let deal = lines[index].dealID.normalizedKey
            guard let all = total[deal], (all - (repeated[deal] ?? 0)).isWholeShare else { continue }
            result[index] = lines[first].row
        }
        return result
    }
}

/// A row that repeats an earlier one: it should earn nothing.
struct CopiedRow {
    let line: CreditLine
    let manual: ManualCells
    /// The row it copies.
    let original: Int
    /// Whether it copies the row under another date (`DuplicateRows.redated`).
    var isRedated = false
}
