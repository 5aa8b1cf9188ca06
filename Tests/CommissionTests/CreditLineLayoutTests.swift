import Foundation
import Testing

@testable import Commission

/// A line holds its amount as a word of its storage, its date in 32 bits and its rep and labels'
/// index and its split's code in one word (`CreditLine`, 48 bytes): every value reads back bit for
/// bit, a value no word holds is kept apart, and lines compare and hash by their values however
/// they hold them.
@Suite struct CreditLineLayoutTests {
    private let march9 = LocalDate(year: 2026, month: 3, day: 9)!
    /// A mantissa longer than 48 bits: no word holds it.
    private let long = Decimal(string: "123456789012345678.25")!

    private func line(amount: Decimal = 1200, split: Decimal = 1, date: LocalDate? = nil) -> CreditLine {
        CreditLine(row: 7, dealID: "D-1", rep: "ana", date: date ?? march9, amount: amount, split: split)
    }

    @Test func aLineTakesFortyEightBytes() {
        #expect(MemoryLayout<CreditLine>.stride <= 48)
    }

    @Test func amountsSplitsAndDatesReadBackBitForBit() {
        let values: [Decimal] = [0, 1, -250.5, Decimal(string: "0.333333")!, Decimal(string: "1.50")!, long, -long]
        for amount in values {
            for split in [1, Decimal(string: "0.5")!, long] {
                let read = line(amount: amount, split: split)
                #expect(Decimal.sameStorage(read.amount, amount) && Decimal.sameStorage(read.split, split))
                #expect(read.credit == amount * split)
            }
        }
        for day in [0, -1, 20_000, Int(Int32.max), Int(Int32.min), Int(Int32.min) - 1, 1 << 40] {
            #expect(line(date: LocalDate(dayNumber: day)).date.dayNumber == day)
        }
    }

    @Test func valuesMoveBetweenTheirWordAndApart() {
        var changed = line()
        changed.quota = 50_000
        changed.amount = long
        changed.date = LocalDate(dayNumber: 1 << 40)
        changed.split = long
        #expect(changed.amount == long && changed.split == long && changed.date.dayNumber == 1 << 40)
        #expect(changed.quota == 50_000)
        changed.amount = 1200
        changed.split = 1
        changed.date = march9
        #expect(changed.quota == 50_000 && changed.cancelDate == nil)
        changed.quota = nil
        #expect(changed == line())
        #expect(!changed.sharesCancelDateAndQuota(with: changed))
    }

    @Test func linesCompareAndHashByValueHoweverHeld() {
        var apart = line(amount: long)
        apart.amount = 1200
        #expect(apart == line() && Set([apart, line()]).count == 1)
        #expect(line(amount: long) != line() && line(amount: long) == line(amount: long))
        #expect(
            Set([line(amount: long), line(amount: long), line(split: long), line(date: LocalDate(dayNumber: 1 << 40))])
                .count == 3)
        // 1.50 and 1.5 are one number, held two ways.
        #expect(line(amount: Decimal(string: "1.50")!) == line(amount: Decimal(string: "1.5")!))
        let half = line(split: Decimal(string: "0.50")!)
        #expect(half == line(split: Decimal(string: "0.5")!) && Set([half, line(split: 0.5)]).count == 1)
        #expect(half != line() && line(split: long) != line() && line(split: long) == line(split: long))
    }

    /// The split's code shares a word with the rep and labels' index: changing any of them leaves
    /// the others as they were, a split no word holds among them.
    @Test func splitsRepsAndLabelsChangeOneWithoutTheOthers() {
        let thirds = Decimal(string: "0.3333")!
        var changed = CreditLine(
            row: 1, dealID: "D-1", rep: "Ana Lima", date: march9, amount: 10, split: thirds, product: "Cloud")
        #expect(Decimal.sameStorage(changed.split, thirds) && changed.rep == "Ana Lima" && changed.product == "Cloud")
        changed.rep = "R-101"
        changed.status = "won"
        #expect(Decimal.sameStorage(changed.split, thirds) && changed.product == "Cloud")
        changed.split = long
        #expect(changed.split == long && changed.rep == "R-101" && changed.status == "won")
        changed.rep = "Bo"
        #expect(changed.split == long && changed.credit == 10 * long)
        changed.split = 1
        #expect(changed.isWholeShare && changed.rep == "Bo" && changed.product == "Cloud")
        changed.split = Decimal(string: "0.5")!
        #expect(!changed.isWholeShare && changed.split == 0.5 && changed.product == "Cloud")
        changed.split = 1
        changed.rep = "Ana Lima"
        changed.status = nil
        let plain = CreditLine(row: 1, dealID: "D-1", rep: "Ana Lima", date: march9, amount: 10, product: "Cloud")
        #expect(changed == plain)
        #expect(!changed.sharesCancelDateAndQuota(with: changed))
    }

    /// A line read after another shares its quota, not an amount of the other's merely equal to its own.
    @Test func aLineSharesNoValueOfItsOwn() {
        func read(quota: Decimal?, amount: Decimal, after previous: CreditLine?) -> CreditLine {
            CreditLine(
                row: 3, dealID: "D-3", rep: "ana", date: march9, amount: amount, split: 1, labels: nil,
                cancelDate: nil, quota: quota, sharingWith: previous)
        }
        let first = read(quota: 50_000, amount: long, after: nil)
        let second = read(quota: 50_000, amount: long, after: first)
        #expect(second.amount == long && second.quota == 50_000 && !second.sharesCancelDateAndQuota(with: first))
        let previous = read(quota: 50_000, amount: 90, after: nil)
        let third = read(quota: 50_000, amount: 100, after: previous)
        #expect(third.amount == 100 && third.sharesCancelDateAndQuota(with: previous))
    }

    /// Each split's storage has one code that gives it back, the whole share's 0; one no word
    /// holds has none.
    @Test func splitsHaveACodeByTheirStorage() {
        let half = Decimal(string: "0.5")!
        #expect(SplitCodes.code(1) == SplitCodes.wholeShare)
        #expect(SplitCodes.code(half) == SplitCodes.code(Decimal(string: "0.50")!))
        #expect(SplitCodes.code(half) != SplitCodes.code(Decimal(string: "0.25")!))
        #expect(SplitCodes.code(half) != SplitCodes.wholeShare && SplitCodes.code(long) == nil)
        for split in [half, Decimal(string: "0.3333")!, 1, -1, 0, Decimal(string: "2.5")!] {
            #expect(Decimal.sameStorage(Decimal(packedStorage: SplitCodes.word(SplitCodes.code(split)!)), split))
        }
    }

    /// Reps and labels read back as given, changed one without the other; names held apart from
    /// the table (their labels held apart from theirs) compare and hash as names held in it.
    @Test func repsAndLabelsReadBackHoweverHeld() {
        var changed = CreditLine(
            row: 1, dealID: "D-1", rep: "Ana Lima", date: march9, amount: 10, product: "Cloud", status: "won")
        #expect(changed.rep == "Ana Lima" && changed.product == "Cloud" && changed.status == "won")
        changed.rep = "R-101"
        #expect(changed.rep == "R-101" && changed.product == "Cloud" && changed.type == nil)
        changed.status = nil
        changed.product = nil
        #expect(changed.rep == "R-101" && changed.labels == nil)
        let texts = LabelTexts(product: "Cloud", type: nil, status: "won")
        let heldLabels = CreditLine.Labels.held(texts)
        var held = CreditLine(
            row: 1, dealID: "D-1", rep: "Ana Lima", date: march9, amount: 10, split: 1, labels: heldLabels,
            cancelDate: nil, quota: nil)
        let interned = CreditLine(
            row: 1, dealID: "D-1", rep: "Ana Lima", date: march9, amount: 10, product: "Cloud", status: "won")
        #expect(held.labels?.interned == nil && held.rep == "Ana Lima" && held.product == "Cloud")
        #expect(held == interned && Set([held, interned]).count == 1)
        held.split = Decimal(string: "0.25")!
        #expect(held.split == 0.25 && held.rep == "Ana Lima" && held != interned)
        held.split = 1
        #expect(held.isWholeShare && held == interned)
        held.rep = "R-101"
        #expect(held.rep == "R-101" && held.status == "won" && held != interned)
        held.status = "won"
        held.rep = "Ana Lima"
        #expect(held == interned && !held.sharesCancelDateAndQuota(with: held))
    }
}
