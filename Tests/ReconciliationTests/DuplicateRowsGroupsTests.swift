import Commission
import Foundation
import Testing

@testable import Reconciliation

/// Copies and repeats are looked for within the groups of lines that share a deal (in compared
/// form) and rep (`DuplicateRows.sharingDealAndRep`): on lines drawn from a few deals, reps, days,
/// amounts, splits and products, they must be the rows a search over every earlier line finds.
@Suite struct DuplicateRowsGroupsTests {
    /// A deterministic generator (SplitMix64), so that a failure can be run again.
    private struct Draws {
        var state: UInt64
        mutating func next(_ count: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(count))
        }
    }

    /// Lines with many alike: deal ids written in two cases and with spaces, reps by id and
    /// name's case, a few days, amounts (one no word holds), splits and products.
    private func lines(_ count: Int, seed: UInt64) -> [CreditLine] {
        var draws = Draws(state: seed)
        let deals = ["D-1", "d-1", " D-1", "D-2", "D-3", "", "Ágata-7", "agata-7"]
        let reps = ["R1", "r1", "R2", "Ana Lima", "ana lima"]
        let amounts = [Decimal(100), Decimal(string: "250.5")!, Decimal(string: "123456789012345678.25")!, 0]
        let splits = [Decimal(1), Decimal(string: "0.5")!, Decimal(string: "0.25")!]
        let products: [String?] = [nil, "Cloud", "cloud", "Services"]
        return (0..<count).map { row in
            CreditLine(
                row: row + 2, dealID: deals[draws.next(deals.count)], rep: reps[draws.next(reps.count)],
                date: LocalDate(dayNumber: 20_000 + draws.next(3)), amount: amounts[draws.next(amounts.count)],
                split: splits[draws.next(splits.count)], product: products[draws.next(products.count)])
        }
    }

    /// What each finds, asked of every earlier line: the copies, the repeats, and the repeats
    /// kept, those of deals whose splits add up to 1 without them.
    private func searched(_ lines: [CreditLine], reps: [Int32]) -> (
        copies: [Int: Int], repeats: [Int: Int], kept: [Int: Int]
    ) {
        func sameDealAndRep(_ a: Int, _ b: Int) -> Bool {
            reps[a] == reps[b] && lines[a].dealID.normalizedKey == lines[b].dealID.normalizedKey
        }
        var copies: [Int: Int] = [:]
        for index in lines.indices {
            let first = (0..<index).first { earlier in
                sameDealAndRep(earlier, index) && lines[earlier].date == lines[index].date
                    && lines[earlier].amount == lines[index].amount && lines[earlier].split == lines[index].split
            }
            if let first { copies[index] = lines[first].row }
        }
        var repeats: [Int: Int] = [:]
        for index in lines.indices where copies[index] == nil {
            let first = (0..<index).first { earlier in
                copies[earlier] == nil && sameDealAndRep(earlier, index) && lines[earlier].amount == lines[index].amount
                    && lines[earlier].split == lines[index].split && lines[earlier].product == lines[index].product
            }
            if let first { repeats[index] = first }
        }
        var kept: [Int: Int] = [:]
        for (index, first) in repeats {
            let deal = lines[index].dealID.normalizedKey
            let all = lines.indices.filter { copies[$0] == nil && lines[$0].dealID.normalizedKey == deal }
            let total = all.reduce(Decimal(0)) { $0 + lines[$1].split }
            let repeated = all.filter { repeats[$0] != nil }.reduce(Decimal(0)) { $0 + lines[$1].split }
            if total - repeated == 1 { kept[index] = lines[first].row }
        }
        return (copies, repeats, kept)
    }

    @Test(arguments: [(600, 1), (600, 2), (40, 3), (40, 4), (12, 5)])
    func groupsFindWhatEveryEarlierLineFinds(count: Int, seed: UInt64) {
        let lines = lines(count, seed: seed)
        let reps = DuplicateRows.repNumbers(lines, roster: [])
        let groups = DuplicateRows.sharingDealAndRep(lines, reps: reps)
        let expected = searched(lines, reps: reps)
        let copies = DuplicateRows.find(lines, groups: groups)
        #expect(copies == expected.copies)
        #expect(count < 600 || !copies.isEmpty && !expected.repeats.isEmpty)
        #expect(DuplicateRows.redated(lines, groups: groups, besides: copies) == expected.kept)
        // Every line of a group shares its deal and rep, and no line is in two groups.
        var seen = Set<Int>()
        for group in groups {
            #expect(group.count > 1 && group == group.sorted())
            #expect(group.allSatisfy { reps[$0] == reps[group[0]] && seen.insert($0).inserted })
        }
    }

    /// A deal split two ways, paid again to one rep a month later (`d-9 `): the repeat is kept,
    /// to the row it repeats; the same deal's exact copy is a copy, not a repeat.
    @Test func aRepeatOfASplitDealIsKept() {
        func line(_ row: Int, _ deal: String, _ rep: String, day: Int) -> CreditLine {
            CreditLine(
                row: row, dealID: deal, rep: rep, date: LocalDate(dayNumber: day), amount: 100,
                split: Decimal(string: "0.5")!)
        }
        let lines = [
            line(2, "D-9", "R1", day: 20_000), line(3, "D-9", "R2", day: 20_000), line(4, "d-9 ", "R1", day: 20_030),
            line(5, "D-9", "R2", day: 20_000),
        ]
        let reps = DuplicateRows.repNumbers(lines, roster: [])
        let groups = DuplicateRows.sharingDealAndRep(lines, reps: reps)
        let copies = DuplicateRows.find(lines, groups: groups)
        #expect(copies == [3: 3])
        #expect(DuplicateRows.redated(lines, groups: groups, besides: copies) == [2: 2])
        #expect(searched(lines, reps: reps).kept == [2: 2])
    }
}
