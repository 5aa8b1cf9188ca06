import Foundation
import Testing

@testable import Formula

/// Four-byte words give back the eight-byte word they stand for, and a column that meets values
/// with no four-byte form (put aside, or the column made wide) reads every value exactly.
@Suite struct PackedColumnTests {
    @Test func everyNarrowWordWidensToItsWord() {
        var packed = PackedValues()
        for value in PackedValuesTests.values {
            let word = packed.pack(value)
            if let narrow = packed.narrow(word) {
                #expect(packed.wide(narrow) == word, "\(value)")
                #expect(PackedValuesTests.same(packed.value(packed.wide(narrow)), value), "\(value)")
            }
        }
        for text in ["0", "1", "-1", "0.08", "78623.11", "-0.005", "46275", "1342177.27", "134217727", "1e120"] {
            let word = packed.pack(.number(PackedValuesTests.decimal(text)))
            #expect(packed.narrow(word) != nil, "\(text) should have a narrow form")
        }
        for text in ["134217728", "1342177.28", "281474976710655"] {
            #expect(packed.narrow(packed.pack(.number(PackedValuesTests.decimal(text)))) == nil, "\(text)")
        }
        for value: FormulaValue in [.blank, .bool(true), .bool(false), .text("R00057"), .error(.notEvaluable)] {
            #expect(packed.narrow(packed.pack(value)) != nil, "\(value)")
        }
        #expect(packed.narrow(PackedValues.blank) == 0)
        #expect(packed.narrow(packed.pack(.number(Decimal(1) / 3))) != nil, "a number kept in others")
        let long = packed.pack(.number(PackedValuesTests.decimal("281474976710655")))
        let spilled = packed.spill(long)!
        #expect(packed.wide(spilled) == long)
    }

    /// Values given in order to a column, read back as given; the index of the first value that
    /// made the column wide, or nil.
    @discardableResult
    func check(_ values: [FormulaValue], widens: Bool = true) -> Int? {
        var packed = PackedValues()
        var column = PackedColumn(widens: widens)
        var wideAt: Int?
        for (index, value) in values.enumerated() {
            column.append(packed.pack(value), values: &packed)
            if column.isWide, wideAt == nil { wideAt = index }
        }
        #expect(column.count == values.count)
        for (index, value) in values.enumerated() {
            #expect(PackedValuesTests.same(column.value(at: index, values: packed), value), "\(index): \(value)")
        }
        #expect(column.value(at: values.count, values: packed) == .blank)
        return wideAt
    }

    @Test func aFewValuesThatDoNotFitArePutAsideAndManyMakeTheColumnWide() {
        let amounts = (0..<100).map { FormulaValue.number(Decimal(50_000 + $0 * 7_919) / 100) }
        #expect(check(amounts) == nil)
        let long = FormulaValue.number(PackedValuesTests.decimal("281474976710655"))
        // One long number in 201 is put aside; from 100 amounts on, the 34th long number in a row
        // would make a quarter of the column put aside, and makes it wide.
        #expect(check(amounts + [long] + amounts) == nil)
        #expect(check(amounts + Array(repeating: long, count: 50) + amounts) == 133)
        #expect(check([long, long] + amounts) == 0)
        #expect(check([long, long] + amounts + Array(repeating: long, count: 200), widens: false) == nil)
        check(PackedValuesTests.values)
        check(PackedValuesTests.values.reversed())
        // A 17th head (exponent and flags) has no narrow form: it is put aside.
        var packed = PackedValues()
        let powers = (0...16).map { PackedValuesTests.decimal("1e-\($0)") }
        let heads = powers.map { FormulaValue.number($0) }
        #expect(heads.map { packed.narrow(packed.pack($0)) == nil } == Array(repeating: false, count: 16) + [true])
        #expect(check(heads) == nil)
        // 17 more heads (the same, negative): put aside until a quarter of the column would be.
        #expect(check(heads + powers.map { .number(-$0) }) == 21)
    }

    @Test func setWidensInPlaceAndFillsBlanks() {
        var packed = PackedValues()
        var column = PackedColumn()
        var expected: [FormulaValue] = []
        func put(_ value: FormulaValue, _ index: Int) {
            column.set(packed.pack(value), at: index, values: &packed)
            if index >= expected.count { expected += Array(repeating: .blank, count: index + 1 - expected.count) }
            expected[index] = value
        }
        let long = FormulaValue.number(PackedValuesTests.decimal("281474976710655"))
        put(.text("D00000001"), 3)
        put(.number(46_275), 0)
        put(.number(Decimal(2) / 3), 2)
        put(.number(PackedValuesTests.decimal("99999999999999999999")), 1)
        #expect(!column.isWide, "numbers kept in others are narrow")
        put(long, 6)
        put(long, 7)
        #expect(!column.isWide, "two long numbers in eight are put aside")
        put(long, 8)
        #expect(column.isWide)
        put(.bool(true), 4)
        #expect(column.count == expected.count)
        for (index, value) in expected.enumerated() {
            #expect(PackedValuesTests.same(column.value(at: index, values: packed), value), "\(index)")
        }
        column.keepFirst(3)
        #expect(column.count == 3)
        #expect(column.value(at: 3, values: packed) == .blank)
    }

    @Test func aTextMetAgainKeepsItsNumberAmongUniqueTexts() {
        var packed = PackedValues()
        let rep = packed.pack(.text("R00057"))
        var words: [UInt64: String] = [:]
        for deal in 0..<100_000 {
            let text = "D\(deal)"
            let word = packed.pack(.text(text))
            #expect(words.updateValue(text, forKey: word) == nil)
            if deal % 10 == 0 { #expect(packed.pack(.text("R00057")) == rep, "after \(text)") }
        }
        for (word, text) in words { #expect(packed.value(word) == .text(text)) }
        #expect(packed.value(rep) == .text("R00057"))
    }
}
