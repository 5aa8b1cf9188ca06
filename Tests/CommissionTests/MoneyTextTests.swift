import Commission
import Foundation
import Primitives
import TestSupport
import Testing

/// Money, grouped money and plain decimals written as bytes (`TextBuffer`, what the JSON lines and
/// the explanations use) must be the strings `moneyText`, `groupedMoneyText` and `plainText`,
/// and those the text people and the plan-format contract expect.
@Suite struct MoneyTextTests {
    static func number(_ text: String) -> Decimal { Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))! }

    /// The three texts of `value` as `TextBuffer` writes them.
    static func bytes(_ value: Decimal) -> (money: String, grouped: String, plain: String) {
        var money = TextBuffer(capacity: 4)
        money.append(money: value)
        var grouped = TextBuffer(capacity: 4)
        grouped.append(groupedMoney: value)
        var plain = TextBuffer(capacity: 4)
        plain.append(value)
        return (money.string, grouped.string, plain.string)
    }

    @Test(arguments: [
        ("0", "0.00", "0.00", "0"),
        ("-0.5", "-0.50", "-0.50", "-0.5"),
        ("1250", "1250.00", "1,250.00", "1250"),
        ("100.10", "100.10", "100.10", "100.1"),
        ("338.7802", "338.7802", "338.7802", "338.7802"),
        ("999.999", "999.999", "999.999", "999.999"),
        ("1000", "1000.00", "1,000.00", "1000"),
        ("-100000", "-100000.00", "-100,000.00", "-100000"),
        ("-1234567.891", "-1234567.891", "-1,234,567.891", "-1234567.891"),
        ("0.000123", "0.000123", "0.000123", "0.000123"),
        ("1e-20", "0.00000000000000000001", "0.00000000000000000001", "0.00000000000000000001"),
        ("1E+20", "100000000000000000000.00", "100,000,000,000,000,000,000.00", "100000000000000000000"),
        // The largest mantissa written from its digits, then the first one Foundation writes.
        ("18446744073709551615", "18446744073709551615.00", "18,446,744,073,709,551,615.00", "18446744073709551615"),
        (
            "-18446744073709551616", "-18446744073709551616.00", "-18,446,744,073,709,551,616.00",
            "-18446744073709551616"
        ),
        (
            "123456789012345678901234567890.5", "123456789012345678901234567890.50",
            "123,456,789,012,345,678,901,234,567,890.50", "123456789012345678901234567890.5"
        ),
    ])
    func writesMoneyAsPeopleAndTheContractRead(_ text: String, _ money: String, _ grouped: String, _ plain: String) {
        let value = Self.number(text)
        #expect(value.moneyText == money)
        #expect(value.groupedMoneyText == grouped)
        #expect(value.plainText == plain)
        let written = Self.bytes(value)
        #expect(written.money == money)
        #expect(written.grouped == grouped)
        #expect(written.plain == plain)
    }

    /// Amounts rounded by the plan's rule (half-up away from zero, half-even) keep their cents.
    @Test(arguments: [
        ("2.675", RoundingRule.Mode.halfUp, "2.68"), ("-2.675", .halfUp, "-2.68"), ("2.665", .halfEven, "2.66"),
        ("-0.004", .halfUp, "0.00"), ("0.005", .halfUp, "0.01"), ("1999.995", .halfUp, "2000.00"),
    ])
    func writesRoundedAmounts(_ text: String, _ mode: RoundingRule.Mode, _ money: String) {
        let rounded = RoundingRule(places: 2, mode: mode).round(Self.number(text))
        #expect(rounded.moneyText == money)
        #expect(Self.bytes(rounded).money == money)
    }

    /// A rate for people, with a binary sheet's noise past ten places of a percent left out.
    @Test(arguments: [
        ("0.08", "8%"), ("0.125", "12.5%"), ("0.07000000000000001", "7%"), ("0.0699999999999999", "7%"),
        ("0.0725", "7.25%"), ("-0.05", "-5%"), ("0.000001", "0.0001%"),
    ])
    func ratesAsPercentages(_ text: String, _ percent: String) {
        #expect(Self.number(text).percentText == percent)
    }

    /// Property: for any significand and exponent, the bytes are the strings, and the strings are
    /// Foundation's own digits with the decimals filled up to two and the whole digits grouped.
    @Test func bytesAreTheStringsForAnyDecimal() {
        var generator = SeededGenerator(state: 2026)
        for _ in 0..<20_000 {
            let significand =
                UInt64.random(in: 0...UInt64.max, using: &generator) >> UInt64.random(in: 0...63, using: &generator)
            let exponent = Int.random(in: -12...12, using: &generator)
            let value = Decimal(
                sign: Bool.random(using: &generator) ? .minus : .plus, exponent: exponent,
                significand: Decimal(significand))
            let written = Self.bytes(value)
            #expect(written.money == value.moneyText)
            #expect(written.grouped == value.groupedMoneyText)
            #expect(written.plain == value.plainText)
            #expect(written.plain == Self.trimmed(value.description), "\(value.description)")
            #expect(written.money == Self.filled(value.description), "\(value.description)")
            #expect(written.grouped == Self.filled(value.description, grouped: true), "\(value.description)")
        }
    }

    /// `plain` (Foundation's description) without its fraction's trailing zeros, nor its point
    /// when none is left.
    static func trimmed(_ plain: String) -> String {
        guard plain.contains(".") else { return plain }
        var characters = Array(plain)
        while characters.last == "0" { characters.removeLast() }
        if characters.last == "." { characters.removeLast() }
        return String(characters)
    }

    /// `plain` (Foundation's description) with at least two decimals and, when `grouped`, commas
    /// between each three whole digits.
    static func filled(_ plain: String, grouped: Bool = false) -> String {
        let negative = plain.hasPrefix("-")
        let parts = plain.drop { $0 == "-" }.split(separator: ".", omittingEmptySubsequences: false)
        var whole = String(parts[0])
        if grouped {
            var index = whole.endIndex
            while whole.distance(from: whole.startIndex, to: index) > 3 {
                index = whole.index(index, offsetBy: -3)
                whole.insert(",", at: index)
            }
        }
        // Trailing zeros of the fraction dropped, as `plainText` drops them.
        let fraction = parts.count > 1 ? String(parts[1].reversed().drop { $0 == "0" }.reversed()) : ""
        return (negative ? "-" : "") + whole + "." + fraction
            + String(repeating: "0", count: max(0, 2 - fraction.count))
    }
}

/// `TextBuffer`: pieces appended past its room, whole numbers, and emptying it.
@Suite struct TextBufferTests {
    @Test func growsPastItsRoomKeepingEveryPiece() {
        var buffer = TextBuffer(capacity: 1)
        var expected = ""
        for index in 0..<500 {
            buffer.append(literal: "«line» ")
            buffer.append(utf8: String(repeating: "x", count: index % 40))
            buffer.append(literal: ";")
            expected += "«line» " + String(repeating: "x", count: index % 40) + ";"
        }
        #expect(buffer.string == expected)
        #expect(buffer.count == expected.utf8.count)
        buffer.removeAll()
        buffer.append(literal: "again")
        #expect(buffer.string == "again")
    }

    @Test(arguments: [0, 7, -7, 10, -10, 123_456, Int.max, Int.min])
    func writesWholeNumbersAsStringDoes(_ value: Int) {
        var buffer = TextBuffer()
        buffer.append(digitsOf: value)
        #expect(buffer.string == String(value))
    }
}
