import Foundation
import Spreadsheet
import TestSupport
import Testing

@Suite struct ValueTests {
    @Test(arguments: [
        ("A1", 1, 1), ("B7", 7, 2), ("$AB$12", 12, 28), ("XFD1048576", 1_048_576, 16_384),
    ])
    func cellAddressesParse(_ text: String, _ row: Int, _ column: Int) {
        #expect(CellAddress(text) == CellAddress(row: row, column: column))
        #expect(CellAddress(row: row, column: column).description == text.replacingOccurrences(of: "$", with: ""))
    }

    /// Column letters and addresses written as bytes: each column number against the letters
    /// counted out in base 26 without a zero, and rows of every length, 0 and below included.
    @Test func columnLettersAndAddressesAreWrittenForEveryColumn() {
        func letters(_ column: Int) -> String {
            var (n, text) = (column, "")
            while n > 0 {
                text = String(UnicodeScalar(UInt8(65 + (n - 1) % 26))) + text
                n = (n - 1) / 26
            }
            return text
        }
        for column in [1, 26, 27, 52, 702, 703, 16_384, 18_278, 18_279, 1 << 40] {
            #expect(CellAddress.columnName(column) == letters(column))
        }
        #expect((1...800).allSatisfy { CellAddress.columnName($0) == letters($0) })
        #expect(CellAddress.columnName(0).isEmpty && CellAddress.columnName(-3).isEmpty)
        #expect(CellAddress(row: 1_048_576, column: 16_384).description == "XFD1048576")
        #expect(CellAddress(row: 0, column: 1).description == "A0")
        #expect(CellAddress(row: -12, column: 3).description == "C-12")
        #expect(CellAddress(row: Int.max, column: Int.max).description == letters(Int.max) + String(Int.max))
    }

    @Test(arguments: ["A0", "XFE1", "A1048577", "1A", "", "A", "A1B"])
    func impossibleAddressesAreRejected(_ text: String) {
        #expect(CellAddress(text) == nil)
    }

    @Test(arguments: [
        ("1250.0999999999999", "1250.0999999999999"), ("-0.5e3", "-500"), ("1E+20", "100000000000000000000"),
        ("0.000", "0"), ("+12", "12"), ("12345678901234567890123", "12345678901234567890123"), (" 7 ", "7"),
    ])
    func decimalsParseExactly(_ text: String, _ expected: String) {
        #expect(Decimal.parse(text) == .value(Decimal(string: expected)!))
    }

    /// A number read from its digits is stored bit for bit as Foundation stores the Decimal of
    /// the same sign, exponent and digits (compacted: no trailing zeros in its mantissa), on
    /// seeded numbers of every length, with trailing zeros, points and exponents.
    @Test func decimalsAreStoredAsFoundationStoresThem() {
        var generator = SeededGenerator(state: 38)
        func storage(_ value: Decimal) -> [UInt8] { withUnsafeBytes(of: value) { Array($0) } }
        for _ in 0..<20_000 {
            let digits = Int.random(in: 1...19, using: &generator)
            let low = (1..<digits).reduce(UInt64(1)) { power, _ in power * 10 }
            var significand = UInt64.random(in: low...(low * 10 - 1), using: &generator)
            // Trailing zeros, which Foundation drops from the mantissa into the exponent.
            if significand >= 1000, Bool.random(using: &generator) { significand = significand / 1000 * 1000 }
            let exponent = Int.random(in: -40...40, using: &generator)
            let negative = Bool.random(using: &generator)
            let text = (negative ? "-" : "") + "\(significand)e\(exponent)"
            let expected = Decimal(
                sign: negative ? .minus : .plus, exponent: exponent, significand: Decimal(significand))
            guard case .value(let parsed) = Decimal.parse(text) else {
                Issue.record("\(text) was not read")
                continue
            }
            #expect(storage(parsed) == storage(expected), "\(text)")
        }
    }

    @Test(arguments: ["", "-", "1.2.3", "1e", "abc", "1,5", "0x10"])
    func nonNumbersAreInvalid(_ text: String) {
        #expect(Decimal.parse(text) == .invalid)
    }

    @Test func numbersBeyondDecimalAreOutOfRange() {
        #expect(Decimal.parse("1e-300") == .outOfRange)
        #expect(Decimal.parse("1e300") == .outOfRange)
    }

    @Test(arguments: [
        ("yyyy-mm-dd", NumberFormatKind.date), ("0.00%", .number), ("\"Days: \"0", .number), ("[h]:mm:ss", .duration),
        ("[$-409]mmmm d, yyyy", .date), ("#,##0.00_);[Red](#,##0.00)", .number), ("General", .number),
        ("0.00E+00", .number), ("[Red]h:mm", .date), ("mm:ss.0", .date),
    ])
    func numberFormatsClassify(_ code: String, _ kind: NumberFormatKind) {
        #expect(NumberFormat.kind(code: code) == kind)
    }

    /// A format code of brackets that never close, quotes and escapes (tester5's
    /// `x_numfmt_code_evil`) classifies in time linear in its length: it once copied the open
    /// bracket's text at each character, 36 s for 100 KB.
    @Test func longFormatCodesClassifyInLinearTime() {
        let code =
            String(repeating: "[", count: 30_000) + "yyyy-mm-dd" + String(repeating: "\"", count: 30_001)
            + String(repeating: "\\", count: 10_000)
        let start = Date()
        #expect(NumberFormat.kind(code: code) == .number)
        #expect(NumberFormat.kind(code: "[" + String(repeating: "h", count: 30_000) + "]:mm") == .duration)
        #expect(NumberFormat.kind(code: "[hm]yyyy") == .date)
        #expect(Date().timeIntervalSince(start) < 1)
    }

    @Test func serialsConvertInBothDateSystems() {
        #expect(DateSystem.excel1900.value(serial: 45322, duration: false)?.iso8601 == "2024-01-31")
        #expect(DateSystem.excel1904.value(serial: 43860, duration: false)?.iso8601 == "2024-01-31")
        #expect(DateSystem.excel1900.value(serial: Decimal(string: "0.5")!, duration: false)?.iso8601 == "12:00:00")
        #expect(
            DateSystem.excel1900.value(serial: Decimal(string: "1.0000115740740741")!, duration: false)?.iso8601
                == "1900-01-01T00:00:01")
        #expect(DateSystem.excel1900.value(serial: Decimal(string: "2.25")!, duration: true)?.iso8601 == "54:00:00")
    }

    /// The whole-serial shortcut gives what the decimal arithmetic gives, around the phantom
    /// 1900-02-29, the epoch, negative serials and the limits.
    @Test func wholeSerialsConvertAsTheirDecimalsDo() {
        let serials = Array(-70...70) + [45322, 2_958_465, 2_999_999, 3_000_000, -2_999_999, -3_000_001]
        for system in [DateSystem.excel1900, .excel1904] {
            for serial in serials {
                for duration in [false, true] {
                    let decimal = system.value(serial: Decimal(serial), duration: duration)
                    let whole = system.value(wholeSerial: serial, serial: Decimal(serial), duration: duration)
                    #expect(whole == decimal, "\(system) \(serial) \(duration)")
                    #expect(whole?.iso8601 == decimal?.iso8601)
                }
            }
        }
    }

    @Test(arguments: [
        (DateTimeValue(kind: .date, year: 7, month: 3, day: 9), "0007-03-09"),
        (DateTimeValue(kind: .date, year: -44, month: 3, day: 15), "-0044-03-15"),
        (DateTimeValue(kind: .date, year: 12024, month: 12, day: 31), "12024-12-31"),
        (DateTimeValue(kind: .dateTime, year: 2024, month: 1, day: 31, hour: 9, minute: 5), "2024-01-31T09:05:00"),
        (DateTimeValue(kind: .time, hour: 23, minute: 59, second: 59, microsecond: 250_000), "23:59:59.250"),
        (DateTimeValue(kind: .time, hour: 0, minute: 0, second: 1, microsecond: 7), "00:00:01.000007"),
        (DateTimeValue(kind: .duration, durationMilliseconds: -90_061_001), "-25:01:01.001"),
    ])
    func datesAndTimesPrintAsISO8601(_ value: DateTimeValue, _ text: String) {
        #expect(value.iso8601 == text)
    }

    @Test func locationsPrintTheWayDiagnosticsNeed() {
        #expect(
            Location(file: "Q3.xlsx", sheet: "Deals", cell: CellAddress("F57")).description == "Q3.xlsx › Deals!F57")
        #expect(
            Location(file: "Q3.xlsx", sheet: "Q3 Deals", cell: CellAddress("A1")).description
                == "Q3.xlsx › 'Q3 Deals'!A1")
        #expect(Location(file: "deals.csv", line: 12).description == "deals.csv:12")
    }
}

@Suite struct DecimalPlainTextTests {
    @Test(arguments: [
        ("0", "0"), ("-0.5", "-0.5"), ("1250.10", "1250.1"), ("100", "100"), ("1E+20", "100000000000000000000"),
        ("0.000123", "0.000123"), ("-18446744073709551615", "-18446744073709551615"),
        ("1e-20", "0.00000000000000000001"),
        ("123456789012345678901234567890.5", "123456789012345678901234567890.5"),
    ])
    func formatsPlainly(_ text: String, _ expected: String) {
        #expect(Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))!.plainString == expected)
    }

    /// Property: for any significand and exponent, the plain text reads back to the same Decimal.
    @Test func roundTripsThroughText() {
        var generator = SeededGenerator(state: 1129)
        for _ in 0..<20_000 {
            let significand =
                UInt64.random(in: 0...UInt64.max, using: &generator) >> UInt64.random(in: 0...63, using: &generator)
            let exponent = Int.random(in: -30...30, using: &generator)
            let value = Decimal(
                sign: Bool.random() ? .minus : .plus, exponent: exponent, significand: Decimal(significand))
            let text = value.plainString
            #expect(!text.contains("e") && !text.contains("E"))
            #expect(Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) == value, "\(text)")
        }
    }
}

@Suite struct ExcelPrecisionTests {
    @Test(arguments: [
        ("69934.49000000001", "69934.49"), ("70075.14999999999", "70075.15"), ("0.35000000000000003", "0.35"),
        ("1250.0999999999999", "1250.1"), ("-1401.5029999999998", "-1401.503"),
        ("123456789012345678", "123456789012346000"),
        ("0.000012345678901234567", "0.0000123456789012346"), ("0", "0"), ("42", "42"),
    ])
    func numbersReadAsExcelShowsThem(_ stored: String, _ shown: String) {
        #expect(Decimal(string: stored)!.excelPrecision == Decimal(string: shown)!)
    }
}
