import Foundation
import Spreadsheet
import Testing

@testable import Reconciliation

/// A finding holds its figures as words of their storage and its causes as codes in one word
/// (`Finding`, 136 bytes): every value reads back bit for bit and in order, a value no word
/// holds is kept apart, and findings compare and hash by their values however they hold them.
@Suite struct FindingLayoutTests {
    /// A mantissa longer than 48 bits: no word holds it.
    private let long = Decimal(string: "123456789012345678.25")!

    private func finding(manual: Decimal? = 120, expected: Decimal = 100, causes: [Cause] = [.wrongRate])
        -> Finding
    {
        Finding(
            sheet: "Deals", cell: CellAddress(row: 7, column: 6), dealID: "D-1", rep: "ana", period: nil,
            manual: manual, manualText: nil, expected: expected, causes: causes, explanation: "why",
            isDerived: false)
    }

    @Test func aFindingTakesAHundredAndThirtySixBytes() {
        #expect(MemoryLayout<Finding>.stride <= 136)
    }

    @Test func figuresReadBackBitForBit() {
        let values: [Decimal] = [0, 1, -250.5, Decimal(string: "0.333333")!, Decimal(string: "1.50")!, long, -long]
        for manual in values + [nil] {
            for expected in values {
                let read = finding(manual: manual, expected: expected)
                #expect(read.manual.map { Decimal.sameStorage($0, manual!) } ?? (manual == nil))
                #expect(Decimal.sameStorage(read.expected, expected))
                #expect(read.difference == (manual ?? 0) - expected)
            }
        }
    }

    @Test func causesReadBackInOrderHoweverMany() {
        let all = Cause.allCases
        for count in [0, 1, 2, 12, 13, all.count] {
            let causes = Array(all.reversed().prefix(count))
            let read = finding(causes: causes)
            #expect(read.causes == causes)
            #expect(read.cause == causes.first ?? .unexplained)
        }
        var changed = finding(causes: [.rounding])
        changed.causes.append(.arithmetic)
        changed.causes.insert(.unexplained, at: 0)
        #expect(changed.causes == [.unexplained, .rounding, .arithmetic] && changed.cause == .unexplained)
    }

    @Test func rareFieldsMoveApartAndBack() {
        var changed = finding()
        changed.manual = long
        changed.causes = Array(Cause.allCases)
        changed.manualText = "1,2O0"
        changed.repairedFormula = "SUM(F2:F9)"
        changed.lookedUpBy = ["Deals|F7"]
        changed.owedElsewhere = [OwedShare(rep: "bo", period: nil, amount: 5)]
        changed.wrongInput = WrongInput(cell: CellAddress(row: 7, column: 5), value: .number(5))
        #expect(changed.manual == long && changed.causes == Array(Cause.allCases))
        #expect(changed.manualText == "1,2O0" && changed.repairedFormula == "SUM(F2:F9)")
        #expect(changed.lookedUpBy == ["Deals|F7"] && changed.owedElsewhere.count == 1)
        #expect(changed.wrongInput?.value == .number(5))
        changed.manual = 120
        changed.causes = [.wrongRate]
        changed.manualText = nil
        changed.repairedFormula = nil
        changed.lookedUpBy = []
        changed.owedElsewhere = []
        changed.wrongInput = nil
        #expect(changed == finding())
    }

    @Test func findingsCompareAndHashByValueHoweverHeld() {
        var apart = finding(manual: long, causes: Array(Cause.allCases))
        apart.manual = 120
        apart.causes = [.wrongRate]
        #expect(apart == finding() && Set([apart, finding()]).count == 1)
        // Equal figures stored two ways are equal, as Decimal says.
        #expect(finding(manual: Decimal(string: "120.00")!) == finding())
        #expect(finding(manual: long) != finding() && finding(manual: long) == finding(manual: long))
        #expect(finding(manual: nil) != finding(manual: 0))
        let four = [finding(manual: long), finding(manual: long), finding(causes: []), finding(expected: long)]
        #expect(Set(four).count == 3)
    }
}
