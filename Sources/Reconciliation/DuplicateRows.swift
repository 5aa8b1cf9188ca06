import Commission
import Foundation
import Ingest
import Primitives

/// Rows that copy an earlier row (same deal, rep, date, amount and split): the later copy earns
/// nothing. A rep is the roster's one rep however a row writes it (`LUCA BIANCHI`, `R02`).
enum DuplicateRows {
    /// What makes two rows copies of each other: the deal in compared form, the rep, the day, the
    /// amount and the split.
    private struct Key: Equatable {
        let deal: String
        let rep: Int32
        let day: Int
        let amount: Decimal
        let split: Decimal
    }

    /// Moves the rows that copy an earlier one out of `deals` (in place: a million lines are not
    /// copied), returning them with the row each one copies.
    static func takeCopies(from deals: inout DealsTable, roster: [RosterEntry]) -> [CopiedRow] {
        let reps = repNumbers(deals.lines, roster: roster)
        var found = find(deals.lines, reps: reps)
        let redated = redated(deals.lines, reps: reps, besides: found)
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
    static func repNumbers(_ lines: [CreditLine], roster: [RosterEntry]) -> [Int32] {
        let names = RepNames(roster)
        var numbers: [String: Int32] = [:]
        var numberOfText: [String: Int32] = [:]
        var last: (text: String, number: Int32)?
        return lines.map { line in
            if let last, last.text == line.rep { return last.number }
            let number: Int32
            if let known = numberOfText[line.rep] {
                number = known
            } else {
                let rep = names.id(line.rep)
                number = numbers[rep] ?? Int32(numbers.count)
                numbers[rep] = number
                numberOfText[line.rep] = number
            }
            last = (line.rep, number)
            return number
        }
    }

    /// Each row that copies an earlier one (`Key`) to the row it copies; `reps`: the lines' reps
    /// (`repNumbers`).
    static func find(_ lines: [CreditLine], reps: [Int32]) -> [Int: Int] {
        var result: [Int: Int] = [:]
        // Through a buffer, so that reading five fields does not copy (retain) whole lines.
        lines.withUnsafeBufferPointer { lines in
            func key(_ index: Int) -> Key {
                Key(
                    deal: lines[index].dealID.normalizedKey, rep: reps[index],
                    day: lines[index].date.dayNumber, amount: lines[index].amount, split: lines[index].split)
            }
            // The deal, rep and day alone are hashed, without making their compared forms (equal
            // keys still hash alike): Foundation's hash of a Decimal costs more than the rest of the
            // key, and rows alike in those three but not in amount or split are rare. Whole keys
            // are made only where hashes meet.
            FirstPositions.firsts(in: lines.indices) { index in
                var hasher = Hasher()
                lines[index].dealID.hashNormalizedKey(into: &hasher)
                hasher.combine(reps[index])
                hasher.combine(lines[index].date.dayNumber)
                return hasher.finalize()
            } isEqual: { earlier, index in
                key(earlier) == key(index)
            } found: { index, first in
                result[index] = lines[first].row
            }
        }
        return result
    }

    /// Rows that repeat an earlier row of the same deal in all but the date (the same rep, amount,
    /// split, product, type and status: a deal paid again in a later month, or on a later month's
    /// tab that dates its rows), where leaving them out makes the deal's splits add up to 100%,
    /// which with them they exceed (the engine's `split_total`): each row to the row it repeats.
    /// `found`: the rows already known as copies, which are none of these.
    static func redated(_ lines: [CreditLine], reps: [Int32], besides found: [Int: Int]) -> [Int: Int] {
        var repeats: [Int: Int] = [:]
        lines.withUnsafeBufferPointer { lines in
            func same(_ a: Int, _ b: Int) -> Bool {
                lines[a].dealID.normalizedKey == lines[b].dealID.normalizedKey
                    && reps[a] == reps[b] && lines[a].amount == lines[b].amount
                    && lines[a].split == lines[b].split && lines[a].labels == lines[b].labels
            }
            FirstPositions.firsts(in: lines.indices) { index in
                guard found[index] == nil else { return nil }
                var hasher = Hasher()
                lines[index].dealID.hashNormalizedKey(into: &hasher)
                hasher.combine(reps[index])
                return hasher.finalize()
            } isEqual: { earlier, index in
                same(earlier, index)
            } found: { index, first in
                repeats[index] = first
            }
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
            guard let all = total[deal], all - (repeated[deal] ?? 0) == 1 else { continue }
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
